// Both cores for a batch, as for checking (node/worker-pool.ts): worker threads review reports from the end of
// the batch (worker.ts runs reviewOne) while the main thread reviews from its start and writes each page as it
// goes. The checking command's workers return findings only; the review's also return the report's summary
// (unit, year, parts), which the main thread would otherwise build again from a document of its own.
import type { LoadedReport, PreviousReport } from './collect.js';
import type { ReviewReport } from './protocol.js';
import { WorkerPool } from '../node/worker-pool.js';

/** A worker's job (with the report's config), its setup (last year's reports, with --previous) and its reply. */
export interface ReviewJob {
  path: string;
  text: string;
  source: 'text' | 'docx';
}
export type ReviewSetup = PreviousReport[] | undefined;
export interface ReviewReply {
  report: ReviewReport;
  /** The findings' offsets: all the page needs besides the report. */
  offsets: [number, number][];
}

export type ReviewPool = WorkerPool<ReviewJob, ReviewReply, ReviewSetup>;

/** The pool for the loaded reports, or undefined when one thread is better. */
export function startReviewPool(reports: readonly LoadedReport[], previous: ReviewSetup, env?: Record<string, string | undefined>): ReviewPool | undefined {
  return WorkerPool.start<ReviewJob, ReviewReply, ReviewSetup>({
    // dist/review-worker.cjs beside the bundle of the review command.
    script: { here: import.meta.url, bundle: './review-worker.cjs', source: './worker.ts' },
    count: reports.length,
    bytes: reports.reduce((n, r) => n + r.text.length * 2, 0),
    env,
    setup: previous,
    prepare(index) {
      const r = reports[index];
      return { config: r.config, payload: { path: r.display, text: r.text, source: r.source } };
    },
  });
}
