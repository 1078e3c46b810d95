// The report's outline: which blocks are headings, their levels, the
// section tree, and which top-level sections are which statutory part.
// Heading synonyms are data (rules/sections.json).
import sectionData from '../../../rules/sections.json';
import type { Block, Section } from './document.js';
import { toSimplified } from './script.js';
import { PINYIN_ANNOTATION } from './pinyin.js';
import { PART_IDS, type PartId } from './types.js';
import { parseNumbering } from './numbering.js';

export interface Outline {
  /** Top-level sections, in document order. */
  sections: Section[];
  /** Every section, depth-first in document order. */
  all: Section[];
  /** Top-level sections per statutory part. */
  parts: Map<PartId, Section[]>;
  /** The level of top-level sections (1 unless the report starts numbering lower). */
  topLevel: number;
  /**
   * Parts the report has without a top-level heading of their own: given as a sub-item of another part
   * (（一）履行推进法治建设第一责任人职责 under 一、主要举措和成效), with the sub-item's sections. Present, but
   * not in their statutory place (section-order says so; required-section does not call them missing).
   */
  nested: Map<PartId, Section[]>;
  /**
   * Parts present without any heading: the measures, when the text reports work before its first named part
   * (sub-items （三）（四） before 二、存在的问题, an excerpt or a text whose headings were lost).
   */
  implicit: Set<PartId>;
}

export interface SectionData {
  parts: Record<PartId, { name: string; short: string; patterns: string[]; heading: string; skeleton: string[] }>;
  matchOrder: PartId[];
  /** Parts that a sub-heading may give (present, out of place) instead of a top-level heading. */
  nestable?: PartId[];
  /** Stricter patterns a sub-heading must match to give a part (the whole title names it). */
  nestedPatterns?: Partial<Record<PartId, string[]>>;
  causePatterns: string[];
  /** With a heading naming the causes: causal wording that counts as the analysis. */
  causeConnectives?: string[];
  causeSkeleton: string;
}
export const SECTION_DATA = sectionData as unknown as SectionData;

const PART_PATTERNS: [PartId, RegExp][] = SECTION_DATA.matchOrder.map((id) => [
  id,
  new RegExp(SECTION_DATA.parts[id].patterns.join('|')),
]);

/** The statutory part a heading names, or undefined for a thematic heading. */
export function partOfTitle(normalizedTitle: string): PartId | undefined {
  for (const [id, re] of PART_PATTERNS) if (re.test(normalizedTitle)) return id;
  return undefined;
}

/** Where a heading joins the names of two parts: 存在的问题和下一步打算, 存在的问题、原因及下一步工作打算. */
const JOINT = /以及|及|和|与|暨|并|、|，|,|；|;/;

/**
 * Every statutory part a heading names: the part of the whole title first, then those its joined phrases
 * name (存在的问题和下一步打算 → shortcomings, next-year), in statutory order. Empty for a thematic heading.
 */
export function partsOfTitle(normalizedTitle: string): PartId[] {
  const first = partOfTitle(normalizedTitle);
  if (!first) return [];
  const found = new Set<PartId>([first]);
  const phrases = normalizedTitle.split(JOINT);
  if (phrases.length > 1) {
    for (const phrase of phrases) {
      const part = partOfTitle(phrase.replace(/^\s*\d{4}\s*年度?/, '').trim());
      if (part) found.add(part);
    }
  }
  return [first, ...PART_IDS.filter((id) => id !== first && found.has(id))];
}

/** Title of a heading for matching: simplified, without a leading year such as "2022年". */
export function normalizeTitle(title: string): string {
  // 第一责任人 职责情况, 存在的 问题: spaces a paste left between Chinese characters do not change the heading.
  return toSimplified(title.replace(PINYIN_ANNOTATION, ''))
    .replace(/^\s*(\d{4}\s*年度?)/, '')
    .replace(/(?<=[\u4e00-\u9fa5])[ \t\u3000]+(?=[\u4e00-\u9fa5])/g, '')
    .trim();
}

/** The heading part of a numbered paragraph: up to the first full stop/colon (run-in heading) or the whole block. */
function headingTitle(block: Block, text: string): string {
  // 1. **加强组织领导。**正文…: emphasis opening right after the marker is markup, not the heading's text.
  const content = text.slice(block.contentStart, block.end).replace(/^(\*\*|__)(?=\S)/, '');
  // ** / __ end a bold run-in heading (**（一）加强组织领导**正文…).
  const stop = content.search(/[。：:；;！？!?]|\*\*|__/);
  return (stop >= 0 ? content.slice(0, stop) : content).trim();
}

/**
 * Level of a block as a heading, or 0 if it is not one. `shift` is 1 in a report divided into 第一部分,
 * 第二部分…: those are level 1 and the GB/T levels (一、 （一） 1. （1）) move down by one.
 */
function headingLevel(block: Block, markdownBase: number, shift: number): number {
  if (block.numbering) return block.numbering.level + shift;
  if (block.markdownDepth > 0) return Math.max(1, block.markdownDepth - markdownBase + 1);
  return 0;
}

export function buildOutline(text: string, allBlocks: Block[], startsMidway = false): Outline {
  // Page chrome (engine/extent.ts) is outside the report: never a heading, never in a section. A report on
  // one line (or one line per page) has its headings inline after a full stop: they are read as blocks.
  const blocks = withInlineHeadings(text, allBlocks.filter((b) => !b.chrome));
  // The first depth-1 Markdown heading that names a report is the title, not a section. So is a deeper one
  // (## ××镇关于2023年法治政府建设情况的报告 over ### 一、… or ## 一、…, where a site reserves #) that no
  // numbered heading precedes, no heading is shallower than, and that reads as a report's title, not as a
  // part (其他需要报告的情况).
  const mdHeadings = blocks.filter((b) => b.markdownDepth > 0 && !b.numbering);
  const shallowest = Math.min(...blocks.filter((b) => b.markdownDepth > 0).map((b) => b.markdownDepth));
  const titleBlock = mdHeadings.find(
    (b, i) =>
      i === 0 &&
      /报告|報告/.test(b.text) &&
      (b.markdownDepth === 1 ||
        (b.markdownDepth === shallowest &&
          !blocks.some((x) => x.index < b.index && x.numbering) &&
          /(报告|報告)》?$/.test(b.text) &&
          /法治|依法/.test(b.text))),
  );
  const sectionMd = mdHeadings.filter((b) => b !== titleBlock);
  const markdownBase = sectionMd.length ? Math.min(...sectionMd.map((b) => b.markdownDepth)) : 1;
  const shift = blocks.some((b) => b.numbering?.level === 0) ? 1 : 0;

  const all: Section[] = [];
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const block of blocks) {
    if (block === titleBlock) continue;
    const level = headingLevel(block, markdownBase, shift);
    if (level > 0) {
      block.isHeading = true;
      const title = block.numbering ? headingTitle(block, text) : block.text;
      const section: Section = {
        level,
        heading: block,
        title,
        normalizedTitle: normalizeTitle(title),
        start: block.start,
        end: block.end,
        blocks: [],
        children: [],
      };
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        section.parent = parent;
        parent.children.push(section);
      } else roots.push(section);
      stack.push(section);
      all.push(section);
      continue;
    }
    for (const s of stack) {
      s.blocks.push(block);
      s.end = block.end;
    }
  }
  // Children's headings are blocks of their ancestors too; extend ends.
  for (const s of [...all].reverse()) {
    if (s.parent) {
      s.parent.end = Math.max(s.parent.end, s.end);
    }
  }
  for (const s of all) {
    if (s.parent) {
      for (let p: Section | undefined = s.parent; p; p = p.parent) p.blocks.push(s.heading);
    }
  }
  for (const s of all) s.blocks.sort((a, b) => a.index - b.index);

  // Top-level sections: those at the shallowest level in use.
  const topLevel = roots.length ? Math.min(...roots.map((s) => s.level)) : 1;
  const sections = roots.filter((s) => s.level === topLevel);
  // A deeper root (e.g. "(一)" before the first "一、") stays in `all` but is not a part.

  const parts = new Map<PartId, Section[]>();
  for (const s of sections) {
    const named = partsOfTitle(s.normalizedTitle);
    if (named.length) {
      s.part = named[0];
      s.parts = named;
      s.partByName = true;
    }
  }
  // Thematic headings (一、加强组织领导…) before the shortcomings part (or, without one, before the next-year or
  // other part) are measures — also after a first-responsible part put first, as many reports since 2020 do
  // (一、党政主要负责人履行…职责情况 ⏎ 二、深入推进依法行政… ⏎ 三、…).
  const firstShortcomings = sections.findIndex((s) => s.part === 'shortcomings');
  const firstOther = firstShortcomings >= 0 ? firstShortcomings : sections.findIndex((s) => s.part === 'next-year' || s.part === 'other');
  sections.forEach((s, i) => {
    if (!s.part && (firstOther < 0 || i < firstOther)) {
      s.part = 'measures';
      s.parts = ['measures'];
      s.partByName = false;
    }
  });
  for (const id of PART_IDS) parts.set(id, []);
  // A combined heading (存在的问题和下一步打算) stands for each part it names.
  for (const s of sections) for (const p of s.parts ?? []) parts.get(p)!.push(s);

  const nested = new Map<PartId, Section[]>();
  for (const s of all) {
    if (s.level === topLevel && !s.parent) continue;
    for (const p of NESTABLE) {
      if (parts.get(p)!.length || !NESTED_PATTERNS.get(p)!.test(s.normalizedTitle)) continue;
      if (!nested.has(p)) nested.set(p, []);
      nested.get(p)!.push(s);
    }
  }
  // A part's heading that lost its number in a conversion: a short unpunctuated line of its own naming the part
  // (党政主要负责人履行推进法治建设第一责任人职责情况 ⏎ 正文…).
  for (const b of blocks) {
    if (b.isHeading || b.text.length > 40 || !PART_WORD.test(b.text) || /[。；;，,：:！？!?]/.test(b.text) || /报告|報告/.test(b.text)) continue;
    const title = normalizeTitle(b.text);
    for (const p of NESTABLE) {
      if (parts.get(p)!.length || nested.has(p) || !NESTED_PATTERNS.get(p)!.test(title)) continue;
      nested.set(p, [{ level: topLevel, heading: b, title: b.text, normalizedTitle: title, start: b.start, end: b.end, blocks: [], children: [] }]);
    }
  }
  const implicit = new Set<PartId>();
  if (!parts.get('measures')!.length) {
    const firstTop = sections[0]?.start ?? Infinity;
    // Sub-items before the first part heading (an excerpt starting at （三）), or a text without part headings
    // that reports its work at length (its 一、 lost in a conversion), or one that starts after a cut.
    const subItemsFirst = roots.some((s) => s.level > topLevel && s.start < firstTop);
    const prose = blocks.filter((b) => !b.isHeading && b.start < firstTop).reduce((n, b) => n + b.text.length, 0);
    // The first part heading numbered 二、 (or later) after text: the 一、 heading of that text was lost.
    const lostFirst = (sections[0]?.heading.numbering?.value ?? 1) > 1 && prose >= 150;
    if (subItemsFirst || lostFirst || (sections.length === 0 && prose >= 300) || (startsMidway && prose > 0)) implicit.add('measures');
  }
  return { sections, all, parts, topLevel, nested, implicit };
}

const NESTABLE = new Set<PartId>(SECTION_DATA.nestable ?? []);
/** A character every part name the nested patterns know has (a cheap test before normalising a line). */
const PART_WORD = /[责責负負领領把问問题題不足困难難短板差距薄弱下打计計划劃安排思重举舉目今明]/;
const NESTED_PATTERNS = new Map<PartId, RegExp>(
  [...NESTABLE].map((p) => [p, new RegExp((SECTION_DATA.nestedPatterns?.[p] ?? SECTION_DATA.parts[p].patterns).join('|'))]),
);

/** A heading inline after a sentence's end: …提供了坚实法治保障。一、以思想引领为先导… / …协调发展。（二）坚持… */
const INLINE_HEADING = /(?<=[。！？；：:!?;])[\s\u3000]*(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])/g;
/** In an inline level-1 heading, a level-2 marker before any sentence punctuation. */
const SUB_AFTER_HEADING = /(?<=^[^。！？；!?;]{4,50})[（(][一二三四五六七八九十]{1,3}[)）]/;
/** A line this long holds a whole report (or a page of one) when it has inline headings. */
const ONE_LINE_LAYOUT = 300;

/**
 * The blocks with each line of a one-line layout split at its inline headings (segments share the line's
 * index and line number). Only long lines with at least one inline 一、 and another inline heading are split,
 * in texts of a few lines (a long paragraph of an ordinary report that enumerates 一、…二、… stays whole).
 */
function withInlineHeadings(text: string, blocks: Block[]): Block[] {
  if (!blocks.some((b) => b.text.length >= ONE_LINE_LAYOUT)) return blocks;
  const cutsOf = new Map<Block, number[]>();
  for (const b of blocks) {
    if (b.text.length < ONE_LINE_LAYOUT || (blocks.length > 6 && b.text.length < 3000)) continue;
    const cuts = [...b.text.matchAll(INLINE_HEADING)].map((m) => m.index! + m[0].length);
    // 一、以思想引领为先导，在深学笃行中凝聚法治共识（一）强化理论武装…: a sub-heading right after a heading's text.
    for (const c of [...cuts]) {
      const sub = SUB_AFTER_HEADING.exec(b.text.slice(c, c + 60));
      if (sub && TOP_MARKER.test(b.text.slice(c, c + 4))) cuts.push(c + sub.index);
    }
    if (cuts.length) cutsOf.set(b, [...new Set(cuts)].sort((x, y) => x - y));
  }
  // Over the text (a page of a doc-site may hold a single heading): two inline headings, one of them 一、-level.
  const all = [...cutsOf].flatMap(([b, cuts]) => cuts.map((c) => b.text.slice(c, c + 4)));
  if (all.length < 2 || !all.some((h) => TOP_MARKER.test(h))) return blocks;
  const out: Block[] = [];
  for (const b of blocks) {
    const cuts = cutsOf.get(b);
    if (!cuts) {
      out.push(b);
      continue;
    }
    let from = 0;
    for (const to of [...cuts, b.text.length]) {
      if (to > from) out.push(segment(text, b, from, to));
      from = to;
    }
  }
  return out;
}

const TOP_MARKER = /^[一二三四五六七八九十]{1,3}、/;

function segment(text: string, b: Block, from: number, to: number): Block {
  let end = b.start + to;
  while (end > b.start + from && /[\s\u3000]/.test(text[end - 1])) end--;
  const start = b.start + from;
  const content = text.slice(start, end);
  const numbering = from === 0 ? b.numbering : parseNumbering(content);
  return {
    ...b,
    start,
    end,
    text: content,
    numbering,
    contentStart: numbering ? start + numbering.marker.length : start,
    blankBefore: from === 0 ? b.blankBefore : false,
    isHeading: false,
  };
}

/** How the document lays out paragraphs, so that inserted text looks like the rest: its line break and
 * whether a blank line separates blocks (most Word pastes: yes; web copies: often no). */
export function paragraphLayout(text: string, blocks: readonly Block[]): { eol: string; blankLines: boolean } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let blank = 0;
  for (let i = 1; i < blocks.length; i++) if (blocks[i].blankBefore) blank++;
  return { eol, blankLines: blocks.length > 1 && blank * 2 >= blocks.length - 1 };
}

/** The top-level section containing a block (its part tells where a finding is). */
export function topSectionOf(outline: Outline, offset: number): Section | undefined {
  const secs = outline.sections;
  let lo = 0;
  let hi = secs.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (secs[mid].start <= offset) {
      found = secs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset <= found.end ? found : undefined;
}
