// The structure rules on the seed reports and their clean variants: what they find, and that applying
// their fixes converges (each pass removes findings; nothing fixable is left after a few passes).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { applyFixes, check, RULES } from '../../server/src/index.js';
import { readSeed, seedFiles } from '../helpers/corpus.js';

const STRUCTURE = ['required-section', 'section-incomplete', 'section-order', 'heading-numbering', 'item-sequence', 'title', 'year-consistency', 'duplicate-text', 'foreign-entity'];
const config = { rules: Object.fromEntries(RULES.filter((r) => !STRUCTURE.includes(r.id)).map((r) => [r.id, 'off' as const])) };
const CLEAN_DIR = fileURLToPath(new URL('../fixtures/clean/', import.meta.url));

describe('structure rules on the seeds', () => {
  for (const file of seedFiles()) {
    it(`${file}: fixes converge and leave only unfixable findings`, () => {
      let text = readSeed(file);
      for (let pass = 0; pass < 4; pass++) {
        const findings = check(text, config);
        if (!findings.some((f) => f.fix)) break;
        const next = applyFixes(text, findings).text;
        assert.notEqual(next, text, 'a pass with fixes changed nothing');
        text = next;
      }
      const left = check(text, config);
      assert.deepEqual(left.filter((f) => f.fix).map((f) => `${f.line} ${f.rule}`), []);
      // What is left needs a person: order of parts (no fix offered).
      assert.ok(left.every((f) => f.rule === 'section-order'), left.map((f) => f.rule).join());
    });
  }

  for (const file of readdirSync(CLEAN_DIR).filter((f) => f.endsWith('.txt'))) {
    it(`clean ${file}: no structure finding at all`, () => {
      const findings = check(readFileSync(path.join(CLEAN_DIR, file), 'utf8'), config);
      assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`), []);
    });
  }
});
