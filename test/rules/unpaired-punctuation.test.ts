import assert from 'node:assert/strict';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

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

  it('is linear: one stack per paragraph, a long paragraph of openers is handled at once', () => {
    const text = '开展“'.repeat(50_000) + '活动。';
    const t = performance.now();
    const fs = findings(RULE, text);
    assert.equal(fs.length, 50_000);
    assert.ok(performance.now() - t < 5000);
  });

  it('is silent on the clean fixtures, has no fix, and can be switched off', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
    const text = '开展“法治体检活动。';
    assert.equal(assertIdempotent(RULE, text), text);
    assert.equal(findings(RULE, text, { rules: { [RULE]: 'off' } }).length, 0);
  });
});
