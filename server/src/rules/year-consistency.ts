// The year reported on must be consistent: title, opening, the headings of the parts about that year,
// and the next-year part (year + 1). Typical cause: last year's report reused with the title updated.
import type { Rule, PartId } from '../engine/types.js';
import type { Block, Section } from '../engine/document.js';
import { partOfTitle, topSectionOf } from '../engine/outline.js';
import { cite } from './shared/citations.js';

/** A year as a point in time: not one end of a range (2021—2025年), not a date's month. */
const YEAR = /(?<![\d—–\-~～至到])(\d{4})\s*年(?!\s*[—–\-~～至到]|\s*\d)/g;

const SOURCE_LABEL = { title: '标题', opening: '正文开头', config: '配置' } as const;

const rule: Rule = {
  id: 'year-consistency',
  severity: 'warning',
  tags: ['structure', 'date'],
  docs: {
    description: '报告中的年度前后不一致：标题与正文、各部分标题与报告年度不符，或“下一年度安排”不是报告年度的次年。',
    why: '年度报告报告的是上一年度的情况和下一年度的安排。标题写2025年、正文小标题却写2024年，多半是沿用往年报告时漏改，公开后会误导读者，也会被督察认定为敷衍应付。',
    ...cite(['supervision-25']),
    howToFix: '统一为报告所述年度；“下一年度主要安排”部分写报告年度的次年。',
  },
  check({ doc, report }) {
    const { meta, outline } = doc;
    const year = meta.year;
    if (!year || !meta.yearSource) return;
    const source = SOURCE_LABEL[meta.yearSource];
    const titleSet = new Set(meta.titleBlocks);

    // Title against the configured year.
    if (meta.yearSource === 'config') {
      for (const b of meta.titleBlocks) for (const y of yearsIn(b, b.start, b.end)) {
        if (y.value !== year) report({ ...y, message: `标题中的“${y.text}”与配置的报告年度${year}年不一致。`, data: { expected: year } });
      }
    }

    // The opening sentence (2023年以来，…) against the title.
    if (meta.yearSource !== 'opening') {
      const firstHeading = outline.sections[0]?.heading.start ?? Infinity;
      // Page chrome before the title (a site header's date) is not the opening.
      const opening = doc.blocks.find((b) => b.start < firstHeading && !b.chrome && !titleSet.has(b) && /^\d{4}\s*年/.test(b.text));
      const y = opening && yearsIn(opening, opening.start, opening.end)[0];
      if (y && y.start === opening.start && y.value !== year) {
        report({ ...y, message: `正文开头的“${y.text}”与${source}的报告年度${year}年不一致。`, data: { expected: year } });
      }
    }

    // Headings: top-level ones anywhere in the title, deeper ones only a leading year.
    const expectedOf = (p: PartId) => (p === 'next-year' ? year + 1 : year);
    for (const s of outline.all) {
      const top = topSectionOf(outline, s.start);
      if (!top?.part) continue;
      // In a combined part (存在的问题和下一步打算) a heading belongs to the part it or a parent names
      // (（二）2024年工作打算); where none does, either part's year is right.
      const part = partWithin(s, top);
      const parts = (part ? [part] : top.parts ?? [top.part]).filter((p) => p !== 'other');
      if (parts.length === 0) continue;
      const h = s.heading;
      const titleEnd = Math.min(h.end, h.contentStart + s.title.length);
      for (const y of yearsIn(h, h.contentStart, titleEnd)) {
        if (s !== top && y.start !== h.contentStart) continue;
        if (parts.some((p) => y.value === expectedOf(p))) continue;
        const shown = parts[0];
        const expected = expectedOf(shown);
        report({ ...y, message: headingMessage(shown, y.text, expected, year, source), data: { part: shown, expected } });
      }
    }

    // The next-year part's opening (2024年，我局将…) must be year + 1. In a combined part, the opening of
    // its subsection about next year (（二）下一步打算).
    const nextYear = outline.parts.get('next-year')!.flatMap((s) =>
      (s.parts?.length ?? 1) > 1 ? s.children.filter((c) => partOfTitle(c.normalizedTitle) === 'next-year') : [s],
    );
    for (const s of nextYear) {
      for (const b of s.blocks.slice(0, 3)) {
        if (b.isHeading) continue;
        const y = yearsIn(b, b.start, Math.min(b.end, b.start + 8))[0];
        if (!y || y.start !== b.start || y.value === year + 1) continue;
        if (!/将/.test(b.text.slice(0, 30))) continue;
        report({ ...y, message: `“下一年度主要安排”部分写“${y.text}”，但${source}的报告年度是${year}年，下一年度应为${year + 1}年。`, data: { part: 'next-year', expected: year + 1 } });
      }
    }
  },
};

/** The part a heading inside a combined top-level section belongs to: the first it or a parent below the top names. */
function partWithin(s: Section, top: Section): PartId | undefined {
  const parts = top.parts ?? (top.part ? [top.part] : []);
  if (parts.length <= 1) return top.part;
  for (let x: Section | undefined = s; x && x !== top; x = x.parent) {
    const p = partOfTitle(x.normalizedTitle);
    if (p && parts.includes(p)) return p;
  }
  return undefined;
}

function headingMessage(part: PartId, text: string, expected: number, year: number, source: string): string {
  return part === 'next-year'
    ? `“下一年度主要安排”部分的标题写“${text}”，但${source}的报告年度是${year}年，下一年度应为${expected}年。`
    : `标题中的“${text}”与${source}的报告年度${year}年不一致。`;
}

/** Years in block text [from, to) outside 《书名》 (a cited document's own years are not the report's). */
function yearsIn(block: Block, from: number, to: number): { start: number; end: number; value: number; text: string }[] {
  const text = block.text.slice(from - block.start, to - block.start);
  const out: { start: number; end: number; value: number; text: string }[] = [];
  let depth = 0;
  let cursor = 0;
  for (const m of text.matchAll(YEAR)) {
    for (; cursor < m.index!; cursor++) {
      if (text[cursor] === '《') depth++;
      else if (text[cursor] === '》') depth = Math.max(0, depth - 1);
    }
    if (depth > 0) continue;
    out.push({ start: from + m.index!, end: from + m.index! + m[0].length, value: Number(m[1]), text: m[0] });
  }
  return out;
}

export default rule;
