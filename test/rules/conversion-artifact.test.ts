import assert from 'node:assert/strict';
import { applyFixes, check } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, covered, findings, seed } from './helpers.js';
import { readReal } from '../helpers/expectations.js';

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

  // http://www.thenightofofficial.com/ztzl1/fzzfjs/201911/t20191104_261959.html (a traditional-script mirror):
  // “…推進會議??h委常委…” — a 。縣 lost as two ? and a letter; dev 150: ?,F(xiàn) — the mojibake before a pinyin annotation.
  it('mojibake of two ? and a letter (會議??h委), and before a pinyin annotation (?,F(xiàn)將)', () => {
    const text = '我縣召開全國法治政府建設示范縣創建工作推進會議??h委常委、政法委書記主持。建設取得新成效?,F(xiàn)將有關情況報告如下。';
    const fs = findings(RULE, text).filter((f) => f.data.kind === 'mojibake');
    assert.deepEqual(fs.map((f) => covered(text, f)), ['??h', '?,F']);
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

// Page chrome found by shape (server/src/engine/extent.ts): reported here, looked past by every other rule.
describe('conversion-artifact: page chrome of real report pages', () => {
  const BODY = [
    '红星镇2023年法治政府建设情况报告',
    '',
    '2023年，红星镇坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，全面推进依法行政。',
    '',
    '一、主要举措和成效',
    '',
    '（一）加强组织领导。镇党委、政府高度重视法治政府建设工作，成立工作领导小组，定期研究部署。',
    '',
  ].join('\n');

  it('a CMS metadata block in any layout is one finding whose fix deletes the block (dev 028, Chongqing CMS)', () => {
    const head = ['- [ 索引号 ] 11500229768895163R/2026-00004', '- [ 发文字号 ] 鸡鸣委文〔2026〕3号', '- [ 发布机构 ] 城口县鸡鸣乡人民政府', '- [ 有效性 ] 有效', ''].join('\n');
    const text = head + BODY;
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, f.endLine, f.data.kind]), [[1, 4, 'metadata']]);
    assert.match(fs[0].message, /^网页元数据“\[ 索引号 \] 11500229768895163R\/2026-00004”.*等共4行不属于报告正文，应删除。$/);
    assert.equal(assertIdempotent(RULE, text), BODY);
  });

  it('来源/发布时间/浏览 lines in other orders and label sets (dev 000, 006, 007, 016, 054, 063; 5a.net)', () => {
    for (const line of [
      '来源:静海区人民政府办公室 发布时间:2024-03-28 09:18',
      '时间:2023-02-28 15:36 浏览量:1',
      '发布时间 : 2023-01-29 来源:天心区坡子街街道 字体大小:',
      '栏目:政策文件 发布时间:2023-01-12',
      '浏览:5072次 时间:2022-12-07 来源:本站',
      '时间:2018-05-03  浏览次数:',
      '时间:2024-04-26 04:42:57 5A范文网 浏览: 论文范文 我要投稿',
      '瀏覽次數:次',
      '【字体: 【打印文本】',
      '红星镇2023年法治政府建设情况.docx',
    ]) {
      const text = `${BODY.split('\n')[0]}\n${line}\n${BODY.slice(BODY.indexOf('\n') + 1)}`;
      const fs = findings(RULE, text);
      assert.deepEqual(fs.map((f) => [f.line, covered(text, f)]), [[2, line]], line);
      // Nothing else reads the line: no cjk-spacing (“28 09”), no report-date from the post date, no mixed-script.
      const others = check(text).filter((f) => f.rule !== RULE && f.line === 2 && f.severity !== 'info' && f.severity !== 'hint');
      assert.deepEqual(others.map((f) => f.rule), [], line);
    }
  });

  it('essay and doc-share wrappers (dev 001, 025, 027, 037) are named as such', () => {
    const text = `下面是小编为大家整理的红星镇2023年法治政府建设情况报告,供大家参考。\n${BODY}仅展示628字,全文共2002字\n`;
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, f.data.kind]), [[1, 'essay'], [9, 'essay']]);
    assert.match(fs[0].message, /^范文或文库网站的包装文字“下面是小编为大家整理的/);
  });

  it('doc-site page markers: the marker alone is deleted, the cut itself is broken-paragraph’s (dev 004)', () => {
    const page1 = `1、红星镇2023年法治政府建设情况报告2023年，红星镇坚持以习近平新时代中国特色社会主义思想为指导，${'深入贯彻落实党的二十大精神，全面推进依法行政，'.repeat(4)}强化行政权力的制约和监督、依`;
    const page2 = `2、法有效化解社会矛盾纠纷，${'扎实推进镇域基层法治建设，切实提高运用法治思维和法治方式的能力，'.repeat(3)}为各项目标任务的完成提供了有力保障。`;
    const text = `${page1}\n${page2}\n`;
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, covered(text, f), f.data.kind]), [[1, '1、', 'page'], [2, '2、', 'page']]);
    assert.match(fs[1].message, /文库网站的分页标记“2、”是转换文档时留下的页码，截断了正文，应删除。/);
    const fixed = applyFixes(text, fs).text;
    assert.ok(fixed.startsWith('红星镇2023年') && fixed.includes('\n法有效化解'));
    const broken = findings('broken-paragraph', text);
    assert.deepEqual(broken.map((f) => [f.line, f.endLine]), [[1, 2]]);
    // Both fixes together: the page joined, no marker left.
    assert.ok(applyFixes(text, [...fs, ...broken]).text.includes('制约和监督、依法有效化解'));
  });

  it('a news dateline glued before report text is cut exactly; the agency’s intro line is deleted whole (dev 012)', () => {
    const text = `新华社北京3月29日电 ${BODY.slice(BODY.indexOf('2023年，'))}`;
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => covered(text, f)), ['新华社北京3月29日电']);
    assert.ok(assertIdempotent(RULE, text).startsWith('2023年，红星镇'));
  });

  it('gambling spam spliced into a sentence of a hacked page: reported with a suggestion, never a bulk fix; not in anti-gambling prose', () => {
    const text = `${BODY}（二）推进政务公开。县政府新葡京娱乐城官网：《政府信息公开条例》落实情况良好，主动公开信息128条。\n`;
    const fs = findings(RULE, text).filter((f) => f.data.kind === 'spam');
    assert.deepEqual(fs.map((f) => covered(text, f)), ['新葡京娱乐城官网']);
    assert.equal(fs[0].fix, undefined);
    assert.equal(fs[0].suggestions?.length, 1);
    // By shape: a name ending in 娱乐 before a colon (…县政府XX娱乐:《…》, as issue 10 quotes a hacked page).
    const shaped = `${BODY}（二）推进政务公开。县政府澳门银河娱乐:《政府信息公开条例》落实情况良好。\n`;
    assert.deepEqual(findings(RULE, shaped).map((f) => covered(shaped, f)), ['澳门银河娱乐']);
    const clean = `${BODY}（二）开展禁赌专项行动。依法打击非法时时彩、赌博网站、非法彩票网址等违法犯罪活动，查处案件5起。开展文化娱乐：送戏下乡20场。\n`;
    assert.deepEqual(findings(RULE, clean), []);
  });

  // Probe http://owenbabies.com/info/1135/62663.htm (a health bureau's 2025 report on a hacked host): a betting brand
  // (two characters + 体育平台/官网/app…) spliced into a sentence.
  it('a betting brand (××体育平台) spliced into report prose; not sports work a report describes', () => {
    const text = `${BODY}（二）加强组织领导。全面贯彻落实党中央、省州市委三升体育平台法治政府建设的决策部署，将法治建设与卫生健康事业高质量发展深度融合。\n`;
    assert.deepEqual(findings(RULE, text).filter((f) => f.data.kind === 'spam').map((f) => covered(text, f)), ['三升体育平台']);
    const clean = `${BODY}（二）加强体育执法。依托全民健身体育平台开展普法宣传，搭建体育平台服务群众，依法打击非法体育平台赌球活动，在县体育官网公开执法信息。\n`;
    assert.deepEqual(findings(RULE, clean), []);
  });

  // Furniture of real pages the search store returned (PROBE, 4 Dec: jkq.changzhou.gov.cn, hlblexin.com, tianqiao.gov.cn…):
  // a QR-code line, a site's copyright/disclaimer heading, 本网站由…主办; and the GBK round-trip mojibake 锟斤拷.
  it('QR-code lines, disclaimers and 本网站由…主办 after the report; 锟斤拷 inside a sentence; report sentences on QR codes stay', () => {
    const tail = ['扫码使用手机浏览本页内容', '北疆新闻版权与免责声明:', '本网站由红星镇人民政府办公室主办'];
    const text = `${BODY}${tail.join('\n')}\n`;
    const fs = findings(RULE, text);
    for (const line of tail) assert.ok(fs.some((f) => covered(text, f).includes(line)), line);
    const garbled = `${BODY}（二）推进政务公开。主动公开政府信息锟斤拷128条。\n`;
    assert.deepEqual(findings(RULE, garbled).map((f) => [f.data.kind, covered(garbled, f)]), [['mojibake', '锟斤拷']]);
    const prose = `${BODY}（二）推进政务公开。群众扫码即可用手机浏览办事指南，本网站由镇政府办公室负责日常维护。\n`;
    assert.deepEqual(findings(RULE, prose), []);
  });

  it('nothing on the clean reports (page-chrome shapes do not match report prose)', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });

  // Shapes of the widened real set (test/fixtures/real 064–094, dev) and of pages the search tool returned.
  it('dev 069 (tengzhou.gov.cn): the field list above the title is one finding, and the fix leaves the title first', () => {
    const text = readReal('069_baogou-town-2025.txt');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, f.endLine, f.data.lines]), [[1, 8, 8]]);
    assert.match(fs[0].message, /^网页元数据“索 引 号:370481\/2026-00251”“主题分类:通知公告”“发布机构:鲍沟镇”等共8行不属于报告正文/);
    const fixed = assertIdempotent(RULE, text);
    assert.ok(fixed.startsWith('鲍沟镇2025年度法治政府建设情况报告\n2025年,鲍沟镇'));
  });

  it('a site footer after the 落款 and a download link are deleted; the 落款, its date and the 附注 are kept', () => {
    const report = '红星镇2023年法治政府建设情况报告\n\n2023年，红星镇坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，全面推进依法行政。\n\n红星镇人民政府\n2024年3月20日\n（联系人：张三，联系电话：12345678）\n';
    const page = `${report}附件：红星镇2023年法治政府建设情况报告.docx\n主办单位：红星镇人民政府\n网站标识码：5001510006 渝ICP备05003300号\n联系电话：023-12345678 地址：红星镇人民路1号\n`;
    const fs = findings(RULE, page);
    assert.deepEqual(fs.map((f) => [f.line, f.endLine]), [[8, 11]]);
    assert.equal(assertIdempotent(RULE, page), report);
  });

  it('report sentences that mention 来源, 发布, 打印, 关闭, 浏览 are not chrome', () => {
    const text = [
      '（一）规范执法。关闭违规企业3家，取缔非法作坊5个，来源于群众举报的线索全部核查。',
      '（二）政务公开。发布规范性文件12件，政务网站浏览量达10万人次，打印发放宣传资料5000余份。',
      '（三）以案释法。组织旁听庭审2次，发布典型案例5件，浏览、转发量均创新高。',
    ].join('\n');
    assert.deepEqual(findings(RULE, text), []);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'conversion-artifact',
  defect: '网页残留“扫一扫在手机打开当前页”',
  inject: (t) => recall.replaceOnce(t, '现将有关情况报告如下。\n', '现将有关情况报告如下。\n\n扫一扫在手机打开当前页\n'),
  match: '扫一扫在手机打开当前页',
});
