// Findings → LSP diagnostics (positions from the editor's copy of the text, UTF-16).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine/types.js';
import { ruleDocUri } from './rule-docs.js';
import { SOURCE } from './code-actions.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  return {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.rule,
    codeDescription: { href: ruleDocUri(f.rule) },
    source: SOURCE,
    message: f.message,
    ...(Object.keys(f.data).length ? { data: f.data } : {}),
  };
}

export function counts(findings: readonly Finding[]): { errors: number; warnings: number; infos: number; hints: number } {
  const c = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else if (f.severity === 'info') c.infos++;
    else c.hints++;
  }
  return c;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** At most `max` findings, the most severe first, returned in document order. */
export function capFindings(findings: readonly Finding[], max: number): readonly Finding[] {
  if (findings.length <= max) return findings;
  const chosen: Finding[] = [];
  for (let rank = 0; rank < 4 && chosen.length < max; rank++) {
    for (const f of findings) {
      if (RANK[f.severity] !== rank) continue;
      chosen.push(f);
      if (chosen.length >= max) break;
    }
  }
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}
