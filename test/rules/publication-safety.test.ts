import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { CLEAN_TOWN, cleanFiles, coveredAll, findings, seed } from './helpers.js';
import { isResidentId } from '../../server/src/rules/publication-safety.js';

const RULE = 'publication-safety';

describe('publication-safety', () => {
  it('a 密级 mark: 秘密★1年 anywhere, 内部资料 / 机密 as the line of the copy; errors without a fix', () => {
    const text = ['秘密★1年', '', '内部资料，注意保存', '', CLEAN_TOWN].join('\n');
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['秘密★1年', '内部资料，注意保存']);
    assert.ok(fs.every((f) => f.severity === 'error' && !f.fix && !f.suggestions));
    assert.match(fs[0].message, /密级或内部标注/);
    assert.deepEqual(coveredAll('机密\n\n某县2024年法治政府建设情况的报告', findings(RULE, '机密\n\n某县2024年法治政府建设情况的报告')), ['机密']);
  });

  it('prose that mentions secrets or internal materials is not a mark', () => {
    const text = '严格落实保密制度，坚持“涉密不上网、上网不涉密”，全年编印普法内部资料3期，未发生泄露国家秘密和工作秘密的情况；内部使用的办公系统完成等级保护测评。';
    assert.deepEqual(findings(RULE, text).map((f) => f.message), []);
  });

  it('18-digit resident ID numbers with a valid check digit; mobile numbers not inside longer digit runs', () => {
    assert.ok(isResidentId('11010519491231002X'));
    assert.ok(!isResidentId('110105194912310021'));
    const text = '经查，当事人张某某（身份证号11010519491231002X）未经许可擅自经营，举报电话13812345678，办公电话0513-87512345，统一社会信用代码91320682MA1XXXXX8，登记编号110105194912310021，流水号2023138123456789。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['11010519491231002X', '13812345678']);
    assert.match(fs[0].message, /身份证号码/);
    assert.match(fs[1].message, /手机号码/);
  });

  it('a party named in full next to case details; 张某某 and names outside a case are fine', () => {
    const named = '当事人王建国因违法占用耕地被处以罚款2万元，申请人李红梅不服县市场监督管理局行政处罚决定申请行政复议。';
    assert.deepEqual(coveredAll(named, findings(RULE, named)), ['王建国', '李红梅']);
    const fine = '当事人张某某因违法占用耕地被处以罚款；镇党委书记王建国主持召开专题会议；举报人对处理结果表示满意；原告方的诉求得到支持。';
    assert.deepEqual(findings(RULE, fine).map((f) => f.message), []);
  });

  it('nothing on the seeds and the clean fixtures; its lists match their schema', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)).map((f) => f.message), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.message}`), []);
    const data = JSON.parse(readFileSync(new URL('../../rules/publication-safety.json', import.meta.url), 'utf8'));
    const schema = JSON.parse(readFileSync(new URL('../../rules/schema/publication-safety.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'publication-safety',
  defect: '公开的报告里写了手机号码',
  inject: (t) => recall.replaceOnce(t, '带头出庭应诉行政案件2件', '带头出庭应诉行政案件2件（联系人手机13812345678）'),
  match: '13812345678',
});
