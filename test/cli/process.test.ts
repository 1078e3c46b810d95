// The few things only a real process shows (everything else runs in-process, through run(argv, io)):
// the exit status of dist/cli.cjs for 0, 1 and 2, stdin read from a pipe, a closed pipe on stdout
// (fazhi-lint … | head) and SIGTERM while a run is under way.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { CLEAN_DIR, CLI, cleanupTemp, assertBuilt, parseJson, runCli, runProcess, tempDir, writeTree } from './helpers.js';

const complete = readFileSync(path.join(CLEAN_DIR, '000_6895dad6e85ea9c9.txt'), 'utf8');
const broken = complete.replace(/七、其他需要报告的情况[\s\S]*$/, '').replace(/五、党政主要负责人[^\n]*\n/, '');

describe('cli: as a real process', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    assertBuilt();
    dir = tempDir();
    writeTree(dir, { 'complete.txt': complete, 'error.txt': broken });
  });
  after(cleanupTemp);

  it('exits 0, 1 and 2 as the contract says (that no format changes them is tested in process: formats.test.ts)', () => {
    assert.equal(runProcess(['--no-config', 'complete.txt'], { cwd: dir }).code, 0);
    assert.equal(runProcess(['--no-config', '--format', 'json', 'error.txt'], { cwd: dir }).code, 1);
    const bad = runProcess(['--no-config', '--format', 'json', 'missing.txt'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    // (1 when some inputs are unreadable while others were checked: inputs.test.ts, in process.)
  });

  it('reads stdin from a pipe', () => {
    const r = runProcess(['--no-config', '--format', 'json', '--stdin'], { cwd: dir, input: broken });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(parseJson(r).files[0].path, '<stdin>');
  });

  it('a closed stdout pipe ends the run quietly', async () => {
    const child = spawn(process.execPath, [CLI, '--no-config', 'error.txt', 'complete.txt'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(code === 1 || code === 0, `exit ${code}: ${stderr}`);
    assert.doesNotMatch(stderr, /EPIPE|内部错误|\n\s+at /);
  });

  it('SIGTERM during --fix leaves each report whole: the old text or the fixed one, never a part', async () => {
    const big = tempDir();
    const text = broken.replace(/，/g, ',').repeat(5);
    writeTree(big, { 'copy/r.md': text });
    await runCli(['--no-config', '--fix', 'copy/r.md'], { cwd: big });
    const fixed = readFileSync(path.join(big, 'copy/r.md'), 'utf8');
    assert.notEqual(fixed, text);
    const names = ['r1.md', 'r2.md', 'r3.md', 'r4.md', 'r5.md'];
    // Killed at two moments, each waited for (a file event in the folder): while the first report is being
    // written (its temporary file appears), and once it has been replaced, while the second is being checked.
    const moments = { 'writing r1.md': (f: string) => f.endsWith('.tmp'), 'after r1.md was replaced': (f: string) => f === 'r1.md' };
    for (const [moment, isMoment] of Object.entries(moments)) {
      writeTree(big, Object.fromEntries(names.map((n) => [n, text])));
      const watcher = watch(big);
      const child = spawn(process.execPath, [CLI, '--no-config', '--fix', ...names], { cwd: big, stdio: 'ignore' });
      watcher.on('change', (_event, file) => {
        if (isMoment(String(file)) && child.exitCode === null) child.kill('SIGTERM');
      });
      const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? signal)));
      watcher.close();
      const after = names.map((n) => readFileSync(path.join(big, n), 'utf8'));
      after.forEach((t, i) => assert.ok(t === text || t === fixed, `${names[i]}, killed ${moment} (exit ${code}): ${t.length} characters, neither the old nor the fixed text`));
      // The signal ended the run between two files: r1.md is done, r5.md is not reached.
      assert.equal(code, 143, moment);
      assert.equal(after[0], fixed, moment);
      assert.equal(after[4], text, moment);
      assert.deepEqual(readdirSync(big).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
    }
  });
});
