import assert from 'node:assert/strict';
import { CLEAN_TOWN, covered, run } from './helpers.js';

const RULE = 'section-order';

describe('section-order', () => {
  it('accepts the statutory order', () => {
    assert.deepEqual(run(RULE, CLEAN_TOWN), []);
  });

  it('flags a part placed after a part the regulation puts later (第一责任人 before 不足)', () => {
    const lines = CLEAN_TOWN.split('\n');
    const fr = lines.splice(9, 2); // 三、第一责任人 + its paragraph
    lines.splice(6, 0, ...fr);
    const text = lines.join('\n').replace('三、党政', '二、党政').replace('二、推进法治政府建设存在', '三、推进法治政府建设存在');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'hint');
    assert.equal(found[0].data.part, 'first-responsible');
    assert.equal(found[0].data.after, 'shortcomings');
    assert.equal(covered(text, found[0]), '二、党政主要负责人履行推进法治建设第一责任人职责情况');
    assert.match(found[0].message, /“党政主要负责人.*”部分的位置不符合规定顺序，应排在“存在的不足和原因”部分之后/);
  });

  it('flags only the misplaced part when it comes first (002: 第一责任人 before 举措和成效)', () => {
    const lines = CLEAN_TOWN.split('\n');
    const fr = lines.splice(9, 2);
    lines.splice(2, 0, ...fr);
    const text = lines.join('\n');
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => f.data.part), ['first-responsible']);
    assert.equal(found[0].line, 3);
  });
});

describe('section-order (a heading naming two parts)', () => {
  const combined = (text: string) =>
    text.replace('二、推进法治政府建设存在的不足和原因', '二、存在的问题和下一步打算').replace(/四、2024年推进法治政府建设的主要安排\n/, '');

  it('takes 存在的问题和下一步打算 at the place of the shortcomings part', () => {
    assert.deepEqual(run(RULE, combined(CLEAN_TOWN)), []);
  });

  it('still flags the first-responsible part before a combined part', () => {
    const lines = combined(CLEAN_TOWN).split('\n');
    const at = lines.findIndex((l) => l.startsWith('三、党政'));
    const moved = lines.splice(at, 2);
    lines.splice(lines.findIndex((l) => l.startsWith('二、存在')), 0, ...moved);
    const found = run(RULE, lines.join('\n'));
    assert.equal(found.length, 1);
    assert.ok(['first-responsible', 'shortcomings'].includes(found[0].data.part as string));
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'section-order',
  defect: '第一责任人一节移到不足之前（编号随之调整）',
  inject: (t) => {
    const shortcomings = recall.between(t, '## 二、', '## 三、');
    const firstResponsible = recall.between(t, '## 三、', '## 四、');
    return t.replace(shortcomings + firstResponsible, firstResponsible.replace('## 三、', '## 二、') + shortcomings.replace('## 二、', '## 三、'));
  },
  match: '二、2024年党政主要负责人履行推进法治建设第一责任人职责情况',
});
