import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'terminology';
const data = JSON.parse(readFileSync(new URL('../../rules/terminology.json', import.meta.url), 'utf8')) as { entries: { wrong?: string; right: string }[] };
const schema = JSON.parse(readFileSync(new URL('../../rules/schema/substitution.schema.json', import.meta.url), 'utf8'));

describe('terminology', () => {
  it('flags 法制建设第一责任人 and fixes it to 法治建设第一责任人', () => {
    const text = '二、党政主要负责人履行推进法制建设第一责任人职责情况';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['法制建设第一责任人']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /“法制建设第一责任人”应为“法治建设第一责任人”/);
    assert.equal(assertIdempotent(RULE, text), '二、党政主要负责人履行推进法治建设第一责任人职责情况');
  });

  it('flags 法制 only inside fixed terms; 法制审核 and 学法制度 are correct', () => {
    const text = '深入学习习近平法制思想，在全国法制宣传日开展活动，加强法制宣传教育，落实重大执法决定法制审核制度和领导干部学法制度。';
    const fs = findings(RULE, text, { year: 2023 });
    assert.deepEqual(coveredAll(text, fs), ['习近平法制思想', '全国法制宣传日', '法制宣传教育']);
    assert.equal(
      assertIdempotent(RULE, text, { year: 2023 }),
      '深入学习习近平法治思想，在国家宪法日开展活动，加强法治宣传教育，落实重大执法决定法制审核制度和领导干部学法制度。',
    );
  });

  it('flags 汇报 in the framing of the report only (现将…汇报如下, 特此汇报, a title ending in 汇报)', () => {
    const text = '王鲍镇关于2023年法治政府建设情况的汇报\n\n现将有关情况汇报如下：每年听取4次法治建设工作汇报。特此汇报。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['汇报', '汇报如下', '特此汇报']);
    assert.equal(fs[0].line, 1);
    assert.equal(
      assertIdempotent(RULE, text),
      '王鲍镇关于2023年法治政府建设情况的报告\n\n现将有关情况报告如下：每年听取4次法治建设工作汇报。特此报告。',
    );
  });

  it('completes 履行推进法治建设第一责任 (traditional text too)', () => {
    const text = '黨政主要負責人履行推進法治建設第一責任,嚴格落實學法制度。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['第一責任']);
    assert.deepEqual(findings(RULE, '履行推进法治建设第一责任人职责。'), []);
  });

  it('applies year-dependent entries only from their year on', () => {
    const text = '2021年，聘任法制副校长12名。';
    assert.deepEqual(findings(RULE, text), []);
    assert.equal(findings(RULE, text, { year: 2023 }).length, 1);
  });

  it('flags official-term pitfalls: 民主法制示范村, 重大执法决定法治审核, 人大代表提案, 行政复义, 《法制日报》 (2021 on)', () => {
    const text = '创建民主法制示范村，落实重大执法决定法治审核制度，办理人大代表提案12件，办理行政复义案件，在《法制日报》刊发。';
    const fixed = assertIdempotent(RULE, text, { year: 2023 });
    assert.equal(fixed, '创建民主法治示范村，落实重大执法决定法制审核制度，办理人大代表建议12件，办理行政复议案件，在《法治日报》刊发。');
    assert.deepEqual(coveredAll(text, findings(RULE, text, { year: 2020 })).includes('《法制日报》'), false);
  });

  it('leaves correct neighbours alone: 依法制国家标准, 法制宣传教育条例 (a regulation\'s name), 人大代表提案权', () => {
    const text = '依法制国家标准的配套细则，依据《某省法制宣传教育条例》，保障人大代表提案权。';
    assert.deepEqual(findings(RULE, text, { year: 2023 }).map((f) => f.message), []);
  });

  it('is extendable and can be switched off; its dictionary is valid and idempotent', () => {
    const config = { rules: { terminology: { extend: { 综治办: '平安建设办公室' } } } };
    const text = '由综治办牵头。';
    assert.equal(assertIdempotent(RULE, text, config), '由平安建设办公室牵头。');
    assert.equal(findings(RULE, '法制建设第一责任人', { rules: { terminology: 'off' } }).length, 0);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const rights = data.entries.filter((e: { wrong?: string }) => e.wrong).map((e: { right: string }) => e.right).join('。\n\n');
    assert.deepEqual(findings(RULE, rights, { year: 2024 }).map((f) => f.message), []);
  });

  it('seeds: 001 line 49; 002 法制宣传教育; nothing on the clean fixtures', () => {
    assert.ok(findings(RULE, seed('001')).some((f) => f.line === 49 && f.data.wrong === '法制建设第一责任人'));
    assert.ok(findings(RULE, seed('002')).some((f) => f.data.wrong === '法制宣传教育'));
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'terminology',
  defect: '“法制建设第一责任人”',
  inject: (t) => recall.replaceOnce(t, '认真履行推进法治建设第一责任人职责，对法治政府', '认真履行推进法制建设第一责任人职责，对法治政府'),
  match: '法制建设第一责任人',
});
