// The document model, built once per check: the remark (mdast) tree, the
// line index, the blocks (one per non-blank source line), the report's
// section outline mapped to the five statutory parts, and the report's
// title, reporting body and year. Rules read it; none of them re-parse.
import type { Root, RootContent } from 'mdast';
import { nodesOf, parseMarkdown, type ParseCache } from './markdown.js';
import { LineIndex } from './line-index.js';
import { parseNumbering, type Numbering } from './numbering.js';
import { TextView, type RemovedSpan } from './text-view.js';
import { PINYIN_ANNOTATION } from './pinyin.js';
import { buildOutline, type Outline } from './outline.js';
import { inferMeta, type ReportMeta } from './meta.js';
import { findExtent, type ChromeKind, type Extent } from './extent.js';
import { toScript, toScriptReusing } from './script.js';
import type { PartId, ProfileSetting } from './types.js';

export type Script = 'simplified' | 'traditional';
export type Profile = ProfileSetting;

export interface DocumentSettings {
  script: Script;
  profile: Profile;
  /** Overrides for what inferMeta would find. */
  body?: string;
  year?: number;
  /** Last year's report (ConfigObject.previous), for copied-report. */
  previous?: string;
}

export interface Block {
  index: number;
  /** 0-based source line. */
  line: number;
  /** Offsets of the content: leading/trailing white space and Markdown prefixes (#, >, list bullet) excluded. */
  start: number;
  end: number;
  text: string;
  /** Depth of a Markdown ATX/setext heading, 0 for none. */
  markdownDepth: number;
  numbering?: Numbering;
  /** Offsets of the text after the numbering marker (= start without numbering). */
  contentStart: number;
  /** True where a blank line (or the document start) precedes this block. */
  blankBefore: boolean;
  /** Set by the outline: this block opens a section. */
  isHeading: boolean;
  /** Set by the extent (engine/extent.ts): the block is page chrome outside the report (site header, metadata, toolbar…). */
  chrome?: ChromeKind;
}

/** A section of the report's outline: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  level: number;
  heading: Block;
  /** Heading text without the numbering, as written. */
  title: string;
  /** Title converted to simplified script, for matching synonyms. */
  normalizedTitle: string;
  part?: PartId;
  /**
   * Every part the section stands for, `part` first: one, or more for a combined heading such as
   * 存在的问题和下一步打算 (shortcomings, next-year). Set whenever `part` is.
   */
  parts?: PartId[];
  /** True when the part came from the synonym list, false when inferred (thematic heading before 不足). */
  partByName?: boolean;
  /** Offsets: from the heading's line start to the end of the section's last block. */
  start: number;
  end: number;
  /** Blocks inside the section after its heading (descendants included). */
  blocks: Block[];
  children: Section[];
  parent?: Section;
}

export interface ReportDocument {
  readonly text: string;
  readonly lines: LineIndex;
  readonly mdast: Root;
  readonly settings: DocumentSettings;
  readonly blocks: Block[];
  readonly outline: Outline;
  readonly meta: ReportMeta;
  /** The text without pinyin annotations (鎮(zhèn) → 鎮), for rules that match words. */
  readonly prose: TextView;
  /** What of the text is the report and what is page chrome around or inside it (engine/extent.ts). */
  readonly extent: Extent;
  /** Sorted, non-overlapping ranges that are not report prose: code, HTML, URLs, front matter, page chrome (extent). */
  readonly ignored: readonly { start: number; end: number }[];
  isIgnored(start: number, end?: number): boolean;
  /** The block containing the offset, if any. */
  blockAt(offset: number): Block | undefined;
  /**
   * `prose.text` converted into `script` with opencc (phrase-level), computed lazily on first use and
   * cached for this document, so that the rules comparing scripts or matching names in simplified form
   * share one conversion instead of converting the text each. opencc converts line by line (no dictionary
   * entry spans a line break), so line i of the result is line i of the view converted; offsets agree
   * wherever the lengths do (check before relying on them).
   */
  proseIn(script: Script): string;
}

/** The last conversion of a document's prose made with a parse cache, per script (see proseIn). */
const lastConversions = new WeakMap<ParseCache, Map<Script, { text: string; converted: string }>>();

/**
 * `parseCache` (incremental re-checks): micromark's trees of unchanged pieces are reused, and so are the conversions
 * of unchanged lines; `knownLines`: the line index of `text`, when the caller has it (engine/incremental.ts updates it).
 */
export function buildDocument(text: string, settings: DocumentSettings, parseCache?: ParseCache, knownLines?: LineIndex): ReportDocument {
  const lines = knownLines ?? new LineIndex(text);
  const mdast = parseMarkdown(text, undefined, parseCache);
  const markup = collectIgnored(text, mdast);
  const blocks = collectBlocks(text, lines, markup);
  // Before the outline and the meta: both look past the chrome (and past page markers cut into blocks).
  const extent = findExtent(text, lines, blocks, markup);
  const ignored = extent.ignored;
  const removed: RemovedSpan[] = [];
  for (const m of text.matchAll(PINYIN_ANNOTATION)) removed.push({ start: m.index!, end: m.index! + m[0].length });
  const prose = new TextView(text, removed);
  const outline = buildOutline(text, blocks, extent.startsMidway);
  const meta = inferMeta(text, blocks, outline, settings);

  const blockStarts = blocks.map((b) => b.start);
  const converted = new Map<Script, string>();
  return {
    text,
    lines,
    mdast,
    settings,
    blocks,
    outline,
    meta,
    prose,
    extent,
    ignored,
    isIgnored(start: number, end = start + 1): boolean {
      let lo = 0;
      let hi = ignored.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = ignored[mid];
        if (r.end <= start) lo = mid + 1;
        else if (r.start >= end) hi = mid - 1;
        else return true;
      }
      return false;
    },
    blockAt(offset: number): Block | undefined {
      let lo = 0;
      let hi = blockStarts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (blockStarts[mid] <= offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0) return undefined;
      const b = blocks[found];
      return offset <= b.end ? b : undefined;
    },
    proseIn(script: Script): string {
      let out = converted.get(script);
      if (out === undefined) {
        // Re-checks of an edited document (a parse cache given): the lines the last conversion shares are reused.
        const last = parseCache && lastConversions.get(parseCache);
        const before = last?.get(script);
        converted.set(script, (out = before ? toScriptReusing(script, prose.text, before) : toScript(script, prose.text)));
        if (last) last.set(script, { text: prose.text, converted: out });
        else if (parseCache) lastConversions.set(parseCache, new Map([[script, { text: prose.text, converted: out }]]));
      }
      return out;
    },
  };
}

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'，。；、）】》]+|\bwww\.[a-z0-9-]+\.[^\s<>"'，。；、）】》]+/gi;
// The lookbehind starts a match only where a run of address characters starts: without it a long run
// (XXXX…, 1111…) is rescanned from each of its positions.
const EMAIL_RE = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const WWW = /www\./i;
// Every line inside must look like YAML (key: value, indented, list item, comment, blank), so a report that
// merely starts with a --- rule does not lose its text.
// The alternatives start differently (no backtracking blow-up on a long unclosed block).
const FRONT_MATTER = /^\ufeff?---[ \t]*\r?\n(?:(?:[\w\u4e00-\u9fa5][\w\u4e00-\u9fa5-]{0,39}[ \t]*:(?:[ \t][^\r\n]*)?|[ \t]+\S[^\r\n]*|-[ \t][^\r\n]*|#[^\r\n]*|[ \t]*)\r?\n)*?(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/;

function collectIgnored(text: string, root: Root): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  // nodesOf walks with an explicit stack: a line of 4,000 nested list markers must not overflow the call stack.
  for (const node of nodesOf(root)) {
    const t = node.type;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (t === 'code' || t === 'inlineCode' || t === 'html' || t === 'yaml' || t === 'definition') {
      if (s !== undefined && e !== undefined) ranges.push({ start: s, end: e });
      continue;
    }
    if ((t === 'link' || t === 'image') && s !== undefined && e !== undefined) {
      // The visible text of a link is prose; its destination is not. Ignore the "(url)" tail (an autolink has none).
      const close = text.slice(s, e).lastIndexOf('](');
      if (close >= 0) ranges.push({ start: s + close + 1, end: e });
    }
  }
  // YAML front matter (---…--- at the very start); remark-parse without remark-frontmatter reads it as a heading.
  const front = FRONT_MATTER.exec(text);
  if (front) ranges.push({ start: 0, end: front[0].length });
  // (Each scan only where its match can be: an address has ://, www. or @ — most reports none of them.)
  if (text.includes('://') || WWW.test(text)) for (const m of text.matchAll(URL_RE)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_RE)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** The first line of an attachment list: 附件：1.×× (the first item on the label's line). */
const ATTACHMENT_LIST = /^附\s*件\s*[:：]\s*(\d{1,2})\s*[.．、]/;
const MD_PREFIX = /^(?:\s*>)*\s*(?:(#{1,6})[ \t]+|[-*+][ \t]+(?=\S))?/;
const SETEXT = /^\s*(=+|-+)\s*$/;

function collectBlocks(text: string, lines: LineIndex, ignored: { start: number; end: number }[]): Block[] {
  const blocks: Block[] = [];
  let blankBefore = true;
  let ig = 0;
  /** Inside an attachment list: the number its next item has. */
  let attachmentNext: number | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStart(line);
    const lineEnd = lines.lineEnd(line);
    while (ig < ignored.length && ignored[ig].end <= lineStart) ig++;
    // A line wholly inside code or HTML (comments, fenced blocks) is not prose.
    if (ig < ignored.length && ignored[ig].start <= lineStart && ignored[ig].end >= lineEnd && lineEnd > lineStart) {
      const raw = text.slice(lineStart, lineEnd);
      if (raw.trim() !== '') {
        blankBefore = false;
        continue;
      }
    }
    // U+3000 (ideographic space) and NBSP are white space in pasted reports (both are in \s).
    let first = lineStart;
    while (first < lineEnd && isSpace(text.charCodeAt(first))) first++;
    if (first === lineEnd) {
      blankBefore = true;
      continue;
    }
    const raw = text.slice(lineStart, lineEnd);
    const prefix = MD_PREFIX.exec(raw)!;
    let depth = prefix[1] ? prefix[1].length : 0;
    let s = lineStart + prefix[0].length;
    let e = lineEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (depth > 0) {
      // Closing #s of an ATX heading are syntax.
      // Scanned from the end: a regex over the heading would retry at each space of a long run.
      let k = e;
      while (k > s && text[k - 1] === '#') k--;
      let j = k;
      while (j > s && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
      if (k < e && j < k) e = j;
    }
    if (SETEXT.test(raw) && blocks.length > 0 && !blankBefore && blocks[blocks.length - 1].line === line - 1 && !raw.includes(' -')) {
      blocks[blocks.length - 1].markdownDepth = raw.trim()[0] === '=' ? 1 : 2;
      continue;
    }
    // A bold numbered heading (**一、主要举措和成效**, as Word → Markdown conversions write headings) or bold
    // run-in heading (**（一）加强组织领导。**正文): the ** are markup, not part of the numbering.
    const bold = /^(\*\*|__)(?=\S)/.exec(text.slice(s, e));
    if (bold && parseNumbering(text.slice(s + 2, e))) {
      const close = text.indexOf(bold[1], s + 2);
      if (close > s + 2 && close < e) {
        if (close === e - 2) e -= 2;
        s += 2;
      }
    }
    const content = text.slice(s, e);
    let numbering = parseNumbering(content);
    // An attachment list (附件：1.×× ⏎ 2.×× …, GB/T 9704-2012 §7.3.5): its items continue the number after
    // 附件：, they are not headings of the report.
    if (numbering && attachmentNext !== undefined && numbering.level === 3 && numbering.value === attachmentNext) {
      attachmentNext++;
      numbering = undefined;
    } else {
      const attachment = ATTACHMENT_LIST.exec(content);
      attachmentNext = attachment ? Number(attachment[1]) + 1 : undefined;
    }
    // 第一部分 opens a part heading (第一部分 主要举措和成效), not a sentence (第一部分是……。).
    if (numbering?.style === 'cn-part' && (content.length > 60 || /[。；;！？!?]/.test(content))) numbering = undefined;
    let contentStart = s + (numbering ? numbering.marker.length : 0);
    while (numbering && contentStart < e && isSpace(text.charCodeAt(contentStart))) contentStart++;
    // 第一部分：主要举措和成效 / 第一部分、…: the separator is not part of the heading's text.
    if (numbering?.style === 'cn-part') {
      if (contentStart < e && /[、：:．.]/.test(text[contentStart])) contentStart++;
      while (contentStart < e && isSpace(text.charCodeAt(contentStart))) contentStart++;
    }
    blocks.push({
      index: blocks.length,
      line,
      start: s,
      end: e,
      text: content,
      markdownDepth: depth,
      numbering,
      contentStart,
      blankBefore,
      isHeading: false,
    });
    blankBefore = false;
  }
  return blocks;
}

/** What \s matches in a JavaScript regular expression (U+3000, NBSP and the BOM included), by code unit. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
