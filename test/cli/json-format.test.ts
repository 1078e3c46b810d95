// --format json is written by hand around natively stringified batches of findings: it must be exactly
// JSON.stringify(report, null, 2) + "\n" (bidi controls escaped), whatever the number of files and findings.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJson } from '../../server/src/cli/format/json.js';
import { formatSarif } from '../../server/src/cli/format/sarif.js';
import { ITEMS, arrayElements, jsonAround, jsonChunks } from '../../server/src/cli/format/json-chunks.js';
import { RULES } from '../../server/src/index.js';
import type { Finding } from '../../server/src/engine/types.js';
import { summarize, type FileResult } from '../../server/src/cli/results.js';
import { jsonFinding } from '../../server/src/engine/finding-json.js';
import { lint } from '../../server/src/index.js';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

/** What the contract says, built the slow and obvious way. */
function expected(results: FileResult[]): string {
  const report = {
    version: 1,
    files: results.map((r) => ({
      path: r.path,
      findings: r.findings.map((f) => jsonFinding(f, r.paragraphOfLine ? { ...f.data, paragraph: r.paragraphOfLine[f.line - 1] ?? 0 } : f.data)),
    })),
    summary: summarize(results),
  };
  return JSON.stringify(report, null, 2).replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

describe('cli/format/json', () => {
  const texts = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(path.join(CORPUS, f), 'utf8') }));
  const seeds: FileResult[] = texts.map((t) => ({ path: t.name, findings: lint(t.text).findings }));
  // Many more findings than one batch (json-chunks.ts: BATCH), so that batches are joined.
  const big = texts.map((t) => t.text).join('\n\n').repeat(3);
  const many = lint(big).findings;

  // A finding whose fix holds thousands of edits (a document-wide fix): written whole, in a batch.
  const wideFix = (n: number) => ({ title: '全部替换', edits: Array.from({ length: n }, (_, i) => ({ start: i, end: i + 1, newText: '，', line: 1, column: i + 1, endLine: 1, endColumn: i + 2 })) });
  const wide: Finding = { ...many[0], fix: wideFix(5000) };
  // More edits than json.ts writes in one string (MANY_EDITS): written piece by piece.
  const huge: Finding = { ...many[1], fix: wideFix(40_000), suggestions: [wideFix(30_000)] };

  const cases: [string, FileResult[]][] = [
    ['a finding with a 5000-edit fix among ordinary ones', [{ path: 'w.txt', findings: [...many.slice(0, 1500), wide, ...many.slice(1500, 1600), wide] }]],
    ['a finding with 70 000 edits (fix and suggestion) among ordinary ones', [{ path: 'h.txt', findings: [...many.slice(0, 600), huge, ...many.slice(600, 700)] }]],
    ['the seed reports', seeds],
    [`one report with ${many.length} findings`, [{ path: 'big.txt', findings: many }]],
    ['no file', []],
    ['files without findings around one with', [{ path: 'a.txt', findings: [] }, seeds[0], { path: 'c.md', findings: [] }]],
    ['a path with quotes, a backslash and a bidi control', [{ path: 'dir\\"报告"\u202etxt.md', findings: seeds[1].findings.slice(0, 3) }]],
    ['a .docx input: the Word paragraph in each finding’s data', [{ path: 'r.docx', findings: seeds[2].findings, paragraphOfLine: Array.from({ length: 400 }, (_, i) => i * 2) }]],
    // Each finding is written field by field (json.ts, findingText): what JSON.stringify does with odd values must hold.
    ['suggestions, nested and odd data (undefined, NaN, -0, dates, arrays), a field missing or of another type, a 1-edit fix with bidi', [{ path: 'o.txt', findings: [
      { ...many[0], suggestions: [{ title: '删除', edits: [{ start: 0, end: 1, newText: '', line: 1, column: 1, endLine: 1, endColumn: 2 }] }, { title: '改为\u2067', edits: [] }] },
      { ...many[1], data: { a: undefined, b: NaN, c: -0, d: [1, undefined, { e: 'x' }], f: new Date(0), g: {}, h: [], i: () => 1 } },
      { ...many[2], data: undefined as unknown as Finding['data'], suggestions: [] },
      { ...many[3], message: undefined as unknown as string, line: Infinity },
      { ...many[4], fix: { title: '\u202e', edits: [{ start: 0, end: 0, newText: '\u200f', line: 1, column: 1, endLine: 1, endColumn: 1 }] } },
      { ...many[5], fix: { title: 't', edits: [{ start: 0, end: 0, newText: undefined as unknown as string, line: 1, column: 1, endLine: 1, endColumn: 1 }] } },
    ] }]],
    ['a finding whose message and data hold bidi controls', [{ path: 'x.txt', findings: lint('关于\u202e某县2023年法治政府建设情况的报告\n\n一、主要举措\n\n某某同志\u2066负责。\n').findings }]],
  ];
  for (const [name, results] of cases) {
    it(`${name}: identical to JSON.stringify(report, null, 2)`, () => {
      assert.equal([...formatJson(results)].join(''), expected(results));
    });
  }
  it('--format sarif (results written a batch at a time): identical to JSON.stringify of the log', () => {
    for (const results of [[{ path: 'big.txt', findings: many }], seeds, [], [{ path: 'w.txt', findings: [wide, ...many.slice(0, 10)] }]] as FileResult[][]) {
      const sarif = JSON.parse([...formatSarif(results, RULES, '/work', '1.0.0')].join(''));
      const again = [...jsonChunks(sarif)].join('').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
      assert.equal([...formatSarif(results, RULES, '/work', '1.0.0')].join(''), again);
      assert.equal(sarif.runs[0].results.length, results.reduce((n, r) => n + r.findings.length, 0));
    }
  });

  it('jsonAround and arrayElements: JSON.stringify of the whole, at any depth, with or without items', () => {
    const items = Array.from({ length: 2500 }, (_, i) => (i % 700 === 0 ? { long: Array.from({ length: 100 }, (_, k) => k) } : { i, s: `第${i}条` }));
    for (const value of [{ a: 1, b: [{ c: items }], d: 'x' }, { a: 1, b: [{ c: [] }] }, [items], { items }]) {
      const skeleton = JSON.parse(JSON.stringify(value, (_, v) => (v === items || (Array.isArray(v) && v.length === 0) ? [ITEMS] : v)));
      const list = JSON.stringify(value).includes('"c":[]') ? [] : items;
      assert.equal([...jsonAround(skeleton, list)].join(''), JSON.stringify(value, null, 2));
    }
    assert.equal([...arrayElements([1, 'a', { b: [2] }], 0)].join(''), JSON.stringify([1, 'a', { b: [2] }], null, 2).slice(2, -2));
  });

  it('the cases above hold what the batches must keep: fixes, more than two batches, an escaped bidi control', () => {
    assert.ok(many.some((f) => f.fix) && many.length > 2000);
    assert.match([...formatJson(cases.find(([name]) => name.startsWith('a finding whose message'))![1])].join(''), /\\u202e/);
  });
});
