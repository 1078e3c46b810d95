// The shape of review.json (docs/review.md) and of the language server's review requests.
// Types and names only (the engine's vocabulary imported as types), so the VS Code client can import it
// without the engine.
import type { PartId, Severity, SeverityCounts } from '../engine/types.js';

export type ReviewSeverity = Severity;
export type ReviewPartId = PartId;

export interface ReviewPart {
  /** The part's short name (主要举措和成效, …). */
  name: string;
  /** False when required-section reports it missing. */
  present: boolean;
  /** section-order reports it out of the regulation's order. */
  misplaced: boolean;
  /** section-incomplete's data.missing ("causes" for 不足和原因 without causes), or null. */
  incomplete: string | null;
  /** ✔ / ✘ / 位置不对 / 缺原因 / 内容不全 (joined with 、 when several). */
  label: string;
}

export interface ReviewDate {
  text: string;
  year: number;
  month: number;
  day: number;
  /** 1-based line of the date in the report. */
  line: number;
  /** Whether it is in the year after the one reported on; null when the report's year is unknown. */
  yearMatches: boolean | null;
  /** The deadline in that year, "MM-DD" (report-date's option, default "04-01"). */
  deadline: string;
  /** Not later than the deadline (4月1日) of the year after the one reported on; null when the year does not match or is unknown. */
  onTime: boolean | null;
}

export interface ReviewFinding {
  /** 1-based number in document order (the margin note's number). */
  n: number;
  rule: string;
  severity: ReviewSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: Record<string, unknown>;
  /** Title of the safe fix, when there is one. */
  fix?: string;
  /** Titles of the suggested (quick-fix-only) edits. */
  suggestions?: string[];
}

export interface ReviewReport {
  /** Stable within one review: r1, r2, … in input order. */
  id: string;
  /** As given (relative to the working folder, "/" separated). */
  path: string;
  source: 'text' | 'docx';
  /** The reporting body the engine infers (doc.meta.body), e.g. 重庆市潼南区小渡镇. */
  unit: string | null;
  /** Its own name (doc.meta.bodyShort), e.g. 小渡镇: what matches a unit across years. */
  unitShort: string | null;
  /** The configured profile, else the body's level: town | county | city | province | department. */
  level: string | null;
  levelLabel: string | null;
  year: number | null;
  title: string | null;
  parts: Record<ReviewPartId, ReviewPart>;
  counts: SeverityCounts;
  reportDate: ReviewDate | null;
  /** Last year's report of the same unit (with --previous), as given. */
  previous: string | null;
  /** Share of the report copied from last year's (copied-report's data.copiedShare, 0..1), or null. */
  copiedShare: number | null;
  /** Findings per rule id. */
  rules: Record<string, number>;
  /** Where to open the report: its first error (else its first finding). */
  first: { line: number; column: number; severity: ReviewSeverity } | null;
  findings: ReviewFinding[];
  /** Rules that crashed on this report (their findings are missing). */
  ruleErrors: string[];
}

export interface ReviewRuleCount {
  rule: string;
  findings: number;
  /** Reports with at least one finding of the rule. */
  reports: number;
  severity: ReviewSeverity | null;
}

export interface ReviewSummary extends SeverityCounts {
  reports: number;
  /** Reports with all five parts present. */
  complete: number;
}

/** review.json */
export interface ReviewJson {
  version: 1;
  tool: { name: string; version: string };
  reports: ReviewReport[];
  /** Inputs that could not be read (not reviewed). */
  problems: { path: string; message: string }[];
  rules: ReviewRuleCount[];
  summary: ReviewSummary;
}

/** Client → server: the review of every report in the workspace folders (ReviewJson; findings left out). */
export const REVIEW_REQUEST = 'fazhi-lint/review';
export interface ReviewParams {
  /** Workspace folders (file system paths); the server's own when absent. */
  folders?: string[];
}
export interface WorkspaceReview {
  /** Absolute path of each report, in the order of `review.reports`. */
  files: string[];
  review: ReviewJson;
}

/** Client → server: write the review folder (index.html, reports/, review.json, review.xlsx) for the workspace. */
export const WRITE_REVIEW_REQUEST = 'fazhi-lint/writeReview';
export interface WriteReviewParams {
  folders?: string[];
  /** Absolute path of the folder to write. */
  output: string;
}
export interface WriteReviewResult {
  written: string[];
  reports: number;
  error?: string;
}
