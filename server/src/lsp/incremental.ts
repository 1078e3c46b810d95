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

/** Maps an offset range through an edit into `out`; false when the edit touches it. */
function mapRange(start: number, end: number, e: Edit, out: [number, number]): boolean {
  const delta = e.newEnd - e.oldEnd;
  if (end < e.start || (end === e.start && start < end)) {
    out[0] = start;
    out[1] = end;
    return true;
  }
  if (start > e.oldEnd || (start === e.oldEnd && start < end && e.oldEnd > e.start)) {
    out[0] = start + delta;
    out[1] = end + delta;
    return true;
  }
  // A zero-width finding at the edit's start, before an insertion, stays where it is.
  if (start === end && start === e.start && e.oldEnd === e.start) {
    out[0] = start;
    out[1] = end;
    return true;
  }
  return false;
}

const scratch: [number, number] = [0, 0];

/** Maps [start, end) through all edits; false when one of them touches it (result in `scratch`). */
function mapThrough(start: number, end: number, edits: readonly Edit[]): boolean {
  scratch[0] = start;
  scratch[1] = end;
  for (const e of edits) if (!mapRange(scratch[0], scratch[1], e, scratch)) return false;
  return true;
}

/**
 * Maps findings (sorted by start) through the edits, in place: a finding before every edit is kept as is,
 * later ones are shifted, touched ones are dropped (and a fix with a touched edit loses its fix).
 * In place because the old list is discarded anyway and copying 50,000 findings costs seconds.
 */
export function mapFindings(findings: Finding[], edits: readonly Edit[]): Finding[] {
  if (!edits.length) return findings;
  let firstEdit = Infinity;
  for (const e of edits) firstEdit = Math.min(firstEdit, e.start);
  const out: Finding[] = [];
  for (const f of findings) {
    // Fast path: wholly before every edit (fix edits lie near their finding; check them too).
    if (f.end < firstEdit && (!f.fix || fixBefore(f, firstEdit))) {
      out.push(f);
      continue;
    }
    if (!mapThrough(f.start, f.end, edits)) continue;
    f.start = scratch[0];
    f.end = scratch[1];
    // Document-wide fixes (renumber every heading, convert every line) are not worth mapping edit by
    // edit; they come back with the full re-check that follows.
    if (f.fix && f.fix.edits.length > 50) delete f.fix;
    if (f.fix) {
      let alive = true;
      for (const fe of f.fix.edits) {
        if (!mapThrough(fe.start, fe.end, edits)) {
          alive = false;
          break;
        }
        fe.start = scratch[0];
        fe.end = scratch[1];
      }
      if (!alive) delete f.fix;
    }
    out.push(f);
  }
  return out;
}

function fixBefore(f: Finding, offset: number): boolean {
  for (const e of f.fix!.edits) if (e.end >= offset) return false;
  return true;
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

/** Old findings (already mapped, sorted) with the window's local findings spliced in, still sorted (linear merge). */
export function spliceWindow(mapped: readonly Finding[], windowFindings: readonly Finding[], w: Window): Finding[] {
  const inside = (f: Finding) => f.start >= w.trustedStart && f.end <= w.trustedEnd;
  const kept = mapped.filter((f) => !(LOCAL_RULES.has(f.rule) && inside(f)));
  const fresh = windowFindings
    .map((f) => shift(f, w.start))
    .filter((f) => LOCAL_RULES.has(f.rule) && inside(f));
  const before = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < fresh.length) {
    if (j >= fresh.length || (i < kept.length && before(kept[i], fresh[j]) <= 0)) out.push(kept[i++]);
    else out.push(fresh[j++]);
  }
  return out;
}

function shift(f: Finding, by: number): Finding {
  const out: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.fix) out.fix = { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) };
  return out;
}
