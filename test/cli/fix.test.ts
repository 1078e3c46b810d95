// --fix: the CLI writes back exactly what the engine's fixes produce
// (applyFixes, repeated until nothing changes), keeps the file's encoding
// (BOM, UTF-16), reports what remains, and a second --fix changes nothing.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, lint } from '../../server/src/index.js';
import { readSeed, seedFiles } from '../helpers/corpus.js';
import { cleanupTemp, parseJson, runCli, tempDir } from './helpers.js';

/** What fix-all should produce: the same loop as the CLI, on the engine directly. */
function engineFix(text: string): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const { text: next, applied } = applyFixes(current, lint(current).findings);
    if (applied.length === 0 || next === current) break;
    current = next;
  }
  return current;
}

describe('cli: --fix', function () {
  this.timeout(120000);
  let dir: string;
  const seeds = seedFiles();
  const expected = new Map<string, string>();
  before(async () => {
    dir = tempDir();
    for (const f of seeds) {
      writeFileSync(path.join(dir, f), readSeed(f));
      expected.set(f, engineFix(readSeed(f)));
    }
  });
  after(cleanupTemp);

  it('the seeds have fixable findings', async () => {
    assert.ok(seeds.some((f) => expected.get(f) !== readSeed(f)), 'no rule offers a fix on any seed');
  });

  it('writes back exactly the engine\'s fixes and reports what remains', async () => {
    const r = await runCli(['--fix', '--no-config', '--format', 'json', '.'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const json = parseJson(r);
    for (const f of seeds) {
      const written = readFileSync(path.join(dir, f), 'utf8');
      assert.equal(written, expected.get(f), `${f} differs from applyFixes`);
      const remaining = lint(written).findings.map((x) => `${x.rule} ${x.line}:${x.column}`);
      assert.deepEqual(json.files.find((x) => x.path === f)!.findings.map((x) => `${x.rule} ${x.line}:${x.column}`), remaining, `${f}: reported findings are those of the fixed text`);
      if (written !== readSeed(f)) assert.match(r.stderr, new RegExp(`${f}: 已修复 \\d+ 处`));
    }
  });

  it('a second --fix changes nothing', async () => {
    const before = seeds.map((f) => readFileSync(path.join(dir, f)));
    const r = await runCli(['--fix', '--no-config', '.'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    seeds.forEach((f, i) => assert.ok(readFileSync(path.join(dir, f)).equals(before[i]), `${f} changed again`));
    assert.ok(!r.stderr.includes('已修复'));
  });

  it('keeps a UTF-8 BOM and UTF-16 encoding', async () => {
    const text = readSeed(seeds[0]);
    const want = expected.get(seeds[0])!;
    writeFileSync(path.join(dir, 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(path.join(dir, 'u16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await runCli(['--fix', '--no-config', 'bom.md', 'u16.md'], { cwd: dir });
    const bom = readFileSync(path.join(dir, 'bom.md'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bom.subarray(3).toString('utf8'), want);
    const u16 = readFileSync(path.join(dir, 'u16.md'));
    assert.deepEqual([...u16.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(u16.subarray(2).toString('utf16le'), want);
  });

  it('--stdin --fix prints the fixed text on stdout and the findings on stderr', async () => {
    const text = readSeed(seeds[0]);
    const r = await runCli(['--stdin', '--fix', '--no-config', '--format', 'json'], { cwd: dir, input: text });
    assert.equal(r.stdout, expected.get(seeds[0]));
    const json = JSON.parse(r.stderr.slice(0, r.stderr.lastIndexOf('}') + 1));
    assert.equal(json.files[0].path, '<stdin>');
  });
});
