// Re-checking a large document after a small edit without starting over (the language server's need: a
// one-character edit in a 1 MB report). A check's findings are split into those of the rules kept by line — the
// local rules (Rule.local: a finding on a line depends only on that line and its neighbours, given the report's
// body and year) and the rules local given a document-level decision (Rule.documentContext) while that decision is
// defined — and those of the document-level rules. After edits:
//   edit()      shifts every kept finding through the edits (a FindingStore moves whole chunks, not findings),
//               drops those the edits touched, and re-runs the rules kept by line on a window of lines around the
//               change (the context rules under their last decision): the partial result, in milliseconds;
//   complete()  builds the document model again (micromark trees and script conversions of unchanged pieces
//               reused) and re-runs the rules kept by line on the top-level section(s) around the change, keeping
//               their other findings — unless something they read beyond their lines changed (the title, year or
//               body; the sections and their parts; code or HTML regions; the blocks outside the window) or the
//               change is in a heading line or the report's head, or the sections alone would not see what the
//               whole text does, in which case they run on the whole text again. Each context rule's counts are
//               kept per line and only the region's lines recounted; a rule whose decision changed or is undefined
//               runs on the whole text. The document-level rules run on the whole text. The result is what lint()
//               gives on the new text (test/engine/incremental.test.ts and incremental-context.test.ts check it
//               after each kind of edit, decisions flipped included, and after random edits of real reports).
// A rule whose findings name line numbers in `data` runs with the document-level rules.
import { compareFindings, lint, type RuleError } from './check.js';
import type { ResolvedConfig } from './config.js';
import { buildDocument, type Block, type ReportDocument } from './document.js';
import { LineIndex } from './line-index.js';
import { ParseCache } from './markdown.js';
import type { Finding, PositionedEdit, Rule } from './types.js';

/** A change of the text: [start, end) of the text before it is replaced by newText. Edits apply one after another. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/**
 * One copy of each message, fix title and replacement text among the findings kept: the 86 000 findings of a
 * 1 MB report hold some 1 200 distinct messages, 600 titles and 700 replacements, 11 MB as separate strings.
 */
export class SharedStrings {
  private readonly map = new Map<string, string>();

  of(s: string): string {
    const known = this.map.get(s);
    if (known !== undefined) return known;
    // Bounded: a document edited for hours never grows it without end.
    if (this.map.size >= 100_000) this.map.clear();
    this.map.set(s, s);
    return s;
  }

  /** The finding with its strings replaced, in place, by the shared copies (equal strings: nothing else changes). */
  share(f: Finding): void {
    f.message = this.of(f.message);
    if (f.fix) this.shareFix(f.fix);
    if (f.suggestions) for (const s of f.suggestions) this.shareFix(s);
  }

  private shareFix(fix: { title: string; edits: { newText: string }[] }): void {
    fix.title = this.of(fix.title);
    for (const e of fix.edits) e.newText = this.of(e.newText);
  }
}

/** Findings sorted by start, in chunks that an edit shifts as a whole (offsets and lines applied on read). */
export class FindingStore {
  private chunks: Chunk[] = [];
  private static readonly CHUNK = 256;

  constructor(findings: readonly Finding[] = []) {
    this.chunks = chunksOf(findings, FindingStore.CHUNK);
  }

  /**
   * Every finding's strings replaced by the shared copies, a chunk at a time (IncrementalChecker.compact). Edits
   * made between two steps do no harm: a string is only ever replaced by an equal one.
   */
  *share(strings: SharedStrings): Generator<void> {
    for (const chunk of this.chunks) {
      for (const f of chunk.items) strings.share(f);
      yield;
    }
  }

  get size(): number {
    let n = 0;
    for (const c of this.chunks) n += c.items.length;
    return n;
  }

  /**
   * Applies one change, made to the text the findings are on: findings after it move by the change's length and
   * line count (chunks wholly after it in O(1) each), findings it touches are dropped, findings on the line where
   * it ends are repositioned with `lines` (the new text's line index).
   */
  applyChange(c: TextChange, oldText: string, lines: LineIndex): void {
    const delta = c.newText.length - (c.end - c.start);
    const lineDelta = countBreaks(c.newText) - countBreaks(oldText, c.start, c.end);
    // Findings starting on the line where the change ends (or later on it) change columns: re-position those.
    const lineEndAfter = nextBreak(oldText, c.end);
    for (const chunk of this.chunks) {
      const items = chunk.items;
      if (!items.length) continue;
      // Bounds of the chunk's findings and of their fixes' edits (in the chunk's own, unshifted offsets).
      if (chunk.maxEnd + chunk.delta < c.start) continue; // wholly before
      if (chunk.minStart + chunk.delta > lineEndAfter) {
        chunk.delta += delta;
        chunk.lineDelta += lineDelta;
        continue;
      }
      // The chunk meets the change: settle its pending shift, then map each finding.
      settleChunk(chunk);
      const out: Finding[] = [];
      for (const f of items) {
        const mapped = mapFinding(f, c, delta, lineDelta, lineEndAfter, lines);
        if (mapped) out.push(mapped);
      }
      Object.assign(chunk, chunkOf(out));
    }
  }

  /**
   * Replaces the findings wholly inside [start, end) that `drop` selects by `fresh` (sorted, starting inside
   * [start, end)); only the chunks holding findings that start there are rebuilt.
   */
  replaceRange(start: number, end: number, drop: (f: Finding) => boolean, fresh: readonly Finding[]): void {
    const chunks = this.chunks;
    let lo = 0;
    while (lo < chunks.length && (chunks[lo].items.length === 0 || lastStart(chunks[lo]) < start)) lo++;
    let hi = lo;
    while (hi < chunks.length && (chunks[hi].items.length === 0 || chunks[hi].items[0].start + chunks[hi].delta <= end)) hi++;
    const kept: Finding[] = [];
    for (let k = lo; k < hi; k++) {
      settleChunk(chunks[k]);
      for (const f of chunks[k].items) if (!(f.start >= start && f.end <= end && drop(f))) kept.push(f);
    }
    chunks.splice(lo, hi - lo, ...chunksOf(mergeSorted(kept, fresh), FindingStore.CHUNK));
  }

  /**
   * Every finding at its current position. The findings are the store's own: a chunk's pending shift is applied
   * to them in place, once (no copies), so a result handed out earlier moves with later edits.
   */
  all(): Finding[] {
    const out: Finding[] = [];
    for (const chunk of this.chunks) {
      settleChunk(chunk);
      for (const f of chunk.items) out.push(f);
    }
    return out;
  }
}

function lastStart(chunk: Chunk): number {
  return chunk.items[chunk.items.length - 1].start + chunk.delta;
}

/** Applies a chunk's pending shift to its findings, in place. */
function settleChunk(chunk: Chunk): void {
  const { delta, lineDelta } = chunk;
  if (delta === 0 && lineDelta === 0) return;
  // Plain loops: an array of the fix and suggestions per finding cost more than the shift itself.
  const move = (edits: PositionedEdit[]) => {
    for (const e of edits) {
      e.start += delta;
      e.end += delta;
      e.line += lineDelta;
      e.endLine += lineDelta;
    }
  };
  for (const f of chunk.items) {
    f.start += delta;
    f.end += delta;
    f.line += lineDelta;
    f.endLine += lineDelta;
    if (f.fix) move(f.fix.edits);
    if (f.suggestions) for (const s of f.suggestions) move(s.edits);
  }
  chunk.minStart += delta;
  chunk.maxEnd += delta;
  chunk.delta = 0;
  chunk.lineDelta = 0;
}

interface Chunk {
  items: Finding[];
  /** Pending shift of every item. */
  delta: number;
  lineDelta: number;
  /** Smallest start and largest end of the items and of their fixes' and suggestions' edits, before the shift. */
  minStart: number;
  maxEnd: number;
}

function chunkOf(items: Finding[]): Chunk {
  let minStart = Infinity;
  let maxEnd = -Infinity;
  const bound = (edits: readonly { start: number; end: number }[]) => {
    for (const e of edits) {
      if (e.start < minStart) minStart = e.start;
      if (e.end > maxEnd) maxEnd = e.end;
    }
  };
  for (const f of items) {
    if (f.start < minStart) minStart = f.start;
    if (f.end > maxEnd) maxEnd = f.end;
    if (f.fix) bound(f.fix.edits);
    if (f.suggestions) for (const s of f.suggestions) bound(s.edits);
  }
  return { items, delta: 0, lineDelta: 0, minStart, maxEnd };
}

function chunksOf(findings: readonly Finding[], size: number): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < findings.length; i += size) out.push(chunkOf(findings.slice(i, i + size)));
  return out;
}

/**
 * The line index of `text`, which is `old.text` after the change: the line starts before the change are kept,
 * those after it moved, and only the lines the change touches scanned (a 1 MB text need not be scanned per edit).
 */
export function linesAfter(old: LineIndex, text: string, c: TextChange): LineIndex {
  const starts = old.lineStarts;
  const delta = c.newText.length - (c.end - c.start);
  // From the start of the line holding the character before the change (a "\r" there may pair with an inserted "\n").
  const first = old.lineOf(Math.max(0, c.start - 1));
  // Old line starts beyond the change and the line break it may split or join move as they are.
  let k = first + 1;
  while (k < starts.length && starts[k] <= c.end + 1) k++;
  const resume = k < starts.length ? starts[k] + delta : Infinity;
  const out = starts.slice(0, first + 1);
  const scanEnd = Math.min(text.length, resume);
  for (let i = starts[first]; i < scanEnd; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (i + 1 < resume) out.push(i + 1);
    } else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 < resume) out.push(i + 1);
    }
  }
  for (; k < starts.length; k++) out.push(starts[k] + delta);
  const lines = Object.create(LineIndex.prototype) as { text: string; lineStarts: number[] };
  lines.text = text;
  lines.lineStarts = out;
  return lines as unknown as LineIndex;
}

function countBreaks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function nextBreak(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** A copy of the finding moved by `delta` code units and `lineDelta` lines (columns unchanged). */
function settle(f: Finding, delta: number, lineDelta: number): Finding {
  if (delta === 0 && lineDelta === 0) return f;
  const out: Finding = { ...f, start: f.start + delta, end: f.end + delta, line: f.line + lineDelta, endLine: f.endLine + lineDelta };
  const move = <T extends { start: number; end: number; line: number; endLine: number }>(e: T): T => ({ ...e, start: e.start + delta, end: e.end + delta, line: e.line + lineDelta, endLine: e.endLine + lineDelta });
  if (f.fix) out.fix = { title: f.fix.title, edits: f.fix.edits.map(move) };
  if (f.suggestions) out.suggestions = f.suggestions.map((s) => ({ title: s.title, edits: s.edits.map(move) }));
  return out;
}

/** The finding through one change, or undefined when the change touches it (or one of its fix's edits). */
function mapFinding(f: Finding, c: TextChange, delta: number, lineDelta: number, lineEndAfter: number, lines: LineIndex): Finding | undefined {
  const range = mapRange(f.start, f.end, c, delta);
  if (!range) return undefined;
  const move = <T extends { start: number; end: number; line: number; column: number; endLine: number; endColumn: number }>(e: T): T | undefined => {
    const r = mapRange(e.start, e.end, c, delta);
    if (!r) return undefined;
    if (r[0] === e.start && r[1] === e.end) return e;
    return { ...e, start: r[0], end: r[1], ...position(r[0], r[1], e, lineDelta, lineEndAfter + delta, lines) };
  };
  let out: Finding = f;
  if (range[0] !== f.start || range[1] !== f.end) out = { ...f, start: range[0], end: range[1], ...position(range[0], range[1], f, lineDelta, lineEndAfter + delta, lines) };
  if (f.fix) {
    const edits = f.fix.edits.map(move);
    if (edits.some((e) => !e)) {
      out = out === f ? { ...f } : out;
      delete out.fix;
    } else if (edits.some((e, i) => e !== f.fix!.edits[i])) out = { ...out, fix: { title: f.fix.title, edits: edits as typeof f.fix.edits } };
  }
  if (f.suggestions) {
    const kept = f.suggestions.map((s) => ({ title: s.title, edits: s.edits.map(move) })).filter((s) => s.edits.every((e) => e));
    out = out === f ? { ...f } : out;
    if (kept.length) out.suggestions = kept as typeof f.suggestions;
    else delete out.suggestions;
  }
  return out;
}

/** Line and column of a moved range: recomputed on the line where the change ends, else shifted by lines. */
function position(start: number, end: number, old: { line: number; column: number; endLine: number; endColumn: number }, lineDelta: number, changedLineEnd: number, lines: LineIndex) {
  const s = start <= changedLineEnd ? lines.position(start) : { line: old.line + lineDelta, column: old.column };
  const e = end <= changedLineEnd ? lines.position(end) : { line: old.endLine + lineDelta, column: old.endColumn };
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** [start, end) through the change, or undefined when the change touches it (as the language server maps findings). */
function mapRange(start: number, end: number, c: TextChange, delta: number): [number, number] | undefined {
  if (end < c.start || (end === c.start && start < end)) return [start, end];
  if (start > c.end || (start === c.end && start < end && c.end > c.start)) return [start + delta, end + delta];
  if (start === end && start === c.start && c.end === c.start) return [start, end];
  return undefined;
}


function mergeSorted(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && compareFindings(a[i], b[j]) <= 0)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** Whole lines around [start, end), `context` more on each side; `trusted*` one line less. */
function windowAround(text: string, start: number, end: number, context: number) {
  const lineStartBefore = (offset: number, n: number) => {
    let at = Math.min(offset, text.length);
    for (let i = 0; i <= n; i++) {
      const nl = at > 0 ? text.lastIndexOf('\n', at - 1) : -1;
      if (nl < 0) return 0;
      at = nl;
    }
    return at + 1;
  };
  const lineEndAfter = (offset: number, n: number) => {
    let at = offset;
    for (let i = 0; i <= n; i++) {
      const nl = text.indexOf('\n', at);
      if (nl < 0) return text.length;
      at = nl + 1;
    }
    return at - 1;
  };
  const s = lineStartBefore(start, context);
  const e = lineEndAfter(end, context);
  return {
    start: s,
    end: e,
    trustedStart: s === 0 ? 0 : lineStartBefore(start, context - 1),
    trustedEnd: e === text.length ? text.length : lineEndAfter(end, context - 1),
  };
}

export interface IncrementalResult {
  findings: Finding[];
  errors: RuleError[];
  /** True when complete() had to run the local rules on the whole text again. */
  fullLocal?: boolean;
  /** complete(): the rules with a documentContext that ran on the whole text (their decision changed or is undefined). */
  wholeText?: string[];
  /** Where complete()'s time went (ms), for FAZHI_LINT_TRACE. */
  timing?: Record<string, number>;
}

/** Lines of context around a change for the local rules (their findings depend on a line and its neighbours). */
const CONTEXT = 3;

/**
 * A rule with a documentContext (Rule.documentContext): the counts of each line of the current text, and the
 * decision their sums gave. `stale`: the line counts no longer follow the lines (recount them all).
 */
interface ContextState {
  rule: Rule;
  lines: (Readonly<Record<string, number>> | undefined)[];
  decision: string | undefined;
  stale: boolean;
}

export class IncrementalChecker {
  /** Rules declaring `local`. */
  private localRules: Rule[];
  /** Rules with a documentContext: local while their decision holds and is defined. */
  private contextRules: Rule[];
  private globalRules: Rule[];
  private readonly contexts = new Map<string, ContextState>();
  private readonly cache = new ParseCache();
  /** For the sections re-checked after edits (often the same ones, edit after edit); apart from the whole text's. */
  private readonly regionCache = new ParseCache();
  private readonly strings = new SharedStrings();
  private text = '';
  private lines = new LineIndex('');
  private local = new FindingStore();
  private global = new FindingStore();
  private doc?: ReportDocument;
  /** The region of the current text changed since the last complete result (undefined: none). */
  private dirty?: { start: number; end: number };
  private errors: RuleError[] = [];

  constructor(
    private readonly rules: readonly Rule[],
    private readonly config: ResolvedConfig,
  ) {
    this.localRules = rules.filter((r) => r.local);
    this.contextRules = rules.filter((r) => !r.local && r.documentContext);
    this.globalRules = rules.filter((r) => !r.local && !r.documentContext);
  }

  /** The rules whose findings are kept by line now: the local ones and those whose document decision is defined. */
  private localNow(): Rule[] {
    return [...this.localRules, ...this.contextRules.filter((r) => this.contexts.get(r.id)?.decision !== undefined)];
  }

  /** The decisions of the context rules that are local now (handed to them when they run on a piece of the text). */
  private decisions(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, state] of this.contexts) if (state.decision !== undefined) out.set(id, state.decision);
    return out;
  }

  /** A full check of `text`, from scratch. */
  check(text: string): IncrementalResult {
    this.text = text;
    const result = lint(text, this.rules, this.config, { parseCache: this.cache });
    // A local rule whose findings name line numbers in `data` (broken-paragraph's nextLine) cannot have them moved
    // by an edit elsewhere without knowing what they refer to: it runs with the document-level rules.
    this.demote(namingLines(result.findings));
    this.doc = result.document;
    this.lines = result.document.lines;
    this.contexts.clear();
    for (const rule of this.contextRules) {
      const state: ContextState = { rule, lines: [], decision: undefined, stale: false };
      this.recount(state, result.document, 0, 0, text.length);
      state.decision = rule.documentContext!.decide(totals(state), result.document);
      this.contexts.set(rule.id, state);
    }
    const localIds = new Set(this.localNow().map((r) => r.id));
    this.local = new FindingStore(result.findings.filter((f) => localIds.has(f.rule)));
    this.global = new FindingStore(result.findings.filter((f) => !localIds.has(f.rule)));
    this.dirty = undefined;
    this.errors = result.errors;
    return { findings: result.findings, errors: result.errors };
  }

  /** These rules run with the document-level rules from now on (their findings name line numbers). */
  private demote(ids: ReadonlySet<string>): void {
    if (!ids.size) return;
    this.localRules = this.localRules.filter((r) => !ids.has(r.id));
    this.contextRules = this.contextRules.filter((r) => !ids.has(r.id));
    this.globalRules = this.rules.filter((r) => !this.localRules.includes(r) && !this.contextRules.includes(r));
    for (const id of ids) this.contexts.delete(id);
  }

  /**
   * The counts of a context rule for the lines of the current text starting in [from, to), taken on `doc`, whose
   * offset 0 is `shift` in the current text (the whole document, or a piece of it); those lines' old counts go.
   */
  private recount(state: ContextState, doc: ReportDocument, shift: number, from: number, to: number): void {
    const lines = this.lines;
    if (state.stale || state.lines.length !== lines.lineCount) {
      // Every line again, on the whole text (a piece does not hold them all).
      state.lines = new Array(lines.lineCount).fill(undefined);
      state.stale = false;
      if (shift !== 0 || from !== 0 || to !== this.text.length) throw new Error('stale counts recounted on a piece');
    }
    if (to > from) state.lines.fill(undefined, lines.lineOf(from), lines.lineOf(to - 1) + 1);
    else if (to === from && from === 0) state.lines.fill(undefined);
    state.rule.documentContext!.count(doc, from - shift, to - shift, (offset, counts) => {
      const at = offset + shift;
      if (at < from || at >= to) return;
      const line = lines.lineOf(at);
      const known = state.lines[line];
      state.lines[line] = known ? addCounts({ ...known }, counts) : { ...counts };
    });
  }

  /**
   * Less memory for the findings kept: one copy of each message, fix title and replacement (a 1 MB report's
   * 86 652 findings: 55 → 36 MB). Hashing ~250 000 fresh strings takes 0.1–0.2 s, so it is done in steps (a chunk
   * of findings each), which the language server takes when idle and stops when a job comes.
   */
  *compactSteps(): Generator<void> {
    yield* this.local.share(this.strings);
    yield* this.global.share(this.strings);
  }

  /** compactSteps at once. */
  compact(): void {
    for (const _ of this.compactSteps());
  }

  get currentText(): string {
    return this.text;
  }

  /** The document model of the last check() or complete() (that of the text before edits made since). */
  get document(): ReportDocument | undefined {
    return this.doc;
  }

  /**
   * Applies the changes (each to the text the previous one left) and returns the partial result: kept findings
   * shifted, touched ones dropped, the local rules (and the context rules under their last decision) re-run on the
   * lines around the changes.
   */
  edit(changes: readonly TextChange[]): IncrementalResult {
    for (const c of changes) {
      const old = this.text;
      const text = old.slice(0, c.start) + c.newText + old.slice(c.end);
      const lines = linesAfter(this.lines, text, c);
      this.local.applyChange(c, old, lines);
      this.global.applyChange(c, old, lines);
      for (const state of this.contexts.values()) shiftCounts(state, this.lines, lines, c);
      const delta = c.newText.length - (c.end - c.start);
      if (this.dirty) {
        // The earlier region, moved by this change, joined with this change's region.
        const d = this.dirty;
        const s = d.start >= c.end ? d.start + delta : Math.min(d.start, c.start);
        const e = d.end >= c.end ? d.end + delta : d.end <= c.start ? d.end : c.start + c.newText.length;
        this.dirty = { start: Math.min(s, c.start), end: Math.max(e, c.start + c.newText.length) };
      } else this.dirty = { start: c.start, end: c.start + c.newText.length };
      this.text = text;
      this.lines = lines;
    }
    if (!this.dirty) return { findings: mergeSorted(this.local.all(), this.global.all()), errors: this.errors };
    const w = windowAround(this.text, this.dirty.start, this.dirty.end, CONTEXT);
    const partial = lint(this.text.slice(w.start, w.end), this.localNow(), this.windowConfig(this.doc), { decisions: this.decisions() });
    const lineOffset = this.lines.lineOf(w.start);
    const fresh = partial.findings
      .map((f) => settle(f, w.start, lineOffset))
      .filter((f) => f.start >= w.trustedStart && f.end <= w.trustedEnd);
    this.local.replaceRange(w.trustedStart, w.trustedEnd, () => true, fresh);
    return { findings: mergeSorted(this.local.all(), this.global.all()), errors: [...this.errors, ...partial.errors] };
  }

  /** The config for a piece of the document: the report's body and year as the whole document gives them. */
  private windowConfig(doc: ReportDocument | undefined): ResolvedConfig {
    const meta = doc?.meta;
    const settings = { ...this.config.settings };
    if (meta?.body && meta.body.length >= 2 && !settings.body) settings.body = meta.body;
    if (meta?.year && !settings.year) settings.year = meta.year;
    return { ...this.config, settings };
  }

  /**
   * The full result for the current text: the document-level rules on the whole text; the local rules, and the
   * context rules whose decision held, on the top-level section(s) around the change (their findings elsewhere
   * kept), unless something they depend on beyond their lines changed; the context rules whose decision changed
   * (or is undefined) on the whole text.
   */
  complete(): IncrementalResult {
    if (!this.dirty) return { findings: mergeSorted(this.local.all(), this.global.all()), errors: this.errors };
    const timing: Record<string, number> = {};
    let t = performance.now();
    const lap = (what: string) => {
      const now = performance.now();
      timing[what] = (timing[what] ?? 0) + now - t;
      t = now;
    };
    const old = this.doc;
    const dirty = this.dirty;
    const doc = buildDocument(this.text, this.config.settings, this.cache, this.lines);
    lap('document');
    const w = windowAround(this.text, dirty.start, dirty.end, CONTEXT);
    let region = old && sameContext(old, doc, dirty, w, this.text.length - old.text.length) ? sectionRegion(doc, w) : undefined;
    // The region as a document of its own (the report's body and year given); not when it would see a title there.
    const regionConfig = this.windowConfig(doc);
    let regionDoc: ReportDocument | undefined;
    if (region) {
      regionDoc = buildDocument(this.text.slice(region.start, region.end), regionConfig.settings, this.regionCache);
      if (regionDoc.meta.titleBlocks.length || regionDoc.meta.titleRange || !sameInside(doc, regionDoc, region)) region = regionDoc = undefined;
    }
    lap('region');
    // The context rules' decisions on the new counts (only the region's lines recounted).
    const kept = new Map<string, string>();
    const whole: Rule[] = [];
    for (const state of this.contexts.values()) {
      if (region && regionDoc && !state.stale && state.lines.length === this.lines.lineCount) this.recount(state, regionDoc, region.start, region.from, region.end);
      else {
        state.stale = true;
        this.recount(state, doc, 0, 0, this.text.length);
      }
      const decision = state.rule.documentContext!.decide(totals(state), doc);
      if (region && decision !== undefined && decision === state.decision) kept.set(state.rule.id, decision);
      else whole.push(state.rule);
      state.decision = decision;
    }
    lap('counts');
    const regionRules = [...this.localRules, ...this.contextRules.filter((r) => kept.has(r.id))];
    let localErrors: RuleError[];
    let fullLocal = false;
    if (region && regionDoc) {
      const part = lint(regionDoc.text, regionRules, regionConfig, { document: regionDoc, decisions: kept });
      const lineOffset = doc.lines.lineOf(region.start);
      const { from, end } = region;
      // A rule whose findings there name line numbers (counted in the piece) runs on the whole text from now on.
      const naming = namingLines(part.findings);
      const fresh = part.findings.map((f) => settle(f, region!.start, lineOffset)).filter((f) => f.start >= from && f.end <= end && !naming.has(f.rule));
      const ids = new Set(regionRules.map((r) => r.id));
      this.local.replaceRange(from, end, (f) => ids.has(f.rule), fresh);
      if (naming.size) {
        this.demote(naming);
        for (const id of naming) kept.delete(id);
        this.local = new FindingStore(this.local.all().filter((f) => !naming.has(f.rule)));
      }
      localErrors = part.errors;
    } else {
      const local = lint(this.text, this.localRules, this.config, { document: doc });
      // A rule whose findings name line numbers runs with the document-level rules from now on (just below).
      const naming = namingLines(local.findings);
      this.demote(naming);
      this.local = new FindingStore(naming.size ? local.findings.filter((f) => !naming.has(f.rule)) : local.findings);
      localErrors = local.errors.filter((e) => !naming.has(e.rule));
      fullLocal = true;
    }
    lap('local rules');
    // The document-level rules, and the context rules that run on the whole text this time.
    const result = lint(this.text, [...this.globalRules, ...whole], this.config, { document: doc });
    lap('document-level rules');
    const naming = namingLines(result.findings.filter((f) => this.contexts.has(f.rule)));
    this.demote(naming);
    const wholeLocal = new Set(whole.filter((r) => this.contexts.get(r.id)?.decision !== undefined && !naming.has(r.id)).map((r) => r.id));
    const wholeIds = new Set(whole.map((r) => r.id));
    if (wholeIds.size) {
      // Their findings kept by line go; those of the rules now local join them.
      const moved = result.findings.filter((f) => wholeLocal.has(f.rule));
      if (fullLocal) this.local = new FindingStore(mergeSorted(this.local.all(), moved));
      else this.local = new FindingStore(mergeSorted(this.local.all().filter((f) => !wholeIds.has(f.rule)), moved));
    }
    this.doc = doc;
    this.global = new FindingStore(wholeLocal.size ? result.findings.filter((f) => !wholeLocal.has(f.rule)) : result.findings);
    this.dirty = undefined;
    this.errors = [...result.errors, ...localErrors];
    const findings = mergeSorted(this.local.all(), this.global.all());
    lap('merge');
    return { findings, errors: this.errors, fullLocal, wholeText: whole.map((r) => r.id), timing };
  }
}

/**
 * Whether the piece `part` (the text of `doc` from region.start) sees in [region.from, region.end) what the whole
 * document sees there: the same blocks (headings, numbering, page chrome) and the same ignored ranges (code, HTML,
 * chrome found by the shape of the whole text).
 */
function sameInside(doc: ReportDocument, part: ReportDocument, region: { start: number; from: number; end: number }): boolean {
  const { start, from, end } = region;
  const ranges = (d: ReportDocument, shift: number) =>
    d.ignored
      .filter((r) => r.end + shift > from && r.start + shift < end)
      .map((r) => `${Math.max(from, r.start + shift)},${Math.min(end, r.end + shift)}`)
      .join();
  if (ranges(doc, 0) !== ranges(part, start)) return false;
  const inside = (d: ReportDocument, shift: number) => d.blocks.filter((b) => b.start + shift >= from && b.start + shift < end);
  const whole = inside(doc, 0);
  const piece = inside(part, start);
  return whole.length === piece.length && whole.every((b, k) => sameBlock(piece[k], b, start) && piece[k].chrome === b.chrome);
}

/** Two blocks alike for the local rules, `x` moved by `shift`: the same range, Markdown depth, numbering, blank line before, heading. */
function sameBlock(x: Block, y: Block, shift: number): boolean {
  return (
    x.start + shift === y.start &&
    x.end + shift === y.end &&
    x.markdownDepth === y.markdownDepth &&
    x.numbering?.style === y.numbering?.style &&
    x.numbering?.value === y.numbering?.value &&
    x.blankBefore === y.blankBefore &&
    x.isHeading === y.isHeading
  );
}

/**
 * The rules among `findings` whose findings name line numbers in `data` (broken-paragraph's nextLine): an edit
 * elsewhere cannot move those without knowing what they refer to, and a piece of the text numbers lines its own way.
 */
function namingLines(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (out.has(f.rule)) continue;
    for (const k in f.data) {
      if (/line/i.test(k) && typeof f.data[k] === 'number') {
        out.add(f.rule);
        break;
      }
    }
  }
  return out;
}

/** The sums of a context rule's line counts. */
function totals(state: ContextState): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const counts of state.lines) if (counts) addCounts(sum, counts);
  return sum;
}

function addCounts(sum: Record<string, number>, counts: Readonly<Record<string, number>>): Record<string, number> {
  for (const k in counts) sum[k] = (sum[k] ?? 0) + counts[k];
  return sum;
}

/**
 * A context rule's line counts through one change: the lines before and after the lines it touches keep theirs
 * (moved), the touched lines have none until complete() recounts them (they are in its region). Line numbers as
 * linesAfter() keeps them: from the line of the character before the change to that of the one after it.
 */
function shiftCounts(state: ContextState, before: LineIndex, after: LineIndex, c: TextChange): void {
  if (state.stale) return;
  const oldLength = before.text.length;
  const first = before.lineOf(Math.max(0, c.start - 1));
  const oldLast = before.lineOf(Math.min(oldLength, c.end + 1));
  const newLast = after.lineOf(Math.min(after.text.length, c.start + c.newText.length + 1));
  if (state.lines.length !== before.lineCount || before.lineCount - oldLast !== after.lineCount - newLast || newLast < first) {
    state.stale = true;
    return;
  }
  state.lines = state.lines.slice(0, first).concat(new Array(newLast - first + 1).fill(undefined), state.lines.slice(oldLast + 1));
}

/**
 * Whether the local rules see the same world outside the changed region: the same title, body, year and profile,
 * and the same blocks and ignored (code, HTML) ranges before and after it (the latter moved by `delta`).
 */
function sameContext(a: ReportDocument, b: ReportDocument, dirty: { start: number; end: number }, w: { start: number; end: number }, delta: number): boolean {
  const metaKey = (d: ReportDocument) => {
    const m = d.meta;
    return JSON.stringify([m.title, m.titleRange, m.body, m.bodyShort, m.bodyLevel, m.year, m.reportDate, m.titleBlocks.map((x) => [x.start, x.end])]);
  };
  if (metaKey(a) !== metaKey(b)) return false;
  // Outside the region, the new document must be the old one moved: compare what lies before and after it.
  const oldEnd = dirty.end - delta;
  // The sections and the parts they stand for (a local rule may treat a line by the part it is in).
  const at = (offset: number, old: boolean) => (offset < dirty.start ? offset : old ? (offset >= oldEnd ? offset + delta : -1) : offset >= dirty.end ? offset : -1);
  const sections = (d: ReportDocument, old: boolean) => JSON.stringify(d.outline.all.map((x) => [x.level, x.part, x.parts, x.partByName, at(x.heading.start, old)]));
  if (sections(a, true) !== sections(b, false)) return false;
  // Ranges and blocks are sorted and do not overlap: those before the region are a prefix, those after it a suffix.
  // Compared in place (a 1 MB report has 15 000 blocks).
  const sameRange = (x: { start: number; end: number }, y: { start: number; end: number }, shift: number) => x.start + shift === y.start && x.end + shift === y.end;
  if (!samePrefix(a.ignored, b.ignored, (r) => r.end <= dirty.start, (x, y) => sameRange(x, y, 0))) return false;
  if (!sameSuffix(a.ignored, b.ignored, (r) => r.start >= oldEnd, (r) => r.start >= dirty.end, (x, y) => sameRange(x, y, delta))) return false;
  // Blocks outside the window (whose local findings were re-run): a block also depends on the line before it.
  const oldWindowEnd = w.end - delta;
  if (!samePrefix(a.blocks, b.blocks, (x) => x.end < w.start, (x, y) => sameBlock(x, y, 0))) return false;
  return sameSuffix(a.blocks, b.blocks, (x) => x.start > oldWindowEnd, (x) => x.start > w.end, (x, y) => sameBlock(x, y, delta));
}

/** Whether the items of `a` and `b` for which `take` holds (a prefix of each) are the same. */
function samePrefix<T>(a: readonly T[], b: readonly T[], take: (x: T) => boolean, same: (x: T, y: T) => boolean): boolean {
  let i = 0;
  for (; i < a.length && take(a[i]); i++) if (i >= b.length || !take(b[i]) || !same(a[i], b[i])) return false;
  return i >= b.length || !take(b[i]);
}

/** Whether the items of `a` for which `takeA` holds (a suffix) are those of `b` for which `takeB` holds. */
function sameSuffix<T>(a: readonly T[], b: readonly T[], takeA: (x: T) => boolean, takeB: (x: T) => boolean, same: (x: T, y: T) => boolean): boolean {
  let i = a.length - 1;
  let j = b.length - 1;
  for (; i >= 0 && takeA(a[i]); i--, j--) if (j < 0 || !takeB(b[j]) || !same(a[i], b[j])) return false;
  return j < 0 || !takeB(b[j]);
}

/**
 * The top-level sections holding the window, as a region to re-check the local rules on: from the first one's
 * heading (`start`) to the end of the last (`end`); findings are replaced from `from`, the line after that heading
 * (a heading's own findings may depend on its sibling headings, which the region lacks). Undefined when the
 * window reaches outside top-level sections (the report's head) or into the first heading's line, or when a
 * section's part was inferred from the others (the region alone would not infer it).
 */
function sectionRegion(doc: ReportDocument, w: { start: number; end: number }): { start: number; from: number; end: number } | undefined {
  const sections = doc.outline.sections;
  let first = -1;
  let last = -1;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    const end = i + 1 < sections.length ? sections[i + 1].start : doc.text.length;
    if (end <= w.start || s.start >= w.end) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return undefined;
  const start = sections[first].start;
  const end = last + 1 < sections.length ? sections[last + 1].start : doc.text.length;
  const headingLine = doc.lines.lineOf(sections[first].heading.start);
  const from = headingLine + 1 < doc.lines.lineCount ? doc.lines.lineStart(headingLine + 1) : doc.text.length;
  if (w.start < from || w.end > end) return undefined;
  for (let i = first; i <= last; i++) if (sections[i].part && sections[i].partByName === false) return undefined;
  return { start, from, end };
}
