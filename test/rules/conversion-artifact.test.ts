import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, covered, findings, seed } from './helpers.js';

const RULE = 'conversion-artifact';

describe('conversion-artifact', () => {
  it('seed 001: site name + breadcrumb lines 1–3, page date line 7 and the footer link list 80–90 (grouped)', () => {
    const text = seed('001');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, f.endLine]), [[1, 3], [7, 7], [80, 90]]);
    assert.ok(fs.every((f) => f.severity === 'error'));
    assert.equal(covered(text, fs[0]), '潼南区小渡镇人民政府\n\n您当前的位置:首页 >法治政府建设年度报告');
    assert.equal(fs[0].message, '网页外壳文字“潼南区小渡镇人民政府”“您当前的位置:首页 >法治政府建设年度报告”共2行不属于报告正文，应删除。');
    assert.match(fs[2].message, /“扫一扫在手机打开当前页”/);
    assert.equal(fs[2].data.lines, 6);
  });

  it('seed 001: fixing deletes whole lines with their breaks and leaves no extra blank lines', () => {
    const text = seed('001');
    const fixed = assertIdempotent(RULE, text);
    assert.ok(fixed.startsWith('重庆市潼南区小渡镇关于2022年法治政府建设情况的报告\n\n委、政府:\n\n2022年,'));
    assert.ok(fixed.endsWith('着力推动事关法治政府建设全局的体制机制创新。'));
    for (const gone of ['您当前的位置', '日期:2023-02-14', '扫一扫', '国务院部门网站', '其他网站']) assert.ok(!fixed.includes(gone), gone);
    assert.ok(!/\n\s*\n\s*\n/.test(fixed.slice(0, 200)), 'no double blank line at the top');
  });

  it('seed 002: [bookmark: _GoBack] on a line of its own is deleted with its line break', () => {
    const text = seed('002');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, covered(text, f)]), [[2, '[bookmark: _GoBack]']]);
    assert.match(fs[0].message, /Word 残留标记“\[bookmark: _GoBack\]”/);
    const fixed = assertIdempotent(RULE, text);
    assert.equal(fixed.split('\n')[1].slice(0, 11), '2023年以来，张八桥');
    assert.equal(fixed.length, text.length - '[bookmark: _GoBack]\n'.length);
  });

  it('inline debris: bookmarks deleted, HTML entities decoded, mojibake reported without a fix', () => {
    const text = '推进&nbsp;法治，A&amp;B，完成&#12290;依法行政[bookmark: _Toc123]工作。信息公开\uFFFD\uFFFD工作。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['&nbsp;', '&amp;', '&#12290;', '[bookmark: _Toc123]', '\uFFFD\uFFFD']);
    assert.equal(fs[4].fix, undefined);
    assert.match(fs[4].message, /乱码“\uFFFD\uFFFD”/);
    assert.equal(applyFixes(text, fs).text, '推进法治，A&B，完成。依法行政工作。信息公开\uFFFD\uFFFD工作。');
  });

  it('mojibake from broken encodings: ?,F and ?? between Chinese characters, Latin-1 sequences', () => {
    const text = '推进?,F法治建设，完成??项工作，ÕÅ°Ë镇。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['?,F', '??', 'ÕÅ°Ë']);
    assert.ok(fs.every((f) => !f.fix && f.data.kind === 'mojibake'));
    assert.deepEqual(findings(RULE, '这是问题吗?是的。What? OK.'), []);
  });

  it('groups consecutive chrome lines and keeps one blank line between the paragraphs around them', () => {
    const text = '第一段。\n\n字体：【大 中 小】\n\n浏览次数：1234\n\n打印本页 关闭窗口\n\n主办单位：潼南区小渡镇人民政府\n\n版权所有 © 2023\n第二段。\n';
    const fs = findings(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(applyFixes(text, fs).text, '第一段。\n\n第二段。\n');
    const tight = '第一段。\n国务院部门网站\n\n第二段。';
    assert.equal(assertIdempotent(RULE, tight), '第一段。\n\n第二段。');
  });

  it('does not flag prose that mentions websites, dates or sources, nor a body name above the title', () => {
    const text = [
      '王鲍镇',
      '2023年度法治政府建设情况报告',
      '强化政府网站与政务新媒体的运用，国务院部门网站和地方政府网站的信息按时转载。',
      '日期和时间由系统记录，来源可追溯。',
      '其他网站转载本报告的，应注明出处并保持原文完整，不得修改任何文字内容和数据。',
      '2023年2月14日',
      '联系电话：0523-87654321',
      '主办单位要切实履行主体责任，承办单位积极配合。',
      '网站地图和联系我们栏目已更新，方便群众查询办事指南。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text), []);
  });

  it('works with CRLF line breaks and Markdown; code blocks are left alone', () => {
    const crlf = '正文。\r\n\r\n扫一扫在手机打开当前页\r\n\r\n国务院部门网站\r\n';
    assert.equal(assertIdempotent(RULE, crlf), '正文。\r\n');
    const md = '# 小渡镇关于2022年法治政府建设情况的报告\n\n> 您当前的位置：首页 > 政务公开\n\n**一、主要举措和成效**\n\n正文内容。&nbsp;\n\n```\n&nbsp; [bookmark: _GoBack]\n```\n';
    const fs = findings(RULE, md);
    assert.deepEqual(fs.map((f) => f.line), [3, 7]);
    assert.equal(
      applyFixes(md, fs).text,
      '# 小渡镇关于2022年法治政府建设情况的报告\n\n**一、主要举措和成效**\n\n正文内容。\n\n```\n&nbsp; [bookmark: _GoBack]\n```\n',
    );
  });

  it('users extend the list of chrome lines', () => {
    const text = '正文第一段。\n\n本站由小渡镇党政办维护\n\n正文第二段。';
    assert.deepEqual(findings(RULE, text), []);
    const fs = findings(RULE, text, { rules: { [RULE]: { extend: ['本站由小渡镇党政办维护'] } } });
    assert.equal(fs.length, 1);
    assert.equal(applyFixes(text, fs).text, '正文第一段。\n\n正文第二段。');
  });

  it('finds nothing in the seeds without debris and in the clean fixtures', () => {
    for (const prefix of ['000', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });

  it('chrome glued to the end, start or middle of a paragraph: the fix deletes exactly the chrome', () => {
    const body = '我镇坚持依法行政，推进法治政府建设。';
    for (const [text, chrome, fixed] of [
      [`${body}扫一扫在手机打开当前页`, '扫一扫在手机打开当前页', body],
      [`${body} 【打印本页】【关闭窗口】`, '【打印本页】【关闭窗口】', body],
      [`${body}扫一扫在手机上打开当前页[打印] [关闭]`, '扫一扫在手机上打开当前页[打印] [关闭]', body],
      [`扫一扫在手机打开当前页${body}`, '扫一扫在手机打开当前页', body],
      [`字体：【大 中 小】${body}`, '字体：【大 中 小】', body],
    ]) {
      const doc = `一、主要举措\n\n${text}\n\n下一段。\n`;
      const fs = findings(RULE, doc);
      assert.deepEqual(fs.map((f) => covered(doc, f)), [chrome], text);
      assert.equal(fs[0].data.kind, 'web');
      assert.match(fs[0].message, /粘连在段落(?:末尾|开头)/);
      assert.equal(assertIdempotent(RULE, doc), `一、主要举措\n\n${fixed}\n\n下一段。\n`, text);
    }
    const middle = '一、主要举措\n\n一是深化“枫桥经验”。扫一扫在手机打开当前页建成镇、村两级调解组织24个。\n';
    const [m] = findings(RULE, middle);
    assert.equal(covered(middle, m), '扫一扫在手机打开当前页');
    assert.match(m.message, /夹在段落中/);
    assert.equal(assertIdempotent(RULE, middle), '一、主要举措\n\n一是深化“枫桥经验”。建成镇、村两级调解组织24个。\n');
    // Without its 。 the sentence keeps its own finding; fixing both until nothing changes (as --fix) gives one 。.
    const bare = '一、主要举措\n\n我镇坚持依法行政，推进法治政府建设扫一扫在手机打开当前页\n';
    assert.equal(findings('end-punctuation', bare).length, 1);
    let both = bare;
    for (let i = 0; i < 3; i++) both = applyFixes(both, [...findings(RULE, both), ...findings('end-punctuation', both)]).text;
    assert.equal(both, '一、主要举措\n\n我镇坚持依法行政，推进法治政府建设。\n');
    assert.deepEqual(findings('end-punctuation', '一、主要举措\n\n推进法治政府建设。扫一扫在手机打开当前页'), []);
  });

  it('a line of glued phrases only is a whole chrome line; words like 打印 or 关闭 in prose are never chrome', () => {
    const line = '第一段。\n\n扫一扫在手机打开当前页【打印本页】【关闭窗口】\n\n第二段。\n';
    assert.equal(assertIdempotent(RULE, line), '第一段。\n\n第二段。\n');
    const prose = [
      '一、主要举措',
      '群众可在服务大厅自助打印本页所列材料，办结后及时关闭窗口。',
      '打印机、复印机等办公设备按规定采购，关闭闲置窗口4个',
      '关闭窗口期后不再受理申请，字体、字号按公文格式统一规范。',
      '扫一扫二维码即可查询办事指南，群众用手机扫描二维码预约。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, prose), []);
  });

  it('users extend the glued phrases', () => {
    const text = '一、主要举措\n\n推进法治政府建设。【本站由小渡镇党政办维护】\n';
    assert.deepEqual(findings(RULE, text), []);
    const config = { rules: { [RULE]: { extend: { glued: ['【本站由[^】]+维护】'] } } } };
    assert.equal(applyFixes(text, findings(RULE, text, config)).text, '一、主要举措\n\n推进法治政府建设。\n');
  });
});
