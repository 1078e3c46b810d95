// The README's first command, `npx fazhi-lint examples/`: it runs, finds the
// seeded problems (exit 1), leaves the final report clean and skips the
// folder's README (examples/.fazhi-lint.json "ignores").
import assert from 'node:assert/strict';
import { parseJson, ROOT, runCli } from './helpers.js';

describe('cli: examples/', function () {
  this.timeout(60000);
  it('finds the problems of the drafts and none in the final report', async () => {
    const r = await runCli(['--format', 'json', 'examples/'], { cwd: ROOT });
    assert.equal(r.code, 1, r.stderr);
    const json = parseJson(r);
    assert.deepEqual(json.files.map((f) => f.path), [
      'examples/baipu-2024-draft.txt',
      'examples/wangbao-2023-final.md',
      'examples/xiaodu-2022-web-copy.txt',
      'examples/zhangbaqiao-2023-draft.txt',
    ]);
    for (const f of json.files) {
      if (f.path.endsWith('final.md')) assert.deepEqual(f.findings.map((x) => `${x.line}:${x.column} ${x.rule} ${x.message}`), []);
      else assert.ok(f.findings.some((x) => x.severity === 'error'), `${f.path} has errors`);
    }
    assert.equal(r.stderr, '');
  });
});
