// requireWithCodeCache (node/code-cache.ts): a bundle compiled through V8's code cache kept beside it, written by
// the first run, used by the next, and replaced for a rebuilt bundle without touching other bundles' caches.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MODULE = new URL('../../server/src/node/code-cache.ts', import.meta.url).href;

/** Runs a bundle through requireWithCodeCache in a fresh process; prints its exports' value. */
function load(file: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
    `import { requireWithCodeCache } from ${JSON.stringify(MODULE)};
     const a = requireWithCodeCache(${JSON.stringify(file)}); const b = requireWithCodeCache(${JSON.stringify(file)});
     process.stdout.write(String(a.value) + ' ' + (a === b) + ' ' + globalThis.runs);`], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('code cache for bundles (node/code-cache.ts)', function () {
  this.timeout(30_000);
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'fazhi-cache-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bundle = path.join(dir, 'b.cjs');
  const caches = () => fs.readdirSync(path.join(dir, '.code-cache')).filter((f) => !f.endsWith('.tmp')).sort();

  it('runs the bundle once per process, writes its cache at exit, and uses it the next time', () => {
    fs.writeFileSync(bundle, 'globalThis.runs = (globalThis.runs ?? 0) + 1; module.exports = { value: require("node:path").sep + "one" };');
    assert.equal(load(bundle), '/one true 1');
    const first = caches();
    assert.equal(first.length, 1);
    assert.match(first[0], /^b-\d+-\d+-v\d+\.\d+\.\d+-\w+-[0-9a-f]{8}\.bin$/);
    const written = fs.statSync(path.join(dir, '.code-cache', first[0])).mtimeMs;
    assert.equal(load(bundle), '/one true 1');
    assert.equal(fs.statSync(path.join(dir, '.code-cache', first[0])).mtimeMs, written, 'an accepted cache is not rewritten');
  });

  it('a rebuilt bundle gets a new cache, its old one goes, another bundle\'s stays', () => {
    const other = path.join(dir, '.code-cache', 'other-1-1-v0.0.0-x64-00000000.bin');
    fs.writeFileSync(other, 'x');
    const before = caches().filter((f) => f.startsWith('b-'));
    fs.writeFileSync(bundle, 'module.exports = { value: "two, longer than before" };');
    assert.match(load(bundle), /^two, longer than before true/);
    const after = caches();
    assert.ok(after.includes(path.basename(other)));
    assert.equal(after.filter((f) => f.startsWith('b-')).length, 1);
    assert.notDeepEqual(after.filter((f) => f.startsWith('b-')), before);
  });

  it('FAZHI_LINT_NO_CODE_CACHE=1 loads the bundle without a cache', () => {
    fs.rmSync(path.join(dir, '.code-cache'), { recursive: true, force: true });
    assert.match(load(bundle, { FAZHI_LINT_NO_CODE_CACHE: '1' }), /^two, longer than before true/);
    assert.ok(!fs.existsSync(path.join(dir, '.code-cache')));
  });
});
