// A body paragraph cut mid-sentence by a hard line break (PDF/Word reflow):
// it ends without closing punctuation and the next block continues it. Not
// headings (block.isHeading), not the title or the body-name line, not a
// paragraph followed by a heading, a new item (二是…) or a signature line.
// The fix joins the two parts without adding a space.
import data from '../../../rules/broken-paragraph.json';
import type { Rule } from '../engine/types.js';
import type { Block, ReportDocument } from '../engine/document.js';
import { stringList } from '../engine/config-schema.js';
import { compileUserPattern } from '../engine/user-pattern.js';
import { cite } from './shared/citations.js';

interface BrokenData {
  closers: string;
  trailingBrackets: string;
  softEnds: string;
  continuationStarts: string;
  newItemStarts: string[];
  paragraphOpeners: string[];
  minLength: number;
}

const DATA = data as unknown as BrokenData;
const CLOSERS = new Set(DATA.closers);
const TRAILING = new Set(DATA.trailingBrackets);
const SOFT_ENDS = new Set(DATA.softEnds);
const CONTINUATION_STARTS = new Set(DATA.continuationStarts);
const SENTENCE_PUNCTUATION = /[，。、；：！？,;:!?]/;
const LIST_OR_TABLE_LINE = /^\s*(?:[-*+]\s|\d+[.)]\s|\|)/;

/** A cut: `first` ends mid-sentence and `next` continues it. */
export interface BrokenPair {
  first: Block;
  next: Block;
}

/** Starts of a block that begin something new: an item (二是…) or a typical paragraph opening (2023年，…). */
function newItemSource(extra: readonly string[]): string {
  return `^(?:${[...DATA.newItemStarts, ...DATA.paragraphOpeners, ...extra].join('|')})`;
}

const DEFAULT_NEW_ITEM = new RegExp(newItemSource([]));

function newItemPattern(extend: unknown): RegExp {
  const extra = Array.isArray(extend) ? extend.map(String) : [];
  // One object for the default, so that end-punctuation and this rule share one search per document. With the
  // user's patterns, the whole alternation runs on RE2 (the built-in starts are RE2-compatible).
  return extra.length ? compileUserPattern(newItemSource(extra)) : DEFAULT_NEW_ITEM;
}

/** Body text of a block: a paragraph, or a numbered block long enough to be a run-in heading paragraph. */
function isBody(block: Block, doc: ReportDocument): boolean {
  if (block.markdownDepth > 0 || doc.meta.titleBlocks.includes(block)) return false;
  if (block.isHeading && !(block.text.length >= 60 && block.text.includes('。'))) return false;
  return true;
}

/** The last character that decides whether the block ends a sentence (closing quotes and brackets skipped). */
function endChar(text: string): string {
  let i = text.length - 1;
  while (i > 0 && TRAILING.has(text[i])) i--;
  return text[i];
}

/**
 * All cuts in the document, in order. Exported so that end-punctuation can
 * leave these paragraphs to this rule.
 */
/**
 * A heading glued to the end of the paragraph before it and cut in two by a line break (…取得明显成效。全面贯彻落实党的
 * 二十大精神 ⏎ 统筹推进法治政府建设高质量发展 ⏎ 正文…): the tail after the paragraph's last full stop and the short
 * line after it, neither punctuated, with prose after them. `at` is where the heading starts.
 */
export interface GluedHeading {
  first: Block;
  next: Block;
  at: number;
  heading: string;
}

export function findGluedHeadings(doc: ReportDocument): GluedHeading[] {
  const out: GluedHeading[] = [];
  const { blocks } = doc;
  for (let i = 0; i + 2 < blocks.length; i++) {
    const [first, next, after] = [blocks[i], blocks[i + 1], blocks[i + 2]];
    if (!isBody(first, doc) || first.text.length < 60 || first.chrome || next.chrome || after.chrome) continue;
    if (next.isHeading || next.numbering || next.markdownDepth > 0 || next.text.length > 40 || SENTENCE_PUNCTUATION.test(next.text)) continue;
    if (after.text.length < 30 || !SENTENCE_PUNCTUATION.test(after.text)) continue;
    const stop = Math.max(...[...'。！？；!?;'].map((c) => first.text.lastIndexOf(c)));
    if (stop < 0) continue;
    const tail = first.text.slice(stop + 1);
    if (tail.length < 6 || tail.length > 40 || SENTENCE_PUNCTUATION.test(tail) || tail.length + next.text.length > 60) continue;
    out.push({ first, next, at: first.start + stop + 1, heading: tail + next.text });
  }
  return out;
}

export function findBrokenParagraphs(doc: ReportDocument, newItem: RegExp = DEFAULT_NEW_ITEM): BrokenPair[] {
  // Asked by this rule and by end-punctuation: searched once per document (and pattern).
  const known = brokenOf.get(doc);
  if (known?.newItem === newItem) return known.pairs;
  const pairs = searchBrokenParagraphs(doc, newItem);
  brokenOf.set(doc, { newItem, pairs });
  return pairs;
}

const brokenOf = new WeakMap<ReportDocument, { newItem: RegExp; pairs: BrokenPair[] }>();

function searchBrokenParagraphs(doc: ReportDocument, newItem: RegExp): BrokenPair[] {
  const pairs: BrokenPair[] = [];
  const { blocks } = doc;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const first = blocks[i];
    const next = blocks[i + 1];
    if (!isBody(first, doc) || first.text.length < DATA.minLength || !SENTENCE_PUNCTUATION.test(first.text)) continue;
    // Page chrome (a metadata line, 【打印】) neither is cut nor continues a paragraph.
    if (doc.isIgnored(first.end - 1, first.end) || doc.isIgnored(next.start, next.start + 1)) continue;
    const last = endChar(first.text);
    if (CLOSERS.has(last)) continue;
    if (next.isHeading || next.numbering || next.markdownDepth > 0 || doc.meta.titleBlocks.includes(next)) continue;
    if (LIST_OR_TABLE_LINE.test(doc.lines.lineText(next.line)) || LIST_OR_TABLE_LINE.test(doc.lines.lineText(first.line))) continue;
    const nextFirst = next.text[0];
    const certain = SOFT_ENDS.has(last) || CONTINUATION_STARTS.has(nextFirst);
    if (!certain) {
      // A new item, a new paragraph's usual opening, the body's own name or a
      // signature/date line (no punctuation) is not a continuation.
      if (newItem.test(next.text) || !SENTENCE_PUNCTUATION.test(next.text)) continue;
      if (doc.meta.bodyShort && next.text.startsWith(doc.meta.bodyShort)) continue;
    }
    pairs.push({ first, next });
  }
  return pairs;
}

const rule: Rule = {
  id: 'broken-paragraph',
  severity: 'warning',
  tags: ['format', 'conversion'],
  local: true,
  docs: {
    description: '正文段落在句子中间被硬换行截断，下一段是它的延续。',
    why: '从 PDF 或 Word 复制时，排版换行常被当成段落结束，一句话被拆成两段，读者会以为是两个段落，文字也无法正确排版。',
    ...cite(['gbt9704-7.3.3']),
    howToFix: '把两段合并为一段（快速修复删除中间的换行和空行，不加空格）。',
  },
  extendSchema: stringList('追加的新起一项的开头（正则表达式，与 rules/broken-paragraph.json 的 newItemStarts 同），以此开头的段落不算上一段的续行。Regular expressions: starts of a new item.', { regex: true }),
  check({ doc, options, memo, report }) {
    const newItem = memo(`newItem:${JSON.stringify(options.extend ?? null)}`, () => newItemPattern(options.extend));
    for (const { first, next } of findBrokenParagraphs(doc, newItem)) {
      const tail = first.text.slice(-8);
      const head = next.text.slice(0, 8);
      report({
        start: first.end - 1,
        end: next.start + 1,
        message: `段落在“…${tail}”处被换行截断，下一段“${head}…”是它的延续，应合并为一段。`,
        data: { tail, head, nextLine: next.line + 1 },
        fix: { title: '合并为一段', edits: [{ start: first.end, end: next.start, newText: '' }] },
      });
    }
    for (const { first, next, at, heading } of findGluedHeadings(doc)) {
      const eol = doc.text.slice(first.end, next.start).match(/\r\n|\r|\n/)?.[0] ?? '\n';
      report({
        start: at,
        end: next.start + 1,
        message: `标题“${heading}”粘连在上一段末尾，又被换行截成两段，应单独成行。`,
        data: { kind: 'glued-heading', heading, nextLine: next.line + 1 },
        // Where the heading's number (一、) went is for a person to say: offered, not applied in bulk.
        suggestions: [{ title: '把标题移到单独一行', edits: [{ start: at, end: at, newText: eol }, { start: first.end, end: next.start, newText: '' }] }],
      });
    }
  },
};

export default rule;
