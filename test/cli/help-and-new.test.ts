// Small things a user reads: --help keeps each language on its own lines (no English sentence
// continuing a Chinese one), and `new` counts the skeleton's 【请填写】 prompts, not a placeholder in
// the body name the user typed (--body 某某镇).
import assert from 'node:assert/strict';
import { cleanupTemp, runCli, tempDir } from './helpers.js';
import { SUBCOMMANDS } from '../../server/src/cli/commands/index.js';

describe('cli: --help and new', function () {
  this.timeout(60000);
  after(cleanupTemp);

  it('--help: no English sentence after a Chinese one on the same line', async () => {
    const help = (await runCli(['--help'], { cwd: tempDir() })).stdout;
    for (const line of help.split('\n')) assert.doesNotMatch(line, /[\u4e00-\u9fff][。；][ ]?[A-Z][a-z]+ [a-z]+/, line);
    for (const option of ['--max-per-rule', '--print-config', 'FAZHI_LINT_TRUSTED_CONFIGS']) assert.ok(help.includes(option), option);
  });

  it('--help lists every subcommand', async () => {
    const help = (await runCli(['--help'], { cwd: tempDir() })).stdout;
    for (const name of Object.keys(SUBCOMMANDS)) assert.match(help, new RegExp(`^  ${name} `, 'm'), name);
  });

  it('new: the count of prompts does not include 某某 in the body name', async () => {
    const dir = tempDir();
    const count = async (body: string) => {
      const r = await runCli(['new', '--profile', 'town', '--body', body, '--year', '2025', '-o', `${body}.md`], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      return Number(/还有 (\d+) 处【请填写】/.exec(r.stderr)?.[1]);
    };
    const real = await count('张八桥镇');
    assert.ok(real > 0);
    assert.equal(await count('某某镇'), real);
  });
});
