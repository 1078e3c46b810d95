// A folder checked with worker threads (server/src/cli/pool.ts, node/worker-pool.ts) gives byte for byte the output
// of one thread, in input order, whatever the format; the files the loop skips or checks itself (unreadable,
// ignored, binary, empty) stay as they were. FAZHI_LINT_THREADS sets the number of threads (1: no workers; more
// than 1: workers whatever the folder's size). Each run counts the replies of its worker threads, so that a worker
// that fails to start (and leaves everything to the main thread, with the same output) fails the test.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import workerThreads from 'node:worker_threads';
import { runCli, runProcess, assertBuilt, tempDir, cleanupTemp, ROOT, type CliRun } from './helpers.js';
import { SUBCOMMAND_NAMES } from '../../server/src/cli/on-demand.js';
import { SUBCOMMANDS } from '../../server/src/cli/commands/index.js';

/** 8 reports (seed, clean and Markdown fixtures) in a folder and a subfolder with its own config, and files no worker gets. */
function folder(): string {
  const dir = tempDir();
  const reports: string[] = [];
  for (const sub of ['corpus', 'clean', 'clean-md']) {
    const from = path.join(ROOT, 'test/fixtures', sub);
    for (const f of readdirSync(from).filter((f) => /\.(txt|md)$/.test(f))) reports.push(path.join(from, f));
  }
  mkdirSync(path.join(dir, 'reports/sub'), { recursive: true });
  for (let i = 0; i < 8; i++) {
    const src = reports[(i * 5) % reports.length];
    writeFileSync(path.join(dir, i % 3 ? 'reports' : 'reports/sub', `${String(i).padStart(2, '0')}${path.extname(src)}`), readFileSync(src));
  }
  writeFileSync(path.join(dir, 'reports/binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255]));
  writeFileSync(path.join(dir, 'reports/empty.md'), '');
  writeFileSync(path.join(dir, 'reports/unreadable.txt'), '不可读');
  chmodSync(path.join(dir, 'reports/unreadable.txt'), 0);
  writeFileSync(path.join(dir, 'reports/sub/.fazhi-lint.json'), JSON.stringify({ rules: { 'cjk-spacing': 'off', typo: 'error' }, ignores: ['06.*'] }));
  return dir;
}

/** The CLI in this process with `threads` threads, and how many replies its worker threads sent. */
async function runWithThreads(args: string[], cwd: string, threads: number): Promise<CliRun & { workerReplies: number }> {
  const Original = workerThreads.Worker;
  let workerReplies = 0;
  workerThreads.Worker = class extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      this.on('message', () => workerReplies++);
    }
  };
  syncBuiltinESMExports();
  try {
    const run = await runCli(args, { cwd, env: { FAZHI_LINT_THREADS: String(threads) } });
    return { ...run, workerReplies };
  } finally {
    workerThreads.Worker = Original;
    syncBuiltinESMExports();
  }
}

describe('cli: worker threads for a folder', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = folder();
  });
  after(cleanupTemp);

  // One worker shows that a format's output does not change; two workers (sharing the inputs from the end), in JSON,
  // which has every field. (A worker started from the sources costs ~0.8 s: a few runs, each to the point.)
  for (const [format, threads] of [['json', [3]], ['text', [2]], ['sarif', [2]], ['github', [2]]] as const) {
    it(`--format ${format}: the same output, exit code and messages with 1 and ${threads.join(' and ')} threads`, async () => {
      const one = await runWithThreads(['--format', format, 'reports'], dir, 1);
      assert.equal(one.workerReplies, 0);
      assert.ok(one.stdout.length > 10_000);
      for (const n of threads) {
        const r = await runWithThreads(['--format', format, 'reports'], dir, n);
        assert.ok(r.workerReplies > 0, `${n} threads: the workers checked some reports`);
        assert.equal(r.code, one.code);
        assert.equal(r.stdout, one.stdout);
        assert.equal(r.stderr, one.stderr);
      }
    });
  }

  it('the built CLI (dist/lint-worker.cjs) gives the same bytes with workers as without', () => {
    assertBuilt();
    // Counts the replies of the bundle's worker threads (the bundle reads Worker from the module when it starts one).
    const hook = path.join(dir, 'count-workers.cjs');
    writeFileSync(
      hook,
      `const wt = require('node:worker_threads'); const W = wt.Worker; let n = 0;
       if (wt.isMainThread) {
         wt.Worker = class extends W { constructor(...a) { super(...a); this.on('message', () => n++); } };
         process.on('exit', () => process.stderr.write('WORKER_REPLIES ' + n + '\\n'));
       }`,
    );
    const options = (threads: string) => ({ cwd: dir, env: { FAZHI_LINT_THREADS: threads, NODE_OPTIONS: `--require ${hook}` } });
    const one = runProcess(['--format', 'json', 'reports'], options('1'));
    const two = runProcess(['--format', 'json', 'reports'], options('2'));
    assert.equal(one.code, 1);
    assert.match(one.stderr, /WORKER_REPLIES 0\n/);
    assert.ok(Number(/WORKER_REPLIES (\d+)/.exec(two.stderr)?.[1]) > 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr.replace(/WORKER_REPLIES \d+\n/, ''), one.stderr.replace(/WORKER_REPLIES \d+\n/, ''));
    assert.equal(two.code, one.code);
  });

  it('names every subcommand the CLI loads on demand', () => {
    assert.deepEqual([...SUBCOMMAND_NAMES].sort(), Object.keys(SUBCOMMANDS).sort());
  });
});
