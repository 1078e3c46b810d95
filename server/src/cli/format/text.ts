// --format text: findings grouped by file, then by rule (the most severe rule first), each rule with
// its count and how many --fix can repair, then one line per finding:
//   line:column  severity  message
// With --max-per-rule N, only the first N findings of a rule in a file are listed and the rest counted,
// so a report written with half-width commas throughout reads as one rule with 300 findings, not 300 lines.
// Coloured only when the caller says so (a TTY without NO_COLOR).
import { SEVERITIES, SEVERITY_LABELS, type Finding, type Severity } from '../../engine/types.js';
import { summarize, type FileResult } from '../results.js';
import { visible } from './escape.js';

export { visible };

const COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export interface TextOptions {
  color: boolean;
  /** Findings left out by --quiet (said in the summary, so "no problems" is never claimed for them). */
  hidden?: number;
  /** --max-per-rule: findings listed per rule and file; the rest are counted. */
  maxPerRule?: number;
}

/** Display width: CJK and full-width characters take two columns; a character outside the BMP one. */
function width(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if (isWide(c)) w++;
    w++;
  }
  return w;
}

function isWide(c: number): boolean {
  if (c < 0x1100) return false;
  return c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

function pad(s: string, to: number): string {
  return s + ' '.repeat(Math.max(0, to - width(s)));
}

export function location(f: Finding, paragraphOfLine?: number[], wordLocation?: FileResult['wordLocation']): string {
  const word = wordLocation?.(f);
  if (word) return word.quote ? `${word.where}“${word.quote}”` : word.where;
  if (paragraphOfLine) {
    const p = paragraphOfLine[f.line - 1];
    return p ? `段落 ${p}` : `第 ${f.line} 行`;
  }
  return `${f.line}:${f.column}`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
const PADDED_LABELS = Object.fromEntries(SEVERITIES.map((s) => [s, pad(SEVERITY_LABELS[s], 4)])) as Record<Severity, string>;

/** The findings of one file by rule: most severe rule first, then the rule met first; findings in text order. */
function byRule(findings: readonly Finding[]): { rule: string; severity: Severity; findings: Finding[] }[] {
  const groups = new Map<string, { rule: string; severity: Severity; findings: Finding[] }>();
  for (const f of findings) {
    const g = groups.get(f.rule) ?? { rule: f.rule, severity: f.severity, findings: [] };
    if (RANK[f.severity] < RANK[g.severity]) g.severity = f.severity;
    g.findings.push(f);
    groups.set(f.rule, g);
  }
  return [...groups.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** "3 个警告，1 个错误": the severities present in a group, most severe first. */
function severityCounts(findings: readonly Finding[]): string {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} 个${SEVERITY_LABELS[s]}`)
    .join('，');
}

export function* formatText(results: readonly FileResult[], options: TextOptions): Generator<string> {
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  let fixable = 0;
  let folded = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    yield paint(4, visible(r.path)) + '\n';
    const locs = new Map(r.findings.map((f) => [f, visible(location(f, r.paragraphOfLine, r.wordLocation))]));
    const locWidth = [...locs.values()].reduce((w, l) => Math.max(w, width(l)), 0);
    for (const group of byRule(r.findings)) {
      const canFix = group.findings.filter((f) => f.fix).length;
      fixable += canFix;
      const fixNote = canFix ? `，${canFix} 个可用 --fix 自动修复` : '';
      yield `  ${paint(COLOR[group.severity], group.rule)}  ${severityCounts(group.findings)}${fixNote}\n`;
      const shown = options.maxPerRule ? group.findings.slice(0, options.maxPerRule) : group.findings;
      for (const f of shown) {
        const sev = paint(COLOR[f.severity], PADDED_LABELS[f.severity]);
        yield `    ${paint(90, pad(locs.get(f)!, locWidth))}  ${sev}  ${visible(f.message)}\n`;
      }
      const rest = group.findings.length - shown.length;
      if (rest > 0) {
        folded += rest;
        yield paint(90, `    …… 另有 ${rest} 个 ${group.rule} 问题未列出（--max-per-rule ${options.maxPerRule}; ${rest} more not listed）`) + '\n';
      }
    }
    yield '\n';
  }
  const s = summarize(results);
  const total = s.errors + s.warnings + s.infos + s.hints;
  const hidden = options.hidden ?? 0;
  if (total === 0 && hidden > 0) {
    yield paint(32, `✔ 未发现错误（${s.files} 个文件；--quiet 未显示另外 ${hidden} 个问题）  no errors in ${s.files} file(s); ${hidden} other finding(s) hidden by --quiet`) + '\n';
    return;
  }
  if (total === 0) {
    yield paint(32, `✔ 未发现问题（${s.files} 个文件）  no problems in ${s.files} file(s)`) + '\n';
    return;
  }
  const L = SEVERITY_LABELS;
  const line =
    `✖ ${total} 个问题：${s.errors} 个${L.error}，${s.warnings} 个${L.warning}，${s.infos} 个${L.info}，${s.hints} 个${L.hint}（${s.files} 个文件）` +
    `  ${total} problem(s): ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info, ${s.hints} hint(s)` +
    (hidden ? `（--quiet 未显示另外 ${hidden} 个问题 / ${hidden} more hidden by --quiet）` : '');
  yield paint(s.errors ? 31 : 33, line) + '\n';
  if (fixable) yield `  其中 ${fixable} 个可用 --fix 自动修复（${fixable} fixable with --fix）\n`;
  if (folded) yield `  --max-per-rule ${options.maxPerRule} 折叠了 ${folded} 个问题（${folded} folded）\n`;
}
