import assert from 'node:assert/strict';
import { cleanFiles, covered, findings, seed } from './helpers.js';

const RULE = 'placeholder';

describe('placeholder', () => {
  it('seed 001: names stripped of their region (lines 9, 11, 67), errors without a fix', () => {
    const text = seed('001');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, covered(text, f)]), [[9, '委、政府'], [11, '委和政府'], [11, '我'], [67, '级']]);
    assert.ok(fs.every((f) => f.severity === 'error' && !f.fix));
    assert.match(fs[1].message, /“在委和政府”/);
    assert.match(fs[2].message, /“我依法行政”中“我”后缺少单位简称/);
    assert.match(fs[3].message, /“参加级开展”中“级”前缺少层级名称/);
  });

  it('flags explicit placeholders', () => {
    const cases: [string, string][] = [
      ['XX镇人民政府坚持依法行政。', 'XX'],
      ['××局认真落实工作部署。', '××'],
      ['在**镇党委领导下开展工作。', '**'],
      ['某某同志带头学法。', '某某'],
      ['20XX年法治政府建设情况报告', '20XX'],
      ['全年办理行政复议____件。', '____'],
      ['报告单位：【请填写单位名称】', '【请填写单位名称】'],
      ['{{单位}}关于法治政府建设情况的报告', '{{单位}}'],
    ];
    for (const [text, hit] of cases) {
      const fs = findings(RULE, text);
      assert.deepEqual(fs.map((f) => covered(text, f)), [hit], text);
      assert.ok(fs[0].message.includes(`“${hit}”`), fs[0].message);
    }
  });

  it('flags the long prompts that required-section inserts (its skeletons are placeholders too)', () => {
    const cases = [
      '【请填写党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况】',
      '【请填写其他需要报告的情况；没有的，写明“无其他需要报告的情况”】',
    ];
    for (const hit of cases) {
      const text = `五、其他需要报告的情况\n${hit}\n`;
      assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), [hit]);
    }
    // A long parenthesis in prose that merely mentions 待定 is not a prompt.
    const prose = '已报请县政府研究（其中涉及征收补偿标准、安置方式和资金来源的3项内容仍待定，将于下一年度报批）。';
    assert.deepEqual(findings(RULE, prose), []);
  });

  it('flags a stripped name in a list of superiors (省委、委决策部署), not 委员/委托/委办局', () => {
    const text = '认真落实中央、省委、委决策部署。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['委']);
    assert.equal(fs[0].column, 11);
    assert.match(fs[0].message, /“委决策部署”中“委”前缺少地名/);
    const real = '认真落实中央、省委、市委决策部署，县委、委办局负责人参加，市委、委托第三方评估，镇党委、委员带头学法。';
    assert.deepEqual(findings(RULE, real), []);
  });

  it('does not flag real names, 我镇/我局, campaigns, levels, or Markdown bold and rules', () => {
    const text = [
      '在市委、市政府的正确领导下，区委区政府和县委、县政府部署的工作全面完成。',
      '镇党委、政府统一领导，党委、政府主要负责人切实履行职责，各级党委、政府高度重视。',
      '我镇坚持依法行政，我局认真落实，我们持续推进“我为群众办实事”实践活动，不断自我完善。',
      '积极参加市级开展的培训，按照上级要求，配合区级部门工作。',
      '依法办理王某某诉镇政府行政复议案，张某某申请公开政府信息。',
      '**一、主要举措和成效**',
      '',
      '***',
      '',
      '___',
      '',
      '采用ISO 9001标准，XXL型号不是占位符。',
    ].join('\n');
    assert.deepEqual(findings(RULE, text).map((f) => f.message), []);
  });

  it('reads ** around a run-in heading as bold even where CommonMark does not close it (。** before a character)', () => {
    for (const text of ['1. **（一）加强组织领导。**镇党委召开会议研究法治建设工作。', '**（二）规范行政决策。**全年审查文件36件。']) {
      assert.deepEqual(findings(RULE, text), [], text);
    }
    // A lone ** in a sentence is still a placeholder beside such bold text.
    const text = '**（三）化解矛盾纠纷。**全年调处纠纷100件。\n\n全年办理行政复议案件**件。';
    assert.deepEqual(findings(RULE, text).map((f) => [f.line, f.column, covered(text, f)]), [[3, 11, '**']]);
  });

  it('users extend the placeholder patterns', () => {
    const text = '报告单位：（单位名称）';
    assert.deepEqual(findings(RULE, text), []);
    const fs = findings(RULE, text, { rules: { [RULE]: { extend: ['（单位名称）'] } } });
    assert.deepEqual(fs.map((f) => covered(text, f)), ['（单位名称）']);
  });

  it('finds nothing in 004, the other seeds and the clean fixtures', () => {
    for (const prefix of ['000', '002', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });
});
