// Spaces that do not belong in Chinese text: between characters and digits/Latin letters
// (2023 年, 75 件); between two characters (深入贯 彻, left by a PDF line wrap; 法治政府建设 工作报告
// in a title); next to full-width punctuation (依法行政， 营造 / 不断深入。 我局) and before or after
// quotation marks set in Chinese text (社区 “两委” 成员). Chinese official documents set characters,
// numbers and punctuation solid; these spaces come from Word, PDF or web copies.
// Reported too: a space after a heading marker that ends with its own mark (一、 （一） (1)). Left alone, as
// layout conventions: the separator after 第一部分 / 第一章 / 3.2 (no mark of their own), the space between
// two phrases of a heading, a slogan or a book title (健全完善机制 推动法治建设, 《铸牢中华民族共同体意识
// 推动新时代党的民族工作高质量发展》), a run-in heading set off from its
// paragraph by a space (一、加强组织领导 今年以来…: a missing mark, not a stray space), short lines
// without sentence punctuation (signatures 张 三, contact lines), table rows, runs of three or more spaces
// (layout), ideographic spaces (U+3000). A space between two characters in body text may stand for a lost
// comma rather than a line wrap, so its deletion is offered as a quick fix only (a suggestion); the other
// spaces have a safe fix. The scan runs on the prose view so a pinyin annotation does not hide the
// neighbouring character.
import type { Report, Rule } from '../engine/types.js';
import { CharScan, isAsciiAlnum, isDigit, isHan, proseBlocks } from './shared/prose.js';
import { cite } from './shared/citations.js';

const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2}){0,3}$/;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a);
/** isSpace's characters and the quotation marks the scan counts (“ ” 《 》): what the scan stops at. */
const SPACE_OR_QUOTE = /[ \t\u00a0\u2002-\u200a\u201c\u201d\u300a\u300b]/g;
const code = (s: string) => s.charCodeAt(0);
/** Full-width separating and closing marks: a space after them, or before them after a character, is stray. */
const CLOSING_MARK = new Set([...'。，；：、！？）》”’】」』'].map(code));
/** Opening quotes and brackets: a space before them after a character is stray (社区 “两委”). */
const OPENING_MARK = new Set([...'“‘《（【「『'].map(code));
/** ASCII separators a stray space follows in a text whose punctuation was turned half-width (依法行政, 营造). */
const ASCII_SEPARATOR = new Set([...',;:!?'].map(code));
const SENTENCE_END = /[。；！？;!?]/;
/** A heading marker ending with its own mark (一、 （一） (一) （1）), after which no space belongs. */
const MARKER_MARK = /[、，．.）)]$/;
const BYLINE = /(?:记者|通讯员|摄影|编辑|作者)[^\s。，]{0,4}$/;
/** The end of an issuing body's name, and another body's whole name after it (joint issuers on one line). */
const ISSUER_END = /(?:人民政府|政府|委员会|党委|党工委|[省市县区州盟旗]委|党组|管委会|管理委员会|办事处|办公室|局|厅)$/;
// The last issuer is followed by the rest of the title when both are on one line (中共浚县县委 浚县人民政府关于2024年…).
const ISSUER_NEXT = /^(?:中共[\u4e00-\u9fa5]{2,16}委员会|[\u4e00-\u9fa5]{2,16}(?:人民政府|政府|委员会|管委会|办事处|局|厅))(?:$|[\s\u3000]|关于|\d{4}\s*年)/;

type Kind = 'digit' | 'latin' | 'han' | 'mark';

const rule: Rule = {
  id: 'cjk-spacing',
  severity: 'warning',
  tags: ['punctuation', 'typography'],
  // Local: each finding depends on its block alone, and on whether that block is the title (a space in the title
  // is reported where the same space in a heading is layout) — the re-check of an edited section never holds the
  // title (engine/incremental.ts), and the title staying the title is checked there.
  local: true,
  docs: {
    description: '中文文本中有多余的空格：汉字与阿拉伯数字、拉丁字母之间（“2023 年”“75 件”），两个汉字之间（“深入贯 彻”），全角标点或引号前后（“依法行政， 营造”“社区 “两委” 成员”）。',
    why: '党政机关公文中汉字、数字、外文字母和标点之间不留空格；这类空格多是从 Word、PDF 或网页复制时带入的（PDF 换行处常留下一个空格），排版时会造成字距不均，词语被拆开。',
    ...cite([], '无对应的标准条款：《出版物上数字用法》（GB/T 15835-2011）未规定汉字与数字之间的空格，本规则依据公文排版的通行做法'),
    howToFix: '删除多余的空格（快速修复可一次全部删除；两个汉字之间的空格也可能是漏掉的逗号，需逐处确认）。标题中发文机关名称与“关于”之间的空格（两行标题并成一行时留下）只作提示；联合发文机关名称之间的空格不报告。“第一部分”“3.2”这类不带标点的序号后的空格、标题或口号中分隔两个短语的空格不受影响；“一、”“（一）”后不留空格。',
  },
  check({ doc, report }) {
    const view = doc.prose;
    const text = view.text;
    // The space between a heading's numbering and its title: a separator after 第一部分 / 第一章 / 3.2, which have no
    // mark of their own (not this rule's); a stray space after 一、 （一） 1. （1）, whose mark already separates them
    // (GB/T 9704-2012 7.3.3 sets them solid): offset → whether the marker ends with a mark.
    const afterMarker = new Map<number, boolean>();
    for (const b of doc.blocks) {
      if (!b.numbering || b.contentStart <= b.start + b.numbering.marker.length) continue;
      // 1. / 1) followed by a space is Markdown's ordered-list syntax: that space is the marker's own.
      const marker = b.numbering.marker;
      afterMarker.set(b.start + marker.length, MARKER_MARK.test(marker) && !/^\d{1,9}[.)]$/.test(marker));
    }
    const titles = new Set(doc.meta.titleBlocks);
    const scan = new CharScan(SPACE_OR_QUOTE, text);
    for (const pb of proseBlocks(doc)) {
      if (text.charCodeAt(pb.start) === 0x7c /* | table row */) continue;
      const isTitle = titles.has(pb.block);
      const layoutLine = !isTitle && headingLike(text, pb);
      /** Depth of “…” and 《…》 at the scan position: spaces inside separate phrases of a slogan or a title. */
      let quoted = 0;
      /** The first sentence end after the numbering marker (-1: none), found once: testing the text up to each space rescanned a long numbered line per space. */
      let firstSentenceEnd: number | undefined;
      let i = pb.start;
      while (i < pb.end) {
        // The next space or quotation mark (most characters are neither).
        i = scan.next(i);
        if (i >= pb.end) break;
        const c = text.charCodeAt(i);
        if (!isSpace(c)) {
          if (c === 0x201c || c === 0x300a) quoted++;
          else if ((c === 0x201d || c === 0x300b) && quoted > 0) quoted--;
          i++;
          continue;
        }
        const runStart = i;
        while (i < pb.end && isSpace(text.charCodeAt(i))) i++;
        const runEnd = i;
        if (runStart === pb.start || runEnd === pb.end) continue;
        const before = text.charCodeAt(runStart - 1);
        const after = text.charCodeAt(runEnd);
        const src = view.rangeToSource(runStart, runEnd);
        const marker = afterMarker.get(src.start);
        if (marker === false) continue;
        if (marker === true) {
          const left = text.slice(pb.start, runStart);
          const right = token(text, runEnd, 1, pb.end);
          const shown = `${left}${text.slice(runStart, runEnd)}${right}`;
          report({
            start: src.start,
            end: src.end,
            message: `标题序号后不应有空格：“${shown}”应为“${left}${right}”。`,
            data: { text: shown, kind: 'marker' },
            fix: { title: '删除空格', edits: [{ start: src.start, end: src.end, newText: '' }] },
          });
          continue;
        }
        const kind = classify(before, after, runStart - 2 >= pb.start ? text.charCodeAt(runStart - 2) : 0);
        if (!kind) continue;
        // Spaces next to a URL, an e-mail or code belong to that span.
        if (doc.isIgnored(src.start - 1, src.end + 1)) continue;
        let shown: string;
        let message: string;
        if (kind === 'digit' || kind === 'latin') {
          const alnumThenHan = isAsciiAlnum(before);
          // A heading numbered GB/T 1.1 style (1 总体要求, 3.2 工作措施): the space separates the number from the title.
          if (alnumThenHan && runStart - pb.start <= 12 && SECTION_NUMBER.test(text.slice(pb.start, runStart)) && headingLike(text, pb)) continue;
          // Inside Latin text (an English phrase quoting a Chinese word) the space is English spacing.
          if (alnumThenHan ? inLatinPhrase(text, runStart, -1, pb.start) : inLatinPhrase(text, runEnd, 1, pb.end)) continue;
          const left = token(text, runStart, -1, pb.start);
          const right = token(text, runEnd, 1, pb.end);
          shown = `${left}${text.slice(runStart, runEnd)}${right}`;
          message = `汉字与${kind === 'latin' ? '字母' : '数字'}之间不应有空格：“${shown}”应为“${left}${right}”。`;
        } else {
          if (layoutLine || runEnd - runStart > 2) continue;
          if (kind === 'han') {
            if (quoted > 0 && !isTitle) continue;
            // Joint issuers above a title (中共石鼻镇委员会 石鼻镇人民政府): the space separates two bodies' names. (A space
            // between one body and 关于… is still reported: the title is one line.)
            if (isTitle && ISSUER_END.test(text.slice(Math.max(pb.start, runStart - 8), runStart)) && ISSUER_NEXT.test(text.slice(runEnd, runEnd + 24))) continue;
            // A headline of two phrases (…热议政府工作报告 以奋勇争先之姿，乘势而为): short, no sentence end.
            if (!isTitle && pb.end - pb.start <= 40 && !SENTENCE_END.test(text.slice(pb.start, pb.end))) continue;
            // A photo credit or byline (本报记者 林 君摄): newspaper furniture, names spaced by convention.
            if (BYLINE.test(text.slice(Math.max(pb.start, runStart - 6), runStart)) || /^[^\s]{0,3}摄(?:$|[\s。，）)])/.test(text.slice(runEnd, runEnd + 6))) continue;
            // 一、加强组织领导 今年以来…: the space ends a run-in heading (a lost mark, for broken-paragraph and the reader).
            if (pb.block.numbering) {
              firstSentenceEnd ??= indexOfSentenceEnd(text, pb.contentStart, pb.end);
              if (firstSentenceEnd < 0 || firstSentenceEnd >= runStart) continue;
            }
          }
          const left = kind === 'han' ? token(text, runStart, -1, pb.start) : text.slice(Math.max(pb.start, runStart - 4), runStart);
          const right = kind === 'han' ? token(text, runEnd, 1, pb.end) : text.slice(runEnd, Math.min(pb.end, runEnd + 4));
          shown = `${left}${text.slice(runStart, runEnd)}${right}`;
          // Quotation marks in the shown text: wrap it in corner brackets so the message stays readable.
          const [o, c] = /[“”]/.test(shown) ? ['「', '」'] : ['“', '”'];
          message =
            kind === 'han'
              ? `汉字之间不应有空格：${o}${shown}${c}应为${o}${left}${right}${c}${isTitle ? '' : '（多为 PDF 换行留下的空格；如是漏掉的标点，请补上标点）'}。`
              : `标点前后不应有空格：${o}${shown}${c}应为${o}${left}${right}${c}。`;
        }
        const edit = { title: '删除空格', edits: [{ start: src.start, end: src.end, newText: '' }] };
        const r: Report = { start: src.start, end: src.end, message, data: { text: shown, kind } };
        // …城市管理局 关于2025年…: a two-line title (issuer above 关于…) run into one line; a hint, as layout may be meant.
        if (isTitle && kind === 'han' && ISSUER_END.test(text.slice(Math.max(pb.start, runStart - 8), runStart)) && /^关[于於]/.test(text.slice(runEnd, runEnd + 2))) {
          r.severity = 'info';
        }
        if (kind === 'han' && !isTitle) r.suggestions = [edit];
        else r.fix = edit;
        report(r);
      }
    }
  },
};

/** What a space run between `before` and `after` separates, if it is this rule's business. */
function classify(before: number, after: number, beforeSeparator: number): Kind | undefined {
  if (isHan(before) && isAsciiAlnum(after)) return isLatin(after) ? 'latin' : 'digit';
  if (isAsciiAlnum(before) && isHan(after)) return isLatin(before) ? 'latin' : 'digit';
  if (isHan(before) && isHan(after)) return 'han';
  const word = (c: number) => isHan(c) || isAsciiAlnum(c);
  if (CLOSING_MARK.has(before) && (word(after) || OPENING_MARK.has(after))) return 'mark';
  if (ASCII_SEPARATOR.has(before) && isHan(beforeSeparator) && isHan(after)) return 'mark';
  if ((isHan(before) || isDigit(before)) && CLOSING_MARK.has(after)) return 'mark';
  if (isHan(before) && OPENING_MARK.has(after)) return 'mark';
  return undefined;
}

/** The offset of the first sentence end (SENTENCE_END) in text[from, to), or -1. */
function indexOfSentenceEnd(text: string, from: number, to: number): number {
  const at = from < to ? text.slice(from, to).search(SENTENCE_END) : -1;
  return at < 0 ? -1 : from + at;
}

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
