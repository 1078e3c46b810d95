// What the CLI hands to the output formats: the findings of each checked
// file, with the path as shown to the user (relative to cwd, "/" separated).
import type { Finding, SeverityCounts } from '../engine/types.js';
import { countSeverities, noFindings } from '../engine/severity.js';

export interface FileResult {
  path: string;
  findings: Finding[];
  /** For .docx input: the Word paragraph of each 1-based line of the checked Markdown. */
  paragraphOfLine?: number[];
  /** For .docx input: where a finding is in Word (第N段, 表N 第r行第c列, 脚注N) and the text it flags. */
  wordLocation?: (f: Finding) => { where: string; quote: string; data: Record<string, number | string> } | undefined;
}

/** The JSON contract's summary: files checked and findings per severity. */
export interface Summary extends SeverityCounts {
  files: number;
}

export function summarize(results: readonly FileResult[]): Summary {
  const counts = noFindings();
  for (const r of results) countSeverities(r.findings, counts);
  return { files: results.length, ...counts };
}
