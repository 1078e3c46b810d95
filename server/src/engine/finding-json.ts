// A finding in the shape of the JSON contract (docs/rules.md, "Machine-readable output"): what
// `--format json` prints for each finding, and what the review's JSON builds its findings from.
import type { Finding, PositionedEdit } from './types.js';

/** The contract's fields of a finding besides its fixes: rule, severity, message, 1-based range, data. */
export function jsonFindingFields(f: Finding, data: Record<string, unknown> = f.data) {
  return { rule: f.rule, severity: f.severity, message: f.message, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, data };
}

const jsonEdit = (e: PositionedEdit) => ({ line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, newText: e.newText });
const jsonFix = (fix: { title: string; edits: PositionedEdit[] }) => ({ title: fix.title, edits: fix.edits.map(jsonEdit) });

/** The whole finding of the contract: `fix` only where it is safe (applied by --fix), `suggestions` (same shape) offered in the editor only. */
export function jsonFinding(f: Finding, data: Record<string, unknown> = f.data): Record<string, unknown> {
  return {
    ...jsonFindingFields(f, data),
    ...(f.fix ? { fix: jsonFix(f.fix) } : {}),
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map(jsonFix) } : {}),
  };
}
