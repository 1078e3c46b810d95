// Shared helpers of the punctuation and wording rules (cjk-spacing,
// halfwidth-punctuation, unpaired-punctuation, end-punctuation, typo,
// terminology, outdated-reference): character classes, the blocks in
// prose-view coordinates (pinyin annotations removed, so 鎮(zhèn), is read
// as 鎮,) and a paragraph-continuation heuristic.
import type { Block, ReportDocument } from '../../engine/document.js';

/** Han ideographs (BMP; the rare supplementary-plane ones do not occur in reports). */
export function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** isHan's code units as [first, last] ranges, for filling a per-code-unit table without testing 65,536 of them. */
export const HAN_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/** Han, CJK symbols and punctuation (、。〈〉《》「」【】…), full-width forms (，：；（）！？％). */
export function isCjkContext(c: number): boolean {
  return isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A block with its content range in prose-view coordinates. */
export interface ProseBlock {
  block: Block;
  /** View offsets of block.start / block.end. */
  start: number;
  end: number;
  /** View offset of block.contentStart (after the numbering marker). */
  contentStart: number;
}

const proseBlocksOf = new WeakMap<ReportDocument, readonly ProseBlock[]>();

/**
 * The blocks mapped into doc.prose coordinates in one pass (blocks and removed spans are both sorted); computed
 * once per document for the rules that read them (cjk-spacing, halfwidth-punctuation, end-punctuation).
 */
export function proseBlocks(doc: ReportDocument): readonly ProseBlock[] {
  let out = proseBlocksOf.get(doc);
  if (!out) proseBlocksOf.set(doc, (out = mapProseBlocks(doc)));
  return out;
}

function mapProseBlocks(doc: ReportDocument): ProseBlock[] {
  const removed = doc.prose.removed;
  let k = 0;
  let shift = 0;
  // Monotonic source → view mapping; an offset inside a removed span maps to the span's start.
  const toView = (src: number): number => {
    while (k < removed.length && removed[k].end <= src) {
      shift += removed[k].end - removed[k].start;
      k++;
    }
    if (k < removed.length && removed[k].start < src) return removed[k].start - shift;
    return src - shift;
  };
  return doc.blocks.map((block) => {
    const start = toView(block.start);
    const contentStart = toView(block.contentStart);
    const end = toView(block.end);
    return { block, start, contentStart, end };
  });
}

/** Characters that end a sentence or close a quotation/bracket after one. */
export const SENTENCE_END = '。！？!?；;…';
export const CLOSERS = '”’」』）)》〉】';

const ITEM_START = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、,]|首先|其次|再次|最后|此外|另外|同时，)/;
const DATE_LINE = /^(?:日期[:：]\s*)?\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?$/;

/** A signature or date line (落款), which ends without punctuation by convention. */
export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text.trim());
}

/**
 * Does `block`'s text run on into the next block (a paragraph cut by a hard
 * line break)? Used by unpaired-punctuation to keep one bracket stack across
 * the cut; deliberately more permissive than broken-paragraph's detector (it
 * only decides where a quotation may continue, never reports): the next block
 * is body text — not a heading, numbered, the title, a date line, or a new
 * item (一是…, 首先…). Callers check that the block does not end a sentence.
 */
export function continuesInNext(doc: ReportDocument, block: Block): boolean {
  const next = doc.blocks[block.index + 1];
  if (!next) return false;
  if (next.isHeading || next.markdownDepth > 0 || next.numbering) return false;
  if (doc.meta.titleBlocks.includes(next)) return false;
  if (ITEM_START.test(next.text) || isDateLine(next.text)) return false;
  if (/^[|<\[`]/.test(next.text)) return false;
  return true;
}

/** Up to `n` characters of `text` before/after a range, within [min, max), for messages. */
export function snippet(text: string, start: number, end: number, min: number, max: number, n = 6): string {
  return text.slice(Math.max(min, start - n), Math.min(max, end + n));
}

/** Is the closing bracket at `at` the end of an enumerator such as "1)" "a）" "一）" at the block start or after punctuation? */
export function isEnumerator(text: string, blockStart: number, at: number): boolean {
  let j = at;
  while (j > blockStart && at - j < 3 && /[0-9a-zA-Z一二三四五六七八九十]/.test(text[j - 1])) j--;
  if (j === at) return false;
  return j === blockStart || /[\s，。；：、,;:]/.test(text[j - 1]);
}

/**
 * The next character of a class in a text, found by the regex engine: a loop over every character runs mostly
 * unoptimised in a run's first checks, a regex scan does not. `re` is global and matches one code unit. Asked with
 * positions that never decrease (block after block), it scans each stretch of the text once: a block without such a
 * character costs no search to the next one that has it.
 */
export class CharScan {
  /** Where the last search began, and what it found there or after it (text.length: nothing). */
  private from = Infinity;
  private found = 0;

  constructor(private readonly re: RegExp, readonly text: string) {}

  /** The offset of the first character of the class at or after `from`, or text.length when there is none. */
  next(from: number): number {
    if (this.from <= from && this.found >= from) return this.found;
    this.re.lastIndex = from;
    this.found = this.re.test(this.text) ? this.re.lastIndex - 1 : this.text.length;
    this.from = from;
    return this.found;
  }
}
