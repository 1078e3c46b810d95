// The reviewer's summary of one report, built from the engine's own result (lint()): the five
// statutory parts as the structure rules found them, the counts per severity and per rule, the
// report date and, with last year's report, the share copied from it. No second checker: every
// value here is read off a finding or off the document model the findings were computed on.
import type { LintResult } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import { PART_IDS, type Finding, type PartId, type Severity } from '../engine/types.js';
import { SECTION_DATA } from '../engine/outline.js';
import { jsonFindingFields } from '../engine/finding-json.js';
import { addSeverityCounts, countSeverities, noFindings, severityRank } from '../engine/severity.js';
import type { ReportDate } from '../engine/meta.js';
import { afterDeadline, reportDeadline } from '../rules/report-date.js';
import type { ReviewDate, ReviewFinding, ReviewPart, ReviewReport, ReviewRuleCount, ReviewSummary, ReviewJson } from './protocol.js';

export type { ReviewDate, ReviewFinding, ReviewPart, ReviewReport, ReviewRuleCount, ReviewSummary, ReviewJson } from './protocol.js';

export const LEVEL_LABELS: Record<string, string> = {
  town: '乡镇',
  county: '县区',
  city: '市',
  province: '省',
  department: '部门',
};

/** The publication deadline (督察工作规定 第二十六条: 4月1日), as the report-date rule reads it: its option, else its data. */
export function deadlineOf(config?: ResolvedConfig): { month: number; day: number; text: string } {
  return reportDeadline(config?.rules.get('report-date'));
}

export function partLabel(part: ReviewPart): string {
  if (!part.present) return '✘';
  const problems: string[] = [];
  if (part.misplaced) problems.push('位置不对');
  if (part.incomplete) problems.push(part.incomplete === 'causes' ? '缺原因' : '内容不全');
  return problems.length ? problems.join('、') : '✔';
}

/** The parts as the structure rules saw them: required-section (missing), section-order (misplaced), section-incomplete. */
export function partsOf(findings: readonly Finding[], result: LintResult, config?: ResolvedConfig): Record<PartId, ReviewPart> {
  const parts = {} as Record<PartId, ReviewPart>;
  // With required-section switched off, presence comes from the outline the rule would have used.
  const requiredOff = config?.rules.get('required-section')?.severity === 'off';
  for (const id of PART_IDS) {
    const present = requiredOff ? (result.document.outline.parts.get(id)?.length ?? 0) > 0 : true;
    parts[id] = { name: SECTION_DATA.parts[id].short, present, misplaced: false, incomplete: null, label: '' };
  }
  for (const f of findings) {
    const part = f.data.part as PartId | undefined;
    if (!part || !Object.hasOwn(parts, part)) continue;
    if (f.rule === 'required-section') parts[part].present = false;
    else if (f.rule === 'section-order') parts[part].misplaced = true;
    else if (f.rule === 'section-incomplete') parts[part].incomplete = typeof f.data.missing === 'string' ? f.data.missing : 'content';
  }
  for (const id of PART_IDS) parts[id].label = partLabel(parts[id]);
  return parts;
}

export function reportDateOf(result: LintResult, year: number | undefined, config?: ResolvedConfig): ReviewDate | null {
  const date: ReportDate | undefined = result.document.meta.reportDate;
  if (!date) return null;
  const line = result.document.lines.position(date.start).line;
  const deadline = deadlineOf(config);
  // Dated in the year after the one reported on (else the report-date rule reports the year), by the deadline.
  const yearMatches = year === undefined ? null : date.year === year + 1;
  const onTime = !yearMatches ? null : !afterDeadline(date, deadline);
  return { text: date.text, year: date.year, month: date.month, day: date.day, line, yearMatches, deadline: deadline.text, onTime };
}

/** copied-report's document-level finding carries data.copiedShare (0..1) when last year's text was given. */
export function copiedShareOf(findings: readonly Finding[]): number | null {
  for (const f of findings) {
    const share = f.rule === 'copied-report' ? f.data.copiedShare : undefined;
    if (typeof share === 'number' && share >= 0 && share <= 1) return share;
  }
  return null;
}

/** The contract's finding (jsonFindingFields), numbered, with the titles of its fix and suggestions. */
function reviewFinding(f: Finding, n: number): ReviewFinding {
  return {
    n,
    ...jsonFindingFields(f),
    ...(f.fix ? { fix: f.fix.title } : {}),
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map((s) => s.title) } : {}),
  };
}

export interface ReportInput {
  /** As shown (relative to cwd, "/" separated). */
  path: string;
  result: LintResult;
  config?: ResolvedConfig;
  /** Last year's report of the same unit, when --previous found one. */
  previous?: string;
  /** For .docx input. */
  source?: 'docx' | 'text';
}

export function reviewReport(input: ReportInput, index: number): ReviewReport {
  const { result } = input;
  const meta = result.document.meta;
  const findings = result.findings;
  const counts = countSeverities(findings);
  const rules: Record<string, number> = {};
  for (const f of findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  const profile = result.document.settings.profile;
  const level = profile && profile !== 'auto' ? profile : (meta.bodyLevel ?? null);
  // The first error, or the first finding when there is none: where the editor opens the report.
  let first: Finding | undefined;
  for (const f of findings) if (!first || severityRank(f.severity) < severityRank(first.severity)) first = f;
  return {
    id: `r${index + 1}`,
    path: input.path,
    source: input.source ?? 'text',
    unit: meta.body ?? null,
    unitShort: meta.bodyShort ?? null,
    level,
    levelLabel: level ? (LEVEL_LABELS[level] ?? level) : null,
    year: meta.year ?? null,
    title: meta.title ?? null,
    parts: partsOf(findings, result, input.config),
    counts,
    reportDate: reportDateOf(result, meta.year, input.config),
    previous: input.previous ?? null,
    copiedShare: input.previous !== undefined ? copiedShareOf(findings) : null,
    rules,
    first: first ? { line: first.line, column: first.column, severity: first.severity } : null,
    findings: findings.map((f, i) => reviewFinding(f, i + 1)),
    ruleErrors: result.errors.map((e) => e.rule),
  };
}

/** Counts per rule over all reports, most frequent first (the bar chart and the per-rule table). */
export function ruleCounts(reports: readonly ReviewReport[], severityOf: (rule: string) => Severity | undefined): ReviewRuleCount[] {
  const byRule = new Map<string, ReviewRuleCount>();
  for (const r of reports) {
    for (const [rule, count] of Object.entries(r.rules)) {
      const c = byRule.get(rule) ?? { rule, findings: 0, reports: 0, severity: severityOf(rule) ?? null };
      c.findings += count;
      c.reports++;
      byRule.set(rule, c);
    }
  }
  return [...byRule.values()].sort((a, b) => b.findings - a.findings || b.reports - a.reports || a.rule.localeCompare(b.rule));
}

export function summarize(reports: readonly ReviewReport[]): ReviewSummary {
  const counts = noFindings();
  let complete = 0;
  for (const r of reports) {
    addSeverityCounts(counts, r.counts);
    if (PART_IDS.every((p) => r.parts[p].present)) complete++;
  }
  return { reports: reports.length, ...counts, complete };
}

export function reviewJson(
  reports: ReviewReport[],
  problems: { path: string; message: string }[],
  severityOf: (rule: string) => Severity | undefined,
  tool: { name: string; version: string },
): ReviewJson {
  return { version: 1, tool, reports, problems, rules: ruleCounts(reports, severityOf), summary: summarize(reports) };
}
