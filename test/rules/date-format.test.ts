import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, covered, findings, fixAll, seed } from './helpers.js';

const RULE = 'date-format';

describe('date-format', () => {
  it('seed 001: 20212025年 (three times on line 15) and 915日 on line 71, with fixes', () => {
    const text = seed('001');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, covered(text, f)]), [[15, '20212025年'], [15, '20212025年'], [15, '20212025年'], [71, '915日']]);
    assert.ok(fs.every((f) => f.severity === 'error'));
    assert.equal(fs[0].message, '“20212025年”丢失了连接号，应为“2021—2025年”。');
    assert.equal(fs[3].message, '“915日”丢失了“月”，应为“9月15日”。');
    const fixed = assertIdempotent(RULE, text);
    assert.ok(fixed.includes('《法治政府建设实施纲要(2021—2025年)》'));
    assert.ok(fixed.includes('在9月15日,我镇理论学习中心组'));
  });

  it('seed 000: the range in 《…纲要(2021-2025年)》 is written with the 一字线', () => {
    const text = seed('000');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['2021-2025年', '2021-2025年']);
    assert.match(fs[0].message, /一字线“—”/);
    assert.ok(assertIdempotent(RULE, text).includes('綱要(2021—2025年)〉'));
  });

  it('restores ranges and lost months', () => {
    const cases: [string, string][] = [
      ['实施纲要（2021-2025）', '实施纲要（2021—2025年）'],
      ['2021年-2025年', '2021—2025年'],
      ['2021——2025年', '2021—2025年'],
      ['2021 - 2025年', '2021—2025年'],
      ['于1215日召开会议', '于12月15日召开会议'],
      ['2023年915日', '2023年9月15日'],
      ['纲要(20212025)', '纲要(2021—2025年)'],
      ['2023-2024学年', '2023—2024学年'],
      ['2023-2024年度', '2023—2024年度'],
    ];
    for (const [text, expected] of cases) {
      assert.equal(findings(RULE, text).length, 1, text);
      assert.equal(assertIdempotent(RULE, text), expected);
    }
  });

  it('GB/T 15834-2011 4.13 allows the 浪纹线 and 2021年—2025年: info with the usual form as fix; hyphens and 破折号 stay errors', () => {
    const cases: [string, string, string][] = [
      ['2021～2025年规划', 'info', '2021—2025年规划'],
      ['2021~2025年规划', 'info', '2021—2025年规划'],
      ['2021年—2025年', 'info', '2021—2025年'],
      ['2021年～2025年', 'info', '2021—2025年'],
      ['2021年-2025年', 'error', '2021—2025年'],
      ['2021——2025年', 'error', '2021—2025年'],
      ['2021–2025年', 'error', '2021—2025年'],
    ];
    for (const [text, severity, fixed] of cases) {
      assert.deepEqual(findings(RULE, text).map((f) => f.severity), [severity], text);
      assert.equal(assertIdempotent(RULE, text), fixed, text);
    }
    assert.match(findings(RULE, '2021年—2025年')[0].message, /中的“年”可只写一次，可写作“2021—2025年”/);
  });

  it('reports a range of one year, (2023-2023), without a fix (dev 004: 纲要(2023-2023))', () => {
    const text = '根据《法治政府建设实施纲要(2023-2023)》要求。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [covered(text, f), f.severity, f.fix]), [['2023-2023', 'error', undefined]]);
    assert.match(fs[0].message, /起止年份相同/);
  });

  it('leaves the space before 年 to cjk-spacing: one finding per defect (dev 058: 纲要(2021—2025 年))', () => {
    const text = '2025年,是《法治政府建设实施纲要(2021—2025 年)》收官决胜的关键之年。';
    assert.deepEqual(findings(RULE, text), []);
    const both = findings('cjk-spacing', text);
    assert.deepEqual(both.map((f) => covered(text, f)), [' ']);
    // With a hyphen too, date-format mends the dash and stops before the space; cjk-spacing deletes the space.
    const hyphen = '纲要(2021-2025 年)';
    assert.deepEqual(findings(RULE, hyphen).map((f) => covered(hyphen, f)), ['2021-2025']);
    assert.equal(fixAll(hyphen, [RULE, 'cjk-spacing']), '纲要(2021—2025年)');
  });

  it('reports an ambiguous lost month without a fix', () => {
    const text = '在112日召开专题会议。';
    const [f, ...rest] = findings(RULE, text);
    assert.equal(rest.length, 0);
    assert.equal(f.fix, undefined);
    assert.match(f.message, /“1月12日”或“11月2日”/);
    assert.equal(applyFixes(text, [f]).text, text);
  });

  // dev 151 (https://jtt.sc.gov.cn/jtt/c101520/2026/2/24/49baad8f4c1c41968b759e961eef5ee9.shtml): “一、2025工作开展情况”.
  it('a year whose 年 was lost before 工作 / 以来 / 全年 (2025工作开展情况): reported with the 年 restored', () => {
    const text = '一、2025工作开展情况\n2021以来,全镇累计开展普法活动。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['2025', '2021']);
    assert.match(fs[0].message, /“2025工作”丢失了“年”，应为“2025年工作”/);
    assert.equal(assertIdempotent(RULE, text), '一、2025年工作开展情况\n2021年以来,全镇累计开展普法活动。');
    assert.deepEqual(findings(RULE, '累计2025工作日,2023年工作要点,2024年度工作,ISO2025工作组。'), []);
    // dev 021: inside a document's name, glued to its words — not reported.
    assert.deepEqual(findings(RULE, '《内蒙古自治区大中小学思想政治课一体化建设2021工作要点》'), []);
  });

  it('leaves correct ranges, full dates, durations, standards and phone numbers alone', () => {
    const text = [
      '《法治政府建设实施纲要（2021—2025年）》',
      '日期：2023-02-14，2023年6月，2023.6，2023年9月15日，2021年至2025年。',
      '自收到申请之日起120日内作出决定，全年365日值守，60日内答复。',
      '依据GB/T 9704-2012和GB/T 15834-2011。',
      '联系电话：0523-87654321，0513-2021-2025。',
      '“10.13”国际防灾减灾日。',
      '档案编号20212025，2023—2024学年。',
    ].join('\n');
    assert.deepEqual(findings(RULE, text).map((f) => f.message), []);
  });

  it('finds nothing in the other seeds and in the clean fixtures', () => {
    for (const prefix of ['002', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'date-format',
  defect: '年份范围丢失破折号',
  inject: (t) => recall.replaceOnce(t, '全面落实《法治政府建设实施纲要（2021—2025年）》', '全面落实《法治政府建设实施纲要（20212025年）》'),
  match: '20212025年',
});
