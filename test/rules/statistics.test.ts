import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'statistics';
const kinds = (text: string) => findings(RULE, text).map((f) => f.data.kind);

describe('statistics', () => {
  it('a rate above 100% (出庭应诉率105%, 纠错率达120%) is a warning naming the rate; growth may exceed 100%', () => {
    const text = '全年办理行政诉讼案件21件，行政机关负责人出庭应诉率105%。行政复议纠错率达120%，全年收到行政复议申请865件，同比增长120%，网上办件增长率达135%。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['行政机关负责人出庭应诉率105%', '行政复议纠错率达120%']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /行政机关负责人出庭应诉率不可能超过100%/);
    assert.equal(fs[0].fix, undefined);
  });

  it('a breakdown after 其中 that adds up to more than the total', () => {
    const text = '2023年，县政府共办理行政复议案件15件，其中维持10件、撤销3件、驳回3件，依法纠正违法或者不当行政行为3件。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['15件，其中维持10件、撤销3件、驳回3件']);
    assert.match(fs[0].message, /10\+3\+3=16件）超过总数15件/);
    // The real sentence of seed 004 adds up (10 + 6 = 16), and parts in another unit are not parts.
    assert.deepEqual(kinds('共依法作出行政处罚决定16起，其中一般程序10起、简易程序6起，未发生行政复议、行政诉讼情况。'), []);
    assert.deepEqual(kinds('开展法治培训12场，其中培训执法人员300人次、村干部200人次。'), []);
  });

  it('one count given two values in one report (受理行政复议案件15件 … 16件)', () => {
    const text = [
      '一、推进法治政府建设的主要举措和成效',
      '（一）发挥行政复议主渠道作用。全年受理行政复议案件15件，审结13件，调解和解4件。',
      '（二）数据汇总。全年受理行政复议案件16件，行政诉讼案件32件。',
    ].join('\n');
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['16件']);
    assert.match(fs[0].message, /“全年受理行政复议案件”前文（第2行）为15件，此处为16件/);
  });

  it('does not compare counts of different scope: another year, 同比, activities, plans', () => {
    const text = [
      '一、推进法治政府建设的主要举措和成效',
      '2022年受理行政复议案件12件，2023年受理行政复议案件15件。',
      '开展普法宣传活动12场，在重点村开展普法宣传活动8场。',
      '全年受理行政复议案件15件，审结15件。',
      '四、2024年推进法治政府建设的主要安排',
      '全年受理行政复议案件力争达到20件以上，审结率保持100%。',
    ].join('\n');
    assert.deepEqual(kinds(text), []);
  });

  it('a rate that does not match its two counts (±0.5 percentage point)', () => {
    const wrong = '全年各类调解组织受理矛盾纠纷3015件，调解成功2868件，调解成功率98.4%。';
    const fs = findings(RULE, wrong);
    assert.deepEqual(coveredAll(wrong, fs), ['调解成功率98.4%']);
    assert.match(fs[0].message, /2868÷3015≈95\.1%/);
    // The real sentence of clean-md/01: 2968 ÷ 3015 = 98.44%.
    assert.deepEqual(kinds('全年各类调解组织受理矛盾纠纷3015件，调解成功2968件，调解成功率98.4%。'), []);
    assert.deepEqual(kinds('全年办理行政诉讼案件32件，行政机关负责人出庭应诉32件，出庭应诉率100%。'), []);
    assert.equal(kinds('全年办理行政诉讼案件32件，行政机关负责人出庭应诉30件，出庭应诉率100%。').length, 1);
    // Three counts, or counts in another unit: which two the rate divides is not clear, so nothing is said.
    assert.deepEqual(kinds('收到申请50件，受理45件，办结40件，办结率90%。'), []);
  });

  it('real paragraphs stay silent: seeds and clean fixtures', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)).map((f) => f.message), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.message}`), []);
    const published = '2023年，全国新收行政复议案件31.5万件，同比增长17.1%；依法办结行政复议案件29.3万件，同比增长14.45%，其中司法部办结国务院行政复议案件4644件。各级行政复议机构作出纠错决定2.73万件，纠错率达12.83%。';
    assert.deepEqual(kinds(published), []);
  });

  it('its word lists match their schema', () => {
    const data = JSON.parse(readFileSync(new URL('../../rules/statistics.json', import.meta.url), 'utf8'));
    const schema = JSON.parse(readFileSync(new URL('../../rules/schema/statistics.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'statistics', defect: '调解成功率与所列两个数字不符', inject: (t) => recall.replaceOnce(t, '调解成功2968件', '调解成功2868件'), match: '调解成功率98.4%' });
