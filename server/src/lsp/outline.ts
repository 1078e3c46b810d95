// Document symbols, folding ranges and the compliance checklist, from the
// section outline of the last check.
import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SECTION_DATA } from '../engine/outline.js';
import { PART_IDS } from '../engine/types.js';
import type { SectionSummary } from './analysis.js';
import type { ChecklistItem } from './protocol.js';

function clampName(text: string): string {
  const t = text.trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t || '（空标题）';
}

/**
 * The heading proper of a heading block. Plain-text reports often run the heading into its paragraph
 * ("（一）健全组织，明确责任。一是……"): the outline and breadcrumbs show the first sentence, not the paragraph.
 */
function headingProper(doc: TextDocument, s: SectionSummary): { text: string; end: number } {
  const raw = doc.getText().slice(s.headingStart, s.headingEnd);
  const m = /^[^。！？!?；;\n]{2,}?[。！？!?；;]/.exec(raw);
  if (m && m[0].length < raw.trimEnd().length) return { text: m[0].replace(/[。；;]$/, ''), end: s.headingStart + m[0].length };
  return { text: s.heading, end: s.headingEnd };
}

function toSymbol(doc: TextDocument, s: SectionSummary, top: boolean): DocumentSymbol {
  const heading = headingProper(doc, s);
  const range = { start: doc.positionAt(s.headingStart), end: doc.positionAt(Math.max(s.end, s.headingEnd)) };
  const selectionRange = { start: doc.positionAt(s.headingStart), end: doc.positionAt(heading.end) };
  const part = top && s.part ? SECTION_DATA.parts[s.part] : undefined;
  return {
    // A statutory part is named as the regulation names it; the heading as written is its detail.
    name: part ? part.short : clampName(heading.text),
    detail: part ? clampName(heading.text) : undefined,
    kind: part ? SymbolKind.Module : SymbolKind.String,
    range,
    selectionRange,
    children: s.children.map((c) => toSymbol(doc, c, false)),
  };
}

export function documentSymbols(doc: TextDocument, sections: readonly SectionSummary[]): DocumentSymbol[] {
  return sections.map((s) => toSymbol(doc, s, true));
}

export function foldingRanges(doc: TextDocument, sections: readonly SectionSummary[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (s: SectionSummary) => {
    const startLine = doc.positionAt(s.headingStart).line;
    const endLine = doc.positionAt(Math.max(s.end, s.headingEnd)).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}

export function checklist(sections: readonly SectionSummary[]): ChecklistItem[] {
  return PART_IDS.map((part) => {
    const found = sections.filter((s) => s.part === part);
    return {
      part,
      name: SECTION_DATA.parts[part].name,
      short: SECTION_DATA.parts[part].short,
      present: found.length > 0,
      headings: found.map((s) => ({ text: s.heading, line: s.headingLine })),
    };
  });
}
