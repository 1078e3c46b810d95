// Tests that spawn dist/server.cjs test the bundle, not the sources: a bundle older than any source it is
// built from would let a test pass on yesterday's code. Such a run fails at once, saying what to do.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist', 'server.cjs');
/** What the server's check thread runs (lsp/thread-start.ts): built with it, checked with it. */
const THREAD_BUNDLE = path.join(ROOT, 'dist', 'server-thread.cjs');
/** Besides its sources, the bundle inlines the rule data and the package (version, settings' declarations). */
const DATA = ['rules', 'package.json'];

/** What the bundle was built from: the project's files among its source map's sources (the map is written beside it). */
function bundleSources(bundle: string): string[] {
  try {
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
    const own = map.sources.map((s) => path.resolve(path.dirname(bundle), s)).filter((s) => !s.includes(`${path.sep}node_modules${path.sep}`));
    return [...own, ...DATA.map((d) => path.join(ROOT, d))];
  } catch {
    return ['server/src', ...DATA].map((d) => path.join(ROOT, d));
  }
}

function newest(p: string): { file: string; mtime: number } {
  const stat = statSync(p);
  if (!stat.isDirectory()) return { file: p, mtime: stat.mtimeMs };
  let best = { file: p, mtime: 0 };
  for (const entry of readdirSync(p)) {
    const n = newest(path.join(p, entry));
    if (n.mtime > best.mtime) best = n;
  }
  return best;
}

/** Why the bundle cannot be trusted, or undefined when it is newer than every source. */
export function staleBundleReason(bundle = BUNDLE, sources?: readonly string[]): string | undefined {
  if (!existsSync(bundle)) return `${path.relative(ROOT, bundle)} 不存在（missing）`;
  const built = statSync(bundle).mtimeMs;
  for (const source of sources ?? bundleSources(bundle)) {
    // A source deleted since the build: the bundle is stale too (it still holds that code).
    if (!existsSync(source)) return `${path.relative(ROOT, source)} 已不存在（source removed）`;
    const n = newest(source);
    if (n.mtime > built) return `${path.relative(ROOT, n.file)} 比 ${path.relative(ROOT, bundle)} 新（source newer than the bundle）`;
  }
  return undefined;
}

/**
 * The bundles a process of the CLI or the server may load: every one scripts/build.mjs makes but the VS Code client's
 * (read from its list of entries, so that a new bundle is checked too).
 */
export const CLI_BUNDLES = [...readFileSync(path.join(ROOT, 'scripts/build.mjs'), 'utf8').matchAll(/\bout: '(dist\/[\w.-]+\.cjs)'/g)]
  .map((m) => path.join(ROOT, m[1]))
  .filter((bundle) => !bundle.endsWith('extension.cjs'));

const checked = new Set<string>();
/** Fails (saying how to build) unless each bundle (default the server's and its thread's) is newer than everything it was built from. */
export function assertBundleCurrent(bundles: readonly string[] = [BUNDLE, THREAD_BUNDLE]): void {
  for (const bundle of bundles) {
    if (checked.has(bundle)) continue;
    const reason = staleBundleReason(bundle);
    if (reason) {
      throw new Error(
        `${path.relative(ROOT, bundle)} 已过期：${reason}。请先构建：flock /tmp/fazhi-build.lock node scripts/build.mjs（stale bundle: build first; npm test does）`,
      );
    }
    checked.add(bundle);
  }
}
