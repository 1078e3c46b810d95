// The CLI path, not only the engine: `fazhi-lint --format json` on the five
// seed reports satisfies every line of expected.jsonl.
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/line-index.js';
import type { Finding } from '../../server/src/index.js';
import { CORPUS_DIR, describeExpectation, expectations, readSeed, satisfies, seedFiles } from '../helpers/corpus.js';
import { parseJson, runCli, type JsonReport } from './helpers.js';

describe('cli: expected.jsonl through --format json', function () {
  this.timeout(120000);
  let report: JsonReport;
  const findings = new Map<string, Finding[]>();
  before(async () => {
    const r = await runCli(['--format', 'json', '--no-config', ...seedFiles()], { cwd: CORPUS_DIR });
    assert.ok(r.code === 1, `exit code ${r.code}: ${r.stderr}`);
    report = parseJson(r);
    for (const file of report.files) {
      const lines = new LineIndex(readSeed(file.path));
      // JSON findings carry line/column only; rebuild offsets to reuse the matching contract.
      findings.set(
        file.path,
        file.findings.map((f) => ({ ...f, severity: f.severity as Finding['severity'], start: lines.offset(f.line, f.column), end: lines.offset(f.endLine, f.endColumn), fix: undefined })),
      );
    }
  });

  it('reports all five seeds', async () => {
    assert.deepEqual(report.files.map((f) => f.path), seedFiles());
  });

  for (const exp of expectations()) {
    it(describeExpectation(exp), () => {
      const text = readSeed(exp.file);
      const same = (findings.get(exp.file) ?? []).filter((f) => f.rule === exp.rule);
      if (exp.absent) {
        const offending = same.filter((f) => exp.part === undefined || f.data.part === exp.part);
        assert.deepEqual(offending.map((f) => `${f.line}:${f.column} ${f.message}`), []);
      } else {
        assert.ok(same.some((f) => satisfies(f, exp, text)), `no matching ${exp.rule}: ${JSON.stringify(same.map((f) => [f.line, f.column, f.endLine, f.endColumn]))}`);
      }
    });
  }
});
