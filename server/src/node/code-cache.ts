// Loading a bundle compiled with V8's code cache, which Node 20 does not keep by itself (module.enableCompileCache
// is Node ≥ 22.1): compiling a bundle of megabytes was a fifth of a small run's CPU time; with the cache it is
// mostly skipped. Used by the `fazhi-lint` launcher for the CLI bundle and by loadOnDemand for the bundles loaded on
// first use (subcommands, assembly, the .docx reader).
// The cache lives beside the bundle (.code-cache/), named by the bundle's name, size and modification time, the
// Node version, the architecture and Node's flags, so a rebuilt bundle or another Node never gets a stale one
// (V8 itself only checks the source's length). It is written once, at the end of the first run (so that the
// functions that run compiled are in it), atomically, and only where the user may write; a cache V8 rejects is
// replaced. FAZHI_LINT_NO_CODE_CACHE=1 loads without it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const loaded = new Map<string, unknown>();

/**
 * The cache file's name for the bundle `file` (also of a worker thread's, node/cached-thread.ts): `prefix` names the
 * bundle's build and the Node that runs it, the rest Node's flags and `v8Flags` set in a thread — V8 rejects a
 * cache made under other flags (--cpu-prof, --max-old-space-size…), so there is one file per set of flags.
 */
export function codeCacheName(file: string, v8Flags = ''): { bundle: string; prefix: string; name: string } {
  const stat = statSync(file);
  const bundle = path.basename(file, '.cjs');
  const flags = createHash('sha1').update(`${process.execArgv.join(' ')} ${v8Flags}`).digest('hex').slice(0, 8);
  const prefix = `${bundle}-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}-`;
  return { bundle, prefix, name: `${prefix}${flags}.bin` };
}

/** `require(file)` for a CommonJS bundle, compiled through the code cache; each bundle is run once per process. */
export function requireWithCodeCache(file: string): unknown {
  if (loaded.has(file)) return loaded.get(file);
  if (process.env.FAZHI_LINT_NO_CODE_CACHE) {
    const exports: unknown = createRequire(file)(file);
    loaded.set(file, exports);
    return exports;
  }
  const dir = path.dirname(file);
  const source = readFileSync(file, 'utf8');
  const cacheDir = path.join(dir, '.code-cache');
  const { bundle, prefix, name } = codeCacheName(file);
  const cacheFile = path.join(cacheDir, name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new vm.Script(Module.wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source), { filename: file, cachedData });
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dir);
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        // This bundle's caches of an older build or another Node go; those of other flags, and other bundles', stay.
        for (const old of readdirSync(cacheDir)) {
          if (old.startsWith(`${bundle}-`) && !old.startsWith(prefix) && !old.endsWith('.tmp')) rmSync(path.join(cacheDir, old), { force: true });
        }
      } catch {
        // A read-only install runs without a cache.
      }
    });
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, dir);
  loaded.set(file, mod.exports);
  return mod.exports;
}
