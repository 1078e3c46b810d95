// The engine: check(text, config) → findings. Pure — no file or network
// I/O, no process state — so the CLI, the language server and the tests
// share it. The engine knows no particular rule: the registry is passed in
// (server/src/rules/index.ts is the default).
import { buildDocument, type ReportDocument } from './document.js';
import type { ParseCache } from './markdown.js';
import { parseSuppressions } from './disable.js';
import { resolveConfig, type ConfigObject, type ResolvedConfig } from './config.js';
import type { Finding, OffsetEdit, Position, Report, Rule, RuleContext, PositionedEdit } from './types.js';
import type { LineIndex } from './line-index.js';

export interface RuleError {
  rule: string;
  error: unknown;
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw; the other rules' findings are still returned. */
  errors: RuleError[];
  document: ReportDocument;
}

function isResolved(c: ConfigObject | ResolvedConfig | undefined): c is ResolvedConfig {
  return !!c && (c as ResolvedConfig).rules instanceof Map;
}

/** For incremental re-checks (engine/incremental.ts): a document already built for this text, or a parse cache. */
export interface LintOptions {
  document?: ReportDocument;
  parseCache?: ParseCache;
  /** Rule id → the decision of its `documentContext` on the whole document, when checking a piece of it (RuleContext.decided). */
  decisions?: ReadonlyMap<string, string>;
}

export function lint(text: string, rules: readonly Rule[], config?: ConfigObject | ResolvedConfig, lintOptions?: LintOptions): LintResult {
  const resolved = isResolved(config) ? config : resolveConfig(config, rules);
  // A BOM is not text; positions stay those of the string as given.
  const doc = lintOptions?.document ?? buildDocument(text, resolved.settings, lintOptions?.parseCache);
  const suppressions = parseSuppressions(text, doc.lines);
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  let eol: string | undefined;
  // A rule inserts "\n"; a CRLF or CR-only file must not end up with mixed line ends.
  const withLineEnds = (edit: OffsetEdit): OffsetEdit => {
    if (edit.newText.indexOf('\n') < 0 && edit.newText.indexOf('\r') < 0) return edit;
    eol ??= dominantLineEnd(doc.lines);
    return eol === '\n' ? edit : { start: edit.start, end: edit.end, newText: edit.newText.replace(/\r\n|\r|\n/g, eol) };
  };
  const position = lineCursor(doc.lines);
  for (const rule of rules) {
    const options = resolved.rules.get(rule.id) ?? { severity: rule.severity };
    if (options.severity === 'off') continue;
    const explicit = resolved.explicitSeverity.has(rule.id);
    const context: RuleContext = {
      doc,
      options,
      decided: lintOptions?.decisions?.get(rule.id),
      memo<T>(key: string, build: () => T): T {
        const k = `${rule.id}\u0000${key}`;
        if (!resolved.cache.has(k)) resolved.cache.set(k, build());
        return resolved.cache.get(k) as T;
      },
      report(r: Report) {
        const start = Math.max(0, Math.min(r.start, text.length));
        const end = Math.max(start, Math.min(r.end, text.length));
        const severity = explicit ? (options.severity as Finding['severity']) : (r.severity ?? (options.severity as Finding['severity']));
        const from = position(start);
        if (suppressions.isSuppressed(rule.id, from.line - 1)) return;
        const to = position(end);
        // Built as one literal plus an assignment, not with object spread: spreading into an object literal
        // costs microseconds per finding in V8, and documents such as seed 000 have thousands of edits.
        const finding: Finding = {
          rule: rule.id,
          severity,
          message: r.message,
          start,
          end,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          data: r.data ?? {},
        };
        if (r.fix) finding.fix = { title: r.fix.title, edits: r.fix.edits.map((e) => positionEdit(position, withLineEnds(e))) };
        if (r.suggestions?.length) {
          finding.suggestions = r.suggestions.map((s) => ({ title: s.title, edits: s.edits.map((e) => positionEdit(position, withLineEnds(e))) }));
        }
        findings.push(finding);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      errors.push({ rule: rule.id, error });
    }
  }
  findings.sort(compareFindings);
  return { findings, errors, document: doc };
}

/**
 * The order of findings everywhere (the check, the incremental re-check, the review): by start, end, then rule id.
 * Rule ids are ASCII: code-unit order is the collator's order (the output is byte-identical on every fixture).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

function positionEdit(position: (offset: number) => Position, e: { start: number; end: number; newText: string }): PositionedEdit {
  const from = position(e.start);
  const to = position(e.end);
  // Same keys in the same order as `{ ...e, line, … }` for an OffsetEdit, without the slow spread.
  return { start: e.start, end: e.end, newText: e.newText, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/**
 * lines.position, starting from the line found last: a rule's findings and their edits mostly arrive in
 * order, so the offset is usually on that line or the next, and the binary search is the exception.
 */
function lineCursor(lines: LineIndex): (offset: number) => Position {
  const starts = lines.lineStarts;
  const length = lines.text.length;
  let line = 0;
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, length));
    if (!(starts[line] <= clamped && (line + 1 === starts.length || clamped < starts[line + 1]))) {
      if (line + 1 < starts.length && starts[line + 1] <= clamped && (line + 2 === starts.length || clamped < starts[line + 2])) line++;
      else line = lines.lineOf(clamped);
    }
    return { line: line + 1, column: clamped - starts[line] + 1 };
  };
}

/** The line end most lines use ("\n" when there is none), read off the line index. */
function dominantLineEnd(lines: LineIndex): string {
  const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
  for (let l = 1; l < lines.lineCount; l++) {
    const start = lines.lineStart(l);
    const end = lines.text.slice(start - 2, start) === '\r\n' ? '\r\n' : lines.text[start - 1];
    counts[end as keyof typeof counts]++;
  }
  if (counts['\r\n'] > counts['\n'] && counts['\r\n'] >= counts['\r']) return '\r\n';
  if (counts['\r'] > counts['\n'] && counts['\r'] > counts['\r\n']) return '\r';
  return '\n';
}
