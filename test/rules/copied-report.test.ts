import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { check, lint, validateConfig, RULES } from '../../server/src/index.js';
import { normalizeSentence } from '../../server/src/rules/copied-report.js';
import { cleanFiles, findings, seed } from './helpers.js';

const RULE = 'copied-report';

const lastYear = [
  '张八桥镇关于2022年法治政府建设情况的报告',
  '一、2022年推进法治政府建设的主要举措和成效',
  '（一）健全组织，明确责任。镇党委、政府高度重视依法治镇工作，成立了法治乡镇创建活动领导小组，由镇长任组长，各分管领导为副组长。',
  '（二）学法用法，保驾护航。全年组织开展法律知识培训8场次，参训干部210人次，镇领导班子坚持会前学法制度。',
  '二、存在的不足和原因',
  '一是法律意识有待增强，二是普法形式较为单一。究其原因，宣传投入不足，专业人才缺乏。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记认真履行推进法治建设第一责任人职责，定期听取法治建设工作汇报，带头在会前学法。',
  '四、2023年推进法治政府建设的主要安排',
  '（一）将建立镇村两级合法性审查工作台账，实现重大行政决策合法性审查全覆盖。',
  '（二）力争创建省级民主法治示范村2个，进一步深化“法律明白人”培养工程。',
  '五、其他需要报告的情况',
  '2022年，张八桥镇未发生因违法行政被上级机关通报批评的情况。',
  '',
].join('\n');

const thisYear = [
  '张八桥镇关于2023年法治政府建设情况的报告',
  '一、2023年推进法治政府建设的主要举措和成效',
  '（一）健全组织，明确责任。镇党委、政府高度重视依法治镇工作，成立了法治乡镇创建活动领导小组，由镇长任组长，各分管领导为副组长。',
  '（二）学法用法，保驾护航。全年组织开展法律知识培训12场次，参训干部356人次，镇领导班子坚持会前学法制度。',
  '（三）规范决策，防范风险。建立镇村两级合法性审查工作台账，实现重大行政决策合法性审查全覆盖。',
  '（四）服务群众，化解纠纷。新建村级调解室6个，全年调处矛盾纠纷145件，调解成功率97.9%，没有发生群体性事件。',
  '二、存在的不足和原因',
  '一是行政执法人员结构老化，二是个别村调解组织作用发挥不够。究其原因，执法力量补充不及时，调解员培训不够系统。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记认真履行推进法治建设第一责任人职责，全年主持召开党委会专题研究法治建设4次，带头参加理论学习中心组学法。',
  '四、2024年推进法治政府建设的主要安排',
  '（一）推进镇综合行政执法队伍规范化建设。',
  '五、其他需要报告的情况',
  '2023年，张八桥镇未发生因违法行政被上级机关通报批评的情况。',
  '',
].join('\n');

describe('copied-report', () => {
  it('normalises away punctuation, digits and years, so a sentence with this year\'s numbers is still the same', () => {
    assert.equal(normalizeSentence('2023年，全年组织培训12场次。'), normalizeSentence('二〇二二年, 全年组织培训8场次'));
  });

  it('with last year\'s report: copied paragraphs (identical and near-identical) are warnings', () => {
    const fs = findings(RULE, thisYear, { previous: lastYear });
    const paragraphs = fs.filter((f) => f.data.kind === 'copied-paragraph');
    assert.deepEqual(paragraphs.map((f) => f.line), [3, 4]);
    assert.ok(paragraphs.every((f) => f.severity === 'warning'));
    assert.match(paragraphs[0].message, /与上一年度报告相同/);
  });

  it('last year\'s 下一年度安排 restated as this year\'s 成效 is a warning on that sentence', () => {
    const fs = findings(RULE, thisYear, { previous: lastYear }).filter((f) => f.data.kind === 'plan-as-result');
    assert.deepEqual(fs.map((f) => thisYear.slice(f.start, f.end)), ['建立镇村两级合法性审查工作台账，实现重大行政决策合法性审查全覆盖。']);
  });

  it('one document-level finding with data.copiedShare (0..1), the share of this year\'s sentences copied', () => {
    const share = findings(RULE, thisYear, { previous: lastYear }).filter((f) => f.data.kind === 'copied-share');
    assert.equal(share.length, 1);
    const s = share[0].data.copiedShare as number;
    assert.ok(s > 0.2 && s < 0.6, String(s));
    assert.equal(share[0].line, 1);
    // Against itself: everything is copied; against an unrelated report: nothing.
    const self = findings(RULE, thisYear, { previous: thisYear }).find((f) => f.data.kind === 'copied-share')!;
    assert.equal(self.data.copiedShare, 1);
    assert.equal(self.severity, 'warning');
    const other = findings(RULE, thisYear, { previous: seed('003') }).find((f) => f.data.kind === 'copied-share')!;
    assert.equal(other.data.copiedShare, 0);
    assert.equal(other.severity, 'info');
  });

  it('`previous` is accepted by the API but not in a config file', () => {
    assert.doesNotThrow(() => lint(thisYear, { previous: lastYear }));
    assert.throws(() => validateConfig({ previous: '上年报告.md' }, '.fazhi-lint.json', RULES), /previous/);
  });

  it('without last year\'s report: an 成效 part written mostly as plans is an info; real results stay silent', () => {
    const plans = thisYear.replace(
      /（一）健全组织[\s\S]*?没有发生群体性事件。/,
      [
        '（一）将继续健全组织领导体系，进一步压实各方责任。',
        '（二）拟于明年组织开展法律知识培训，力争参训干部达到400人次。',
        '（三）将进一步规范重大行政决策程序，计划于年内建立合法性审查台账。',
        '（四）下一步将新建村级调解室6个。',
      ].join('\n'),
    );
    const fs = findings(RULE, plans);
    assert.deepEqual(fs.map((f) => [f.severity, f.data.kind, f.line]), [['info', 'future-tense', 2]]);
    assert.deepEqual(findings(RULE, thisYear), []);
  });

  it('nothing on the seeds and clean fixtures without --previous; its parameters match their schema', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)).map((f) => f.message), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.message}`), []);
    const data = JSON.parse(readFileSync(new URL('../../rules/copied-report.json', import.meta.url), 'utf8'));
    const schema = JSON.parse(readFileSync(new URL('../../rules/schema/copied-report.schema.json', import.meta.url), 'utf8'));
    assert.ok(new Ajv({ strict: false }).validate(schema, data));
    assert.equal(check(thisYear, { previous: thisYear, rules: { [RULE]: 'off' } }).filter((f) => f.rule === RULE).length, 0);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'copied-report',
  defect: '“成效”部分写的都是打算',
  inject: (t) =>
    t.replace(
      recall.between(t, '## 一、', '## 二、'),
      [
        '## 一、2024年推进法治政府建设的主要举措和成效',
        '',
        '县政府将继续强化组织领导，进一步压实法治建设责任。',
        '',
        '拟于年内修订重大行政决策程序规定，力争合法性审查覆盖率达到100%。',
        '',
        '将进一步深化“放管服”改革，计划于年内实现政务服务事项全程网办。',
        '',
        '下一步将健全矛盾纠纷多元化解机制，力争调解成功率保持在98%以上。',
        '',
        '',
      ].join('\n'),
    ),
  match: '2024年推进法治政府建设的主要举措和成效',
});
