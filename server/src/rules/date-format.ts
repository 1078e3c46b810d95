// Damaged dates and year ranges: 20212025年 (the dash was lost), 在915日 (the
// 月 was lost), 2021-2025 without 年, (2023-2023) (a range of one year: garbled),
// and year ranges joined by a hyphen, an en dash or a 破折号 instead of the
// 一字线 “—” (GB/T 15834-2011 4.13: 起止 are marked with the 一字线, "有时也可用
// 浪纹线"): those are errors. A 浪纹线 (2021～2025年) or a repeated 年
// (2021年—2025年) is allowed, only not the usual form: info. Spaces between the
// range and its 年 (2021—2025 年) are cjk-spacing's, reported once there.
// Full dates (2023-02-14, 2023.6, 2023年6月) and phone numbers are left alone.
import data from '../../../rules/date-format.json';
import type { Rule, RuleContext } from '../engine/types.js';
import { stringList } from '../engine/config-schema.js';
import { cite } from './shared/citations.js';

interface DateData {
  rangeDash: string;
  /** Separators GB/T 15834 allows "sometimes" (浪纹线): a finding of severity info, not an error. */
  softSeparators: string[];
  maxYearSpan: number;
  rangeSeparators: string[];
  lostMonth: { leaders: string; durationFollowers: string[] };
}

interface Extend {
  rangeSeparators?: string[];
  durationFollowers?: string[];
}

const DATA = data as unknown as DateData;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Compiled {
  lostDash: RegExp;
  range: RegExp;
  lostMonth: RegExp;
  leaders: Set<string>;
  followers: RegExp;
}

function compile(extend: unknown): Compiled {
  const ext = (extend && typeof extend === 'object' && !Array.isArray(extend) ? extend : {}) as Extend;
  const separators = [...new Set([...DATA.rangeSeparators, ...(ext.rangeSeparators ?? []), DATA.rangeDash])]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
  const followers = [...DATA.lostMonth.durationFollowers, ...(ext.durationFollowers ?? [])].map(escapeRe).join('|');
  const YEAR = '(?:19|20)\\d{2}';
  return {
    // Only where it reads as a range: 年 after it, or brackets around it (纲要(20212025)).
    lostDash: new RegExp(`(?<![\\d.\\-/:])(${YEAR})(${YEAR})(?!\\d)(?:(年)|(?=[)）]))`, 'g'),
    range: new RegExp(`(?<![\\d.\\-/:])(${YEAR})([ \\t]*年?[ \\t]*)(${separators})([ \\t]*)(${YEAR})(?![\\d]|[-./][\\d])([ \\t]*年)?`, 'g'),
    lostMonth: new RegExp(`(?<![\\d.\\-/:：])(\\d{3,4})日`, 'g'),
    leaders: new Set([...DATA.lostMonth.leaders, '年']),
    followers: new RegExp(`^(?:${followers})`),
  };
}

const rule: Rule = {
  id: 'date-format',
  severity: 'error',
  tags: ['format'],
  local: true,
  docs: {
    description: '日期或年份范围残缺、写法不规范：“20212025年”（丢了连接号）、“915日”（丢了“月”）、“2025工作”（丢了“年”）、“2021-2025”（缺“年”）、“(2023-2023)”（起止相同）、年份范围用短横线或破折号连接（应为“2021—2025年”；浪纹线“～”和“2021年—2025年”可用，只作提示）。',
    why: '从网页或 PDF 复制时，连接号和“月”字常被吞掉，日期因此无法读懂；公文中表示起止年份应使用一字线。',
    ...cite(['gbt15834-4.13']),
    howToFix: '恢复为规范写法：“2021—2025年”“9月15日”（有两种读法的日期须人工核对）。',
  },
  extendSchema: {
    type: 'object',
    description: '可追加 rangeSeparators（年份范围的连接符）、durationFollowers（“915日”之后表示时长的字词）。',
    additionalProperties: false,
    properties: {
      rangeSeparators: stringList('追加的年份范围连接符（字面）。Separators of year ranges.'),
      durationFollowers: stringList('追加的时长后续字词（字面）。Words after a duration.'),
    },
  },
  check(context) {
    const { options, memo } = context;
    const compiled = memo(`compiled:${JSON.stringify(options.extend ?? null)}`, () => compile(options.extend));
    const view = context.doc.prose.text;
    const dash = DATA.rangeDash;
    const maxSpan = DATA.maxYearSpan;
    const isRange = (a: string, b: string): boolean => Number(b) > Number(a) && Number(b) - Number(a) <= maxSpan;
    const soft = new Set(DATA.softSeparators);

    compiled.lostDash.lastIndex = 0;
    for (const m of view.matchAll(compiled.lostDash)) {
      const [whole, y1, y2] = m;
      if (!isRange(y1, y2) || afterLatin(view, m.index!)) continue;
      const fixed = `${y1}${dash}${y2}年`;
      emit(context, m.index!, m.index! + whole.length, `“${whole}”丢失了连接号，应为“${fixed}”。`, fixed, { kind: 'lost-dash' });
    }

    compiled.range.lastIndex = 0;
    for (const m of view.matchAll(compiled.range)) {
      const [matched, y1, midYear, sep, , y2, tailMatched] = m;
      if (afterLatin(view, m.index!)) continue;
      // A space before the closing 年 (2021—2025 年) is cjk-spacing's: this finding stops before it.
      const spacedTail = tailMatched !== undefined && /^[ \t]/.test(tailMatched);
      const whole = spacedTail ? matched.slice(0, matched.length - tailMatched.length) : matched;
      const tail = spacedTail ? '' : tailMatched;
      const hasYear = tailMatched !== undefined;
      const start = m.index!;
      const end = start + whole.length;
      if (y1 === y2 && sep !== dash) {
        // (2023-2023): a range of one year, garbled in the source (the real one is in the document the report cites).
        emit(context, start, end, `年份范围“${whole}”起止年份相同，疑为错误，请核对所引文件的实际起止年份。`, undefined, { kind: 'range-same-year' });
        continue;
      }
      if (!isRange(y1, y2)) continue;
      // 2023-2024学年 / 年度 keep their own word; anything else gets its 年.
      const ownUnit = !hasYear && UNIT_AFTER.test(view.slice(end, end + 2));
      const fixed = `${y1}${dash}${y2}${ownUnit || spacedTail ? '' : '年'}`;
      if (whole === fixed) continue;
      const repeatedYear = /年/.test(midYear);
      const spacesOnly = whole.replace(/[ \t]/g, '') === fixed.replace(/[ \t]/g, '');
      if (!hasYear && !ownUnit) {
        emit(context, start, end, `年份范围“${whole}”缺少“年”，应写作“${fixed}”。`, fixed, { kind: 'range-year' });
      } else if (soft.has(sep) || (sep === dash && (repeatedYear || spacesOnly))) {
        // Allowed forms (浪纹线, 2021年—2025年): the usual one is suggested, as info.
        const why = soft.has(sep) ? `用浪纹线“${sep}”可以，但公文中年份起止通常用一字线“${dash}”` : '中的“年”可只写一次';
        emit(context, start, end, `年份范围“${whole}”${why}，可写作“${fixed}${spacedTail ? '年' : ''}”。`, fixed, { kind: 'range-style' }, 'info');
      } else {
        emit(context, start, end, `年份范围“${whole}”应使用一字线“${dash}”连接，写作“${fixed}${spacedTail ? '年' : ''}”。`, fixed, { kind: tail ? 'range-dash' : 'range-year' });
      }
    }

    // 一、2025工作开展情况, 2021以来: a year whose 年 was lost before the words a year is read with.
    for (const m of view.matchAll(LOST_YEAR)) {
      if (afterLatin(view, m.index!)) continue;
      emit(context, m.index!, m.index! + m[0].length, `“${m[0]}${view.slice(m.index! + 4, m.index! + 6)}”丢失了“年”，应为“${m[0]}年${view.slice(m.index! + 4, m.index! + 6)}”。`, `${m[0]}年`, { kind: 'lost-year' });
    }

    compiled.lostMonth.lastIndex = 0;
    for (const m of view.matchAll(compiled.lostMonth)) {
      const digits = m[1];
      const at = m.index!;
      const before = view[at - 1];
      if (before !== undefined && before !== '\n' && !compiled.leaders.has(before)) continue;
      if (compiled.followers.test(view.slice(at + m[0].length, at + m[0].length + 3))) continue;
      const readings = monthDayReadings(digits);
      if (readings.length === 0) continue;
      const end = at + m[0].length;
      if (readings.length === 1) {
        const fixed = `${readings[0][0]}月${readings[0][1]}日`;
        emit(context, at, end, `“${m[0]}”丢失了“月”，应为“${fixed}”。`, fixed, { kind: 'lost-month' });
      } else {
        const options = readings.map(([mo, d]) => `${mo}月${d}日`).join('”或“');
        emit(context, at, end, `“${m[0]}”疑似丢失了“月”，可能是“${options}”，请核对原件。`, undefined, { kind: 'lost-month' });
      }
    }
  },
};

const UNIT_AFTER = /^(?:[学财]年|年度|赛季|届)/;
/**
 * A year right before 工作, 法治, 以来, 全年, 上半年/下半年 (not 工作日), at the start of a heading or clause: its 年 is
 * lost. Inside a run of text (《…建设2021工作要点》) it may be a name's own styling: left alone.
 */
const LOST_YEAR = /(?<![\d.\-/:：—–－~～A-Za-z\u4e00-\u9fff])(?:19|20)\d{2}(?=(?:工作(?!日)|法治|以来|全年|上半年|下半年))/g;

/** A year preceded by a standard code or identifier (GB/T 2021-…) is not a date. */
function afterLatin(view: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (view[i] === ' ' || view[i] === '\t')) i--;
  return i >= 0 && /[A-Za-z/]/.test(view[i]);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Ways to read 3–4 digits as month + day: 915 → [[9, 15]]; 112 → [[1, 12], [11, 2]]. */
function monthDayReadings(digits: string): [number, number][] {
  const out: [number, number][] = [];
  for (let cut = 1; cut < digits.length; cut++) {
    const ms = digits.slice(0, cut);
    const ds = digits.slice(cut);
    if (ms[0] === '0' || ds[0] === '0' || ms.length > 2 || ds.length > 2) continue;
    const mo = Number(ms);
    const d = Number(ds);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= DAYS[mo - 1]) out.push([mo, d]);
  }
  return out;
}

function emit(
  { doc, report }: RuleContext,
  viewStart: number,
  viewEnd: number,
  message: string,
  fixed: string | undefined,
  data: Record<string, unknown>,
  severity?: 'info',
): void {
  const { start, end } = doc.prose.rangeToSource(viewStart, viewEnd);
  if (doc.isIgnored(start, end)) return;
  const text = doc.text.slice(start, end);
  // Fix only where the source is exactly what was matched (no annotation inside).
  const safe = fixed !== undefined && end - start === viewEnd - viewStart;
  report({
    start,
    end,
    message,
    data: { ...data, text, ...(fixed ? { fixed } : {}) },
    ...(safe ? { fix: { title: `改为“${fixed}”`, edits: [{ start, end, newText: fixed! }] } } : {}),
    ...(severity ? { severity } : {}),
  });
}

export default rule;
