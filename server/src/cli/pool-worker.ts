// A worker thread of the CLI's pool (pool.ts): checks the texts it is sent with the built-in rules and the
// config it was sent. Bundled as dist/lint-worker.cjs (engine and rules only).
import { lint } from '../engine/check.js';
import { RULES } from '../rules/index.js';
import { serveJobs } from '../node/worker-thread.js';
import type { LintJob, LintReply } from './pool.js';

serveJobs<LintJob, LintReply>((text, config) => {
  const { findings, errors } = lint(text, RULES, config);
  return { findings, errors };
});
