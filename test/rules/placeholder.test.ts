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

  it('flags masks of one character standing for a name or a number (real texts: dev 001, 033, 037, 022, 010)', () => {
    const cases: [string, string[]][] = [
      // dev 001 (an essay-site copy with the district name and the counts starred out)
      ['五年来,*区严格落实第一责任人职责规定,为建设社会主义现代化美丽*提供有力法治保障。', ['*', '*']],
      ['*个协调小组共召开会议*次,分别按要求推进各自领域法治政府建设相关工作。', ['*', '*']],
      // dev 033 / 037 (a lone X or x for the town's name and for counts)
      ['X镇制定了以教育、疏导为主的信访工作思路,已建立调委会X个,配备专职人民调解员X名。', ['X', 'X', 'X']],
      ['2021年全镇共有x名人员执有行政执法证。在开幕式现场,由x司法所牵头开展专题宣传。', ['x', 'x']],
      // dev 022 and a wenke99 copy: years and names left as underscores
      ['20__年,教体局坚持以____思想为指导。', ['20__', '____']],
      ['xx县xx镇xx社区_村_诉xx镇人民政府不履行法定职责的纠纷一案。', ['xx', 'xx', 'xx', '_', '_', 'xx']],
      ['xx村_组_诉镇人民政府一案。', ['xx', '_', '_']],
      ['x01x年度法治政府建设情况报告', ['x01x']],
      ['20**年法治政府建设工作总结', ['20**']],
      // dev 010: the title names the body as 某县 (glued to the body on one line)
      ['某县 2025 年度法治政府建设情况报告2025 年,全县坚持以习近平新时代中国特色社会主义思想为指导。', ['某县']],
      ['A镇认真落实上级部署。', ['A']],
      // full-width stars, the missing-character box, brackets left empty for a number
      ['在＊＊镇党委领导下，共召开会议□次，办理案件（  ）件，囗囗村完成整改。', ['＊＊', '□', '（  ）', '囗囗']],
      // template fields left in brackets
      ['（单位名称）2023年法治政府建设情况报告，【县区名称】人民政府共办理案件（数量）件。', ['（单位名称）', '【县区名称】', '（数量）']],
    ];
    for (const [text, hits] of cases) assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), hits, text);
    const [first] = findings(RULE, '区委依法治区办共召开会议*次,督促协调。');
    assert.equal(first.message, '占位符“*”（“会议*次”）未填写，请补上实际内容。');
  });

  it('flags 依法治委员会 (the place stripped after 依法治), and Roman-numeral masks (Ⅹ镇, ⅩⅩ村)', () => {
    const text = '区委全面依法治委员会办公室印发要点，Ⅹ镇认真落实，ⅩⅩ村完成整改。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['委员会', 'Ⅹ', 'ⅩⅩ']);
    assert.match(fs[0].message, /^“依法治委员会”中“依法治”后缺少地名/);
    assert.deepEqual(findings(RULE, '中央全面依法治国委员会，县委全面依法治县委员会，依法治镇办。'), []);
  });

  it('one finding per mask where two patterns cover it (20**年 is a masked year and a run of *)', () => {
    const text = '20**年,XX镇坚持依法行政。\n\n20XX年共办理案件**件。';
    assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), ['20**', 'XX', '20XX', '**']);
  });

  it('leaves X光, Windows X, formulas, Markdown emphasis and bullets, footnote stars, identifiers, 某些 and models like 7+N alone', () => {
    const text = [
      '开展X光、X射线检查，升级Windows X 系统，X型钢架结构。',
      '按3*4计算，共12个；a*b为面积。',
      '坚持*依法行政*原则，强调，_依法决策_。',
      '* 加强组织领导',
      '',
      '*加强组织领导',
      '',
      '全面推进依法行政*。',
      '',
      '*注：数据截至2023年底。',
      '',
      '运行file_name程序，读取[bookmark: _GoBack]。',
      '某些单位、某种程度上，对某县的经验进行学习，王某某申请复议。如某镇执法程序不规范。某乡镇存在类似问题。',
      '网格中“7+N”模式配备网格员，产业园A区、B座。',
      '○ 表示已完成，近20 年来，（一）加强领导。',
      '深化乡镇（街道）综合行政执法改革，各县（市、区）、村（社区）和市直（单位）。',
    ].join('\n');
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line} ${covered(text, f)}`), []);
  });

  it('users extend the placeholder patterns', () => {
    const text = '报告单位：（本单位）';
    assert.deepEqual(findings(RULE, text), []);
    const fs = findings(RULE, text, { rules: { [RULE]: { extend: ['（本单位）'] } } });
    assert.deepEqual(fs.map((f) => covered(text, f)), ['（本单位）']);
  });

  it('finds nothing in 004, the other seeds and the clean fixtures', () => {
    for (const prefix of ['000', '002', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'placeholder', defect: '占位符XX', inject: (t) => recall.replaceOnce(t, '审核合同112件', '审核合同XX件'), match: 'XX' });

describe('placeholder: a name masked by a lone letter, a unit left without its name (real pages)', () => {
  // dev 174 (https://gongwencankao.com/?p=180555, an essay site's 2023 town report): 习近平 replaced by A, the town's
  // name deleted before 镇.
  it('dev 174: A where a name stands (A总书记, A法治思想, 《A关于…论述摘编》) and 镇 without its name after 以来,', () => {
    const text = [
      '2023年以来,镇以A新时代中国特色社会主义思想、党的二十大精神为指导,深入学习贯彻A总书记全面依法治国新理念新思想新战略。',
      '三是学习贯彻A法治思想。组织镇党委理论学习中心组开展《A法治思想学习纲要》《A关于依规治党论述摘编》等专题学习2次。',
    ].join('\n');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['镇', 'A', 'A', 'A', 'A', 'A']);
    assert.match(fs[0].message, /“镇以”中“镇”前缺少名称/);
  });

  it('leaves letters that are grades or codes (4A级景区, A级纳税人, B超, A股) and a named or collective unit', () => {
    const text = [
      '2023年,全镇创建4A级景区1个,评定A级纳税人12户,开展B超检查300人次,A股上市企业2家。',
      '2023年以来,镇党委坚持依法行政。全年,县政府坚持依法决策,区坚持会议制度完善。近年来,我镇坚持学法。',
    ].join('\n');
    assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), []);
  });
});

describe('placeholder: a year masked by one character (mutation probe of dev 123\'s 20xx年)', () => {
  it('20X年, 20*年 are unfilled years; 2020年, X20年 and a formula are not', () => {
    const text = '20X年以来，我镇坚持依法行政，纳入20*年党委政府工作计划。\n';
    assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), ['20X', '20*']);
    assert.deepEqual(findings(RULE, '2020年以来，我镇开展X20型设备检测，系数为20×年均增长率。\n').map((f) => f.rule), []);
  });
});

describe('placeholder: the same masks on a mirrored page in traditional script (whole-file mutation probe of dev 174)', () => {
  it('A總書記, A新時代…, 鎮以 and 某縣 are found as in simplified script', () => {
    const text = '2023年以來,鎮以A新時代中國特色社會主義思想為指導,深入學習貫徹A總書記全面依法治國新理念新思想新戰略。\n';
    assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), ['鎮', 'A', 'A']);
    const title = '某縣2025年度法治政府建設情況報告\n2025年,全縣堅持依法行政。\n';
    assert.deepEqual(findings(RULE, title).map((f) => covered(title, f)), ['某縣']);
  });
});
