// The six text rules together: fixes of different rules never collide, one
// pass of fix-all leaves nothing fixable, and clean reports stay clean.
import assert from 'node:assert/strict';
import { check } from '../../server/src/index.js';
import { cleanFiles, fixAll, seed } from './helpers.js';

const TEXT_A_RULES = ['mixed-script', 'pinyin-residue', 'conversion-artifact', 'broken-paragraph', 'placeholder', 'date-format'];

describe('text rules together (mixed-script, pinyin-residue, conversion-artifact, broken-paragraph, placeholder, date-format)', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`seed ${prefix}: one pass of all their fixes leaves no fixable finding of these rules`, () => {
      const fixed = fixAll(seed(prefix), TEXT_A_RULES);
      const left = check(fixed).filter((f) => TEXT_A_RULES.includes(f.rule) && f.fix);
      assert.deepEqual(left.map((f) => `${f.rule} ${f.line}:${f.column} ${f.message}`), []);
    });
  }

  it('seed 000: fixing all gives the simplified text without annotations, dates repaired', () => {
    const fixed = fixAll(seed('000'), TEXT_A_RULES);
    assert.ok(fixed.startsWith('2024年,在市委、市政府的正确领导下,白蒲镇坚持以习近平新时代中国特色社会主义思想为指导'));
    assert.ok(fixed.includes('《南通市贯彻落实〈法治政府建设实施纲要(2021—2025年)〉实施方案》'));
    assert.ok(!/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+[)）]/.test(fixed));
  });

  it('clean fixtures: no error or warning from these rules', () => {
    const files = cleanFiles();
    for (const { file, text } of files) {
      const bad = check(text).filter((f) => TEXT_A_RULES.includes(f.rule) && (f.severity === 'error' || f.severity === 'warning'));
      assert.deepEqual(bad.map((f) => `${f.rule} ${f.line}:${f.column} ${f.message}`), [], file);
    }
  });
});
