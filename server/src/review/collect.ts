// Reading the reports to review exactly as the checking command reads them: the same operand
// expansion (node/collect-files.ts), the same config resolution (node/config-resolver.ts, config
// `ignores` included), the same decoding (node/read-input.ts) and the same .docx conversion
// (assemble/docx-import.ts, loaded on demand as the CLI loads it). Then one lint() per report.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareFindings, lint, type LintResult } from '../engine/check.js';
import { mergeConfigs, resolveConfig, type ConfigObject, type ResolvedConfig } from '../engine/config.js';
import type { Rule } from '../engine/types.js';
import { collectFiles } from '../node/collect-files.js';
import { displayPath } from '../node/display-path.js';
import { describeFsError, notRegularFile, readInputFile } from '../node/read-input.js';
import { loadDocxImport } from '../node/on-demand.js';
import type { ConfigResolver } from '../node/config-resolver.js';

export interface LoadedReport {
  /** Absolute path. */
  file: string;
  /** Relative to cwd, "/" separated. */
  display: string;
  text: string;
  source: 'text' | 'docx';
  config: ResolvedConfig;
}

export interface Loaded {
  reports: LoadedReport[];
  problems: { path: string; message: string }[];
  notices: string[];
}

/** Text of one file as the CLI reads it, or why it cannot be read (Chinese and English). */
export async function readReportText(file: string): Promise<{ ok: true; text: string; source: 'text' | 'docx'; notices: string[] } | { ok: false; message: string }> {
  if (path.extname(file).toLowerCase() === '.docx') {
    let bytes: Buffer;
    try {
      const notFile = notRegularFile(statSync(file));
      if (notFile) return { ok: false, message: notFile };
      bytes = readFileSync(file);
    } catch (error) {
      return { ok: false, message: describeFsError(error) };
    }
    try {
      const { readDocx } = await loadDocxImport();
      const docx = await readDocx(bytes);
      return { ok: true, text: docx.markdown, source: 'docx', notices: [] };
    } catch (error) {
      return { ok: false, message: `无法读取 Word 文档（cannot read .docx: ${(error as Error).message ?? String(error)}）` };
    }
  }
  const result = readInputFile(file);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, text: result.text, source: 'text', notices: result.notices };
}

/** Expands the operands and reads every report; `ignores` of the config skip files found by walking folders, as in the CLI. */
export async function loadReports(operands: string[], cwd: string, configs: ConfigResolver): Promise<Loaded> {
  const collected = collectFiles(operands, cwd);
  const problems = collected.problems.map((p) => ({ path: p.operand, message: p.message }));
  const notices: string[] = [];
  const explicit = new Set(operands.map((o) => path.resolve(cwd, o)));
  const reports: LoadedReport[] = [];
  for (const file of collected.files) {
    const applied = configs.forFile(file);
    if (!explicit.has(file) && applied.ignores(file)) continue;
    const display = displayPath(file, cwd);
    const read = await readReportText(file);
    if (!read.ok) {
      problems.push({ path: display, message: read.message });
      continue;
    }
    for (const n of read.notices) notices.push(`${display}: ${n}`);
    reports.push({ file, display, text: read.text, source: read.source, config: applied.resolved });
  }
  return { reports, problems, notices };
}

export function lintReport(report: Pick<LoadedReport, 'text' | 'config'>, rules: readonly Rule[]): LintResult {
  return lint(report.text, rules, report.config);
}

/** The key a unit is matched by across years: its own name (小渡镇), else the body as written. */
export function unitKey(result: LintResult): string | undefined {
  return result.document.meta.bodyShort ?? result.document.meta.body;
}

export interface PreviousReport {
  display: string;
  text: string;
  unit?: string;
  year?: number;
}

/** Last year's reports, each with the unit and year the engine infers (the document model only: no rule runs). */
export function describePrevious(loaded: LoadedReport[]): PreviousReport[] {
  return loaded.map((r) => {
    const meta = lint(r.text, [], r.config).document.meta;
    return { display: r.display, text: r.text, unit: meta.bodyShort ?? meta.body, year: meta.year };
  });
}

/**
 * Last year's report of the same unit: the same body (as the engine infers it), of the year before when
 * the years are known, else the latest earlier one, else the only one of that unit.
 */
export function matchPrevious(unit: string | undefined, year: number | undefined, previous: readonly PreviousReport[], self?: string): PreviousReport | undefined {
  if (!unit) return undefined;
  const same = previous.filter((p) => p.unit === unit && p.display !== self);
  if (year !== undefined) {
    const lastYear = same.find((p) => p.year === year - 1);
    if (lastYear) return lastYear;
    const earlier = same.filter((p) => p.year !== undefined && p.year < year).sort((a, b) => b.year! - a.year!);
    if (earlier.length) return earlier[0];
    const undated = same.filter((p) => p.year === undefined);
    return undated.length === 1 ? undated[0] : undefined;
  }
  return same.length === 1 ? same[0] : undefined;
}

/** Is the rule that compares with last year's report registered (NEWRULES' copied-report)? */
export function copiedReportRule(rules: readonly Rule[]): Rule | undefined {
  return rules.find((r) => r.id === 'copied-report');
}

/**
 * The report linted again with last year's text as `config.previous`, only copied-report running (the other
 * rules do not read it): its findings replace those copied-report gave without the previous report.
 */
export function withPrevious(result: LintResult, report: Pick<LoadedReport, 'text' | 'config'>, previousText: string, rule: Rule, rules: readonly Rule[]): LintResult {
  const config: ConfigObject = mergeConfigs(report.config.raw, { previous: previousText } as ConfigObject);
  const resolved = resolveConfig(config, rules);
  const again = lint(report.text, [rule], resolved);
  const findings = [...result.findings.filter((f) => f.rule !== rule.id), ...again.findings];
  findings.sort(compareFindings);
  return { findings, errors: [...result.errors, ...again.errors], document: result.document };
}
