import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixRules } from '../helpers/rules.js';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'end-punctuation';

describe('end-punctuation', () => {
  it('flags a body paragraph ending without punctuation before a heading; range = the last sentence; fix appends 。', () => {
    const text = [
      '（四）加强矛盾纠纷行政预防调处化解',
      '2.加强和规范行政应诉工作。我镇严格落实出庭应诉制度，坚持凡行政诉讼案件，行政机关负责人必须出庭应诉',
      '（五）全面主动落实政务公开',
      '我镇加强政务公开制度化建设。',
    ].join('\n\n');
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['我镇严格落实出庭应诉制度，坚持凡行政诉讼案件，行政机关负责人必须出庭应诉']);
    assert.equal(fs[0].severity, 'info');
    assert.match(fs[0].message, /段落末尾缺少句末标点：“…案件，行政机关负责人必须出庭应诉”后应加句号/);
    const fixed = assertIdempotent(RULE, text);
    assert.ok(fixed.includes('必须出庭应诉。\n\n（五）'));
  });

  it('flags the last paragraph of the document and a paragraph ending in a closing quote after a word', () => {
    const text = '一、主要举措\n\n配足配强网格力量，把资源下沉到网格，实现“一员多能”';
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(assertIdempotent(RULE, text), `${text}。`);
  });

  it('does not flag headings, titles, labels, signatures, dates, list intros or paragraphs ending in punctuation', () => {
    const text = [
      '# 王鲍镇2023年度法治政府建设情况报告',
      '王鲍镇关于2023年法治政府建设情况的报告',
      '（一）坚持党的领导，深入贯彻习近平法治思想',
      '一是领导干部带头学。落实党委理论中心组学习制度。',
      '主要原因是：',
      '他说：“要依法办事。”',
      '工作成效明显（详见附件）。',
      '国务院部门网站',
      '王鲍镇人民政府',
      '2024年3月1日',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line} ${f.message}`), []);
  });

  it('leaves a paragraph cut by a hard line break to broken-paragraph (never both, never neither)', () => {
    const text = '一、主要举措\n\n认真组织学习《宪法》、重要讲话精神，贯彻落实南通市委主要领导关于法治建设和\n\n依法行政的批示，开展专题讲座。';
    assert.deepEqual(findings(RULE, text), []);
    assert.equal(findings('broken-paragraph', text).length, 1);
    const s4 = seed('004');
    assert.deepEqual(findings(RULE, s4), []);
    assert.ok(findings('broken-paragraph', s4).length >= 6);
  });

  it('leaves a paragraph ending in ， or 、 alone (cut, not unterminated)', () => {
    const text = '一、主要举措\n\n组织开展行政执法案卷评查，以查促改，\n\n（二）完善制度';
    assert.deepEqual(findings(RULE, text), []);
  });

  it('seed 001: exactly line 43 (出庭应诉); other seeds have none', () => {
    assert.deepEqual(findings(RULE, seed('001')).map((f) => f.line), [43]);
    for (const s of ['000', '002', '003', '004']) assert.deepEqual(findings(RULE, seed(s)).map((f) => f.line), [], s);
  });

  it('is silent on the clean fixtures and can be switched off', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
    const text = '一、主要举措\n\n我镇坚持依法行政，成效明显';
    assert.equal(findings(RULE, text).length, 1);
    assert.equal(findings(RULE, text, { rules: { [RULE]: 'off' } }).length, 0);
  });

  it('leaves fill-in prompt lines to placeholder (【请填写…】, 原因：【请填写原因】), not a body paragraph beside them', () => {
    const text = [
      '二、存在的不足和原因',
      '【请填写存在的不足】',
      '产生上述问题的原因：【请填写原因】',
      '五、其他需要报告的情况',
      '【请填写其他需要报告的情况；没有的，写明“无其他需要报告的情况”】',
      '（请填写：全年办理案件情况，包括复议、应诉）',
      '全年办理行政复议案件12件，纠错率8.3%',
    ].join('\n\n');
    assert.deepEqual(coveredAll(text, findings(RULE, text)), ['全年办理行政复议案件12件，纠错率8.3%']);
    assert.ok(findings('placeholder', text).length >= 4);
    // A sentence ending before a prompt still lacks its own end.
    const before = '一、主要举措\n\n我镇坚持依法行政，全年办理案件【请填写数量】';
    assert.equal(findings(RULE, before).length, 1);
  });

  it('the prompts required-section inserts (seed 003 with --fix fixes) stay free of end-punctuation', () => {
    let text = seed('003');
    for (let i = 0; i < 5; i++) text = fixRules(text, ['required-section', 'end-punctuation']);
    assert.ok(text.includes('【请填写其他需要报告的情况；没有的，写明“无其他需要报告的情况”】\n'));
    assert.deepEqual(findings(RULE, text), []);
    for (const kind of ['town', 'county', 'city', 'department']) {
      const skeleton = readFileSync(new URL(`../../rules/skeletons/${kind}.md`, import.meta.url), 'utf8');
      assert.deepEqual(findings(RULE, skeleton).map((f) => `${kind} ${f.line}`), []);
    }
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'end-punctuation',
  defect: '段末缺句号',
  inject: (t) => recall.replaceOnce(t, '参训人员860人次。', '参训人员860人次'),
  match: '全年组织县政府常务会议会前学法12次，举办领导干部法治专题讲座4期，参训人员860人次',
});
