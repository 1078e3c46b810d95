// --format json: exactly the contract of docs/rules.md ("Machine-readable output").
import type { Finding } from '../../engine/types.js';
import { summarize, type FileResult } from '../results.js';
import { jsonChunks } from './json-chunks.js';

export function jsonFinding(f: Finding, paragraphOfLine?: number[]): Record<string, unknown> {
  const data = paragraphOfLine ? { ...f.data, paragraph: paragraphOfLine[f.line - 1] ?? 0 } : f.data;
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    data,
    ...(f.fix
      ? {
          fix: {
            title: f.fix.title,
            edits: f.fix.edits.map((e) => ({ line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, newText: e.newText })),
          },
        }
      : {}),
  };
}

/** The report as JSON text, in chunks (identical to JSON.stringify(report, null, 2) + newline). */
export function* formatJson(results: readonly FileResult[]): Generator<string> {
  const out = {
    version: 1,
    files: results.map((r) => ({ path: r.path, findings: r.findings.map((f) => jsonFinding(f, r.paragraphOfLine)) })),
    summary: summarize(results),
  };
  yield* jsonChunks(out);
  yield '\n';
}
