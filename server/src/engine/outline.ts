// The report's outline: which blocks are headings, their levels, the
// section tree, and which top-level sections are which statutory part.
// Heading synonyms are data (rules/sections.json).
import sectionData from '../../../rules/sections.json';
import type { Block, Section } from './document.js';
import { toSimplified } from './script.js';
import { PINYIN_ANNOTATION } from './pinyin.js';
import { PART_IDS, type PartId } from './types.js';

export interface Outline {
  /** Top-level sections, in document order. */
  sections: Section[];
  /** Every section, depth-first in document order. */
  all: Section[];
  /** Top-level sections per statutory part. */
  parts: Map<PartId, Section[]>;
  /** The level of top-level sections (1 unless the report starts numbering lower). */
  topLevel: number;
}

export interface SectionData {
  parts: Record<PartId, { name: string; short: string; patterns: string[]; heading: string; skeleton: string[] }>;
  matchOrder: PartId[];
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
  return toSimplified(title.replace(PINYIN_ANNOTATION, '')).replace(/^\s*(\d{4}\s*年度?)/, '').trim();
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

export function buildOutline(text: string, blocks: Block[]): Outline {
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
          !blocks.slice(0, b.index).some((x) => x.numbering) &&
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
  // Thematic headings (一、加强组织领导…) before the shortcomings part (or, without one, before the
  // first other named part) are measures.
  const firstShortcomings = sections.findIndex((s) => s.part === 'shortcomings');
  const firstOther = firstShortcomings >= 0 ? firstShortcomings : sections.findIndex((s) => s.part && s.part !== 'measures');
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
  return { sections, all, parts, topLevel };
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
