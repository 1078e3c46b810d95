// What the CLI hands to the output formats: the findings of each checked
// file, with the path as shown to the user (relative to cwd, "/" separated).
import type { Finding, Severity } from '../engine/types.js';

export interface FileResult {
  path: string;
  findings: Finding[];
  /** For .docx input: the Word paragraph of each 1-based line of the checked Markdown. */
  paragraphOfLine?: number[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function summarize(results: readonly FileResult[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else if (f.severity === 'info') s.infos++;
      else s.hints++;
    }
  }
  return s;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
