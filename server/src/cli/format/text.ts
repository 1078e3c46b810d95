// --format text: findings grouped by file, one line each:
//   line:column  severity  message  rule
// coloured only when the caller says so (a TTY without NO_COLOR).
import type { Finding, Severity } from '../../engine/types.js';
import { summarize, type FileResult } from '../results.js';

/** Severity names, the same in every command's text output. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };
const COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export interface TextOptions {
  color: boolean;
  /** Findings left out by --quiet (said in the summary, so "no problems" is never claimed for them). */
  hidden?: number;
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, to: number): string {
  return s + ' '.repeat(Math.max(0, to - width(s)));
}

/**
 * Control characters from the checked text or a file name (ESC, BEL, CR, …) are shown, not sent
 * to the terminal: a document must not be able to recolour, retitle or clear the user's terminal.
 */
export function visible(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/\n/g, '\\n');
}

export function location(f: Finding, paragraphOfLine?: number[]): string {
  if (paragraphOfLine) {
    const p = paragraphOfLine[f.line - 1];
    return p ? `段落 ${p}` : `第 ${f.line} 行`;
  }
  return `${f.line}:${f.column}`;
}

export function* formatText(results: readonly FileResult[], options: TextOptions): Generator<string> {
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  for (const r of results) {
    if (r.findings.length === 0) continue;
    yield paint(4, visible(r.path)) + '\n';
    const locs = r.findings.map((f) => location(f, r.paragraphOfLine));
    const locWidth = locs.reduce((w, l) => Math.max(w, width(l)), 0);
    for (let i = 0; i < r.findings.length; i++) {
      const f = r.findings[i];
      const sev = paint(COLOR[f.severity], pad(SEVERITY_LABEL[f.severity], 4));
      yield `  ${paint(90, pad(locs[i], locWidth))}  ${sev}  ${visible(f.message)}  ${paint(90, f.rule)}\n`;
    }
    yield '\n';
  }
  const out: string[] = [];
  const s = summarize(results);
  const total = s.errors + s.warnings + s.infos + s.hints;
  const hidden = options.hidden ?? 0;
  if (total === 0 && hidden > 0) {
    out.push(paint(32, `✔ 未发现错误（${s.files} 个文件；--quiet 未显示另外 ${hidden} 个问题）  no errors in ${s.files} file(s); ${hidden} other finding(s) hidden by --quiet`));
  } else if (total === 0) {
    out.push(paint(32, `✔ 未发现问题（${s.files} 个文件）  no problems in ${s.files} file(s)`));
  } else {
    const line =
      `✖ ${total} 个问题：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个信息，${s.hints} 个提示（${s.files} 个文件）` +
      `  ${total} problem(s): ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info, ${s.hints} hint(s)` +
      (hidden ? `（--quiet 未显示另外 ${hidden} 个问题 / ${hidden} more hidden by --quiet）` : '');
    out.push(paint(s.errors ? 31 : 33, line));
  }
  yield out.join('\n') + '\n';
}
