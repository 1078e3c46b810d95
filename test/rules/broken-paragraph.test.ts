import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, findings, seed } from './helpers.js';

const RULE = 'broken-paragraph';

describe('broken-paragraph', () => {
  it('seed 004: the six paragraphs cut by PDF reflow, not the title, body name or headings', () => {
    const text = seed('004');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => f.line), [15, 27, 35, 43, 49, 61]);
    assert.ok(fs.every((f) => f.severity === 'warning'));
    assert.equal(fs[0].message, '段落在“…导关于法治建设和”处被换行截断，下一段“依法行政的批示，…”是它的延续，应合并为一段。');
    assert.equal(fs[0].endLine, 17);
  });

  it('seed 004: the fix joins the parts without a space and removes the blank line between', () => {
    const text = seed('004');
    const fixed = assertIdempotent(RULE, text);
    for (const joined of ['关于法治建设和依法行政的批示', '的合法性审核机构', '以查促改，提升王鲍镇', '形成强大工作合力，', '依法预防突发事件、', '发展的全局，制定《王鲍镇 2023 年']) {
      assert.ok(fixed.includes(joined), joined);
    }
    // Six joins, each removing "\n\n".
    assert.equal(fixed.length, text.length - 6 * 2);
  });

  it('joins a paragraph cut by a single line break, and every part of a paragraph cut twice', () => {
    const text = '一、主要举措和成效\n\n王鲍镇高度重视机关干部法治观念的树立，落实领导干部学法\n制度，扎实开展法治宣传教育活动及深入学习贯彻\n习近平法治思想。\n';
    const fs = findings(RULE, text);
    assert.equal(fs.length, 2);
    assert.equal(applyFixes(text, fs).text, '一、主要举措和成效\n\n王鲍镇高度重视机关干部法治观念的树立，落实领导干部学法制度，扎实开展法治宣传教育活动及深入学习贯彻习近平法治思想。\n');
  });

  it('joins across CRLF line breaks', () => {
    const text = '一、主要举措和成效\r\n\r\n王鲍镇高度重视机关干部法治观念的树立，落实领导干部学法\r\n\r\n制度，扎实开展法治宣传教育活动。\r\n';
    assert.equal(assertIdempotent(RULE, text), '一、主要举措和成效\r\n\r\n王鲍镇高度重视机关干部法治观念的树立，落实领导干部学法制度，扎实开展法治宣传教育活动。\r\n');
  });

  it('does not flag headings, titles, complete paragraphs, new items, lists or a signature', () => {
    const text = [
      '王鲍镇',
      '2023年度法治政府建设情况报告',
      '一、主要举措和成效',
      '（一）坚持党的领导，深入贯彻习近平法治思想',
      '王鲍镇高度重视机关干部法治观念的树立和法治思维的提升，实现带头学、带头干的良好氛围。',
      '主要原因是：一是法律法规的宣传力度不够，部分党员干部学法用法意识不强；',
      '二是专业的行政执法培训较少，执法人员缺少系统的行政法规培训。',
      '我镇严格落实执行行政机关负责人出庭应诉制度，行政机关负责人必须出庭应诉',
      '（五）全面主动落实政务公开',
      '具体工作安排如下，各村居要认真对照落实各项要求',
      '- 加强组织领导；',
      '- 强化督促检查。',
      '今年以来，全镇法治建设取得明显成效，群众满意度持续提升，为全镇发展提供保障',
      '2023年，我镇持续深化法治宣传教育，组织各类活动12场次。',
      '王鲍镇人民政府',
      '2024年1月10日',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => f.message), []);
  });

  it('does not join the lines of an attachment list (附件1：… ⏎ 附件2：…, 附件：1.… ⏎ 2.…)', () => {
    const numbered = '五、其他需要报告的情况\n无。\n\n　　附件1：宁海县市场监督管理局2023年行政执法数据统计表\n　　附件2：宁海县市场监督管理局2023年普法责任清单\n';
    assert.deepEqual(findings(RULE, numbered).map((f) => f.message), []);
    const list = '五、其他需要报告的情况\n无。\n\n附件：1.宁海县市场监督管理局2023年行政执法数据统计表\n　　　2.宁海县市场监督管理局2023年普法责任清单\n';
    assert.deepEqual(findings(RULE, list).map((f) => f.message), []);
  });

  it('finds nothing in the other seeds and in the clean fixtures', () => {
    for (const prefix of ['000', '001', '002', '003']) assert.deepEqual(findings(RULE, seed(prefix)), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });
});

describe('broken-paragraph (published pages)', () => {
  const OPENING = '2022年，司法部坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，法治政府建设取得新成效。';

  it('a heading glued to the end of the opening paragraph and cut in two (dev 015): a suggestion moves it to a line of its own', () => {
    const text = `${OPENING}全面贯彻落实党的二十大精神\n统筹推进法治政府建设高质量发展\n坚持把学习宣传贯彻党的二十大精神作为首要政治任务，切实贯彻落实到推进法治政府建设全过程和各方面。\n`;
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, f.endLine, f.data.kind]), [[1, 2, 'glued-heading']]);
    assert.match(fs[0].message, /标题“全面贯彻落实党的二十大精神统筹推进法治政府建设高质量发展”粘连在上一段末尾/);
    assert.equal(fs[0].fix, undefined);
    const moved = applyFixes(text, [{ ...fs[0], fix: fs[0].suggestions![0] }]).text;
    assert.ok(moved.startsWith(`${OPENING}\n全面贯彻落实党的二十大精神统筹推进法治政府建设高质量发展\n坚持`));
  });

  it('not for a paragraph followed by a signature, nor for a paragraph ending its sentence', () => {
    const signed = `${OPENING}特此报告\n司法部办公厅\n2023年3月20日\n`;
    assert.deepEqual(findings(RULE, signed), []);
    const ended = `${OPENING}\n统筹推进法治政府建设高质量发展\n坚持把学习宣传贯彻党的二十大精神作为首要政治任务，切实贯彻落实到推进法治政府建设全过程和各方面。\n`;
    assert.deepEqual(findings(RULE, ended), []);
  });

  it('a paragraph is not “continued” by a metadata line or a toolbar below it (dev 001, 012, 019)', () => {
    const text = `${OPENING.slice(0, -1)}\n日期:2026-03-17 11:12 来源:呼中区教育局\n【字体: 【打印文本】\n`;
    assert.deepEqual(findings(RULE, text), []);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'broken-paragraph',
  defect: '段落在句中被空行截断',
  inject: (t) => recall.replaceOnce(t, '举办领导干部法治专题讲座4期', '举办领导干部法治专题\n\n讲座4期'),
  match: '题\n\n讲',
});
