// Both cores for a batch (the CLI's checking, cli/pool.ts; the review, review/review.ts): worker threads take
// the inputs from the end of the batch while the caller's own loop works forward from its start, and the loop
// collects each input in order, from a worker or done itself, so its output is byte for byte that of one thread.
//
// The loop claims input k when it gets there: if a worker was handed k it waits for that worker's reply, else
// (k not handed out, or the worker failed or died) it does k itself. An input is prepared (read, configured)
// only when it is handed out; its resolved config is shipped to a worker once, then named by a number. No
// worker at all — one core, a small batch, FAZHI_LINT_THREADS=1, or the worker's script missing from the
// installation — and the loop does everything in its own thread. The worker's side is node/worker-thread.ts.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { startCachedThread } from './cached-thread.js';
import type { ResolvedConfig } from '../engine/config.js';

/** Messages to a worker: its setup once, a config the first time it is used, then jobs with a config's number. */
export type ToWorker<P, S> =
  | { kind: 'setup'; setup: S }
  | { kind: 'config'; id: number; config: Omit<ResolvedConfig, 'cache'> }
  | { kind: 'job'; job: number; config: number; payload: P };
export type FromWorker<R> = { job: number; reply: R } | { job: number; failed: string };

/** One input as a worker gets it: its resolved config and what else the job needs. */
export interface PoolJob<P> {
  config: ResolvedConfig;
  payload: P;
}

/** The worker's script: `bundle` beside the caller's bundle, or from the sources (under tsx) `source`; both relative to `here`, the caller's import.meta.url. */
export interface WorkerScript {
  here: string;
  bundle: string;
  source: string;
}

export interface PoolOptions<P, S> {
  script: WorkerScript;
  /** The number of inputs, and their size in bytes. */
  count: number;
  bytes: number;
  /** Input `index` as a worker gets it, or undefined when the loop will do it itself (unreadable, special). */
  prepare: (index: number) => PoolJob<P> | undefined;
  /** Sent to every worker before its first job. */
  setup?: S;
  env?: Record<string, string | undefined>;
}

/** Inputs below this size in total are done faster by one thread than by starting another. */
const MIN_BYTES = 256 * 1024;
const MIN_INPUTS = 4;
/** Jobs handed to a worker at once, so that it never waits for the main thread between two. */
const IN_FLIGHT = 2;

/** How many worker threads for `count` inputs of `bytes` (0: none). FAZHI_LINT_THREADS=N sets the threads, workers plus the loop's own. */
export function workerCount(count: number, bytes: number, env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.FAZHI_LINT_THREADS);
  const threads = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
  if (threads < 2 || (!(asked > 1) && (count < MIN_INPUTS || bytes < MIN_BYTES))) return 0;
  return Math.min(threads - 1, count - 1);
}

interface Slot {
  worker: Worker;
  configs: Set<number>;
  /** Jobs sent and not answered. */
  inFlight: Set<number>;
  dead: boolean;
}

export class WorkerPool<P, R, S = undefined> {
  private readonly slots: Slot[] = [];
  private readonly sent = new Map<number, { job: PoolJob<P>; reply: Promise<FromWorker<R>> }>();
  private readonly waiting = new Map<number, (m: FromWorker<R>) => void>();
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextConfigId = 1;
  /** Inputs not yet handed out nor claimed lie in [front, back). */
  private front = 0;
  private back: number;
  private closed = false;

  private constructor(
    private readonly options: PoolOptions<P, S>,
    script: string | URL,
    workers: number,
  ) {
    this.back = options.count;
    for (let i = 0; i < workers; i++) {
      const slot: Slot = { worker: startWorker(script), configs: new Set(), inFlight: new Set(), dead: false };
      slot.worker.on('message', (m: FromWorker<R>) => {
        slot.inFlight.delete(m.job);
        if (!slot.inFlight.size) slot.worker.unref();
        this.settle(m);
        this.feed(slot);
      });
      // A worker that dies leaves its jobs to the loop (see claim()).
      slot.worker.on('error', (e) => this.fail(slot, `worker error: ${e.message}`));
      slot.worker.on('exit', () => this.fail(slot, 'worker exited'));
      // Referenced only while it has work, so that an idle worker never keeps the process alive.
      slot.worker.unref();
      if (options.setup !== undefined) slot.worker.postMessage({ kind: 'setup', setup: options.setup } satisfies ToWorker<P, S>);
      this.slots.push(slot);
    }
    for (const slot of this.slots) this.feed(slot);
  }

  /** A pool for the inputs, or undefined when one thread is better (or the worker's script is not installed). */
  static start<P, R, S = undefined>(options: PoolOptions<P, S>): WorkerPool<P, R, S> | undefined {
    const workers = workerCount(options.count, options.bytes, options.env);
    if (!workers) return undefined;
    const script = scriptOf(options.script);
    return script ? new WorkerPool<P, R, S>(options, script, workers) : undefined;
  }

  /**
   * Input `index` (claim each once, in increasing order): the job a worker was handed and its reply, or
   * undefined when the caller does it itself (not handed out, or the worker failed).
   */
  async claim(index: number): Promise<{ job: PoolJob<P>; reply: R } | undefined> {
    if (index >= this.front) this.front = index + 1;
    const sent = this.sent.get(index);
    this.sent.delete(index);
    if (!sent) {
      // Let the workers' messages in (replies, and so more work handed out) before the caller works.
      await new Promise((resolve) => setImmediate(resolve));
      return undefined;
    }
    const m = await sent.reply;
    return 'failed' in m ? undefined : { job: sent.job, reply: m.reply };
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) void slot.worker.terminate();
  }

  /** Hands the worker the last inputs not yet handed out, up to IN_FLIGHT at a time. */
  private feed(slot: Slot): void {
    while (!this.closed && !slot.dead && slot.inFlight.size < IN_FLIGHT && this.back - 1 > this.front) {
      const index = --this.back;
      const job = this.options.prepare(index);
      if (!job) continue;
      let id = this.configIds.get(job.config);
      if (id === undefined) this.configIds.set(job.config, (id = this.nextConfigId++));
      if (!slot.configs.has(id)) {
        const { cache: _cache, ...plain } = job.config;
        slot.worker.postMessage({ kind: 'config', id, config: plain } satisfies ToWorker<P, S>);
        slot.configs.add(id);
      }
      this.sent.set(index, { job, reply: new Promise<FromWorker<R>>((resolve) => this.waiting.set(index, resolve)) });
      if (!slot.inFlight.size) slot.worker.ref();
      slot.inFlight.add(index);
      slot.worker.postMessage({ kind: 'job', job: index, config: id, payload: job.payload } satisfies ToWorker<P, S>);
    }
  }

  private settle(m: FromWorker<R>): void {
    this.waiting.get(m.job)?.(m);
    this.waiting.delete(m.job);
  }

  /** A worker that died: its unanswered jobs go back to the loop; it gets no more. */
  private fail(slot: Slot, why: string): void {
    if (slot.dead) return;
    slot.dead = true;
    slot.worker.unref();
    for (const job of slot.inFlight) this.settle({ job, failed: why });
    slot.inFlight.clear();
  }
}

/** The script to start (a file URL, or a module's source to evaluate), or undefined when it is not there. */
function scriptOf({ here, bundle, source }: WorkerScript): URL | string | undefined {
  const bundled = here.endsWith('.cjs');
  const file = new URL(bundled ? bundle : source, here);
  if (!existsSync(fileURLToPath(file))) return undefined;
  if (bundled) return file;
  // From the sources: a worker thread does not inherit the main thread's loader, so the worker loads the
  // source through tsx's API (its ES module build, found from here; a computed specifier esbuild leaves alone).
  const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  return `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(here)}));`;
}

/** A bundle runs through V8's code cache (node/cached-thread.ts, in .code-cache-workers/ beside it), written after its first job. */
function startWorker(script: URL | string): Worker {
  if (typeof script === 'string') return new Worker(script, { eval: true });
  const file = fileURLToPath(script);
  return startCachedThread(file, path.join(path.dirname(file), '.code-cache-workers'));
}
