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

  // http://www.xuwen.gov.cn/xxgk/ndfzzfjsbg/content/post_1854461.html (下洋镇 2023): 法制宣传 in any collocation,
  // not only in 法制宣传教育; institution names (法制宣传科, 法制宣传教育中心) and 法制宣传日 (its own entry) apart.
  it('flags 法制宣传 in any collocation from 2016 on (法制宣传活动, 法制宣传月), 法制讲座 and 法制培训; leaves 法制宣传科 alone', () => {
    const text = '今年我镇紧紧围绕“常态化扫黑除恶、反走私反偷渡、禁毒”等主题开展一系列的法制宣传活动。举办领导班子法制专题讲座，由司法所法制宣传科牵头。';
    const fs = findings(RULE, text, { year: 2023 });
    assert.deepEqual(coveredAll(text, fs), ['法制宣传', '法制']);
    assert.equal(
      assertIdempotent(RULE, text, { year: 2023 }),
      '今年我镇紧紧围绕“常态化扫黑除恶、反走私反偷渡、禁毒”等主题开展一系列的法治宣传活动。举办领导班子法治专题讲座，由司法所法制宣传科牵头。',
    );
    assert.deepEqual(findings(RULE, text, { year: 2014 }), []);
  });

  // http://www.kaijiang.gov.cn/xxgk-show-69018.html (开江县交通运输局 2023) and
  // http://www.da.gov.cn/dayjglj/0300/202601/8e793cb866a74eb98e9655e01d68b55d.shtml (东安县应急管理局 2025):
  // “…履行推进法治政府建设第一责任人职责”. The regulation's own misnamed title is outdated-reference's.
  it('flags 推进法治政府建设第一责任人 (the duty is 推进法治建设第一责任人), not inside the regulation\'s misnamed title', () => {
    const text = '局党组书记认真履行推进法治政府建设第一责任人职责，严格执行《党政主要负责人履行推进法治政府建设第一责任人职责规定》。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['推进法治政府建设第一责任人']);
    assert.match(fs[0].message, /应为“推进法治建设第一责任人”/);
    // Official reports use it too (内蒙古自治区 2022): a hint to check, not a warning.
    assert.equal(fs[0].severity, 'info');
    assert.ok(assertIdempotent(RULE, text).startsWith('局党组书记认真履行推进法治建设第一责任人职责'));
  });

  // dev 157 (枣庄市市中区人社局 2021): “(一)加强制度建设,明确法制建设工作职责。”; dev 133 (山西省农业农村厅 2021):
  // the text cut by the store right after “…履行推进法治建设第一责任” — what follows is unknown, not a defect.
  it('flags 法制建设 from 2015 on (not 民主法制建设, not the 第一责任人 entry’s); 第一责任 cut at the text’s end is left alone', () => {
    const text = '(一)加强制度建设,明确法制建设工作职责。一是建立健全制度,严格执行法治政府建设情况报告制度。';
    assert.deepEqual(coveredAll(text, findings(RULE, text, { year: 2021 })), ['法制建设']);
    assert.deepEqual(findings(RULE, text, { year: 2013 }), []);
    assert.deepEqual(findings(RULE, '加强社会主义民主法制建设。', { year: 2021 }), []);
    assert.deepEqual(coveredAll('履行推进法制建设第一责任人职责', findings(RULE, '履行推进法制建设第一责任人职责', { year: 2021 })), ['法制建设第一责任人']);
    assert.deepEqual(findings(RULE, '制定《党政主要负责人履行推进法治建设第一责任'), []);
    assert.equal(findings(RULE, '层层压实,履行推进法治建设第一责任,定期研究。').length, 1);
  });

  // http://cqyz.gov.cn/zwgk_229/yzq_fzzfjsndbg/qzf_fzffjc/201903/t20190329_2735700.html (渝中区 2018, as the page carries it):
  // “2018年,区政府坚持以习近平法治思想为指导” — a wording first used in November 2020.
  it('习近平法治思想 in a report on 2019 or before: a hint (the wording dates from November 2020), with a suggestion only', () => {
    const text = '2018年,区政府坚持以习近平法治思想为指导,深入学习贯彻党的十九大精神。';
    const fs = findings(RULE, text, { year: 2018 });
    assert.deepEqual(coveredAll(text, fs), ['习近平法治思想']);
    assert.ok(fs.every((f) => f.severity === 'info' && !f.fix && f.suggestions?.length === 1));
    assert.deepEqual(findings(RULE, text.replace('2018', '2020'), { year: 2020 }), []);
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
