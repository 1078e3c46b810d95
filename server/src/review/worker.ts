// A worker thread of the review (parallel.ts): reviews the texts it is sent (reviewOne: lint with the built-in
// rules and the config it was sent, pair with last year's report) and replies with the report's summary and
// the findings' offsets, all the main thread needs to write the pages. Bundled as dist/review-worker.cjs.
import { RULES } from '../rules/index.js';
import { serveJobs } from '../node/worker-thread.js';
import { reviewOne } from './review-one.js';
import type { ReviewJob, ReviewReply, ReviewSetup } from './parallel.js';

serveJobs<ReviewJob, ReviewReply, ReviewSetup>((job, config, previous, index) => {
  const { result, report } = reviewOne({ ...job, config, previous }, index, RULES);
  return { report, offsets: result.findings.map((f) => [f.start, f.end]) };
});
