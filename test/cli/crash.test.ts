// A rule that throws: the other rules' findings are still reported, the
// crash is printed once per rule (not once per file) on stderr, without a
// stack trace, and the run fails (exit 1: part of the check is missing).
// In-process (run() with an extra rule), since the built CLI has no broken rule to spawn.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES, type Rule } from '../../server/src/index.js';
import { run } from '../../server/src/cli/run.js';
import { CLEAN_DIR, cleanupTemp, tempDir, writeTree } from './helpers.js';

const broken: Rule = {
  id: 'broken-rule',
  severity: 'warning',
  tags: [],
  docs: { description: '测试用', why: '测试用', basis: '—', howToFix: '—' },
  check() {
    throw new TypeError('boom');
  },
};

describe('cli: a crashing rule', function () {
  this.timeout(60000);
  after(cleanupTemp);

  it('is reported once per rule; other findings are still printed', async () => {
    const dir = tempDir();
    const clean = readFileSync(path.join(CLEAN_DIR, '000_6895dad6e85ea9c9.txt'), 'utf8');
    writeTree(dir, { 'a.txt': clean, 'b.txt': clean.replace('七、其他需要报告的情况', '七、补充说明') });
    let stdout = '';
    let stderr = '';
    const code = await run(['--format', 'json', 'a.txt', 'b.txt'], {
      cwd: dir,
      env: {},
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      stdoutIsTTY: false,
      readStdin: async () => new Uint8Array(),
      rules: [...RULES, broken],
    });
    assert.equal(code, 1);
    const json = JSON.parse(stdout);
    assert.ok(json.files[1].findings.some((f: { rule: string; data: { part?: string } }) => f.rule === 'required-section' && f.data.part === 'other'));
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0], /规则 broken-rule 运行出错.*boom.*a\.txt、b\.txt/);
  });
});
