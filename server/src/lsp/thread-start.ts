// Starting the check thread (worker.ts) — in a module of its own that imports nothing but Node's and
// node/cached-thread.ts (which imports nothing else), so that the entry (main.ts) can start the thread first thing,
// while the rest of the 5 MB bundle is still being evaluated on the main thread: loading the checker in the thread
// is most of a fresh server's wait for its first diagnostics.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, type Worker } from 'node:worker_threads';
import { startCachedThread } from '../node/cached-thread.js';

export const WORKER_MARK = 'fazhi-lint-check-worker';

/** The check thread's own bundle, beside the server's (build.mjs; entry thread-main.ts). */
const THREAD_BUNDLE = 'server-thread.cjs';

/**
 * What the check thread runs, for a server running `own`: the thread's bundle beside the server's bundle (the
 * checker without the protocol and the main thread's parts: less code compiled and kept in the thread); `own` itself
 * where there is none (from the sources; main.ts runs the worker body too).
 */
export function threadFile(own: string): string {
  if (!own.endsWith('.cjs')) return own;
  const thread = path.join(path.dirname(own), THREAD_BUNDLE);
  return existsSync(thread) ? thread : own;
}

/**
 * V8 lets a heap grow up to four times what survived its last full collection before collecting again; a large
 * report's checker keeps some 70 MB alive and its complete check allocates hundreds of MB, so the thread's
 * memory peaked at 0.8–0.9 GB. Growing by half at most keeps the peak near 0.5 GB (a little more time collecting).
 * V8's flags are the process's: set here, in the thread, before the bundle is compiled (a code cache is tied to
 * the flags it was made under). FAZHI_LINT_V8_FLAGS replaces them ("" for none).
 */
const HEAP_GROWTH = '--heap-growing-percent=50';

/**
 * The thread's young generation, in MB (V8's default on 64 bits: 48, two 16 MB semi-spaces and what goes with them,
 * committed once grown and kept whatever is live). FAZHI_LINT_THREAD_YOUNG_MB replaces it (0: V8's default).
 */
const YOUNG_GENERATION_MB = Number(process.env.FAZHI_LINT_THREAD_YOUNG_MB ?? 8);

/**
 * How the thread is started: through the code cache for a bundle (node/cached-thread.ts, in .code-cache-server/
 * beside the bundle; FAZHI_LINT_NO_CODE_CACHE=1: without). The cache is written by the thread after its first job.
 */
export function startThread(file: string): Worker {
  const v8Flags = process.env.FAZHI_LINT_V8_FLAGS ?? HEAP_GROWTH;
  const resourceLimits = YOUNG_GENERATION_MB > 0 ? { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } : undefined;
  return startCachedThread(file, path.join(path.dirname(file), '.code-cache-server'), { workerData: { mark: WORKER_MARK }, v8Flags, resourceLimits });
}

/** A thread started by the entry before the server existed, for `file`; taken once. */
let early: { file: string; worker: Worker; gone: boolean } | undefined;

/** Starts the check thread of this bundle now (the entry of a language server, on the main thread only). */
export function startEarlyThread(): void {
  if (!isMainThread || early) return;
  const file = threadFile(fileURLToPath(import.meta.url));
  try {
    const worker = startThread(file);
    const entry = { file, worker, gone: false };
    // Until the server adopts it: an error or exit then only means it is not there to adopt.
    worker.once('error', () => (entry.gone = true));
    worker.once('exit', () => (entry.gone = true));
    worker.unref();
    early = entry;
  } catch {
    // the server starts its own
  }
}

/** The early thread, if one was started for `file` and is still alive. */
export function adoptEarlyThread(file: string): Worker | undefined {
  const e = early;
  early = undefined;
  if (!e || e.gone || e.file !== file) {
    void e?.worker.terminate();
    return undefined;
  }
  return e.worker;
}
