// terminology: institution names changed by the 2018–2019 reform, wording from before 2014, and 汇报 in the body
// as a style preference (info) while 汇报 as a title's 文种 stays a warning.
import assert from 'node:assert/strict';
import { assertIdempotent, cleanFiles, coveredAll, findings } from './helpers.js';

const RULE = 'terminology';
const Y2024 = { year: 2024 };

describe('terminology: outdated institution names and wording', () => {
  it('names replaced by the reform, in a report on 2020 or later', () => {
    const text = '县政府法制办牵头审核规范性文件12件，县依法治县领导小组召开会议2次，县工商局、质监局、食药监局联合开展执法检查，县环保局、安监局、卫计委参加。';
    assert.equal(
      assertIdempotent(RULE, text, Y2024),
      '县司法局牵头审核规范性文件12件，县全面依法治县委员会召开会议2次，县市场监督管理局、市场监督管理局、市场监督管理局联合开展执法检查，县生态环境局、应急管理局、卫生健康委参加。',
    );
    const fs = findings(RULE, text, Y2024);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /“政府法制办”应为“司法局”。2018—2019年机构改革/);
    // Before the reform the old names were right.
    assert.deepEqual(findings(RULE, text, { year: 2017 }).map((f) => f.message), []);
  });

  it('原 marks history: 原县法制办、原县工商局和质监局 are not reported; 国务院法制办 is not a 司法局', () => {
    const text = '由原县政府法制办承担的行政复议职责划入县司法局，原县工商局、质监局和食药监局整合组建县市场监督管理局。国务院法制办曾于2017年发布相关规定。';
    assert.deepEqual(findings(RULE, text, Y2024).map((f) => f.message), []);
  });

  it('a department\'s own leading group, and 全面依法治市 bodies, are not the county\'s former 领导小组 (real 2022 texts)', () => {
    const text = '加快推进县卫生健康系统全面依法治县工作，成立了以局党委书记、局长任组长的全面依法治县工作领导小组。在市委全面依法治市工作领导小组的正确指导下，我乡法治政府建设工作紧紧围绕中心。';
    assert.deepEqual(findings(RULE, text, Y2024).map((f) => f.message), []);
  });

  it('wording from before 2014: 法制化, 推进法制建设, 行政规范文件, 法治建设第一负责人, 行政首长出庭应诉', () => {
    const text = '推进法制建设，提升行政管理法制化水平，清理行政规范文件15件，落实法治建设第一负责人职责，推行行政首长出庭应诉制度。';
    assert.equal(
      assertIdempotent(RULE, text, Y2024),
      '推进法治建设，提升行政管理法治化水平，清理行政规范性文件15件，落实法治建设第一责任人职责，推行行政机关负责人出庭应诉制度。',
    );
  });

  it('keeps the existing exceptions: 法制审核, 法制机构, 法制宣传教育中心; 履行推进法制建设第一责任人 is one finding', () => {
    const text = '落实重大执法决定法制审核制度，健全政府法制机构，县法制宣传教育中心开展送法下乡活动。';
    assert.deepEqual(findings(RULE, text, Y2024).map((f) => f.message), []);
    const duty = '履行推进法制建设第一责任人职责。';
    assert.deepEqual(coveredAll(duty, findings(RULE, duty, Y2024)), ['法制建设第一责任人']);
  });

  it('汇报如下 / 特此汇报 in the body are info (a style preference); 汇报 as the title\'s 文种 stays a warning', () => {
    const text = '王鲍镇关于2023年法治政府建设情况的汇报\n\n现将有关情况汇报如下：……特此汇报。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [text.slice(f.start, f.end), f.severity]), [['汇报', 'warning'], ['汇报如下', 'info'], ['特此汇报', 'info']]);
  });

  it('nothing on the clean fixtures', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
  });
});
