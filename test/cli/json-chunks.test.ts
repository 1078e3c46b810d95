// The JSON report written in pieces must be exactly JSON.stringify(report, null, 2).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { batched, jsonChunks } from '../../server/src/cli/format/json-chunks.js';
import { lint } from '../../server/src/index.js';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

describe('cli/format/json-chunks', () => {
  const findings = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ path: f, findings: lint(readFileSync(path.join(CORPUS, f), 'utf8')).findings }));
  const values: [string, unknown][] = [
    ['a report on the seed reports (long findings arrays, fixes, data)', { version: 1, files: findings, summary: { errors: 3, warnings: 4 } }],
    ['SARIF-like nesting (a long array inside objects inside an array)', { runs: [{ tool: { driver: { rules: [] } }, results: findings[0].findings }] }],
    ['short and empty values', { a: [], b: {}, c: [1, 'x', null, undefined, { d: undefined, e: () => 1 }], f: 'line\nbreak "quoted"', g: undefined }],
    ['a bare long array', Array.from({ length: 200 }, (_, i) => ({ i, nested: [i, [i]] }))],
    ['scalars', 'text'],
  ];
  for (const [name, value] of values) {
    it(`${name}: identical to JSON.stringify(…, null, 2)`, () => {
      assert.equal([...batched(jsonChunks(value), 1000)].join(''), JSON.stringify(value, null, 2));
    });
  }
  it('writes the seed report in more than one piece', () => {
    assert.ok([...batched(jsonChunks(values[0][1]), 1 << 16)].length > 1);
  });
});
