import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'outdated-reference';
const data = JSON.parse(readFileSync(new URL('../../rules/outdated-reference.json', import.meta.url), 'utf8')) as { entries: { wrong?: string; right: string }[] };
const schema = JSON.parse(readFileSync(new URL('../../rules/schema/substitution.schema.json', import.meta.url), 'utf8'));
const title = (year: number) => `王鲍镇关于${year}年法治政府建设情况的报告\n\n`;

describe('outdated-reference', () => {
  it('flags 《法治政府建设实施纲要（2015—2020年）》 in a report on 2021 or later, and fixes it', () => {
    const text = `${title(2023)}严格按照《法治政府建设实施纲要（2015—2020年）》要求推进工作。`;
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['法治政府建设实施纲要（2015—2020年）']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /2023年度报告.*“法治政府建设实施纲要（2015—2020年）”应为“法治政府建设实施纲要（2021—2025年）”/);
    assert.equal(assertIdempotent(RULE, text), `${title(2023)}严格按照《法治政府建设实施纲要（2021—2025年）》要求推进工作。`);
  });

  // http://psx.gov.cn/zfjz/hjjdbsc_83302/zwgk_73112/zfxxgkml/fzzfjsndbg/202203/t20220301_10449355.html (桑柘镇 2021):
  // the 2016 regulation cited as 《党政主要负责人履行推进法治政府建设第一责任人职责规定》.
  it('flags the 2016 first-responsible regulation misnamed 推进法治政府建设…, and fixes it', () => {
    const text = `${title(2021)}认真落实《党政主要负责人履行推进法治政府建设第一责任人职责规定》,将法治建设纳入发展总体规划。`;
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['党政主要负责人履行推进法治政府建设第一责任人职责规定']);
    assert.equal(assertIdempotent(RULE, text), `${title(2021)}认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》,将法治建设纳入发展总体规划。`);
    assert.deepEqual(findings(RULE, '严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》。'), []);
  });

  it('does not flag the 2015—2020 outline in a report on 2020, or when the year is unknown', () => {
    const body = '严格按照《法治政府建设实施纲要(2015-2020年)》要求推进工作。';
    assert.deepEqual(findings(RULE, `${title(2020)}${body}`), []);
    assert.deepEqual(findings(RULE, body), []);
    assert.equal(findings(RULE, body, { year: 2022 }).length, 1);
  });

  it('flags 《全面推进依法行政实施纲要》 and wrong periods of the current outlines', () => {
    const text = [
      '贯彻《全面推进依法行政实施纲要》。',
      '落实《法治政府建设实施纲要（2022—2025年）》和《法治政府建设实施纲要(2020-2025年)》。',
      '落实《法治中国建设规划（2021—2025年）》。',
      '依据《法治政府建设纲要（2023—2025年）》。',
    ].join('\n\n');
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), [
      '全面推进依法行政实施纲要',
      '法治政府建设实施纲要（2022—2025年）',
      '法治政府建设实施纲要(2020-2025年)',
      '法治中国建设规划（2021—2025年）',
      '法治政府建设纲要（2023—2025年）',
    ]);
    assert.equal(
      assertIdempotent(RULE, text),
      [
        '贯彻《法治政府建设实施纲要（2021—2025年）》。',
        '落实《法治政府建设实施纲要（2021—2025年）》和《法治政府建设实施纲要（2021—2025年）》。',
        '落实《法治中国建设规划（2020—2025年）》。',
        '依据《法治政府建设实施纲要（2021—2025年）》。',
      ].join('\n\n'),
    );
  });

  it('does not flag the current documents or laws whose names contain a repealed one', () => {
    const text = `${title(2023)}${[
      '落实《法治政府建设实施纲要（2021—2025年）》《法治社会建设实施纲要（2020—2025年）》《法治中国建设规划（2020—2025年）》。',
      '宣传《中华人民共和国劳动合同法》《民法典》和《信访工作条例》。',
      '依据《法治政府建设与责任落实督察工作规定》。',
    ].join('\n\n')}`;
    assert.deepEqual(findings(RULE, text).map((f) => f.message), []);
  });

  it('flags laws repealed by the Civil Code and the misnamed 督查 regulation', () => {
    const text = `${title(2023)}学习《合同法》《中华人民共和国物权法》，落实《法治政府建设与责任落实督查工作规定》。`;
    assert.deepEqual(coveredAll(text, findings(RULE, text)), ['《合同法》', '《中华人民共和国物权法》', '法治政府建设与责任落实督查工作规定']);
  });

  it('flags 《重大行政决策程序条例》 (the State Council regulation is 暂行) and not the right name', () => {
    const text = `${title(2023)}严格执行《重大行政决策程序条例》，落实《重大行政决策程序暂行条例》。`;
    assert.deepEqual(coveredAll(text, findings(RULE, text)), ['《重大行政决策程序条例》']);
    assert.match(assertIdempotent(RULE, text), /执行《重大行政决策程序暂行条例》，落实《重大行政决策程序暂行条例》/);
  });

  it('is extendable, can be switched off, and its dictionary is valid', () => {
    const config = { rules: { [RULE]: { extend: { 旧办法: { right: '新办法', reason: '已废止' } } } } };
    const text = '依据旧办法处理。';
    assert.equal(assertIdempotent(RULE, text, config), '依据新办法处理。');
    assert.equal(findings(RULE, '《全面推进依法行政实施纲要》', { rules: { [RULE]: 'off' } }).length, 0);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });

  it('seeds: 002 cites 《民法》 in 2023; nothing on the clean fixtures', () => {
    assert.ok(findings(RULE, seed('002')).some((f) => f.data.wrong === '《民法》'));
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'outdated-reference',
  defect: '引用已废止的2015—2020年纲要',
  inject: (t) => recall.replaceOnce(t, '全面落实《法治政府建设实施纲要（2021—2025年）》', '全面落实《法治政府建设实施纲要（2015—2020年）》'),
  match: '法治政府建设实施纲要（2015—2020年）',
});
