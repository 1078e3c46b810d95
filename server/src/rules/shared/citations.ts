// Citations are data (rules/citations.json): each rule names the articles it relies on by id, and its
// `docs.basis` (shown in hovers and rule pages) is built from that data, so an article number or its
// wording is corrected in one place and checked by test/rules/citations.test.ts against the article's text.
import data from '../../../../rules/citations.json';

export interface Citation {
  document: string;
  article?: string;
  text: string;
  source?: string;
  relies: string[];
  excerpt?: boolean;
  note?: string;
}

export const CITATIONS: Readonly<Record<string, Citation>> = (data as { citations: Record<string, Citation> }).citations;

/** 《文件》第二十六条 — how a citation is shown. */
export function citationLabel(id: string): string {
  const c = CITATIONS[id];
  if (!c) throw new Error(`unknown citation "${id}" (rules/citations.json)`);
  return c.article ? `${c.document}${c.article}` : c.document;
}

/**
 * The citation fields of a rule's docs: `basis` (the labels joined) and `citations` (the ids). Without ids,
 * `none` says why nothing is cited (a convention no regulation states).
 */
export function cite(ids: string[], none?: string): { basis: string; citations: string[] } {
  return { basis: ids.length ? ids.map(citationLabel).join('；') : (none ?? '无'), citations: ids };
}
