// Chinese official-document numbering (GB/T 9704-2012 §7.3.3): 一、 （一） 1. （1）.
// Recognises the marker at the start of a block and its level.

export type NumberingStyle =
  | 'cn-part' // 第一部分 (above 一、 in long reports: 第一部分 主要举措和成效 ⏎ 一、…)
  | 'cn-comma' // 一、
  | 'cn-dot' // 一． 一. (not GB/T 9704, common in pasted reports; normalised to 一、)
  | 'cn-paren' // （一）
  | 'cn-paren-half' // (一)
  | 'arabic-dot' // 1. 1．
  | 'arabic-comma' // 1、
  | 'arabic-paren' // （1）
  | 'arabic-paren-half' // (1)
  | 'circled'; // ①

export interface Numbering {
  style: NumberingStyle;
  /** 0: 第一部分 1: 一、 2: （一） 3: 1. 4: （1） 5: ① */
  level: number;
  value: number;
  /** The marker as written, e.g. "（一）". */
  marker: string;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23; NaN when not a Chinese numeral. */
export function chineseNumeralValue(numeral: string): number {
  if (numeral === '') return NaN;
  const ten = numeral.indexOf('十');
  if (ten >= 0) {
    const tens = ten === 0 ? 1 : CN_DIGITS[numeral.slice(0, ten)];
    const rest = numeral.slice(ten + 1);
    const ones = rest === '' ? 0 : CN_DIGITS[rest];
    if (tens === undefined || ones === undefined || numeral.slice(0, ten).length > 1 || rest.length > 1) return NaN;
    return tens * 10 + ones;
  }
  if (numeral.length !== 1) return NaN;
  return CN_DIGITS[numeral] ?? NaN;
}

const CN = '[一二三四五六七八九十]{1,3}';
const PATTERNS: { style: NumberingStyle; level: number; re: RegExp; numeral: 'cn' | 'arabic' | 'circled' }[] = [
  // 第一部分 followed by white space, 、 or ：, or the heading text itself (第一部分主要举措和成效). The marker is
  // 第一部分 alone: the separator belongs to the text (the document model skips it).
  // Pasted text sometimes spaces a marker out (第 一 部 分, 一 、, （ 一 ）): still the marker.
  { style: 'cn-part', level: 0, re: new RegExp(`^第[ \u3000]?(${CN})[ \u3000]?部[ \u3000]?分(?=[ \\t\u3000、：:．.\u4e00-\u9fa5\\d“])`), numeral: 'cn' },
  { style: 'cn-comma', level: 1, re: new RegExp(`^(${CN})[ \u3000]?、`), numeral: 'cn' },
  // 一． / 一. (四．2024年主要安排), not an ellipsis (一...).
  { style: 'cn-dot', level: 1, re: new RegExp(`^(${CN})[.．](?![.．])`), numeral: 'cn' },
  { style: 'cn-paren', level: 2, re: new RegExp(`^（[ \u3000]?(${CN})[ \u3000]?）`), numeral: 'cn' },
  { style: 'cn-paren-half', level: 2, re: new RegExp(`^\\([ \u3000]?(${CN})[ \u3000]?\\)`), numeral: 'cn' },
  // Full-width digits (１．２．, typed in a Chinese input mode) are the same markers.
  { style: 'arabic-paren', level: 4, re: /^（([0-9０-９]{1,2})）/, numeral: 'arabic' },
  { style: 'arabic-paren-half', level: 4, re: /^\(([0-9０-９]{1,2})\)/, numeral: 'arabic' },
  // "1." but not "1.5" or a date like "2023.": at most two digits, not followed by a digit — unless a year follows
  // (4.2024年工作安排: the item's text starts with the year).
  { style: 'arabic-dot', level: 3, re: /^([0-9０-９]{1,2})[.．](?:(?![0-9０-９])|(?=(?:19|20)\d{2}\s*年))/, numeral: 'arabic' },
  { style: 'arabic-comma', level: 3, re: /^([0-9０-９]{1,2})、/, numeral: 'arabic' },
  { style: 'circled', level: 5, re: /^([①-⑳])/, numeral: 'circled' },
];

export function parseNumbering(text: string): Numbering | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const value =
      p.numeral === 'cn' ? chineseNumeralValue(m[1]) : p.numeral === 'arabic' ? Number(m[1].replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))) : m[1].charCodeAt(0) - 0x2460 + 1;
    if (!Number.isFinite(value) || value <= 0) continue;
    return { style: p.style, level: p.level, value, marker: m[0] };
  }
  return undefined;
}

const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 23 → 二十三 (1–99). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return CN_NUMERALS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_NUMERALS[tens]) + '十' + CN_NUMERALS[ones];
}

/** The marker of the given style for value n, e.g. ('cn-paren', 3) → （三）. */
export function formatMarker(style: NumberingStyle, n: number): string {
  switch (style) {
    case 'cn-part': return `第${toChineseNumeral(n)}部分`;
    case 'cn-comma': return `${toChineseNumeral(n)}、`;
    case 'cn-dot': return `${toChineseNumeral(n)}．`;
    case 'cn-paren': return `（${toChineseNumeral(n)}）`;
    case 'cn-paren-half': return `(${toChineseNumeral(n)})`;
    case 'arabic-dot': return `${n}.`;
    case 'arabic-comma': return `${n}、`;
    case 'arabic-paren': return `（${n}）`;
    case 'arabic-paren-half': return `(${n})`;
    case 'circled': return String.fromCharCode(0x2460 + n - 1);
  }
}
