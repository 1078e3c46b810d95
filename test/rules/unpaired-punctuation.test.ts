import assert from 'node:assert/strict';
import { assertIdempotent, cleanFiles, coveredAll, findings, fixAll, seed } from './helpers.js';

const RULE = 'unpaired-punctuation';

describe('unpaired-punctuation', () => {
  it('reports an opener never closed, covering it and its clause, as an error without a fix', () => {
    const text = '打造以视频监控联网应用为重点的“群众性治安防控工程，实现了对辖区治安防控的全覆盖，筑牢治安防控的“篱笆”。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['“群众性治安防控工程']);
    assert.equal(fs[0].severity, 'error');
    assert.equal(fs[0].fix, undefined);
    assert.match(fs[0].message, /左引号（“）没有配对的右引号（”）：“群众性治安防控工程/);
  });

  it('reports an ASCII " closed by ” as a mismatched pair', () => {
    const text = '把党的建设下沉到网格，实现"一员多能”。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['"一员多能”']);
    assert.match(fs[0].message, /"一员多能” 中半角引号（"）与右引号（”）配成了一对/);
  });

  it('keeps nested single quotes inside an unclosed double quote (003 line 14)', () => {
    const text = '开展“律动皋城·同企连‘支’系列活动。推出适合企业的“自检单”“微提醒”等产品。';
    assert.deepEqual(coveredAll(text, findings(RULE, text)), ['“律动皋城·同企连‘支’系列活动']);
  });

  it('reports a closer without opener and an opener cut off by another pair’s closer', () => {
    const closer = '认真学习宪法》等法律法规。';
    assert.deepEqual(coveredAll(closer, findings(RULE, closer)), ['》']);
    assert.match(findings(RULE, closer)[0].message, /右书名号（》）前没有配对的左书名号（《）/);
    const cut = '贯彻落实《法治政府建设实施纲要（2021—2025年》。';
    const fs = findings(RULE, cut);
    assert.equal(fs.length, 1);
    assert.equal(cut[fs[0].start], '（');
  });

  it('checks per paragraph: a quote does not run into the next paragraph', () => {
    const text = '第一段开展“法治体检活动。\n\n第二段完成了体检”。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => text[f.start]), ['“', '”']);
    assert.deepEqual(fs.map((f) => f.line), [1, 3]);
  });

  it('joins a paragraph cut by a hard line break before judging it', () => {
    const text = '我镇组织学习《中华人民共和国行政\n\n处罚法》等法律法规，取得实效。';
    assert.deepEqual(findings(RULE, text), []);
  });

  it('accepts balanced nesting, mixed-width brackets, enumerators, apostrophes, ASCII pairs and code', () => {
    const text = [
      '坚决以《南通市贯彻落实〈法治政府建设实施纲要（2021—2025年）〉实施方案》为纲要。',
      '深化一村（社区)一法律顾问工作，鎮(zhèn)街道（qū）。',
      '1）加强组织领导；2）完善制度建设；a）健全机制。',
      'The People’s Republic of China.',
      '开展"法律明白人"培育工程，推出“自检单”“微提醒”【公共法律服务】产品。',
      '运行`a“b`命令。',
      '屏幕尺寸为15"的显示器。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line}:${f.column} ${f.message}`), []);
  });

  it('accepts a quotation of several paragraphs: each opens with “, only the last closes (GB/T 15834)', () => {
    const text = '县委书记强调：\n“一要提高政治站位。\n“二要压实工作责任。\n“三要强化督促检查。”\n\n“甲段。\n\n“乙段。”';
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line}:${f.column} ${f.message}`), []);
  });

  it('still reports a multi-paragraph quotation that is never closed, once, and a quote opened mid-paragraph', () => {
    const text = '“一是提高站位。\n\n“二是压实责任。\n\n“三是强化督查。\n\n他说“四是抓好落实。\n\n“五是总结。”';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => f.line), [1, 7]);
  });

  it('seeds: 002 lines 9 and 10, 003 line 14, and nothing else', () => {
    assert.deepEqual(findings(RULE, seed('002')).map((f) => f.line), [9, 10]);
    assert.deepEqual(findings(RULE, seed('003')).map((f) => f.line), [14]);
    for (const s of ['000', '001', '004']) assert.deepEqual(findings(RULE, seed(s)), [], s);
  });

  // One stack per paragraph; its time is in the bench (test/bench/once-slow.ts).
  it('reports each of 10 000 unclosed openers in one paragraph', () => {
    const text = '开展“'.repeat(10_000) + '活动。';
    const fs = findings(RULE, text);
    assert.equal(fs.length, 10_000);
  });

  it('a heading （一） that lost its opening bracket (dev 057: 一)纵深推进…): reported with a fix restoring （一）', () => {
    const text = '一、2025年推进法治政府建设的主要举措和成效\n\n一)纵深推进学悟笃行习近平法治思想\n\n强化分层分类学习培训。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, coveredAll(text, [f])[0], f.message]), [[3, '一)', '标题序号“一)”缺少左括号，应为“（一）”。']]);
    assert.equal(assertIdempotent(RULE, text), text.replace('一)纵深', '（一）纵深'));
    // Numbered so throughout: each marker is reported, 公文 numbers that level （一）（二）.
    const style = '一）加强组织领导。\n\n二）规范行政执法。\n\n三）强化权力监督。';
    assert.equal(fixAll(style, [RULE]), '（一）加强组织领导。\n\n（二）规范行政执法。\n\n（三）强化权力监督。');
    // A marker cut by a line break after its （ (2026 Yunnan government work report) has not lost the bracket.
    assert.deepEqual(findings(RULE, '（二）产业发展提质增效。\n（\n三）改革开放持续深化。').filter((f) => f.data.kind === 'unopened-marker'), []);
    // Not a marker: 一) inside a sentence, or a list item 1).
    assert.deepEqual(findings(RULE, '1)第一项内容。\n\n全镇统一)部署。'), []);
  });

  it('a mismatched pair ("一员多能”) is mended by its fix: the half-width half made full-width', () => {
    assert.equal(assertIdempotent(RULE, '建立"一员多能”队伍。'), '建立“一员多能”队伍。');
    assert.equal(assertIdempotent(RULE, '建立“一员多能"。'), '建立“一员多能”。');
  });

  it('is silent on the clean fixtures, has no fix for a lone mark, and can be switched off', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
    const text = '开展“法治体检活动。';
    assert.equal(assertIdempotent(RULE, text), text);
    assert.equal(findings(RULE, text, { rules: { [RULE]: 'off' } }).length, 0);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'unpaired-punctuation', defect: '引号未闭合', inject: (t) => recall.replaceOnce(t, '“枫桥经验”', '“枫桥经验'), match: '“枫桥经验' });
