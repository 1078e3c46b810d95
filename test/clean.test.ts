// Precision: the clean variants of the seed reports (test/fixtures/clean,
// see its README) are correct reports, so the checker must report no error
// and no warning on them. Info and hint findings are allowed only where
// listed in ALLOWED below with the reason.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lint, type Finding } from '../server/src/index.js';
import { seedFiles } from './helpers/corpus.js';

const CLEAN_DIR = fileURLToPath(new URL('./fixtures/clean/', import.meta.url));

// Info/hint findings that a correct report may legitimately get. Empty: none
// is expected today; add `{ rule, why }` entries here only with a reason.
const ALLOWED: { rule: string; why: string }[] = [];

describe('clean fixtures: no errors or warnings', () => {
  const files = readdirSync(CLEAN_DIR).filter((f) => f.endsWith('.txt')).sort();

  it('there is a clean variant of every seed', () => {
    assert.deepEqual(files, seedFiles());
  });

  for (const file of files) {
    it(`${file} is clean`, () => {
      const text = readFileSync(path.join(CLEAN_DIR, file), 'utf8');
      const { findings, errors } = lint(text);
      assert.deepEqual(errors.map((e) => `${e.rule}: ${String(e.error)}`), [], 'rules crashed');
      const show = (f: Finding) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
      const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(serious.map(show), [], 'errors or warnings on a clean report');
      const minor = findings.filter((f) => !serious.includes(f) && !ALLOWED.some((a) => a.rule === f.rule));
      assert.deepEqual(minor.map(show), [], 'info/hint findings not justified in ALLOWED');
    });

    it(`${file} has all five statutory parts in order`, () => {
      const text = readFileSync(path.join(CLEAN_DIR, file), 'utf8');
      const { document } = lint(text);
      const order = document.outline.sections.map((s) => s.part).filter((p, i, a) => p && a.indexOf(p) === i);
      assert.deepEqual(order, ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
      assert.ok(document.meta.body && document.meta.year, 'title names the body and the year');
    });
  }
});
