// --format json: exactly the contract of docs/rules.md ("Machine-readable output").
import type { Finding } from '../../engine/types.js';
import { jsonFinding } from '../../engine/finding-json.js';
import { summarize, type FileResult } from '../results.js';
import { escapeJsonBidi } from './escape.js';
import { arrayElements } from './json-chunks.js';

/** A finding of the contract, with a .docx input's Word location in its data. */
function fileFinding(f: Finding, paragraphOfLine?: number[], wordLocation?: FileResult['wordLocation']): Record<string, unknown> {
  const word = wordLocation?.(f);
  return jsonFinding(f, word ? { ...f.data, ...word.data } : paragraphOfLine ? { ...f.data, paragraph: paragraphOfLine[f.line - 1] ?? 0 } : f.data);
}

/** The report as JSON text, in chunks (identical to JSON.stringify(report, null, 2) + newline). */
export function* formatJson(results: readonly FileResult[]): Generator<string> {
  // Written by hand around the findings, which arrayElements writes natively, a batch at a time: one
  // stringify of the whole report could exceed the longest string V8 allows.
  const summary = JSON.stringify(summarize(results), null, 2).replace(/\n/g, '\n  ');
  if (results.length === 0) {
    yield `{\n  "version": 1,\n  "files": [],\n  "summary": ${summary}\n}\n`;
    return;
  }
  yield '{\n  "version": 1,\n  "files": [';
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    yield escapeJsonBidi(`${i ? ',' : ''}\n    {\n      "path": ${JSON.stringify(r.path)},\n      "findings": `);
    if (r.findings.length === 0) yield '[]';
    else {
      yield '[\n';
      for (const chunk of arrayElements(contractFindings(r), FINDINGS_DEPTH, '  ', manyEdits)) yield escapeJsonBidi(chunk);
      yield '\n      ]';
    }
    yield '\n    }';
  }
  yield `\n  ],\n  "summary": ${summary}\n}\n`;
}

/** The findings array is nested three deep (report object, files array, file object): its elements at the fourth level. */
const FINDINGS_DEPTH = 3;

/** A finding whose fix or suggestions hold many edits (a document-wide fix): written piece by piece, not in a batch. */
function manyEdits(finding: Record<string, unknown>): boolean {
  const fix = finding.fix as { edits: unknown[] } | undefined;
  if (fix && fix.edits.length > 64) return true;
  const suggestions = finding.suggestions as { edits: unknown[] }[] | undefined;
  return suggestions !== undefined && suggestions.some((s) => s.edits.length > 64);
}

function* contractFindings(r: FileResult): Generator<Record<string, unknown>> {
  for (const f of r.findings) yield fileFinding(f, r.paragraphOfLine, r.wordLocation);
}
