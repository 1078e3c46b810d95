// Findings → LSP diagnostics (positions from the editor's copy of the text, UTF-16), and the cap on problems.
// Imports no value of the protocol's libraries: the check thread's bundle (thread-main.ts) uses capAndCount and
// should not carry them.
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine/types.js';
import { countSeverities, severityRank, type SeverityCounts } from '../engine/severity.js';
import { ruleDocUri } from './rule-docs.js';

/** The diagnostics' `source` (code actions act on the diagnostics of this source only). */
export const SOURCE = 'fazhi-lint';

/** DiagnosticSeverity's values (Error 1, Warning 2, Information 3, Hint 4). */
const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

/** `ruleDocScheme`: the client's own scheme for rule pages (see rule-docs.ts), else file: links. */
export function toDiagnostic(doc: TextDocument, f: Finding, ruleDocScheme?: string): Diagnostic {
  return {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity] ?? SEVERITY.warning,
    code: f.rule,
    codeDescription: { href: ruleDocUri(f.rule, ruleDocScheme) },
    source: SOURCE,
    message: f.message,
    ...(Object.keys(f.data).length ? { data: f.data } : {}),
  };
}

/** How many findings of each severity (the one count of every front end, engine/severity.ts). */
export const counts = countSeverities;

/** A finding about the whole document (a rule firing systematically reports one, plus per-occurrence hints). */
const documentLevel = (f: Finding) => f.data.scope === 'document';

/**
 * At most `max` findings, returned in document order: document-level findings first, then the most severe —
 * a flood of hints never pushes out an error, nor the one finding that sums the flood up.
 */
export function capFindings(findings: readonly Finding[], max: number): readonly Finding[] {
  return capAndCount(findings, max).capped;
}

/**
 * capFindings and the counts of all findings by severity, in one pass (the check thread does both after each
 * edit of a large document, over tens of thousands of findings).
 */
export function capAndCount(findings: readonly Finding[], max: number): { capped: readonly Finding[]; counts: SeverityCounts } {
  const n = [0, 0, 0, 0];
  const over = findings.length > max;
  // The candidates in the order capFindings takes them: document-level ones, then each severity; each list in document order.
  const documentWide: Finding[] = [];
  const byRank: Finding[][] = [[], [], [], []];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const rank = severityRank(f.severity);
    n[rank]++;
    if (!over) continue;
    if (documentLevel(f)) {
      if (documentWide.length < max) documentWide.push(f);
    } else if (byRank[rank].length < max) byRank[rank].push(f);
  }
  const counts: SeverityCounts = { errors: n[0], warnings: n[1], infos: n[2], hints: n[3] };
  if (!over) return { capped: findings, counts };
  const chosen = documentWide;
  for (const list of byRank) for (let i = 0; i < list.length && chosen.length < max; i++) chosen.push(list[i]);
  if (chosen.length > max) chosen.length = max;
  return { capped: chosen.sort((a, b) => a.start - b.start || a.end - b.end), counts };
}
