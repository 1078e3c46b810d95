// The review of a set of reports: read them as the CLI does, lint each once, summarise, render.
// Used by `fazhi-lint review` (cli/commands/review.ts) and by the language server's review requests
// (lsp/review.ts), so the editor's view and the written folder show the same numbers.
import type { Rule } from '../engine/types.js';
import type { ConfigResolver } from '../node/config-resolver.js';
import { RULES } from '../rules/index.js';
import { copiedReportRule, describePrevious, loadReports, type PreviousReport } from './collect.js';
import { reviewJson } from './model.js';
import { reviewOne } from './review-one.js';
import { startReviewPool } from './parallel.js';
import type { ReviewJson, ReviewReport } from './protocol.js';
import { htmlDocument, pageName, reportSection, summarySection, type PageContext } from './html/pages.js';

export interface ReviewInput {
  operands: string[];
  cwd: string;
  configs: ConfigResolver;
  rules: readonly Rule[];
  /** Folder (or files, globs) of last year's reports. */
  previous?: string[];
  tool: { name: string; version: string };
  /** What to render besides the JSON: a page per report (folder), one file with every page (single), or nothing. */
  render: 'folder' | 'single' | 'none';
  /**
   * Called with each report's page as soon as it is rendered (in input order), so that it can be written while
   * the workers check the next reports; the section is not kept afterwards. `inputs` are the files reviewed.
   */
  onPage?: (reviewed: ReviewedReport, inputs: readonly string[]) => void;
  /** 1: review in this thread only (the language server); else worker threads for a large batch (FAZHI_LINT_THREADS in env). */
  threads?: number;
  env?: Record<string, string | undefined>;
}

export interface ReviewedReport {
  report: ReviewReport;
  /** Absolute path. */
  file: string;
  /** The rendered page section (render ≠ 'none'). */
  section?: string;
  /** Its page's file name (render 'folder'). */
  page?: string;
}

export interface Review {
  json: ReviewJson;
  reports: ReviewedReport[];
  notices: string[];
  /** Rules that crashed, with the reports they crashed on. */
  crashes: Map<string, string[]>;
  /** Whether --previous was given, and whether the engine has the rule that uses it. */
  previousGiven: boolean;
  copiedRuleMissing: boolean;
  context: PageContext;
  /** Reports reviewed by worker threads (the others in the main thread). */
  byWorkers: number;
}

export async function buildReview(input: ReviewInput): Promise<Review> {
  const { rules } = input;
  const loaded = await loadReports(input.operands, input.cwd, input.configs);
  const notices = [...loaded.notices];
  const problems = [...loaded.problems];
  let previous: PreviousReport[] = [];
  const previousGiven = !!input.previous?.length;
  if (input.previous?.length) {
    const last = await loadReports(input.previous, input.cwd, input.configs);
    for (const p of last.problems) problems.push({ path: p.path, message: `（上年报告）${p.message}` });
    previous = describePrevious(last.reports);
  }
  const copiedRule = copiedReportRule(rules);
  const ctx: PageContext = { rules, previousGiven };
  const reviewed: ReviewedReport[] = [];
  const crashes = new Map<string, string[]>();
  // Worker threads for a large batch with the built-in rules (parallel.ts); the main thread otherwise.
  const pool = rules === RULES && input.threads !== 1 ? startReviewPool(loaded.reports, previousGiven ? previous : undefined, input.env) : undefined;
  let byWorkers = 0;
  const inputs = loaded.reports.map((r) => r.file);
  try {
    for (const [index, item] of loaded.reports.entries()) {
      const done = await pool?.claim(index);
      let report: ReviewReport;
      let offsets: readonly (readonly [number, number])[];
      if (done) {
        byWorkers++;
        ({ report, offsets } = done.reply);
      } else {
        const one = reviewOne({ path: item.display, text: item.text, source: item.source, config: item.config, previous: previousGiven ? previous : undefined }, index, rules);
        report = one.report;
        offsets = one.result.findings.map((f) => [f.start, f.end] as const);
      }
      for (const rule of report.ruleErrors) crashes.set(rule, [...(crashes.get(rule) ?? []), item.display]);
      const entry: ReviewedReport = { report, file: item.file };
      if (input.render !== 'none') {
        entry.page = input.render === 'folder' ? pageName(index, item.display) : undefined;
        entry.section = reportSection({ report, text: item.text, offsets, back: input.render === 'folder' ? '../index.html' : '#summary' }, ctx);
        if (input.onPage) {
          input.onPage(entry, inputs);
          entry.section = undefined;
        }
      }
      reviewed.push(entry);
    }
  } finally {
    pool?.close();
  }
  const severityOf = (id: string) => rules.find((r) => r.id === id)?.severity;
  const json = reviewJson(
    reviewed.map((r) => r.report),
    problems,
    severityOf,
    input.tool,
  );
  return { json, reports: reviewed, notices, crashes, previousGiven, copiedRuleMissing: previousGiven && !copiedRule, context: ctx, byWorkers };
}

const TITLE = '法治政府建设年度报告审核';

/** The summary page of the folder (index.html). */
export function indexPage(review: Review): string {
  const pages = new Map(review.reports.map((r) => [r.report.id, r.page!]));
  return htmlDocument(`${TITLE}汇总`, summarySection(review.json, (r) => `reports/${encodeURIComponent(pages.get(r.id)!)}`, review.context));
}

/** One report's page of the folder (reports/NNN-name.html). */
export function reportPage(reviewed: ReviewedReport): string {
  return htmlDocument(`${reviewed.report.title ?? reviewed.report.path} — ${TITLE}`, reviewed.section!);
}

/** Everything in one self-contained file (--format html): the summary, then each report, shown one at a time. */
export function singlePage(review: Review): string {
  const summary = summarySection(review.json, (r) => `#${r.id}`, review.context);
  return htmlDocument(`${TITLE}汇总`, [summary, ...review.reports.map((r) => r.section!)].join('\n'));
}

