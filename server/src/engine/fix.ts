// Applying fixes. A fix is atomic (all its edits or none); fixes whose
// edits overlap an already accepted edit are left for a later pass, so
// "fix all" never corrupts text and applying it again changes nothing more.
import type { Finding, OffsetEdit } from './types.js';

export interface FixResult {
  text: string;
  applied: Finding[];
  skipped: Finding[];
}

/** Two edits conflict when their ranges intersect, or when both insert at the same point (order would be ambiguous). */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** Accepted edits, disjoint and sorted by start, with binary-search lookups (fix-all stays O(n log n)). */
class EditSet {
  private readonly edits: OffsetEdit[] = [];
  private indexOf(start: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  conflicts(e: OffsetEdit): boolean {
    const i = this.indexOf(e.start);
    return (i > 0 && overlaps(this.edits[i - 1], e)) || (i < this.edits.length && overlaps(this.edits[i], e));
  }
  add(e: OffsetEdit): void {
    this.edits.splice(this.indexOf(e.start), 0, e);
  }
}

/** Chooses a set of non-overlapping fixes, in document order. */
export function selectFixes(findings: readonly Finding[]): { chosen: Finding[]; skipped: Finding[] } {
  const candidates = findings.filter((f) => f.fix && f.fix.edits.length > 0);
  candidates.sort((a, b) => a.fix!.edits[0].start - b.fix!.edits[0].start || a.start - b.start);
  const accepted = new EditSet();
  const chosen: Finding[] = [];
  const skipped: Finding[] = [];
  for (const f of candidates) {
    const edits = f.fix!.edits;
    const selfOverlap = edits.some((e, i) => edits.some((o, j) => j > i && overlaps(e, o)));
    if (selfOverlap || edits.some((e) => accepted.conflicts(e))) {
      skipped.push(f);
      continue;
    }
    for (const e of edits) accepted.add(e);
    chosen.push(f);
  }
  return { chosen, skipped };
}

export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor) throw new Error(`overlapping edits at offset ${e.start}`);
    out.push(text.slice(cursor, e.start), e.newText);
    cursor = e.end;
  }
  out.push(text.slice(cursor));
  return out.join('');
}

export function applyFixes(text: string, findings: readonly Finding[]): FixResult {
  const { chosen, skipped } = selectFixes(findings);
  return { text: applyEdits(text, chosen.flatMap((f) => f.fix!.edits)), applied: chosen, skipped };
}

/** At most this many passes: fixes that enable other fixes converge quickly; a cycle must not hang. */
export const MAX_FIX_PASSES = 10;

/**
 * Fix-all as --fix, the editor's fix-all and fix-on-save all do it: apply every safe fix (never a
 * suggestion), re-check, and repeat until nothing changes. `recheck` is the caller's lint, so the
 * CLI can record rule crashes and the server can use its own configuration.
 */
export function fixUntilStable<R extends { findings: readonly Finding[] }>(
  text: string,
  first: R,
  recheck: (text: string) => R,
): { text: string; outcome: R; applied: number } {
  let current = text;
  let outcome = first;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixed = applyFixes(current, outcome.findings);
    if (fixed.applied.length === 0 || fixed.text === current) break;
    applied += fixed.applied.length;
    current = fixed.text;
    outcome = recheck(current);
  }
  return { text: current, outcome, applied };
}
