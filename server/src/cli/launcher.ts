// The `fazhi-lint` command (dist/cli.cjs): runs the CLI bundle (dist/cli-main.cjs) compiled with V8's code
// cache, which Node 20 does not keep by itself (module.enableCompileCache is Node ≥ 22.1). Compiling the 3.5 MB
// bundle was a fifth of a small report's CPU time; with the cache it is mostly skipped.
// The cache lives beside the bundle (dist/.code-cache/), named by the bundle's size and modification time, the
// Node version, the architecture and Node's flags, so a rebuilt bundle or another Node never gets a stale one
// (V8 itself only checks the source's length). It is written once, by the first run, atomically, and only where the user may
// write; a cache V8 rejects is replaced. FAZHI_LINT_NO_CODE_CACHE=1 runs without it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import pkg from '../../../package.json';

const dir = path.dirname(fileURLToPath(import.meta.url));
const main = path.join(dir, 'cli-main.cjs');

function run(): void {
  // `fazhi-lint --version` alone needs nothing of the CLI (what run.ts prints for it).
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${(pkg as { version: string }).version}\n`);
    return;
  }
  if (process.env.FAZHI_LINT_NO_CODE_CACHE) {
    createRequire(main)(main);
    return;
  }
  const source = readFileSync(main, 'utf8');
  const stat = statSync(main);
  const cacheDir = path.join(dir, '.code-cache');
  // V8 rejects a cache made under other flags (--cpu-prof, --max-old-space-size…): one file per set of flags.
  const flags = createHash('sha1').update(process.execArgv.join(' ')).digest('hex').slice(0, 8);
  const cacheFile = path.join(cacheDir, `cli-main-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}-${flags}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new vm.Script(Module.wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source), { filename: main, cachedData });
  const mod = new Module(main);
  mod.filename = main;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dir);
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so that the functions it compiled are in the cache too.
    process.once('exit', () => {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        // Caches of an older bundle or another Node go; those of other flags for this bundle stay.
        const current = `cli-main-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}-`;
        for (const old of readdirSync(cacheDir)) if (!old.startsWith(current) && !old.endsWith('.tmp')) rmSync(path.join(cacheDir, old), { force: true });
      } catch {
        // A read-only install runs without a cache.
      }
    });
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(main), mod, main, dir);
}

run();
