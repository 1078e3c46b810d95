// Findings counted and ranked by severity, once for every front end: the CLI's summary and --fail-on, the
// editor's status, the review's counts and the assembly's summary.
import { SEVERITY_LABELS, type Severity, type SeverityCounts } from './types.js';

export type { SeverityCounts } from './types.js';

const COUNT_KEY: Readonly<Record<Severity, keyof SeverityCounts>> = { error: 'errors', warning: 'warnings', info: 'infos', hint: 'hints' };
const COUNT_KEYS = Object.values(COUNT_KEY);

export const noFindings = (): SeverityCounts => ({ errors: 0, warnings: 0, infos: 0, hints: 0 });

/** Counts `findings` by severity, onto `into` when given. */
export function countSeverities(findings: Iterable<{ severity: Severity }>, into: SeverityCounts = noFindings()): SeverityCounts {
  for (const f of findings) into[COUNT_KEY[f.severity] ?? 'hints']++;
  return into;
}

/** Adds the counts `more` onto `into` (totals over several reports). */
export function addSeverityCounts(into: SeverityCounts, more: SeverityCounts): SeverityCounts {
  for (const key of COUNT_KEYS) into[key] += more[key];
  return into;
}

/** The count of one severity. */
export function countOf(counts: SeverityCounts, severity: Severity): number {
  return counts[COUNT_KEY[severity]];
}

/** "2 个错误，0 个警告，1 个信息，0 个提示": every severity, in the words of SEVERITY_LABELS. */
export function describeCounts(counts: SeverityCounts): string {
  return (Object.entries(COUNT_KEY) as [Severity, keyof SeverityCounts][]).map(([severity, key]) => `${counts[key]} 个${SEVERITY_LABELS[severity]}`).join('，');
}

/** The rank of each severity (0 the most severe), for code that runs without this module (the review pages' script). */
export const SEVERITY_RANKS: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** 0 for an error, 1 a warning, 2 an info, 3 a hint: sorting by it puts the most severe first. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANKS[severity] ?? 3;
}

/** Is `severity` at or above `threshold` (--fail-on)? */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}
