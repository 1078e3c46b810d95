// Starting the check thread (worker.ts) — in a module of its own that imports nothing but Node's, so that the
// entry (main.ts) can start the thread first thing, while the rest of the 5 MB bundle is still being evaluated on
// the main thread: loading the checker in the thread is most of a fresh server's wait for its first diagnostics.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';

export const WORKER_MARK = 'fazhi-lint-check-worker';

/**
 * The thread runs the bundle compiled with V8's code cache (as the CLI's launcher, cli/launcher.ts, runs the
 * CLI): compiling the 5 MB bundle and the functions of a first check is most of the time between the thread's
 * start and the first diagnostics. The cache, written by the thread after its first job, lives beside the
 * bundle in .code-cache-server/, named by the bundle's size and time, the Node version, the architecture and
 * Node's flags; a cache V8 rejects is replaced; where nothing may be written, there is none.
 */
const CACHED_THREAD = `
const { readFileSync, writeFileSync, renameSync, mkdirSync, readdirSync, rmSync } = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');
const { workerData, threadId } = require('node:worker_threads');
const { file, cacheDir, cacheName } = workerData;
if (workerData.v8Flags) require('node:v8').setFlagsFromString(workerData.v8Flags);
const cacheFile = path.join(cacheDir, cacheName);
let cachedData;
try { cachedData = readFileSync(cacheFile); } catch {}
const source = readFileSync(file, 'utf8');
const script = new vm.Script(Module.wrap(source.startsWith('#!') ? '//' + source.slice(2) : source), { filename: file, cachedData });
if (!cachedData || script.cachedDataRejected) {
  globalThis[Symbol.for('fazhi-lint.writeCodeCache')] = () => {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temp = cacheFile + '.' + process.pid + '-' + threadId + '.tmp';
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
      for (const old of readdirSync(cacheDir)) if (old !== cacheName && !old.endsWith('.tmp')) rmSync(path.join(cacheDir, old), { force: true });
    } catch {}
  };
}
const mod = new Module(file);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
`;

/**
 * V8 lets a heap grow up to four times what survived its last full collection before collecting again; a large
 * report's checker keeps some 70 MB alive and its complete check allocates hundreds of MB, so the thread's
 * memory peaked at 0.8–0.9 GB. Growing by half at most keeps the peak near 0.5 GB (a little more time collecting).
 * V8's flags are the process's: set here, in the thread, before the bundle is compiled (a code cache is tied to
 * the flags it was made under). FAZHI_LINT_V8_FLAGS replaces them ("" for none).
 */
const HEAP_GROWTH = '--heap-growing-percent=50';

/** How the thread is started: through the code cache for a bundle (FAZHI_LINT_NO_CODE_CACHE=1: without). */
export function startThread(file: string): Worker {
  if (!file.endsWith('.cjs') || process.env.FAZHI_LINT_NO_CODE_CACHE) return new Worker(file, { workerData: { mark: WORKER_MARK }, argv: [] });
  const stat = statSync(file);
  const v8Flags = process.env.FAZHI_LINT_V8_FLAGS ?? HEAP_GROWTH;
  const flags = createHash('sha1').update(`${process.execArgv.join(' ')} ${v8Flags}`).digest('hex').slice(0, 8);
  const cacheName = `${path.basename(file, '.cjs')}-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}-${flags}.bin`;
  const cacheDir = path.join(path.dirname(file), '.code-cache-server');
  return new Worker(CACHED_THREAD, { eval: true, workerData: { mark: WORKER_MARK, file, cacheDir, cacheName, v8Flags }, argv: [] });
}

/** A thread started by the entry before the server existed, for `file`; taken once. */
let early: { file: string; worker: Worker; gone: boolean } | undefined;

/** Starts the check thread of this bundle now (the entry of a language server, on the main thread only). */
export function startEarlyThread(): void {
  if (!isMainThread || early) return;
  const file = fileURLToPath(import.meta.url);
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
