// The 成文日期 (doc.meta.reportDate: the date line after the 落款, or a publication date in the page's
// metadata): in the year after the year reported on, not after the publication deadline (4月1日, configurable
// per rule: departments report to their government earlier), and written as GB/T 9704-2012 asks — Arabic
// numerals, the year in full, no leading zeros (2025年3月5日, not 二〇二五年三月五日 or 2025年03月05日).
import type { Rule } from '../engine/types.js';
import data from '../../../rules/report-date.json';
import { cite } from './shared/citations.js';

const DEADLINE = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** The publication deadline in the year after the one reported on: the rule's `deadline` option ("MM-DD"), else its data's. */
export function reportDeadline(options: Readonly<Record<string, unknown>> | undefined): { month: number; day: number; text: string } {
  const text = typeof options?.deadline === 'string' && DEADLINE.test(options.deadline) ? options.deadline : data.deadline;
  const [month, day] = text.split('-').map(Number);
  return { month, day, text };
}

/** Is a date of the year after the one reported on later than the deadline? */
export const afterDeadline = (date: { month: number; day: number }, deadline: { month: number; day: number }): boolean =>
  date.month > deadline.month || (date.month === deadline.month && date.day > deadline.day);
/** The form GB/T 9704-2012 7.3.5.1 asks for. */
const STANDARD_FORM = /^[1-9]\d{3}年[1-9]\d?月[1-9]\d?日$/;

const rule: Rule = {
  id: 'report-date',
  severity: 'warning',
  tags: ['date', 'publication'],
  docs: {
    description: '成文日期不在报告年度的次年（错误），晚于次年4月1日的公开期限，或没有按公文格式用阿拉伯数字写全（如写成“二〇二五年三月五日”“2025年03月05日”）。',
    why: '年度报告报告的是上一年度的工作，应在次年成文，并在每年4月1日之前向社会公开；成文日期年份不对，多半是套用了旧报告。公文的成文日期用阿拉伯数字将年、月、日标全，年份写全称，月、日不编虚位。',
    ...cite(['supervision-26', 'gongwen-9-12', 'gbt9704-7.3.5']),
    howToFix: '把成文日期改为实际签发的日期；格式问题可用快速修复改为“2025年3月5日”的写法。部门报告期限更早的，可在配置中设 "report-date": {"deadline": "03-01"}。',
  },
  optionsSchema: {
    deadline: {
      type: 'string',
      pattern: DEADLINE.source,
      description: '公开（或报送）截止日，报告年度次年的“月-日”，默认 "04-01"。Deadline as "MM-DD" of the following year.',
      errorMessage: '应为“月-日”形式的字符串，如 "04-01"（expected "MM-DD")',
    },
  },
  check({ doc, options, report }) {
    const date = doc.meta.reportDate;
    const year = doc.meta.year;
    if (!date) return;
    const shown = date.text;
    if (year !== undefined && date.year !== year + 1) {
      report({
        start: date.start,
        end: date.end,
        severity: 'error',
        message: `成文日期“${shown}”的年份应为${year + 1}年：${year}年度的报告在次年成文并公开。`,
        data: { expectedYear: year + 1, year: date.year },
      });
    } else if (year !== undefined) {
      const { month: dm, day: dd, text: deadline } = reportDeadline(options);
      if (afterDeadline(date, { month: dm, day: dd })) {
        report({
          start: date.start,
          end: date.end,
          message: `成文日期“${shown}”晚于${year + 1}年${dm}月${dd}日：年度报告应在每年${dm}月${dd}日之前公开。`,
          data: { deadline },
        });
      }
    }
    // The form is the report's own: a date in the page's metadata is the site's format, not the report's.
    if (doc.meta.reportDateSource !== 'signature' || STANDARD_FORM.test(shown)) return;
    const standard = `${date.year}年${date.month}月${date.day}日`;
    report({
      start: date.start,
      end: date.end,
      message: `成文日期“${shown}”应写为“${standard}”：用阿拉伯数字将年、月、日标全，年份写全称，月、日不编虚位。`,
      data: { standard },
      fix: { title: `改为“${standard}”`, edits: [{ start: date.start, end: date.end, newText: standard }] },
    });
  },
};

export default rule;
