// Findings → LSP diagnostics (positions from the editor's copy of the text, UTF-16).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine/types.js';
import { countSeverities, severityRank } from '../engine/severity.js';
import { ruleDocUri } from './rule-docs.js';
import { SOURCE } from './code-actions.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `ruleDocScheme`: the client's own scheme for rule pages (see rule-docs.ts), else file: links. */
export function toDiagnostic(doc: TextDocument, f: Finding, ruleDocScheme?: string): Diagnostic {
  return {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
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
  if (findings.length <= max) return findings;
  const chosen: Finding[] = [];
  const take = (wanted: (f: Finding) => boolean) => {
    for (const f of findings) {
      if (chosen.length >= max) return;
      if (wanted(f)) chosen.push(f);
    }
  };
  take(documentLevel);
  for (let rank = 0; rank < 4; rank++) take((f) => severityRank(f.severity) === rank && !documentLevel(f));
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}
