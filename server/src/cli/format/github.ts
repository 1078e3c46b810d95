// --format github: GitHub Actions workflow commands, one per finding
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
import type { Severity } from '../../engine/types.js';
import type { FileResult } from '../results.js';
import { visible } from './escape.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escaping of the message (data) part: %, CR, LF as the runner expects; other controls and bidi controls shown (visible). */
export function escapeData(s: string): string {
  return visible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escaping of a property value: as data, plus ":" and ",". */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function* formatGithub(results: readonly FileResult[]): Generator<string> {
  for (const r of results) {
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(r.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      yield `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
    }
  }
}
