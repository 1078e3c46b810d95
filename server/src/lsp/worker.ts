// Full checks of large documents run in a worker thread, so the server keeps
// answering (and publishing partial results) while a 1 MB report is checked.
// The worker is the bundled server file itself, started with workerData.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { analyze, type Analysis } from './analysis.js';
import type { ConfigObject } from '../engine/config.js';

export const WORKER_MARK = 'fazhi-lint-check-worker';

interface Job {
  id: number;
  text: string;
  config: ConfigObject;
}

/** Body of the worker thread. */
export function runWorker(): void {
  parentPort!.on('message', (job: Job) => {
    try {
      parentPort!.postMessage({ id: job.id, analysis: analyze(job.text, job.config) });
    } catch (error) {
      parentPort!.postMessage({ id: job.id, error: (error as Error).stack ?? String(error) });
    }
  });
}

export function isCheckWorker(): boolean {
  return !!parentPort && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK;
}

/** One worker, one job at a time; a queued job for a document is replaced by a newer one. */
export class FullChecker {
  private worker?: Worker;
  private nextId = 1;
  private running?: { id: number; key: string; resolve: (a: Analysis) => void; reject: (e: Error) => void };
  private readonly queue = new Map<string, { job: Job; resolve: (a: Analysis) => void; reject: (e: Error) => void }>();

  constructor(private readonly log: (message: string) => void) {}

  /** Resolves with the analysis, or rejects when superseded by a newer job for the same key or when the worker dies. */
  check(key: string, text: string, config: ConfigObject): Promise<Analysis> {
    return new Promise((resolve, reject) => {
      const previous = this.queue.get(key);
      if (previous) previous.reject(new Superseded());
      this.queue.set(key, { job: { id: this.nextId++, text, config }, resolve, reject });
      this.pump();
    });
  }

  private start(): Worker {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { mark: WORKER_MARK }, argv: [] });
    worker.on('message', (msg: { id: number; analysis?: Analysis; error?: string }) => {
      const running = this.running;
      if (!running || running.id !== msg.id) return;
      this.running = undefined;
      if (msg.analysis) running.resolve(msg.analysis);
      else running.reject(new Error(msg.error));
      this.pump();
    });
    const fail = (error: Error) => {
      this.log(`检查线程异常退出（check worker died）：${error.message}`);
      this.worker = undefined;
      const running = this.running;
      this.running = undefined;
      running?.reject(error);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(new Error(`exit code ${code}`));
    });
    worker.unref();
    return worker;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.entries().next();
    if (next.done) return;
    const [key, item] = next.value;
    this.queue.delete(key);
    this.worker ??= this.start();
    this.running = { id: item.job.id, key, resolve: item.resolve, reject: item.reject };
    this.worker.postMessage(item.job);
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer version');
  }
}
