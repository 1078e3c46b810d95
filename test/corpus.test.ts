// Every line of expected.jsonl, checked against the engine on the seed reports.
import assert from 'node:assert/strict';
import { check, type Finding } from '../server/src/index.js';
import { describeExpectation, expectations, readSeed, satisfies } from './helpers/corpus.js';

describe('seed corpus: expected.jsonl', () => {
  const results = new Map<string, { text: string; findings: Finding[] }>();
  const run = (file: string) => {
    if (!results.has(file)) {
      const text = readSeed(file);
      results.set(file, { text, findings: check(text) });
    }
    return results.get(file)!;
  };
  const all = expectations();

  it('has expectations for all five seeds', () => {
    assert.equal(new Set(all.map((e) => e.file)).size, 5);
  });

  for (const exp of all) {
    it(describeExpectation(exp), () => {
      const { text, findings } = run(exp.file);
      const same = findings.filter((f) => f.rule === exp.rule);
      if (exp.absent) {
        const offending = same.filter((f) => exp.part === undefined || f.data.part === exp.part);
        assert.deepEqual(offending.map((f) => `${f.line}:${f.column} ${f.message}`), [], `unexpected ${exp.rule}`);
      } else {
        const ok = same.some((f) => satisfies(f, exp, text));
        assert.ok(ok, `no ${exp.rule} finding matches; ${exp.rule} findings: ${JSON.stringify(same.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.data]))}`);
      }
    });
  }
});
