// A worker thread that runs a bundle compiled with V8's code cache (as the CLI's launcher, cli/launcher.ts, runs
// the CLI): compiling a 4–5 MB bundle and the functions of a first check is most of a thread's start. Used by the
// language server's check thread (lsp/thread-start.ts) and the CLI's worker threads (node/worker-pool.ts).
// This module imports nothing but Node's and code-cache.ts (which imports only Node's): the server's entry starts its
// thread before the rest is evaluated.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { codeCacheName } from './code-cache.js';

/**
 * The thread's code: the cache, written by the thread once it has done some work (the bundle calls
 * globalThis[Symbol.for('fazhi-lint.writeCodeCache')] when idle), lives in `cacheDir`, named by the bundle's
 * size and time, the Node version, the architecture and Node's flags; a cache V8 rejects is replaced; where
 * nothing may be written, there is none. Older caches of the same bundle in `cacheDir` go when a new one is written.
 */
const CACHED_THREAD = `
// In a function, so that the source read (the bundle, megabytes) and the cache's bytes are not kept once compiled:
// consts of the script's top level would live as long as the thread. The script keeps its own copy of the source.
(() => {
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
      for (const old of readdirSync(cacheDir)) if (old !== cacheName && old.startsWith(workerData.bundle + '-') && !old.endsWith('.tmp')) rmSync(path.join(cacheDir, old), { force: true });
    } catch {}
  };
}
const mod = new Module(file);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
})();
`;

/**
 * A worker thread running the bundle `file` through the code cache in `cacheDir` (other caches of that bundle there
 * are removed when one is written); `v8Flags` are set in the thread before the bundle is compiled (a cache is tied to
 * the flags it was made under). FAZHI_LINT_NO_CODE_CACHE=1, or a file that is not a bundle: a plain Worker.
 */
export function startCachedThread(
  file: string,
  cacheDir: string,
  options: { workerData?: Record<string, unknown>; v8Flags?: string; resourceLimits?: ResourceLimits } = {},
): Worker {
  const { resourceLimits } = options;
  if (!file.endsWith('.cjs') || process.env.FAZHI_LINT_NO_CODE_CACHE) return new Worker(file, { workerData: options.workerData, argv: [], resourceLimits });
  const v8Flags = options.v8Flags ?? '';
  const { bundle, name: cacheName } = codeCacheName(file, v8Flags);
  return new Worker(CACHED_THREAD, { eval: true, workerData: { ...options.workerData, file, bundle, cacheDir, cacheName, v8Flags }, argv: [], resourceLimits });
}

/**
 * In a thread started by startCachedThread: the function that writes its code cache, taken (a second call gives
 * undefined), or undefined when the thread has a cache already or was started otherwise.
 */
export function takeCodeCacheWriter(): (() => void) | undefined {
  const key = Symbol.for('fazhi-lint.writeCodeCache');
  const write = (globalThis as Record<symbol, (() => void) | undefined>)[key];
  delete (globalThis as Record<symbol, unknown>)[key];
  return write;
}

/** In a thread started by startCachedThread: writes the code cache if it has none yet (once; a no-op otherwise). */
export function writeCodeCache(): void {
  takeCodeCacheWriter()?.();
}
