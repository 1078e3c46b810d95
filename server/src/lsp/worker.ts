// Checks and fix-alls run in a worker thread, so the server keeps answering (hover, shutdown, other
// documents) whatever a check costs: a 1 MB report, a pathological text, a slow rule. A job that runs past
// the time limit is stopped by ending the thread (JavaScript cannot be interrupted otherwise); the next job
// starts a new one. The worker is the bundled server file itself, started with workerData.
// The thread keeps an incremental checker per large document (lsp/incremental.ts): an edit job carries the
// editor's changes and is answered with a partial result; a complete job follows for the full one.
import { performance } from 'node:perf_hooks';
import { Worker, parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { ConfigObject } from '../engine/config.js';
import { RULES } from '../rules/index.js';
import { analyze } from './analysis.js';
import { fixAll, type FixAllResult } from './fix-all.js';
import { fingerprint, ThreadDocuments, type CheckJob, type CheckResult, type EditJob } from './incremental.js';
import { adoptEarlyThread, startThread, threadFile, WORKER_MARK } from './thread-start.js';
import { takeCodeCacheWriter } from '../node/cached-thread.js';

export { WORKER_MARK };
const TRACE = process.env.FAZHI_LINT_TRACE === '1';
/** A check or fix-all still running after this many ms is stopped (FAZHI_LINT_CHECK_TIMEOUT). */
export const CHECK_TIMEOUT = Number(process.env.FAZHI_LINT_CHECK_TIMEOUT ?? 30_000);

type Job =
  | ({ id: number; kind: 'check' } & CheckJob)
  | ({ id: number; kind: 'edit' } & EditJob)
  | { id: number; kind: 'complete'; doc: string; version: number; maxProblems: number }
  | { id: number; kind: 'fixAll'; text: string; config: ConfigObject };
/** Not a job: the document was closed (or is no longer checked); posted without waiting for the queue. */
type Forget = { kind: 'forget'; doc: string };
type Outcome = { result: CheckResult | null } | { fix: FixAllResult } | { resync: 'no checker' | 'out of step' };

/** Body of the worker thread. */
export function runWorker(): void {
  const documents = new ThreadDocuments();
  const gc = garbageCollector();
  let idle: NodeJS.Timeout | undefined;
  let jobs = 0;
  // Once idle: the kept findings made compact (their strings shared, so that the collection frees the copies), a
  // slice of steps at a time, between which a job that comes is handled at once (it stops the compaction, and
  // re-arms the collection); then the collection; still idle a while later, the compacting one (a job that comes
  // first cancels it).
  const collect =
    gc &&
    (() => {
      const steps = documents.compactSteps();
      const started = jobs;
      const step = () => {
        if (jobs !== started) return;
        const until = performance.now() + COMPACT_SLICE;
        while (performance.now() < until) {
          if (!steps.next().done) continue;
          collectNow(gc.full, 'an idle collection');
          idle = setTimeout(() => jobs === started && collectNow(gc.compacting, 'a compacting collection'), COMPACTING_GC_DELAY);
          idle.unref();
          return;
        }
        setImmediate(step);
      };
      step();
    });
  // FAZHI_LINT_TRACE: the thread's heap after each idle collection, in the server's log.
  const collectNow = (collection: () => void, what: string) => {
    const t0 = performance.now();
    collection();
    if (!TRACE) return;
    const h = v8.getHeapStatistics();
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
    parentPort!.postMessage({ log: `检查线程回收内存后（check thread after ${what}, ${(performance.now() - t0).toFixed(0)} ms）：heap used ${mb(h.used_heap_size)} of ${mb(h.total_heap_size)}, external ${mb(h.external_memory)}, process RSS ${mb(process.memoryUsage.rss())}` });
  };
  // Written after a first job (so that the functions a check compiles are in it), when no job is waiting.
  let writeCache = takeCodeCacheWriter();
  let caching: NodeJS.Timeout | undefined;
  const handle = (job: Job | Forget) => {
    jobs++;
    clearTimeout(idle);
    clearTimeout(caching);
    if (job.kind === 'forget') {
      documents.forget(job.doc);
      if (collect) {
        idle = setTimeout(collect, IDLE_GC_DELAY);
        idle.unref();
      }
      return;
    }
    try {
      let outcome: Outcome;
      if (job.kind === 'check') outcome = { result: documents.check(job) };
      else if (job.kind === 'edit') {
        const partial = documents.edit(job);
        outcome = typeof partial === 'string' ? { resync: partial } : { result: partial };
      } else if (job.kind === 'complete') outcome = { result: documents.complete(job.doc, job.version, job.maxProblems) ?? null };
      else outcome = { fix: fixAll(job.text, job.config, RULES) };
      parentPort!.postMessage({ id: job.id, ...outcome });
      if (writeCache) {
        caching = setTimeout(() => {
          writeCache?.();
          writeCache = undefined;
        }, 300);
        caching.unref();
      }
      // A whole check of a large text leaves hundreds of MB of garbage, which V8 collects lazily (keeping the
      // memory): collect it as soon as the thread is idle, unless another job comes first.
      if (collect && (job.kind === 'complete' || ('text' in job && job.text.length >= IDLE_GC_TEXT))) {
        idle = setTimeout(collect, IDLE_GC_DELAY);
        idle.unref();
      }
    } catch (error) {
      // A failed step leaves the document's checker in an unknown state: the next job checks it afresh.
      if ('doc' in job) documents.forget(job.doc);
      parentPort!.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) });
    }
  };
  parentPort!.on('message', handle);
  parentPort!.postMessage({ ready: true });
  // Nothing to check yet (a job already sent is handled before this): warm the checker up — the dictionaries
  // the rules compile once per configuration, and the code a check runs — so the first document is fast.
  setImmediate(() => {
    if (jobs) return;
    // A job posted while the thread was loading goes first (its message may not have been dispatched yet).
    const waiting = receiveMessageOnPort(parentPort as unknown as MessagePort);
    if (waiting) return handle(waiting.message as Job | Forget);
    try {
      analyze(WARM_UP_TEXT, {});
    } catch {
      // only a warm-up
    }
  });
}

/** A small report with a few typical defects, for the warm-up. */
const WARM_UP_TEXT = '# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n2023 年，我镇設(shè)立XX台账,喜闻悦见。\n\n二、存在的不足和原因\n\n（一）法治宣传不够深入。\n';

/** After a job on a text this long (UTF-16 units), the thread collects garbage once idle for IDLE_GC_DELAY ms. */
const IDLE_GC_TEXT = 100_000;
const IDLE_GC_DELAY = 1000;
/** The compaction before an idle collection runs in slices this long (ms), a job coming between two. */
const COMPACT_SLICE = 10;
/**
 * After the idle collection, the compacting one waits this long (ms) for no job to come: it pauses the thread longer
 * (0.26 s against 0.1 s for a 1 MB report's checker, on a loaded machine), so not between two bursts of typing.
 */
const COMPACTING_GC_DELAY = Number(process.env.FAZHI_LINT_COMPACTING_GC_DELAY ?? 5000);

/**
 * V8's full garbage collection, without starting Node with --expose-gc (undefined where that fails), ordinary and
 * compacting: an ordinary full collection frees objects but keeps most of the pages they were on (after a 1 MB
 * report's complete check, 103 MB of old space held 51 MB of objects; the heap 117–123 MB for 70 MB used, 80 MB
 * after compacting), so the compacting one asks V8 to compact every page for this one collection (the flag is read
 * at collection time; set back at once, since V8 rejects a code cache made under other flags).
 */
function garbageCollector(): { full: () => void; compacting: () => void } | undefined {
  if (process.env.FAZHI_LINT_NO_IDLE_GC) return undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    if (typeof gc !== 'function') return undefined;
    const compacting = () => {
      v8.setFlagsFromString('--compact-on-every-full-gc');
      try {
        gc();
      } finally {
        v8.setFlagsFromString('--no-compact-on-every-full-gc');
      }
    };
    return { full: gc, compacting };
  } catch {
    return undefined;
  } finally {
    // V8 rejects a code cache made under other flags: the flags go back as they were (the function stays).
    v8.setFlagsFromString('--no-expose-gc');
  }
}

export function isCheckWorker(): boolean {
  return !!parentPort && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK;
}

type JobBody = Job extends infer J ? (J extends Job ? Omit<J, 'id'> : never) : never;
/** An edit as queued here: with the text, sent to the thread only if it asks (a resync). */
type QueuedJob = Exclude<JobBody, { kind: 'edit' }> | (Extract<JobBody, { kind: 'edit' }> & { text: string });

interface Pending {
  job: QueuedJob;
  /** Why an edit job became a check of the whole text in the thread. */
  resynced?: CheckResult['resynced'];
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
}

/**
 * One worker, one job at a time. Per document, one queued check or edit (a newer one replaces it; queued edits
 * are merged, so no change is lost) and one queued complete job (dropped when a newer edit comes); checks and
 * edits go first, then fix-alls, then complete jobs, so that a partial result never waits behind a full one
 * that is about to be outdated.
 */
export class FullChecker {
  private worker?: Worker;
  private nextId = 1;
  private running?: Pending & { id: number; timer: NodeJS.Timeout };
  private readonly updates = new Map<string, Pending>();
  private readonly fixes = new Map<string, Pending>();
  private readonly completes = new Map<string, Pending>();

  /**
   * `file`: what the thread runs — the thread's bundle beside the server's (thread-main.ts; else the server's bundle
   * itself, main.ts dispatching on workerData), or a test's entry.
   */
  constructor(
    private readonly log: (message: string) => void,
    private readonly file = threadFile(fileURLToPath(import.meta.url)),
    private readonly timeout: number = CHECK_TIMEOUT,
  ) {}

  /** Starts the thread before the first job needs it (it loads the whole checker). */
  warm(): void {
    this.worker ??= this.start();
  }

  /** A whole check (kept for edits when `large`); rejects when superseded by a newer job for the same document, on timeout, or when the worker dies. */
  check(job: CheckJob): Promise<CheckResult> {
    return this.update({ kind: 'check', ...job });
  }

  /**
   * The partial result of a large document after `changes` (or a complete one, when the thread had to check
   * afresh: then it is sent `text`).
   */
  edit(job: Omit<EditJob, 'fingerprint'>, text: string): Promise<CheckResult> {
    return this.update({ kind: 'edit', ...job, text, fingerprint: fingerprint(text) });
  }

  /** The complete result of a large document at `version` (null when the thread has moved on). */
  complete(doc: string, version: number, maxProblems: number): Promise<CheckResult | null> {
    return this.submit(this.completes, doc, { kind: 'complete', doc, version, maxProblems }).then((o) => (o as { result: CheckResult | null }).result);
  }

  /** Fix-all of a text as --fix does it (fix-all.ts), in the worker. */
  fixAll(key: string, text: string, config: ConfigObject): Promise<FixAllResult> {
    return this.submit(this.fixes, key, { kind: 'fixAll', text, config }).then((o) => (o as { fix: FixAllResult }).fix);
  }

  /** The document is closed or no longer checked: its queued jobs are dropped and the thread forgets it. */
  forget(doc: string): void {
    for (const queue of [this.updates, this.completes]) {
      queue.get(doc)?.reject(new Superseded());
      queue.delete(doc);
    }
    this.worker?.postMessage({ kind: 'forget', doc } satisfies Forget);
  }

  private update(job: Extract<QueuedJob, { kind: 'check' | 'edit' }>): Promise<CheckResult> {
    const queued = this.updates.get(job.doc)?.job;
    // The queued job never reached the thread: this one must carry what it carried.
    if (queued?.kind === 'edit' && job.kind === 'edit') job = { ...job, fromVersion: queued.fromVersion, changes: [...queued.changes, ...job.changes] };
    else if (queued?.kind === 'check' && job.kind === 'edit') job = checkOf(job);
    this.completes.get(job.doc)?.reject(new Superseded());
    this.completes.delete(job.doc);
    return this.submit(this.updates, job.doc, job).then((o) => (o as { result: CheckResult }).result);
  }

  private submit(queue: Map<string, Pending>, key: string, job: QueuedJob): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const previous = queue.get(key);
      if (previous) previous.reject(new Superseded());
      queue.delete(key); // a replaced job goes to the back of the queue
      queue.set(key, { job, resolve, reject });
      this.pump();
    });
  }

  private start(): Worker {
    const worker = adoptEarlyThread(this.file) ?? startThread(this.file);
    worker.on('message', (msg: { id?: number; ready?: boolean; result?: CheckResult | null; fix?: FixAllResult; resync?: string; error?: string; log?: string }) => {
      if (msg.log) return this.log(`${msg.log}; main thread heap used ${(v8.getHeapStatistics().used_heap_size / 1048576).toFixed(0)} MB`);
      if (msg.ready && TRACE) this.log(`检查线程已就绪（check thread ready）${performance.now().toFixed(0)} ms after the process started`);
      const running = this.running;
      if (msg.ready || !running || running.id !== msg.id) return;
      if (msg.resync && running.job.kind === 'edit') {
        // The thread does not hold the version the changes start from: the same job as a check of the text.
        running.job = checkOf(running.job);
        running.resynced = msg.resync as CheckResult['resynced'];
        worker.postMessage({ ...running.job, id: running.id });
        return;
      }
      clearTimeout(running.timer);
      this.running = undefined;
      if (msg.result !== undefined) running.resolve({ result: msg.result && running.resynced ? { ...msg.result, resynced: running.resynced } : msg.result });
      else if (msg.fix) running.resolve({ fix: msg.fix });
      else running.reject(new Error(msg.error));
      this.pump();
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.log(`检查线程异常退出（check worker died）：${error.message}`);
      this.worker = undefined;
      const running = this.running;
      this.running = undefined;
      if (running) {
        clearTimeout(running.timer);
        running.reject(error);
      }
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    worker.unref();
    return worker;
  }

  private pump(): void {
    if (this.running) return;
    const queue = [this.updates, this.fixes, this.completes].find((q) => q.size);
    if (!queue) return;
    const [key, item] = queue.entries().next().value!;
    queue.delete(key);
    const worker = (this.worker ??= this.start());
    const timer = setTimeout(() => this.stop(worker), this.timeout);
    timer.unref();
    const id = this.nextId++;
    this.running = { ...item, id, timer };
    if (item.job.kind === 'edit') {
      const { text: _text, ...edit } = item.job;
      worker.postMessage({ ...edit, id });
    } else worker.postMessage({ ...item.job, id });
  }

  /** The running job took too long: end the thread (the only way to stop it), fail the job, go on. */
  private stop(worker: Worker): void {
    const running = this.running;
    if (!running || this.worker !== worker) return;
    this.worker = undefined;
    this.running = undefined;
    void worker.terminate();
    running.reject(new CheckTimeout(this.timeout));
    this.pump();
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}

/** An edit job as a whole check of its text, keeping an incremental checker. */
function checkOf(job: Extract<QueuedJob, { kind: 'edit' }>): Extract<QueuedJob, { kind: 'check' }> {
  const { fromVersion: _from, changes: _changes, fingerprint: _fingerprint, ...rest } = job;
  return { ...rest, kind: 'check', large: true };
}

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer version');
  }
}

export class CheckTimeout extends Error {
  constructor(readonly ms: number) {
    super(`检查超过 ${Math.round(ms / 1000)} 秒，已停止（check stopped after ${ms} ms）`);
  }
}
