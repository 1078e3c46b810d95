// Texts no real report contains, sized by a character count, that once made the check quadratic, overflow the
// call stack or use gigabytes (issue 14.6). test/engine/adversarial.test.ts asserts that each is checked
// correctly; the bench (npm run bench -- --only=pathological) times each at 1,000,000 characters as a whole process.

const HEAD = '某镇关于2023年法治政府建设情况的报告\n\n';

/** `unit` repeated to `n` characters (the last copy cut). */
export function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Name → text of about `n` characters. */
export const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'run of X (e-mail scan)': (n) => `${HEAD}我镇${fill('X', n)}完成。`,
  'run of 1': (n) => `${HEAD}我镇${fill('1', n)}完成。`,
  'run of a.': (n) => `${HEAD}我镇${fill('a.', n)}完成。`,
  'unclosed disable comments': (n) => `${HEAD}喜闻悦见。${fill('<!-- fazhi-lint-disable typo ', n)}`,
  '- nesting on one line': (n) => `${HEAD}${fill('- ', n)}全年办理案件XX件,成效明显。\n`,
  '> nesting on one line': (n) => `${HEAD}${fill('>', n)}全年办理案件XX件,成效明显。\n`,
  '1. nesting on one line': (n) => `${HEAD}${fill('1. ', n)}全年办理案件XX件,成效明显。\n`,
  'list indented 0–600 spaces': (n) => {
    const parts = [HEAD];
    for (let i = 0, len = HEAD.length; len < n; i++) {
      const line = `${'  '.repeat(i % 300)}- 项目\n`;
      parts.push(line);
      len += line.length;
    }
    return parts.join('');
  },
  '*中 ×': (n) => `${HEAD}${fill('*中', n)}`,
  '_中 ×': (n) => `${HEAD}${fill('_中', n)}`,
  '[中 ×': (n) => `${HEAD}${fill('[中', n)}`,
  '<中 ×': (n) => `${HEAD}${fill('<中', n)}`,
  'bold run-in headings': (n) => `${HEAD}${fill('**加强领导。**全年开展活动。', n)}全年办理案件**件。`,
  'XX run ending a paragraph': (n) => `${HEAD}一、主要举措和成效\n\n全年开展活动${fill('XX', n)}完成`,
  '____ run': (n) => `${HEAD}一、主要举措和成效\n\n全年开展活动${fill('____', n)}完成`,
  '×× run': (n) => `${HEAD}一、主要举措和成效\n\n全年开展活动${fill('××', n)}完成`,
  '某某 run': (n) => `${HEAD}一、主要举措和成效\n\n全年开展活动${fill('某某', n)}完成`,
  '【打印本页】 glued': (n) => `${HEAD}一、主要举措和成效\n\n全年开展活动${fill('【打印本页】', n)}完成`,
  'spaces before closing #': (n) => `# 一、主要举措和成效${fill(' ', n)}完 ##\n`,
  'autolinks on one line': (n) => `${HEAD}${fill('<http://www.example.gov.cn/a> 发布，', n)}\n`,
  // Issue 14.6.
  '《 ×': (n) => fill('《', n),
  '“ ×': (n) => fill('“', n),
  '【 ×': (n) => fill('【', n),
  '\\ ×': (n) => fill('\\', n),
  'list items (10 chars each)': (n) => `${HEAD}${fill('- 全年办理案件。\n', n)}`,
  'one line of report text': (n) => `${HEAD}${fill('全年共办理行政复议案件12件，依法纠错2件，行政诉讼应诉率100%。', n)}\n`,
  'short lines (5 chars each)': (n) => `${HEAD}${fill('办理案件\n', n)}`,
  // One paragraph for micromark (no blank line), its text cut by brackets: micromark splices its text events.
  'lines of [ ] without blank lines': (n) => `${HEAD}${fill('字体[ ]\n', n)}`,
};
