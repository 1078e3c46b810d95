// Fix-all in the editor (the command, source.fixAll.fazhi-lint, fix-on-save): the text `fazhi-lint --fix`
// writes, by the same routine (fixUntilStable: safe fixes only, re-checked until nothing changes), handed
// to the editor as a few small edits of the original text rather than one replacement of the whole
// document, so that the cursor, folds and undo stay where they were.
import { lint } from '../engine/check.js';
import type { ConfigObject } from '../engine/config.js';
import { fixUntilStable, selectFixes } from '../engine/fix.js';
import type { Finding, OffsetEdit, Rule } from '../engine/types.js';
import { resolveCached } from './analysis.js';

export interface FixAllResult {
  /** The fixed text, exactly what --fix writes. */
  text: string;
  /** Edits of the original text that produce it (disjoint, in order). */
  edits: OffsetEdit[];
  /** How many fixes were applied over all passes. */
  applied: number;
}

/**
 * `findings`: the document's current findings, when they are those of a whole check of exactly this text
 * and configuration (they save the first check); otherwise it is checked here.
 */
export function fixAll(text: string, config: ConfigObject, rules: readonly Rule[], findings?: readonly Finding[]): FixAllResult {
  const resolved = resolveCached(config, rules);
  const check = (t: string) => ({ findings: lint(t, rules, resolved).findings });
  // Each pass applies the fixes selectFixes chooses among the previous pass's findings: recorded here, in the
  // order fixUntilStable makes its passes, to turn them into edits of the original text.
  let previous = findings ? { findings } : check(text);
  let pieces: Piece[] = [{ from: 0, to: text.length }];
  const recheck = (t: string) => {
    pieces = applyPass(pieces, passEdits(previous.findings));
    previous = check(t);
    return previous;
  };
  const result = fixUntilStable(text, previous, recheck);
  return { text: result.text, edits: editsOf(pieces, text.length), applied: result.applied };
}

function passEdits(findings: readonly Finding[]): OffsetEdit[] {
  return selectFixes(findings)
    .chosen.flatMap((f) => f.fix!.edits)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The current text as pieces: kept ranges of the original text, or inserted text. */
type Piece = { from: number; to: number } | { text: string };

const pieceLength = (p: Piece) => ('text' in p ? p.text.length : p.to - p.from);

/** Applies edits (of the current text, sorted, disjoint) to the pieces. Linear in pieces + edits. */
export function applyPass(pieces: readonly Piece[], edits: readonly OffsetEdit[]): Piece[] {
  const out: Piece[] = [];
  let index = 0;
  let pieceStart = 0;
  /** Appends the current text's [from, to) (to ≥ from, from never decreasing) as pieces. */
  const keep = (from: number, to: number) => {
    while (index < pieces.length && pieceStart + pieceLength(pieces[index]) <= from && from < to) {
      pieceStart += pieceLength(pieces[index]);
      index++;
    }
    let at = from;
    while (at < to && index < pieces.length) {
      const p = pieces[index];
      const len = pieceLength(p);
      const a = at - pieceStart;
      const b = Math.min(to - pieceStart, len);
      if ('text' in p) out.push({ text: p.text.slice(a, b) });
      else out.push({ from: p.from + a, to: p.from + b });
      at = pieceStart + b;
      if (b === len) {
        pieceStart += len;
        index++;
      }
    }
  };
  let cursor = 0;
  const total = pieces.reduce((n, p) => n + pieceLength(p), 0);
  for (const e of edits) {
    keep(cursor, e.start);
    if (e.newText) out.push({ text: e.newText });
    cursor = e.end;
  }
  keep(cursor, total);
  return out;
}

/** The pieces as edits of the original text (of `length` units): each gap or insertion between kept ranges. */
export function editsOf(pieces: readonly Piece[], length: number): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  let origin = 0;
  let inserted = '';
  for (const p of pieces) {
    if ('text' in p) {
      inserted += p.text;
      continue;
    }
    if (p.from === p.to) continue;
    if (p.from !== origin || inserted) edits.push({ start: origin, end: p.from, newText: inserted });
    inserted = '';
    origin = p.to;
  }
  if (origin !== length || inserted) edits.push({ start: origin, end: length, newText: inserted });
  return edits;
}
