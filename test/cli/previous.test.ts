// --previous <file>: last year's report for copied-report (the engine gets its text as ConfigObject.previous).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanupTemp, runCli, tempDir } from './helpers.js';
import { seed } from '../rules/helpers.js';

describe('CLI --previous', () => {
  after(cleanupTemp);

  it('compares with last year\'s report: one document-level copied-report finding with data.copiedShare', async () => {
    const dir = tempDir();
    const report = seed('004');
    writeFileSync(path.join(dir, '2023.txt'), report);
    writeFileSync(path.join(dir, '2022.txt'), report);
    const r = await runCli(['--format', 'json', '--previous', '2022.txt', '2023.txt'], { cwd: dir });
    const findings = JSON.parse(r.stdout).files[0].findings.filter((f: { rule: string }) => f.rule === 'copied-report');
    const share = findings.filter((f: { data: { kind: string } }) => f.data.kind === 'copied-share');
    assert.equal(share.length, 1, r.stderr);
    assert.equal(share[0].data.copiedShare, 1);
    assert.ok(findings.some((f: { data: { kind: string } }) => f.data.kind === 'copied-paragraph'));
    // Without it, the same report has no such finding.
    const alone = await runCli(['--format', 'json', '2023.txt'], { cwd: dir });
    assert.ok(!JSON.parse(alone.stdout).files[0].findings.some((f: { data: { kind?: string } }) => f.data.kind === 'copied-share'));
  });

  it('an unreadable --previous file is a clear error, exit 2; a config file may not name one', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '2023.txt'), seed('002'));
    const r = await runCli(['--previous', '没有这个文件.txt', '2023.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--previous 没有这个文件\.txt: 无法读取上一年度报告/);
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ previous: '2022.txt' }));
    const fromFile = await runCli(['2023.txt'], { cwd: dir });
    assert.equal(fromFile.code, 2);
    assert.match(fromFile.stderr, /previous/);
  });
});
