// Exit codes (docs/rules.md): 0 nothing at or above --fail-on, 1 such
// findings, 2 the checker could not run. Also --quiet, --rule, --help,
// --version and argument validation. To keep the counts exact, most cases
// run with a config that leaves only the required-section rule on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../server/src/index.js';
import { CLEAN_DIR, cleanupTemp, parseJson, ROOT, runCli, tempDir, writeTree } from './helpers.js';

const complete = readFileSync(path.join(CLEAN_DIR, '000_6895dad6e85ea9c9.txt'), 'utf8');
// Without its last section (其他需要报告的情况), whose absence is a warning.
const withoutOther = complete.slice(0, complete.indexOf('七、其他需要报告的情况'));
// Without 第一责任人 and 其他: one error and one warning.
const withoutTwo = withoutOther.replace(/五、党政主要负责人[^\n]*\n[^\n]*\n/, '').replace('六、2025年', '五、2025年');

// required-section keeps its default (error, but warning for `other`): naming it would force one severity.
const onlyRequiredSection = JSON.stringify({ rules: Object.fromEntries(RULES.filter((r) => r.id !== 'required-section').map((r) => [r.id, 'off'])) });

describe('cli: exit codes and options', function () {
  this.timeout(60000);
  let dir: string;
  before(async () => {
    dir = tempDir();
    writeTree(dir, {
      '.fazhi-lint.json': onlyRequiredSection,
      'complete.txt': complete,
      'warning.txt': withoutOther,
      'error.txt': withoutTwo,
    });
  });
  after(cleanupTemp);
  const run = (...args: string[]) => runCli(args, { cwd: dir });

  it('0 for a complete report', async () => {
    const r = await run('complete.txt');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /未发现问题/);
  });

  it('1 when there is an error; the finding is reported', async () => {
    const r = await run('--format', 'json', 'error.txt');
    assert.equal(r.code, 1);
    const parts = parseJson(r).files[0].findings.map((f) => `${f.severity}:${f.data.part}`);
    assert.deepEqual(parts.sort(), ['error:first-responsible', 'warning:other']);
  });

  it('--fail-on: warnings fail only from --fail-on warning, infos only from --fail-on info', async () => {
    assert.equal((await run('warning.txt')).code, 0);
    assert.equal((await run('--fail-on', 'error', 'warning.txt')).code, 0);
    assert.equal((await run('--fail-on', 'warning', 'warning.txt')).code, 1);
    assert.equal((await run('--fail-on', 'info', 'warning.txt')).code, 1);
    assert.equal((await run('--rule', 'required-section=info', '--fail-on', 'warning', 'warning.txt')).code, 0);
    assert.equal((await run('--rule', 'required-section=info', '--fail-on', 'info', 'warning.txt')).code, 1);
    assert.equal((await run('--rule', 'required-section=hint', '--fail-on', 'info', 'warning.txt')).code, 0);
  });

  it('--rule changes severities and switches rules off', async () => {
    const info = parseJson(await run('--format', 'json', '--rule', 'required-section=info', 'error.txt'));
    assert.deepEqual(info.files[0].findings.map((f) => f.severity), ['info', 'info']);
    const off = await run('--format', 'json', '--rule', 'required-section=off', 'error.txt');
    assert.equal(off.code, 0);
    assert.deepEqual(parseJson(off).files[0].findings, []);
    const repeated = await run('--format', 'json', '--rule', 'required-section=off', '--rule', 'required-section=warning', 'error.txt');
    assert.equal(repeated.code, 0, 'the last --rule wins');
    assert.deepEqual(parseJson(repeated).files[0].findings.map((f) => f.severity), ['warning', 'warning']);
  });

  it('--quiet shows errors only; the exit code still counts every finding', async () => {
    const q = await run('--quiet', '--format', 'json', 'error.txt');
    assert.equal(q.code, 1);
    assert.deepEqual(parseJson(q).files[0].findings.map((f) => f.severity), ['error']);
    const w = await run('--quiet', 'warning.txt');
    assert.equal(w.code, 0);
    assert.ok(!w.stdout.includes('required-section'));
    assert.equal((await run('--quiet', '--fail-on', 'warning', 'warning.txt')).code, 1);
  });

  it('2 for invalid arguments, with a message and the usage', async () => {
    for (const args of [
      ['--format', 'xml', 'complete.txt'],
      ['--fail-on', 'hint', 'complete.txt'],
      ['--rule', 'no-such-rule=error', 'complete.txt'],
      ['--rule', 'required-section=fatal', 'complete.txt'],
      ['--rule', 'required-section', 'complete.txt'],
      ['--frobnicate', 'complete.txt'],
      ['--stdin-filename', 'x.md', 'complete.txt'],
      ['--config', 'x.json', '--no-config', 'complete.txt'],
      [],
    ]) {
      const r = await run(...args);
      assert.equal(r.code, 2, `exit code for ${args.join(' ')}`);
      assert.equal(r.stdout, '', `no report for ${args.join(' ')}`);
      assert.match(r.stderr, /fazhi-lint: .*\n用法 Usage/, `message for ${args.join(' ')}`);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
    assert.match((await run('--rule', 'no-such-rule=error', 'complete.txt')).stderr, /no-such-rule/);
  });

  it('--help in Chinese and English, --version', async () => {
    const h = await run('--help');
    assert.equal(h.code, 0);
    for (const s of ['用法', 'Usage', '--format', '--fix', '--fail-on', '--config', '--rule', '--quiet', '--stdin', '退出码', 'Exit codes']) {
      assert.ok(h.stdout.includes(s), `help mentions ${s}`);
    }
    const v = await run('--version');
    assert.equal(v.code, 0);
    assert.equal(v.stdout.trim(), JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
