// Damaged dates and year ranges: 20212025年 (the dash was lost), 在915日 (the
// 月 was lost), 2021-2025 without 年, and year ranges joined by anything but
// the 一字线 “—” (GB/T 15834-2011 4.13.3.2). Full dates (2023-02-14, 2023.6,
// 2023年6月) and phone numbers are left alone.
import data from '../../../rules/date-format.json';
import type { Rule, RuleContext } from '../engine/types.js';
import { stringList } from '../engine/config-schema.js';

interface DateData {
  rangeDash: string;
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
  docs: {
    description: '日期或年份范围残缺、写法不规范：“20212025年”（丢了连接号）、“915日”（丢了“月”）、“2021-2025”（缺“年”）、年份范围未用一字线（应为“2021—2025年”）。',
    why: '从网页或 PDF 复制时，连接号和“月”字常被吞掉，日期因此无法读懂；公文中表示起止年份应使用一字线。',
    basis: '《标点符号用法》（GB/T 15834-2011）4.13.3.2；《出版物上数字用法》（GB/T 15835-2011）',
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

    compiled.lostDash.lastIndex = 0;
    for (const m of view.matchAll(compiled.lostDash)) {
      const [whole, y1, y2] = m;
      if (!isRange(y1, y2) || afterLatin(view, m.index!)) continue;
      const fixed = `${y1}${dash}${y2}年`;
      emit(context, m.index!, m.index! + whole.length, `“${whole}”丢失了连接号，应为“${fixed}”。`, fixed, { kind: 'lost-dash' });
    }

    compiled.range.lastIndex = 0;
    for (const m of view.matchAll(compiled.range)) {
      const [whole, y1, , sep, , y2, tail] = m;
      if (!isRange(y1, y2) || afterLatin(view, m.index!)) continue;
      // 2023-2024学年 / 年度 keep their own word; anything else gets its 年.
      const ownUnit = !tail && UNIT_AFTER.test(view.slice(m.index! + whole.length, m.index! + whole.length + 2));
      const fixed = `${y1}${dash}${y2}${ownUnit ? '' : '年'}`;
      if (whole === fixed) continue;
      const message = !tail && !ownUnit
        ? `年份范围“${whole}”缺少“年”，应写作“${fixed}”。`
        : sep !== dash
          ? `年份范围“${whole}”应使用一字线“${dash}”连接，写作“${fixed}”。`
          : `年份范围“${whole}”应写作“${fixed}”。`;
      emit(context, m.index!, m.index! + whole.length, message, fixed, { kind: tail ? 'range-dash' : 'range-year' });
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
  });
}

export default rule;
