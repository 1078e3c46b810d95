// The worker's side of node/worker-pool.ts: keeps the configs it is sent (each with its own memo cache, as in
// the main thread), runs each job with its config and posts the reply back; a job that throws, or whose reply
// cannot be copied to the main thread, is answered `failed`, and the main thread does it itself.
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config.js';
import { writeCodeCache } from './cached-thread.js';
import type { FromWorker, ToWorker } from './worker-pool.js';

/** `run` does one job: `index` is the input's place in the batch. */
export function serveJobs<P, R, S = undefined>(run: (payload: P, config: ResolvedConfig, setup: S | undefined, index: number) => R): void {
  const configs = new Map<number, ResolvedConfig>();
  let setup: S | undefined;
  const failed = (job: number, error: unknown): FromWorker<R> => ({ job, failed: error instanceof Error ? error.message : String(error) });
  parentPort!.on('message', (m: ToWorker<P, S>) => {
    if (m.kind === 'setup') {
      setup = m.setup;
      return;
    }
    if (m.kind === 'config') {
      configs.set(m.id, { ...m.config, cache: new Map() });
      return;
    }
    let reply: FromWorker<R>;
    try {
      reply = { job: m.job, reply: run(m.payload, configs.get(m.config)!, setup, m.job) };
    } catch (error) {
      reply = failed(m.job, error);
    }
    try {
      parentPort!.postMessage(reply);
    } catch (error) {
      // Something in the reply cannot be copied (a rule threw an exotic value).
      parentPort!.postMessage(failed(m.job, error));
    }
    // Once, after the first job (so that the functions it compiled are in it), if the thread ran without one.
    writeCodeCache();
  });
}
