// Partial re-checking of large documents. A full check of a 1 MB report
// (Markdown parse, script conversion, every rule) takes far longer than a
// keystroke should wait, so for large documents the server
//   1. maps the last findings through the edits (dropping those the edits touched),
//   2. re-runs the rules whose findings depend only on nearby lines on a small
//      window of lines around the edits, and publishes at once,
//   3. runs the full check in a worker thread and publishes that when it lands.
// Document-level rules (structure, numbering, duplicates, years, mixed-script's
// majority decision) keep their mapped findings until step 3.
import type { Finding } from '../engine/types.js';

/** Rules whose findings on a line depend only on that line and its neighbours (given the report's body and year). */
export const LOCAL_RULES: ReadonlySet<string> = new Set([
  'pinyin-residue',
  'conversion-artifact',
  'placeholder',
  'date-format',
  'cjk-spacing',
  'halfwidth-punctuation',
  'unpaired-punctuation',
  'end-punctuation',
  'broken-paragraph',
  'typo',
  'terminology',
  'outdated-reference',
  'foreign-entity',
]);

/** One text change: [start, oldEnd) of the old text became [start, newEnd) of the new text. */
export interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Maps an offset range through an edit; undefined when the edit touches it. */
function mapRange(start: number, end: number, e: Edit): [number, number] | undefined {
  const delta = e.newEnd - e.oldEnd;
  if (end < e.start || (end === e.start && start < end)) return [start, end];
  if (start > e.oldEnd || (start === e.oldEnd && start < end && e.oldEnd > e.start)) return [start + delta, end + delta];
  // A zero-width finding at the edit's start, before an insertion, stays where it is.
  if (start === end && start === e.start && e.oldEnd === e.start) return [start, end];
  return undefined;
}

export function mapFinding(f: Finding, edits: readonly Edit[]): Finding | undefined {
  let range: [number, number] | undefined = [f.start, f.end];
  let fixEdits = f.fix?.edits.map((x) => [x.start, x.end] as [number, number] | undefined);
  for (const e of edits) {
    range = range && mapRange(range[0], range[1], e);
    if (!range) return undefined;
    fixEdits = fixEdits?.map((r) => r && mapRange(r[0], r[1], e));
  }
  const out: Finding = { ...f, start: range![0], end: range![1] };
  if (f.fix) {
    if (fixEdits!.some((r) => !r)) delete out.fix;
    else out.fix = { title: f.fix.title, edits: f.fix.edits.map((x, i) => ({ ...x, start: fixEdits![i]![0], end: fixEdits![i]![1] })) };
  }
  return out;
}

/** The region of the newest text that the edits changed, or undefined for none. */
export function dirtyRegion(edits: readonly Edit[]): { start: number; end: number } | undefined {
  let region: { start: number; end: number } | undefined;
  for (const e of edits) {
    if (region) {
      const delta = e.newEnd - e.oldEnd;
      if (region.end >= e.start) region.end = Math.max(region.end + delta, e.newEnd);
      if (region.start > e.oldEnd) region.start += delta;
      region = { start: Math.min(region.start, e.start), end: Math.max(region.end, e.newEnd) };
    } else region = { start: e.start, end: e.newEnd };
  }
  return region;
}

function lineStartBefore(text: string, offset: number, lines: number): number {
  let at = Math.min(offset, text.length);
  for (let i = 0; i <= lines; i++) {
    const nl = at > 0 ? text.lastIndexOf('\n', at - 1) : -1;
    if (nl < 0) return 0;
    at = nl;
  }
  return at + 1;
}

function lineEndAfter(text: string, offset: number, lines: number): number {
  let at = offset;
  for (let i = 0; i <= lines; i++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at - 1;
}

export interface Window {
  /** The text checked: whole lines around the change. */
  start: number;
  end: number;
  /** Where the window's findings are trusted (one line of context is kept on each side). */
  trustedStart: number;
  trustedEnd: number;
}

export function windowAround(text: string, region: { start: number; end: number }, context = 3): Window {
  const start = lineStartBefore(text, region.start, context);
  const end = lineEndAfter(text, region.end, context);
  const trustedStart = start === 0 ? 0 : lineStartBefore(text, region.start, context - 1);
  const trustedEnd = end === text.length ? text.length : lineEndAfter(text, region.end, context - 1);
  return { start, end, trustedStart, trustedEnd };
}

/** Old findings (already mapped) with the window's local findings spliced in. */
export function spliceWindow(mapped: readonly Finding[], windowFindings: readonly Finding[], w: Window): Finding[] {
  const inside = (f: Finding) => f.start >= w.trustedStart && f.end <= w.trustedEnd;
  const kept = mapped.filter((f) => !(LOCAL_RULES.has(f.rule) && inside(f)));
  const fresh = windowFindings
    .map((f) => shift(f, w.start))
    .filter((f) => LOCAL_RULES.has(f.rule) && inside(f));
  return [...kept, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

function shift(f: Finding, by: number): Finding {
  const out: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.fix) out.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return out;
}
