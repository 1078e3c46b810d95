import assert from 'node:assert/strict';
import { lint } from '../../server/src/index.js';
import { CLEAN_TOWN, CLEAN_TOWN_MD, covered, lineOf, run } from './helpers.js';

const RULE = 'item-sequence';

describe('item-sequence', () => {
  it('accepts sequences in one paragraph, across paragraphs of a section, and restarts at 一是', () => {
    assert.deepEqual(run(RULE, CLEAN_TOWN), []);
    assert.deepEqual(run(RULE, CLEAN_TOWN_MD), []);
    const text = '一、主要举措\n一是健全制度。\n二是压实责任。\n三是强化考核，统一是前提。\n二、存在的不足和原因\n不足：一是甲；二是乙。原因：一是丙；二是丁。\n';
    assert.deepEqual(run(RULE, text), []);
  });

  it('flags a skipped item', () => {
    const text = CLEAN_TOWN.replace('二是压实责任', '三是压实责任').replace('三是强化考核', '四是强化考核');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), '三是');
    assert.equal(found[0].line, lineOf(text, '三是压实'));
    assert.equal(found[0].data.part, 'measures');
    assert.match(found[0].message, /跳号：“一是”之后是“三是”/);
  });

  it('flags a repeated item across paragraphs of one section', () => {
    const text = CLEAN_TOWN.replace('究其原因，一是宣传投入不足，二是专业人才缺乏。', '二是专业人才缺乏。');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, lineOf(text, '二是专业人才'));
    assert.match(found[0].message, /重复：“二是”之后又是“二是”/);
    assert.equal(found[0].data.part, 'shortcomings');
  });

  it('flags an enumeration starting at 二是, and does not carry a sequence into the next section', () => {
    const text = '一、主要举措\n一是健全制度。\n二、存在的不足和原因\n二是压实责任。\n';
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /从“二是”开始/);
  });

  it('reads traditional text with pinyin residue and reports source positions', () => {
    const text = '一、主要舉措\n一是健全製(zhì)度，三是強化考核。\n';
    const [f] = run(RULE, text);
    assert.equal(covered(text, f), '三是');
  });

  it('reads items in Markdown emphasis (**一是**…；**二是**…) and still checks their order', () => {
    const ok = CLEAN_TOWN_MD.replace('一是健全制度，二是压实责任，三是强化考核。', '**一是**健全制度，**二是**压实责任，*三是*强化考核。');
    assert.deepEqual(run(RULE, ok), []);
    const skip = ok.replace('*三是*强化考核', '*四是*强化考核');
    assert.deepEqual(run(RULE, skip).map((f) => covered(skip, f)), ['四是']);
  });
});

describe('item-sequence (spacing left by a paste)', () => {
  it('reads 一 是 / 二 是 as items (the space is cjk-spacing’s), and flags a skip among them', () => {
    const text = '2023年，我镇坚持依法行政。一 是健全制度，二 是压实责任，四 是强化考核。\n';
    const fs = run('item-sequence', text);
    assert.deepEqual(fs.map((f) => text.slice(f.start, f.end)), ['四 是']);
    assert.match(fs[0].message, /“二 是”之后是“四 是”/);
  });
});

describe('item-sequence (一是 glued to a heading of a one-line page)', () => {
  it('does not say 二是 starts an enumeration when 一是 is glued after the heading before it (dev 004); 之一是 is no item', () => {
    const glued = '（一）加强政务公开和政府信息公开一是完善政务公开制度。设立受理点。\n准更加明确、受理过程更加标准。二是丰富政务公开方式。\n';
    assert.deepEqual(run('item-sequence', glued), []);
    assert.deepEqual(lint(glued).errors, [], 'the rule ran to the end');
    // A later skip in the same enumeration is still reported.
    assert.deepEqual(run('item-sequence', `${glued}四是强化监督。\n`).map((f) => f.data.expected), [3]);
    const word = '这是重点任务之一是明确的。二是丰富政务公开方式。\n';
    assert.deepEqual(run('item-sequence', word).map((f) => f.message), ['列举从“二是”开始，前面没有“一是”。']);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'item-sequence', defect: '三是写成四是', inject: (t) => recall.replaceOnce(t, '三是法治宣传教育', '四是法治宣传教育'), match: '四是' });
