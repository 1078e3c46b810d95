// Spaces between Chinese characters and digits/Latin letters (2023 年, 75 件).
// Chinese official documents set numbers and Latin words directly against
// the characters; the space is usually left by a Word/PDF export. Spaces
// inside Latin text, between CJK characters, or next to punctuation are not
// this rule's business. The scan runs on the prose view so a pinyin
// annotation does not hide the neighbouring character.
import type { Rule } from '../engine/types.js';
import { isAsciiAlnum, isHan, proseBlocks } from './shared/prose.js';

const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2}){0,3}$/;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a);

const rule: Rule = {
  id: 'cjk-spacing',
  severity: 'warning',
  tags: ['punctuation', 'typography'],
  docs: {
    description: '汉字与阿拉伯数字、拉丁字母之间有多余的空格，如“2023 年”“75 件”。',
    why: '党政机关公文中数字、外文字母与汉字之间不留空格；这类空格多是从 Word、PDF 或网页复制时带入的，排版时会造成字距不均。',
    basis: '《党政机关公文格式》（GB/T 9704-2012）；《出版物上数字用法》（GB/T 15835-2011）',
    howToFix: '删除汉字与数字、字母之间的空格（快速修复可一次全部删除）。',
  },
  check({ doc, report }) {
    const view = doc.prose;
    const text = view.text;
    // The space between a heading's numbering and its title (第一部分 2023年…) separates them: not this rule's.
    const afterMarker = new Set<number>();
    for (const b of doc.blocks) if (b.numbering && b.contentStart > b.start + b.numbering.marker.length) afterMarker.add(b.start + b.numbering.marker.length);
    for (const pb of proseBlocks(doc)) {
      let i = pb.start;
      while (i < pb.end) {
        if (!isSpace(text.charCodeAt(i))) {
          i++;
          continue;
        }
        const runStart = i;
        while (i < pb.end && isSpace(text.charCodeAt(i))) i++;
        const runEnd = i;
        if (runStart === pb.start || runEnd === pb.end) continue;
        const before = text.charCodeAt(runStart - 1);
        const after = text.charCodeAt(runEnd);
        const hanThenAlnum = isHan(before) && isAsciiAlnum(after);
        const alnumThenHan = isAsciiAlnum(before) && isHan(after);
        if (!hanThenAlnum && !alnumThenHan) continue;
        // A heading numbered GB/T 1.1 style (1 总体要求, 3.2 工作措施): the space separates the number from the title.
        if (alnumThenHan && runStart - pb.start <= 12 && SECTION_NUMBER.test(text.slice(pb.start, runStart)) && headingLike(text, pb)) continue;
        // Inside Latin text (an English phrase quoting a Chinese word) the space is English spacing.
        if (hanThenAlnum ? inLatinPhrase(text, runEnd, 1, pb.end) : inLatinPhrase(text, runStart, -1, pb.start)) continue;
        const src = view.rangeToSource(runStart, runEnd);
        if (afterMarker.has(src.start)) continue;
        // Spaces next to a URL, an e-mail or code belong to that span.
        if (doc.isIgnored(src.start - 1, src.end + 1)) continue;
        const left = token(text, runStart, -1, pb.start);
        const right = token(text, runEnd, 1, pb.end);
        const kind = (hanThenAlnum ? isLatin(after) : isLatin(before)) ? '字母' : '数字';
        const shown = `${left}${text.slice(runStart, runEnd)}${right}`;
        report({
          start: src.start,
          end: src.end,
          message: `汉字与${kind}之间不应有空格：“${shown}”应为“${left}${right}”。`,
          data: { text: shown },
          fix: { title: '删除空格', edits: [{ start: src.start, end: src.end, newText: '' }] },
        });
      }
    }
  },
};

/** A short line with no sentence punctuation in it (a heading, whatever the engine made of its numbering). */
function headingLike(text: string, pb: { start: number; end: number }): boolean {
  return pb.end - pb.start <= 40 && !/[。；！？，;!?,]/.test(text.slice(pb.start, pb.end));
}

/** Is the Latin word starting at `from` (going in `dir`) followed by another Latin word, i.e. part of Latin text? */
function inLatinPhrase(text: string, from: number, dir: 1 | -1, limit: number): boolean {
  const at = (i: number) => (dir === 1 ? text.charCodeAt(from + i) : text.charCodeAt(from - 1 - i));
  const inside = (i: number) => (dir === 1 ? from + i < limit : from - 1 - i >= limit);
  let i = 0;
  if (!isLatin(at(0))) return false;
  while (inside(i) && i < 40 && (isAsciiAlnum(at(i)) || at(i) === 0x2d || at(i) === 0x27)) i++;
  if (!inside(i) || at(i) !== 0x20) return false;
  return inside(i + 1) && isLatin(at(i + 1));
}

function isLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The word next to a space, for the message: a run of ASCII letters/digits or of Han characters (bounded). */
function token(text: string, from: number, dir: 1 | -1, limit: number): string {
  const first = text.charCodeAt(dir === 1 ? from : from - 1);
  const same = isHan(first) ? isHan : isAsciiAlnum;
  const max = isHan(first) ? 3 : 16;
  let n = 0;
  if (dir === 1) {
    while (from + n < limit && n < max && same(text.charCodeAt(from + n))) n++;
    return text.slice(from, from + n);
  }
  while (from - n - 1 >= limit && n < max && same(text.charCodeAt(from - n - 1))) n++;
  return text.slice(from - n, from);
}

export default rule;
