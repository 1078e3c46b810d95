import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, covered, findings, seed } from './helpers.js';

const RULE = 'pinyin-residue';

describe('pinyin-residue', () => {
  it('flags a tone-marked annotation after a Han character and deletes exactly it', () => {
    const text = '2024年，白蒲鎮(zhèn)堅持依法行政。';
    const [f, ...rest] = findings(RULE, text);
    assert.equal(rest.length, 0);
    assert.equal(covered(text, f), '(zhèn)');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /“鎮”后残留拼音注音“\(zhèn\)”/);
    assert.equal(applyFixes(text, [f]).text, '2024年，白蒲鎮堅持依法行政。');
  });

  it('handles full-width parentheses and several annotations in a row', () => {
    const text = '推進法治政府建設（shè）和統(tǒng)籌協(xié)調(diào)。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['（shè）', '(tǒng)', '(xié)', '(diào)']);
    assert.equal(assertIdempotent(RULE, text), '推進法治政府建設和統籌協調。');
  });

  it('does not flag numbering, abbreviations, years or toneless Latin in parentheses', () => {
    const text = [
      '(一)全面推行政务公开。',
      '采用ISO(International)标准，提交PDF(扫描件)。',
      '《法治政府建设实施纲要(2021—2025年)》',
      '镇(de)字样不是带调拼音。',
      '村(社区)法律顾问。',
    ].join('\n');
    assert.deepEqual(findings(RULE, text), []);
  });

  for (const prefix of ['000', '003']) {
    it(`seed ${prefix}: one finding per annotation; fixing all gives the original minus the annotations, byte for byte`, () => {
      const text = seed(prefix);
      const fs = findings(RULE, text);
      // Built independently of the engine's pattern: any parenthesised lower-case Latin (with tone marks) after a Han character.
      const expected = text.replace(/(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/g, '');
      const annotations = (text.length - expected.length);
      assert.ok(fs.length > 100, `only ${fs.length} findings`);
      assert.equal(fs.reduce((n, f) => n + f.end - f.start, 0), annotations);
      const fixed = applyFixes(text, fs).text;
      assert.equal(Buffer.compare(Buffer.from(fixed), Buffer.from(expected)), 0);
      assert.deepEqual(findings(RULE, fixed), []);
    });
  }

  it('finds nothing in the seeds without annotations and in the clean fixtures', () => {
    for (const prefix of ['001', '002', '004']) assert.deepEqual(findings(RULE, seed(prefix)), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'pinyin-residue', defect: '拼音注音残留', inject: (t) => recall.replaceOnce(t, '县政府法律顾问全年', '县(xiàn)政府法律顾问全年'), match: '(xiàn)' });
