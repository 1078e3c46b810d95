// The report's extent (server/src/engine/extent.ts): page chrome around and inside a report as published on
// government sites, essay sites, doc-share sites and news sites is recognised by shape; the outline, the
// meta and the text rules look past it. Inputs are as the pages carry them (the search store turned some
// full-width punctuation into ASCII; kept as found). The dev texts of the real set are read where they
// motivated a shape.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyFixes, lint, type Finding } from '../../server/src/index.js';
import { metadataFields } from '../../server/src/engine/extent.js';
import { genericFields, spacedFields } from '../../server/src/engine/chrome-lines.js';
import { readReal } from '../helpers/expectations.js';
import { cleanFiles, seed } from '../helpers/rules.js';

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

/** The text of every chrome span, whole blocks trimmed. */
function chromeOf(text: string): string[] {
  return lint(text).document.extent.chrome.map((c) => text.slice(c.start, c.end).trim());
}

/** Error and warning findings of rules other than conversion-artifact on the lines of `lines`. */
function othersOn(text: string, from: number, to: number): Finding[] {
  return lint(text).findings.filter(
    (f) => f.rule !== 'conversion-artifact' && f.data.scope !== 'document' && (f.severity === 'error' || f.severity === 'warning') && f.line <= to && f.endLine >= from,
  );
}

describe('extent: CMS metadata recognised by shape', () => {
  it('reads label–value lines in any order and layout', () => {
    assert.deepEqual(metadataFields('来源:静海区人民政府办公室 发布时间:2024-03-28 09:18')?.labels, ['来源', '发布时间']);
    assert.deepEqual(metadataFields('浏览:5072次 时间:2022-12-07 来源:本站')?.labels, ['浏览', '时间', '来源']);
    assert.deepEqual(metadataFields('发布时间 : 2023-01-29 来源:天心区坡子街街道 字体大小:')?.labels, ['发布时间', '来源', '字体大小']);
    assert.deepEqual(metadataFields('- [ 索引号 ] 11500229768895163R/2026-00004')?.labels, ['索引号']);
    assert.deepEqual(metadataFields('[ 成文日期 ] 2026-01-22 [ 发布日期 ] 2026-02-10')?.labels, ['成文日期', '发布日期']);
    // yongchang.gov.cn: a table with labels spaced out to the column's width.
    assert.deepEqual(metadataFields('索 引 号 | 11620300013909010R/2025-48086 | 主题分类 | 金政发 |')?.labels, ['索 引 号', '主题分类']);
    assert.deepEqual(metadataFields('| 发文机关: | 如皋市人民政府 | 成文日期: | 2024-03-20 |')?.labels, ['发文机关', '成文日期']);
    // A post date first (2024-03-20 10:31 来源：…); an essay site's line (5a.net).
    assert.deepEqual(metadataFields('2024-03-20 10:31 来源：区司法局')?.labels, ['来源']);
    assert.deepEqual(metadataFields('时间:2024-04-26 04:42:57 5A范文网 浏览: 论文范文 我要投稿')?.labels, ['时间', '浏览']);
    // zb.gov.cn: the label alone, its value on the next line.
    assert.equal(metadataFields('  • 发文字号:')?.valueBelow, true);
    assert.equal(metadataFields('- 分享到 :')?.valueBelow, false);
  });

  it('takes unknown labels beside known ones (Hunan: 信息时效期), but a line of unknown ones is not metadata', () => {
    assert.deepEqual(metadataFields('索引号：430000/2024-01 信息时效期：长期')?.labels, ['索引号', '信息时效期']);
    assert.equal(metadataFields('组长：张三 副组长：李四 成员：王五'), undefined);
    // 时间：… 地点：… is an activity's details in a report's body: only chrome before the title or next to chrome.
    const body = `${BODY}时间：2023年5月12日 地点：镇会议室\n（二）信息公开。主动公开政府信息128条，办理依申请公开3件，全部按期答复。\n`;
    assert.deepEqual(chromeOf(body), []);
  });

  it('refuses prose: a value with sentence punctuation, a sentence that starts with a label word, a long value', () => {
    assert.equal(metadataFields('来源：各村（社区）上报，经汇总共排查矛盾纠纷136件。'), undefined);
    assert.equal(metadataFields('时间紧、任务重，镇党委统筹推进各项工作'), undefined);
    assert.equal(metadataFields(`来源：${'全镇各村各部门上报材料汇总'.repeat(4)}`), undefined);
  });

  it('dev 028 (Chongqing CMS): the [ 索引号 ] list, the date, font-size controls one per line and 分享到 are one run of chrome; the title repeated after them is not', () => {
    const text = readReal('028_jiming-township-2025.txt');
    const { document } = lint(text);
    const chromeLines = document.blocks.filter((b) => b.chrome).map((b) => b.line + 1);
    assert.deepEqual(chromeLines, [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 13, 14, 15]);
    assert.equal(document.meta.title, '城口县鸡鸣乡人民政府2025年法治政府建设情况报告');
    assert.equal(document.meta.titleBlocks[0].line + 1, 9);
    const artifacts = lint(text).findings.filter((f) => f.rule === 'conversion-artifact');
    assert.deepEqual(artifacts.map((f) => [f.line, f.endLine]), [[1, 8], [10, 15]]);
    // The repeated title is duplicate-text's.
    assert.ok(lint(text).findings.some((f) => f.rule === 'duplicate-text' && f.line === 16));
  });

  it('dev 057: a breadcrumb and the metadata given twice (two fields per line, then one per line); the title is line 16', () => {
    const text = readReal('057_lizi-township-2025.txt');
    const { document, findings } = lint(text);
    assert.equal(document.meta.title, '丰都县栗子乡人民政府2025年法治政府建设情况报告');
    assert.equal(document.meta.titleBlocks[0].line + 1, 16);
    assert.deepEqual(findings.filter((f) => f.rule === 'title'), []);
    const artifacts = findings.filter((f) => f.rule === 'conversion-artifact');
    // Neighbouring chrome blocks are one finding (as the seeds' site name and breadcrumb are).
    assert.deepEqual(artifacts.map((f) => [f.line, f.endLine]), [[1, 14]]);
    // The 成文日期 of the metadata is the report's date; the 发布日期 is not.
    assert.equal(document.meta.reportDate?.text, '2026-01-22');
  });

  it('zb.gov.cn: bullet labels with their values on the next lines, and 返回顶部 above', () => {
    const page = [
      '返回顶部',
      '',
      '  • 索引号:',
      '',
      '    6107280000/2024-001005',
      '  • 主题分类:',
      '',
      '  • 发文字号:',
      '',
      '    镇政发〔2024〕7号',
      '  • 发文日期:',
      '',
      '    2024年04月06日 16:40',
      '',
    ].join('\n');
    const text = page + BODY;
    const artifacts = lint(text).findings.filter((f) => f.rule === 'conversion-artifact');
    assert.deepEqual(artifacts.map((f) => [f.line, f.endLine]), [[1, 13]]);
    assert.equal(lint(text).document.meta.title, '红星镇2023年法治政府建设情况报告');
  });
});

describe('extent: site furniture, wrappers and page markers', () => {
  it('dev 000 (tjjh.gov.cn): site header with a date and weekday, accessibility toolbar, 来源/发布时间 line', () => {
    const text = readReal('000_jinghai-district-2023.txt');
    const { document } = lint(text);
    assert.deepEqual(document.blocks.filter((b) => b.chrome).map((b) => [b.line + 1, b.chrome]), [[1, 'web'], [3, 'web'], [6, 'metadata']]);
    assert.deepEqual(chromeOf(text), ['天津市静海区人民政府 2019年12月3日星期二\n\n无障碍 简体| 繁体', '来源:静海区人民政府办公室 发布时间:2024-03-28 09:18']);
    // Nothing else reads the chrome: no cjk-spacing on "人民政府 2019", no report-date from the post date.
    assert.deepEqual(othersOn(text, 1, 6).map((f) => f.rule), []);
    assert.equal(lint(text).document.meta.reportDate, undefined);
  });

  it('a breadcrumb over two lines (首页 ⏎ > 政务公开 > …) and one in traditional script (juzijia.cn)', () => {
    assert.deepEqual(chromeOf(`首页\n> 政务公开 > 政务专题 > 法治政府建设\n\n${BODY}`), ['首页\n> 政务公开 > 政务专题 > 法治政府建设']);
    assert.deepEqual(chromeOf(`首頁 > 文章中心 > 正文\n\n${BODY}`), ['首頁 > 文章中心 > 正文']);
    assert.deepEqual(chromeOf(`XX范文网 > 工作总结 > 正文\n${BODY}`), ['XX范文网 > 工作总结 > 正文']);
  });

  it('essay-site wrappers: 小编 banner, 本站为你精心整理 preface, 篇1 variant title, excerpt notices', () => {
    const essay = [
      '2021年上半年法治政府建设工作情况报告',
      '下面是小编为大家整理的2021年上半年法治政府建设工作情况报告,供大家参考。',
      '前言:本站為你精心整理了增強法治區政構建意見范文,希望能為你的創作提供參考價值,我們的客服老師可以幫助你提供個性化的參考范文,歡迎咨詢。',
      '乡镇法治政府建设工作情况报告 篇1',
      '……(开头部分已省略650字)',
      '(三)规范执法,提高行政执法工作效能。',
      'x镇持续规范行政执法行为,加强程序制度建设,细化执法流程,明确执法环节和步骤,规范取证活动,坚持文明执法。',
      '二、法治政府建设工作存在的问题及原因',
      '一是极少数党员干部依法行政的意识不强,没有真正把依法办事落实到具体的行政管理工作中。',
      '仅展示628字,全文共2002字',
      '',
    ].join('\n');
    const { document } = lint(essay);
    assert.deepEqual(
      document.blocks.filter((b) => b.chrome).map((b) => [b.line + 1, b.chrome]),
      [[2, 'essay'], [3, 'essay'], [4, 'essay'], [5, 'essay'], [10, 'essay']],
    );
    assert.equal(document.extent.startsMidway, true);
    assert.equal(document.meta.title, '2021年上半年法治政府建设工作情况报告');
  });

  it('doc-share banner (taowenge) and the doc-site page markers 1、 2、 that cut words (dev 025)', () => {
    const text = readReal('025_district-edu-2022-docshare.txt');
    const { document, findings } = lint(text);
    assert.equal(document.blocks[0].chrome, 'essay');
    const pages = document.extent.chrome.filter((c) => c.kind === 'page').map((c) => [text.slice(c.start, c.end), document.lines.position(c.start).line]);
    assert.deepEqual(pages, [['1、', 2], ['2、', 3]]);
    // The page's text starts after its marker: no number-format “1、”, no heading 1、.
    assert.equal(document.blocks[1].text.slice(0, 9), '区教育局2022年');
    assert.deepEqual(findings.filter((f) => f.rule === 'number-format'), []);
    assert.equal(document.meta.title, '区教育局2022年法治政府建设情况报告');
    // The cut across the page break is a broken paragraph.
    assert.ok(findings.some((f) => f.rule === 'broken-paragraph' && f.line === 2 && f.endLine === 3));
  });

  it('a list numbered 1、 2、 is not taken for page markers (items end their sentences, no title after 1、)', () => {
    const list = `${BODY}1、${'加强组织领导，健全工作机制，定期研究法治政府建设重大问题。'.repeat(5)}\n2、${'深化普法宣传，落实谁执法谁普法责任制，开展法治宣传活动。'.repeat(5)}\n`;
    assert.deepEqual(lint(list).document.extent.chrome, []);
  });

  it('news repost (dev 012): the dateline-and-intro paragraph ending 如下: is chrome; a dateline before report text is cut alone', () => {
    const text = readReal('012_moj-2023-repost-spamsite.txt');
    assert.deepEqual(chromeOf(text), ['发布时间:2024-12-21 12:04:21 来源: sp20241221', '中新网 3月29日电 据司法部网站消息,司法部发布2023年法治政府建设年度报告。具体报告如下:']);
    assert.deepEqual(othersOn(text, 3, 5).map((f) => f.rule), []);
    const glued = '新华社北京3月29日电 2023年，司法部坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入学习贯彻习近平法治思想。\n';
    assert.deepEqual(chromeOf(glued), ['新华社北京3月29日电']);
  });

  it('navigation and toolbars: one line or one control per line, 更多>>, related-article list after the 落款', () => {
    assert.deepEqual(chromeOf(`首页 | 走进静海 | 政务公开 | 政务服务 | 互动交流\n${BODY}`), ['首页 | 走进静海 | 政务公开 | 政务服务 | 互动交流']);
    assert.deepEqual(chromeOf(`${BODY}【打印本页】【关闭窗口】\n`), ['【打印本页】【关闭窗口】']);
    const ending = `${BODY}红星镇人民政府\n2024年3月20日\n相关文章\n红星镇2022年法治政府建设情况报告\n红星镇政务公开工作年度报告\n`;
    assert.deepEqual(chromeOf(ending), ['相关文章\n红星镇2022年法治政府建设情况报告\n红星镇政务公开工作年度报告']);
    assert.equal(lint(ending).document.meta.reportDate?.text, '2024年3月20日');
  });

  it('SEO spam keyword line of a hacked page (jizihe.com) is chrome', () => {
    const text = `99热精品在线国产_美女午夜性视频免费_国产精品国产高清国产av_av欧美777\n${BODY}`;
    assert.equal(lint(text).document.blocks[0].chrome, 'spam');
  });
});

describe('extent: a doc-sharing site\'s download page', () => {
  // dev 183 (a doc-sharing site's page of XX县教育局2021年度法治政府建设工作报告.docx): resource fields, login buttons and a
  // numbered notice to its users (下载, 浏览器, 本站…) above the document; the report starts at line 20.
  it('dev 183: the notice list and login buttons are chrome; the title is read on the first line of the report', () => {
    const text = readReal('183_xx-county-edu-2021-docsite.txt');
    const { document: doc } = lint(text);
    const report = doc.blocks.filter((b) => !b.chrome);
    assert.equal(report[0].line, 19);
    assert.match(doc.meta.title ?? '', /^XX县教育局2021年度法治政府建设工作报告/);
    const notice = ['3、本站不支持迅雷下载,请使用电脑自带的IE浏览器,或者360浏览器、谷歌浏览器下载即可。', '5、试题试卷类文档,如果标题没有明确说明有答案则都视为没有答案,请知晓。'];
    for (const line of notice) assert.ok(doc.blocks.find((b) => b.text === line)?.chrome, line);
  });

  it('a report sentence on downloads, a numbered item after it, and 积分制 work stay report text', () => {
    const text = `${BODY}（二）推进政务公开。在政府网站开设下载专区，群众可在网页下载办事指南和表格文档。\n1.推行积分制管理，会员单位积分公开。\n2.本站信息按期更新，网页浏览量同比增长。\n`;
    assert.deepEqual(chromeOf(text), []);
  });
});

describe('extent: banners, bylines and news leads of reposting sites', () => {
  // dev 198 (http://jyfz.org.cn/show-43752.html): 欢迎加入教育法治网! above the breadcrumb.
  it('dev 198: a welcome banner (欢迎加入/访问/关注…) is chrome; a report sentence welcoming supervision is not', () => {
    const text = `欢迎加入教育法治网!\n当前所在:首页 > 法纪通报 > 贵州省教育厅2022年度法治政府建设报告\n${BODY}`;
    assert.deepEqual(chromeOf(text).slice(0, 1), ['欢迎加入教育法治网!\n当前所在:首页 > 法纪通报 > 贵州省教育厅2022年度法治政府建设报告']);
    assert.deepEqual(chromeOf(`${BODY}欢迎社会各界关注并监督我镇法治政府建设工作。\n`), []);
  });

  // dev 123 (https://alatiku.com/fanwen/zongjie/xenqrz.html): 好学生 分享 时间: under the title.
  it('dev 123: an essay site\'s byline (poster, 分享, empty 时间:) under the title is chrome; a short report line is not', () => {
    const text = `关于2024年度法治政府建设工作情况报告\n\n好学生 分享 时间:\n\n县委、县政府:\n\n${BODY.slice(BODY.indexOf('2023年，'))}`;
    assert.deepEqual(chromeOf(text), ['好学生 分享 时间:']);
    assert.deepEqual(chromeOf(`${BODY}（二）信息公开 时间:全年\n主动公开政府信息128条。\n`), []);
  });

  // dev 201 (http://ccoic.cn/cms/content/28403): 4月1日,《海关总署关于2020年度…的报告正式发布。 before the opening.
  it('dev 201: a news lead announcing the report glued before its opening is cut alone; a dated sentence of the report is not', () => {
    const opening = '2020年,海关总署以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的十九大精神。';
    const text = `海关总署关于2020年度推进法治政府建设情况的报告\n\n4月1日,《海关总署关于2020年度推进法治政府建设情况的报告正式发布。${opening}\n\n一、推进法治政府建设工作情况\n`;
    assert.deepEqual(chromeOf(text), ['4月1日,《海关总署关于2020年度推进法治政府建设情况的报告正式发布。']);
    const own = `海关总署关于2020年度推进法治政府建设情况的报告\n\n3月1日,《海关行政处罚实施条例》正式施行。${opening}\n`;
    assert.deepEqual(chromeOf(own), []);
    // The same page mirrored in traditional script (發佈).
    const mirrored = `海關總署關於2020年度推進法治政府建設情況的報告\n\n4月1日,《海關總署關於2020年度推進法治政府建設情況的報告正式發佈。2020年,海關總署以習近平新時代中國特色社會主義思想為指導。\n`;
    assert.deepEqual(chromeOf(mirrored), ['4月1日,《海關總署關於2020年度推進法治政府建設情況的報告正式發佈。']);
  });
});

describe('extent: bylines and post times of government sites (probes)', () => {
  // Probe http://www.yqfq.com.cn/9932/9940/content_1412828.html (湘潭县云湖桥镇 2025, traditional mirror): the site's name
  // and address before the post time, under the title.
  it('a site name and its address before glued fields: the whole line is chrome, not only the fields', () => {
    const text = `湘潭縣云湖橋鎮2025年度法治政府建設情況報告\n湘潭縣人民政府門戶網站 www.yqfq.com.cn 發布時間:2026-01-14 11:36\n${BODY.slice(BODY.indexOf('2023年，'))}`;
    assert.deepEqual(chromeOf(text), ['湘潭縣人民政府門戶網站 www.yqfq.com.cn 發布時間:2026-01-14 11:36']);
    // A title with fields glued after it keeps its title.
    const titled = `红星镇2023年法治政府建设情况报告 发布时间：2024-03-28 来源：司法局\n${BODY.slice(BODY.indexOf('2023年，'))}`;
    assert.deepEqual(chromeOf(titled), ['发布时间：2024-03-28 来源：司法局']);
  });

  // Probe https://www.sc.gov.cn/10462/fzzfjs/2023/3/30/50bc2b59e5b04cd39ea66751c939b58d.shtml (四川省人民政府 2022): a bulleted
  // post time in Chinese units under the title.
  it('a post time written 2023年03月30日 09时24分 (bulleted or not) is chrome; a 落款 date and a dated sentence are not', () => {
    const text = `四川省人民政府2022年度法治政府建设工作情况\n\n  • 2023年03月30日 09时24分\n  • 来源: 司法厅\n${BODY.slice(BODY.indexOf('2023年，'))}`;
    assert.deepEqual(chromeOf(text), ['• 2023年03月30日 09时24分\n  • 来源: 司法厅']);
    assert.deepEqual(chromeOf(`${BODY}红星镇人民政府\n2024年3月1日\n`), []);
    assert.deepEqual(chromeOf(`${BODY}（二）2023年3月1日9时召开专题会议，研究部署法治政府建设工作。\n`), []);
  });
});

describe('extent: a dated field alone above the title (mutation probe of the dev set\'s chrome lines)', () => {
  // Dev 157's - 发文时间:2022年02月28日 and dev 180's • 公开发布日期:2023-01-10 are chrome in their field lists; alone
  // above a title (another page's layout) they were not: a field whose value is a date is the page's there.
  it('a label with a date value above the title is chrome; inside the body it is not', () => {
    assert.deepEqual(chromeOf(`- 發文時間:2022年02月28日\n${BODY}`), ['- 發文時間:2022年02月28日']);
    assert.deepEqual(chromeOf(`• 公开发布日期:2023-01-10\n${BODY}`), ['• 公开发布日期:2023-01-10']);
    assert.deepEqual(chromeOf(`${BODY}会议时间：2023年5月12日\n（二）信息公开。主动公开政府信息128条，办理依申请公开3件。\n`), []);
  });
});

describe('extent: a post date with its author (probe: m.fx361.cc article layout)', () => {
  it('2019-02-21王振宇 above the title is chrome; a sentence of the report with a date is not', () => {
    assert.deepEqual(chromeOf(`2019-02-21王振宇\n${BODY}`), ['2019-02-21王振宇']);
    assert.deepEqual(chromeOf(`${BODY}2023-03-01召开专题会议研究部署。\n`), []);
  });
});

describe('extent: precision on report text', () => {
  it('no chrome in the clean reports; in the seeds only the page furniture they carry', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(chromeOf(text), [], file);
    for (const id of ['000', '002', '003', '004']) assert.deepEqual(chromeOf(seed(id)), [], id);
    const s001 = chromeOf(seed('001'));
    assert.equal(s001[0], '潼南区小渡镇人民政府\n\n您当前的位置:首页 >法治政府建设年度报告');
    assert.ok(s001.every((c) => c.length < 400), 'no report text taken for chrome');
  });

  it('short report lines that resemble controls or fields stay report text inside the body', () => {
    const text = `${BODY}时间：2023年5月\n（二）信息公开。主动公开政府信息128条，办理依申请公开3件，全部按期答复。\n`;
    assert.deepEqual(chromeOf(text), []);
  });
});

describe('extent: chrome glued to report lines, page numbers, labels above their values', () => {
  it('metadata or controls glued after the title are cut from it; the title is found and not flagged (jiangsu/guangdong CMS layouts)', () => {
    for (const [line, chrome] of [
      ['红星镇2023年法治政府建设情况报告 发布时间：2024-03-28 来源：司法局', '发布时间：2024-03-28 来源：司法局'],
      ['红星镇2023年法治政府建设情况报告【字体：大 中 小】', '【字体：大 中 小】'],
    ]) {
      const text = `${line}${BODY.slice(BODY.indexOf('\n'))}`;
      const { document, findings } = lint(text);
      assert.equal(document.meta.title, '红星镇2023年法治政府建设情况报告', line);
      assert.deepEqual(chromeOf(text), [chrome], line);
      const artifact = findings.filter((f) => f.rule === 'conversion-artifact');
      assert.deepEqual(artifact.map((f) => f.data.glued), ['end'], line);
      assert.equal(applyFixes(text, artifact).text.split('\n')[0], '红星镇2023年法治政府建设情况报告', line);
      assert.deepEqual(findings.filter((f) => ['title', 'unpaired-punctuation', 'halfwidth-punctuation'].includes(f.rule)), [], line);
    }
  });

  it('labels alone on their lines with the values below (索引号 ⏎ 1150…), and a Jiangsu table with an empty row and a 标题 row', () => {
    const stacked = '索引号\n11500229768895163R/2026-00004\n发文字号\n鸡鸣委文〔2026〕3号\n发布机构\n城口县鸡鸣乡人民政府\n';
    assert.deepEqual(lint(stacked + BODY).document.blocks.filter((b) => b.chrome).map((b) => b.line + 1), [1, 2, 3, 4, 5, 6]);
    const table = '| 索引号： | 014000119/2024-00023 | 分类： | 综合政务\\通知 |\n| --- | --- | --- | --- |\n| 发布机构： | 如东县人民政府 | 发文日期： | 2024-03-28 |\n| 文号： | | 时效： | |\n| 标题： | 红星镇2023年法治政府建设情况报告 | | |\n';
    assert.deepEqual(lint(table + BODY).document.blocks.filter((b) => b.chrome).map((b) => b.line + 1), [1, 2, 3, 4, 5]);
  });

  it('page numbers of a converted document (- 2 -, 第 3 页 共 5 页), page navigation, news credits', () => {
    const text = `${BODY}- 2 -\n（二）规范执法。全面落实行政执法三项制度，执法案卷评查合格率100%。\n第 3 页 共 5 页\n上一页 1 2 3 下一页\n（来源：如东日报）\n原标题：红星镇2023年法治政府建设情况报告\n`;
    assert.deepEqual(chromeOf(text), ['- 2 -', '第 3 页 共 5 页', '上一页 1 2 3 下一页', '（来源：如东日报）', '原标题：红星镇2023年法治政府建设情况报告']);
  });
});

describe('extent: the 成文日期 is the 落款’s, after the body', () => {
  it('a date line under the title or in the page chrome is not it; the date after the 落款 is', () => {
    const underTitle = `红星镇2023年法治政府建设情况报告\n（2024年3月15日）\n${BODY.slice(BODY.indexOf('2023年，'))}`;
    assert.equal(lint(underTitle).document.meta.reportDate, undefined);
    const signed = `${underTitle}红星镇人民政府\n2024年3月20日\n【打印本页】【关闭窗口】\n`;
    assert.equal(lint(signed).document.meta.reportDate?.text, '2024年3月20日');
    assert.equal(lint(signed).document.meta.reportDateSource, 'signature');
  });
});

describe('extent: after the 落款', () => {
  it('short page lines after the date are chrome; attachments, 版记 and 附注 are the report’s', () => {
    const ending = `${BODY}红星镇人民政府\n2024年3月20日\n（此件公开发布）\n网站地图\n主办：红星镇人民政府办公室\n红星镇2022年法治政府建设情况报告\n`;
    assert.deepEqual(chromeOf(ending), ['网站地图', '主办：红星镇人民政府办公室', '红星镇2022年法治政府建设情况报告']);
    const attached = `${BODY}红星镇人民政府\n2024年3月20日\n附件1\n红星镇2023年行政执法统计表\n`;
    assert.deepEqual(chromeOf(attached), []);
  });
});

describe('extent: a second CMS page of the same site (tjjh.gov.cn, 2021)', () => {
  it('date-and-weekday header with the lunar date, the column name between chrome, 您所在的位置 with one >, 文章来源/更新时间', () => {
    const page = [
      '今天是:2019年10月31日 星期三 农历十月初七',
      '工作报告',
      '',
      '您所在的位置:政务公开 > 工作报告',
      '',
      '2020年静海区法治政府建设情况报告',
      '文章来源:司法局 更新时间:2021/03/29 11:30:01',
      '',
      '',
      '2020年静海区法治政府建设情况报告',
      '',
      '',
      '2020年,静海区坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的十九大和十九届二中、三中、四中、五中全会精神,依法全面履行政府职能。',
      '',
      '一、2020年推进法治政府建设的主要举措和成效',
      '',
    ].join('\n');
    const { document, findings } = lint(page);
    assert.deepEqual(document.blocks.filter((b) => b.chrome).map((b) => b.line + 1), [1, 2, 4, 7]);
    assert.equal(document.meta.title, '2020年静海区法治政府建设情况报告');
    assert.deepEqual(findings.filter((f) => f.rule === 'duplicate-text').map((f) => f.line), [10]);
    assert.deepEqual(findings.filter((f) => ['title', 'report-date', 'cjk-spacing'].includes(f.rule)), []);
  });
});

describe('extent: mirrored and essay pages found with the search tool', () => {
  it('eshutan.com (a hacked mirror of a gov.cn page, traditional script with pinyin annotations): SEO spam and a metadata block', () => {
    const head = [
      '成人国产精品一区二区网站公司_国产精品66在线观看_大陆精大陆国产国语精品_国产精品久久久小说',
      '',
      '索引號(hào): 0142768-8/2022-00185 分類: 綜合政務(wù)\\政務(wù)公開    通知',
      '發(fā)布機(jī)構(gòu): 國務(wù)院辦公廳政府信息與政務(wù)公開辦公室 文號(hào): 國辦公開辦函〔2021〕30號(hào)',
      '成文日期: 2021-09-26 發(fā)布日期: 2021-09-29 有效性: 有效',
      '名稱: 國務(wù)院辦公廳政府信息與政務(wù)公開辦公室關(guān)于印發(fā)《中華人民共和國政府信息公開工作年度報(bào)告格式》的通知',
      '來源: 國務(wù)院辦公廳政府信息與政務(wù)公開辦公室 發(fā)布時(shí)間:2021-09-29 累計(jì)次數(shù): 字體:[ ]',
      '',
    ].join('\n');
    const { document } = lint(head + BODY);
    assert.deepEqual(document.blocks.filter((b) => b.chrome).map((b) => [b.line + 1, b.chrome]), [[1, 'spam'], [3, 'metadata'], [4, 'metadata'], [5, 'metadata'], [6, 'metadata'], [7, 'metadata']]);
    assert.equal(document.meta.title, '红星镇2023年法治政府建设情况报告');
  });

  it('youfabiao.com essay page: welcome banner, cart, column menu, the essay’s title, 小编 preface, 第1篇', () => {
    const head = ['欢迎来到优发表网', '', '购物车(0)', '', '期刊大全 杂志订阅 SCI期刊 期刊投稿 出版社 公文范文 精品范文', '', '法治政府建设工作总结范文', '', '时间:2022-12-21 22:42:52', '', '序论:在您撰写法治政府建设工作总结时,参考他人的优秀作品可以开阔视野,小编为您整理的7篇范文,希望这些建议能够激发您的创作热情。', '', '第1篇', ''].join('\n');
    const { document } = lint(head + BODY);
    assert.deepEqual(document.blocks.filter((b) => b.chrome).map((b) => b.line + 1), [1, 3, 5, 7, 9, 11, 13]);
    assert.equal(document.meta.title, '红星镇2023年法治政府建设情况报告');
  });
});

describe('extent: publisher bylines and page numbers after a title', () => {
  it('a publisher-and-date line above the report is chrome; the same shape after the body is the 落款 (sm-tc.cn mirror of qingshui.gov.cn)', () => {
    const text = `【政策解读】红星镇2023年法治政府建设情况报告\n\n红星镇人民政府 2024年01月08日\n\n${BODY}红星镇人民政府 2024年3月20日\n`;
    const { document } = lint(text);
    assert.deepEqual(document.blocks.filter((b) => b.chrome).map((b) => b.line + 1), [3]);
    assert.equal(document.meta.reportDate?.text, '2024年3月20日');
  });

  it('第3页 glued after a title (35331.cn) is cut from it', () => {
    const text = `红星镇2023年法治政府建设情况报告 第3页\n${BODY.slice(BODY.indexOf('\n'))}`;
    assert.deepEqual(chromeOf(text), ['第3页']);
    assert.equal(lint(text).document.meta.title, '红星镇2023年法治政府建设情况报告');
  });
});

// The widened real set (dev files 064–094 of test/fixtures/real, collected 2026-12-04 with the search tool) and
// further pages the search tool (corpus pages) returned for 法治政府建设年度报告 queries: each test names its source.
// The page furniture is kept as found; the report text under it is the BODY above.
const TITLE = BODY.slice(0, BODY.indexOf('\n'));
const AFTER_TITLE = BODY.slice(BODY.indexOf('\n') + 1);
const chromeLines = (text: string): number[] => lint(text).document.blocks.filter((b) => b.chrome).map((b) => b.line + 1);

describe('extent: CMS layouts of other provinces (widened set)', () => {
  it('dev 069 (tengzhou.gov.cn): a list of fields with spaced labels, known and unknown (发文时间, 效力状态), one run above the title', () => {
    const text = readReal('069_baogou-town-2025.txt');
    const { document, findings } = lint(text);
    assert.deepEqual(chromeLines(text), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(document.meta.title, '鲍沟镇2025年度法治政府建设情况报告');
    assert.deepEqual(findings.filter((f) => f.rule === 'conversion-artifact').map((f) => [f.line, f.endLine]), [[1, 8]]);
    assert.deepEqual(findings.filter((f) => f.rule === 'title'), []);
  });

  it('dev 081 (da.gov.cn): table rows with empty cells have no value below; the body’s name above the title belongs to the title', () => {
    assert.equal(metadataFields('| 文号 : | |||')?.valueBelow, false);
    assert.equal(metadataFields('  • 发文字号:')?.valueBelow, true);
    const text = readReal('081_dongan-emergency-2025.txt');
    const { document, findings } = lint(text);
    assert.deepEqual(chromeLines(text), [1, 2, 3, 4]);
    assert.equal(document.meta.title, '东安县应急管理局2025年法治政府建设报告');
    assert.deepEqual(findings.filter((f) => f.rule === 'title'), []);
  });

  it('dev 078 (kaijiang.gov.cn): 来源 / 发布日期 / 点击数 one per line; the title given again over two lines is the report’s (duplicate-text’s)', () => {
    const text = readReal('078_kaijiang-transport-2023.txt');
    assert.deepEqual(chromeLines(text), [2, 3, 4]);
    assert.ok(lint(text).findings.some((f) => f.rule === 'duplicate-text' && f.line === 6));
  });

  it('dev 079 (0516peicheng.com): a column name above a breadcrumb drawn with →, and the post date', () => {
    const text = readReal('079_shijiazhuang-city-2016.txt');
    assert.deepEqual(chromeLines(text), [1, 3, 7]);
    assert.equal(lint(text).document.meta.title, '石家庄市人民政府关于2016年度法治政府建设情况的报告');
  });

  it('dev 103 (lianjiang.gov.cn, Guangdong gkmlpt): the platform’s head lines above the field block, the title after it; 【打印】 【字体:', () => {
    const text = readReal('103_liangdong-town-2024.txt');
    const { document, findings } = lint(text);
    assert.deepEqual(chromeLines(text), [1, 3, 5, 6, 7, 8, 9, 10, 14]);
    assert.equal(document.meta.titleBlocks[0].line + 1, 12);
    assert.deepEqual(findings.filter((f) => f.rule === 'title'), []);
  });

  it('the page’s head lines are the page’s only when the title comes after chrome, and only when all of them are short and plain', () => {
    // Above a breadcrumb that is above the title: page head. Above a title that comes first: the report's.
    assert.deepEqual(chromeLines(`政府信息公开 规章库\n湛江市廉江市良垌镇人民政府信息公开\n您当前的位置：首页 > 政务公开\n${BODY}`), [1, 2, 3]);
    assert.deepEqual(chromeOf(`红星镇人民政府文件\n红政发〔2024〕3号\n您当前的位置：首页 > 政务公开\n${BODY}`), ['您当前的位置：首页 > 政务公开']);
    assert.deepEqual(chromeOf(`${TITLE}\n红星镇人民政府\n发布时间：2024-03-20\n${AFTER_TITLE}`), ['发布时间：2024-03-20']);
  });

  it('qqhr.gov.cn (search tool): a row of site links, a letter-spaced menu, and a table laid out with spaces, no colons', () => {
    const head = [
      '中国政府网 黑龙江省政府网 English Русская версия 市人大 市政协 市纪委监委',
      '首     页 政 务 公 开 网 上 办 事 互 动 交 流 走 进 鹤 城',
      '索   引   号 20191202-189769 分        类 其他; 市人民政府办公室; 市政府、市政府办公室文件;',
      '发 布 机 构 市人民政府办公室 发 文 日 期 2019-11-29',
      `名        称 ${TITLE}`,
      '文        号 齐政办发〔2019〕29号   上 载 日 期 2019-12-02',
      TITLE,
      '信息来源: 市人民政府办公室',
      '',
    ].join('\n');
    const text = head + AFTER_TITLE;
    const { document, findings } = lint(text);
    assert.deepEqual(chromeLines(text), [1, 2, 3, 4, 5, 6, 8]);
    assert.equal(document.meta.titleBlocks[0].line + 1, 7);
    assert.deepEqual(findings.filter((f) => ['title', 'cjk-spacing'].includes(f.rule)), []);
  });

  it('tianqiao.gov.cn (search tool): a toolbar spaced by single spaces, an index number, publisher and date alone, 打印整页 打印内容 分享', () => {
    const head = ['无障碍阅读 关怀版 返回首页', '政府信息公开', TITLE, '11370105MB279780XD/2023-6537798', '区政府办公室', '2023-12-20', '', TITLE, '', '字号:', '', '打印整页 打印内容 分享', ''].join('\n');
    const text = head + AFTER_TITLE;
    assert.deepEqual(chromeLines(text), [1, 2, 4, 5, 6, 10, 12]);
    assert.equal(lint(text).document.meta.titleBlocks[0].line + 1, 3);
  });

  it('shengsi.gov.cn and xialuqu.gov.cn (search tool): one field per line, some empty; bulleted 设为首页 / 加入收藏 / 长者版', () => {
    const shengsi = `发布时间:2023-01-19 16:38\n信息来源:\n信息来源:县政府办公室\n访问次数:\n字体大小:大 中 小\n${BODY}`;
    assert.deepEqual(chromeLines(shengsi), [1, 2, 3, 4, 5]);
    const xialuqu = `• 设为首页\n  • 加入收藏\n  • 无障碍阅读\n  • 长者版\n${BODY}`;
    assert.deepEqual(chromeLines(xialuqu), [1, 2, 3, 4]);
  });

  it('xiayi.gov.cn (search tool): a widget’s labels between the breadcrumb and the title; after the text 终审, 分享到, 【打印正文】, ×, 用户登录', () => {
    const text = [
      '您的位置: 首页 >专题专栏>法治政府建设示范创建>创建工作动态>详细内容', '目录', '目录X', '', TITLE, '',
      '来源:县司法局 发布时间:2023-11-24 17:39:40 浏览次数: 【字体:', '', AFTER_TITLE,
      '终审:司同', '分享到:', '【打印正文】', '×', '', '用户登录', '', 'robots', '',
    ].join('\n');
    const { document } = lint(text);
    const body = document.blocks.filter((b) => !b.chrome).map((b) => b.text.slice(0, 8));
    assert.deepEqual(body, [TITLE, '2023年，红星', '一、主要举措和成', '（一）加强组织领'].map((t) => t.slice(0, 8)));
  });

  it('app.tmuyun.com (search tool): a reporter’s byline and a date glued to its view count; editors’ credits and the comment box after the text', () => {
    const text = `${TITLE}\n歌画东阳客户端记者 董莹 通讯员 赵书婷\n2023-07-10 10:114857阅读\n\n${AFTER_TITLE}\n编辑:严格格\n二审:董之震\n终审:史莹\n\n我说两句…\n133\n`;
    assert.deepEqual(chromeLines(text), [2, 3, 12, 13, 14, 16, 17]);
  });

  it('196s.com (search tool): 下载完整pdf文档 links, a price in 金币 under the title, 关注微信 and 猜你喜欢 at the end', () => {
    const text = `${TITLE}\n\n  • 50 金币\n\n下载完整pdf文档\n\n${AFTER_TITLE}下载完整pdf文档\n\n  • 关注微信\n\n猜你喜欢\n`;
    assert.deepEqual(chromeLines(text), [3, 5, 13, 15, 17]);
  });
});

describe('extent: more CMS and doc-site pages from the search tool (widened set)', () => {
  it('zwgkw.thx.gov.cn: a breadcrumb and eight lines of two fields each, some empty, the title as a 名称 field', () => {
    const head = `首页 > 太湖县人民政府办公室信息公开 > 信息浏览\n索引号: 003129766/201901-00336 组配分类: 规范性文件发布\n信息分类: 通知   发布机构: 太湖县人民政府办公室\n生成日期: 2019-01-23 文号:\n发文日期: 2019-01-23 生效时间: 2019-01-23\n废止时间: 2020-01-23 名称: ${TITLE}\n信息来源: 关键词:\n浏览次数: 590 内容概述:\n\n`;
    const text = head + BODY;
    assert.deepEqual(chromeLines(text), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(lint(text).document.meta.titleBlocks[0].line + 1, 10);
  });

  it('pingjiang.gov.cn and nanxian.gov.cn: 归档时间 above the breadcrumb, 视力保护色 / 浏览量 under the fields, 详细信息 / 公开具体内容 tabs', () => {
    const pingjiang = `归档时间:2018-11-21\n当前位置: 首页 > 政务公开 > 政务公开工作要点 > 公开制度化 > 政策法规\n\n${TITLE}\n\n来源:岳阳市政府门户网 日期:2017-01-12 17:08 字号:【\n视力保护色:\n浏览量:\n\n${AFTER_TITLE}`;
    assert.deepEqual(chromeLines(pingjiang), [1, 2, 6, 7, 8]);
    const nanxian = `归档时间:2023-06-15\n当前位置: 首页 > 公开领域 > 城乡规划\n\n${TITLE}\n\n详细信息\n\n公开具体内容\n\n${BODY}`;
    assert.deepEqual(chromeLines(nanxian), [1, 2, 6, 8]);
  });

  it('a traditional-script mirror with pinyin annotations (megontherun.com): ?? where a space was lost between two fields, then 分享:', () => {
    const text = `首頁(yè) > 政府信息公開(kāi) > 政府信息公開(kāi)規定\n\n${TITLE}\n\n發(fā)布時(shí)間:2016-01-07 ??來(lái)源:\n分享:\n\n${AFTER_TITLE}`;
    assert.deepEqual(chromeLines(text), [1, 5, 6]);
  });

  it('dywdw.cn and drbdp.com doc sites: the toolbar line, the preview notice, the 导语, the keywords; the copyright notice after the text', () => {
    const dywdw = [
      TITLE, '', '2023-04-25 15:10:15   第一文档网     [ 字体: ] [ 阅读: ] [ 文档下载 ]',
      '说明:文章内容仅供预览,部分内容可能不全。下载后的文档,内容与下面显示的完全一致。下载之前请确认下面内容是否您想要的,是否完整无缺。下载word有问题请添加QQ:admin处理,感谢您的支持与谅解。点击这里给我发消息',
      '', `#第一文档网# 导语】以下是®第一文档网的小编为您整理的《${TITLE}》,欢迎阅读!`, '镇政府,工作报告,2023', '', BODY,
    ].join('\n');
    assert.deepEqual(chromeLines(dywdw), [3, 4, 6, 7]);
    const drbdp = `时间:09-17人气:18作者:颜方休\n${BODY}注意:本站部分文字内容、图片由网友投稿,如侵权请联系删除,联系邮箱:happy56812@qq.com\n`;
    assert.deepEqual(chromeLines(drbdp), [1, 9]);
  });

  it('a slogan of three phrases under the title, next to chrome, is not taken for keywords', () => {
    const text = `${TITLE}\n推进依法行政,建设法治政府,服务发展大局\n发布时间：2024-03-20\n${AFTER_TITLE}`;
    assert.deepEqual(chromeOf(text), ['发布时间：2024-03-20']);
  });
});

describe('extent: field shapes without a known label or without colons (widened set)', () => {
  it('genericFields: label–value lines under any short label, values short, no sentence; a label with nothing is not one', () => {
    assert.deepEqual(genericFields('- 效力状态:有效'), ['效力状态']);
    assert.deepEqual(genericFields('二审:董之震 终审:史莹'), ['二审', '终审']);
    assert.equal(genericFields('主要做法：'), undefined);
    assert.equal(genericFields('工作目标：全面完成年度任务，确保各项工作落到实处。'), undefined);
    assert.equal(genericFields('县委、县政府：'), undefined);
  });

  it('spacedFields (qqhr.gov.cn): letter-spaced labels, values after spaces; refused when a known label has no value or the line is prose', () => {
    assert.deepEqual(spacedFields('发 布 机 构 市人民政府办公室 发 文 日 期 2019-11-29'), ['发布机构', '发文日期']);
    assert.deepEqual(spacedFields('索   引   号 20191202-189769 分        类 其他; 市人民政府办公室;'), ['索引号', '分类']);
    assert.equal(spacedFields('来源 来源'), undefined);
    assert.equal(spacedFields('来源于群众举报的线索，全部核查到位。'), undefined);
    assert.equal(spacedFields('加强组织领导 完善工作机制'), undefined);
  });

  it('a news site’s wrapper (people.com.cn layout, written for this test): the dateline with the reporter, （责编：…） at the end', () => {
    const people = `${TITLE}\n人民网北京3月29日电（记者 张三）\n${AFTER_TITLE}（责编：李四、王五）\n`;
    assert.deepEqual(chromeOf(people), ['人民网北京3月29日电（记者 张三）', '（责编：李四、王五）']);
  });
});

describe('extent: footers and downloads after the 落款 (widened set)', () => {
  const SIGNED = `${BODY}红星镇人民政府\n2024年3月20日\n`;

  it('a site footer: 主办单位, 网站标识码 and ICP备, then the site’s 联系电话 and 地址 under them', () => {
    const text = `${SIGNED}主办单位：红星镇人民政府 承办单位：红星镇党政办\n网站标识码：5001510006 渝ICP备05003300号\n联系电话：023-12345678 地址：红星镇人民路1号\n`;
    assert.deepEqual(chromeLines(text), [10, 11, 12]);
    assert.deepEqual(othersOn(text, 10, 12), []);
  });

  it('the report’s own 附注 (联系人：… 联系电话：…) right after the date stays, even with a footer under it', () => {
    for (const note of ['联系人：张三 联系电话：12345678', '（联系人：张三，联系电话：12345678）']) {
      const text = `${SIGNED}${note}\n主办单位：红星镇人民政府\n`;
      assert.deepEqual(chromeLines(text), [11], note);
    }
  });

  it('a download link to a file (附件：….docx) is the page’s; the 附件说明 and the attachments are the report’s', () => {
    assert.deepEqual(chromeLines(`${SIGNED}附件：红星镇2023年法治政府建设情况报告.docx\n`), [10]);
    assert.deepEqual(chromeLines(`${SIGNED}附件：1.红星镇2023年行政执法统计表\n2.红星镇2023年行政复议案件统计表\n`), []);
  });
});

describe('extent: precision on report text (widened set)', () => {
  it('report sentences with 来源, 发布, 打印, 关闭, 浏览, a process drawn with arrows, a line of slogans stay report text', () => {
    const prose = [
      '（二）规范执法。关闭违规企业3家，取缔非法作坊5个，来源于群众举报的线索全部核查。',
      '（三）政务公开。发布规范性文件12件，政务网站浏览量达10万人次，打印发放宣传资料5000余份。',
      '申请→受理→审核→办结',
      '加强组织领导 完善工作机制 强化督促检查',
      '（四）优化流程。推行“一窗受理、集成服务”，办理时限平均压缩一半以上。',
    ].join('\n');
    assert.deepEqual(chromeOf(`${BODY}${prose}\n`), []);
  });

  it('fields under unknown labels are chrome only in a run of chrome outside the prose: not in the body, not a form’s lines', () => {
    const afterPageNumber = `${BODY}- 2 -\n主要做法：强化组织领导\n（二）信息公开。主动公开政府信息128条，办理依申请公开3件，全部按期答复。\n`;
    assert.deepEqual(chromeOf(afterPageNumber), ['- 2 -']);
    const group = `${BODY}组长：张三\n副组长：李四\n成员：王五、赵六\n（二）信息公开。主动公开政府信息128条，办理依申请公开3件，全部按期答复。\n`;
    assert.deepEqual(chromeOf(group), []);
    assert.deepEqual(chromeOf(`报告单位：红星镇人民政府\n报告时间：2024年3月\n${BODY}`), []);
    const activity = `${BODY}时间：2023年5月12日\n地点：镇会议室\n（二）信息公开。主动公开政府信息128条，办理依申请公开3件，全部按期答复。\n`;
    assert.deepEqual(chromeOf(activity), []);
  });

  it('short lines next to chrome above the prose that are the document’s: 附件2, its number, the addressee, a date under the title, the issuer', () => {
    assert.deepEqual(chromeOf(`您当前的位置：首页 > 政务公开\n附件2\n${BODY}`), ['您当前的位置：首页 > 政务公开']);
    assert.deepEqual(chromeOf(`您当前的位置：首页 > 政务公开\n红政发〔2024〕3号\n${BODY}`), ['您当前的位置：首页 > 政务公开']);
    assert.deepEqual(chromeOf(`${TITLE}\n发布时间：2024-03-20\n县委、县政府：\n${AFTER_TITLE}`), ['发布时间：2024-03-20']);
    assert.deepEqual(chromeOf(`${TITLE}\n（2024年3月15日）\n来源：红星镇\n${AFTER_TITLE}`), ['来源：红星镇']);
    assert.deepEqual(chromeOf(`${TITLE}\n红星镇人民政府\n发布时间：2024-03-20\n${AFTER_TITLE}`), ['发布时间：2024-03-20']);
  });

  it('the new shapes find nothing in the clean reports (text and Markdown), the examples’ reports and the skeletons', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = ['test/fixtures/clean', 'test/fixtures/clean-md', 'examples', 'rules/skeletons'].flatMap((dir) =>
      readdirSync(path.join(root, dir)).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').map((f) => path.join(dir, f)));
    assert.ok(files.length >= 15, `${files.length} files`);
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      // The web copy of the examples is seed 001 (its chrome is tested above): only its page furniture.
      const expected = file.endsWith('xiaodu-2022-web-copy.txt') ? chromeOf(seed('001')) : [];
      assert.deepEqual(chromeOf(text), expected, file);
    }
  });
});

describe('extent: shapes found with recall probes (search tool, late 2026)', () => {
  // http://www.rongcheng.gov.cn/art/2021/11/22/art_110556_2720456.html: one field under two names (有效性/截止日期);
  // dev 139 (惠安县交通运输局 2025): 备注/文号 — a label the lists do not know before one they know.
  it('a field under two names (• 有效性/截止日期:, • 备注/文号:) is a field of the block', () => {
    assert.deepEqual(metadataFields('• 有效性/截止日期:2021-12-14')?.labels, ['有效性']);
    assert.deepEqual(metadataFields('    • 备注/文号:惠交法〔2026〕1号')?.labels, ['文号']);
    const page = [
      '首页',
      '>政府信息公开>信息公开目录>规划计划>专项规划>“十二五”规划',
      '    • 索引号:11371082004363781R-RC/2021-10903',
      '    • 发布单位:荣成市人民政府',
      '    • 成文日期:2021-12-14',
      '    • 有效性/截止日期:2021-12-14',
      '    • 文号:',
      '',
    ].join('\n');
    assert.deepEqual(lint(page + BODY).findings.filter((f) => f.rule === 'conversion-artifact').map((f) => [f.line, f.endLine]), [[1, 7]]);
    assert.equal(lint(page + BODY).document.meta.title, '红星镇2023年法治政府建设情况报告');
  });

  // dev 162 (咸宁市水利和湖泊局 2020): a table laid out with spaces whose labels are spaced to the column's width.
  it('labels spaced out by several spaces (名       称:, 文       号 :) are labels', () => {
    assert.deepEqual(metadataFields('名       称: 2020年度法治政府建设工作报告 发布日期: 2020年12月21日')?.labels, ['名       称', '发布日期']);
    assert.deepEqual(metadataFields('索引号 : 011337629/2020-23467 文       号 : 无')?.labels, ['索引号', '文       号']);
  });

  // http://www.victorzhang.cn/page/2021/1130/12147340.shtml (a hacked mirror): a row of stuffed keywords, a lone ?
  // left for an icon, then the article's title and a post time glued to its author's name.
  it('a row of comma-separated advertising keywords, a lone ?, and a post time with its author are chrome', () => {
    const text = [
      '亚洲免费av电影一区二区三区,日韩爱爱视频,51精品视频一区二区三区,91视频爱爱,日韩欧美在线播放视频,中文字幕少妇AV,亚洲电影中文字幕',
      '',
      '        ?',
      '',
      '2021-11-30 18:20:34夏正林',
      '',
    ].join('\n') + BODY;
    const blocks = lint(text).document.blocks;
    assert.deepEqual(blocks.slice(0, 3).map((b) => b.chrome), ['spam', 'web', 'metadata']);
    assert.equal(lint(text).document.meta.title, '红星镇2023年法治政府建设情况报告');
    // A report's own list of phrases (no advertising word in it) is not.
    assert.deepEqual(chromeOf(`${BODY}法律进机关,法律进乡村,法律进社区,法律进学校,法律进企业,法律进单位\n`), []);
  });

  // http://sft.nmg.gov.cn/qmyfzq/fzdc/202112/t20211201_1965955.html: a share bar's instruction under 分享到:.
  it('a share bar’s instruction (打开微信扫一扫,点击右上角分享即可) is chrome', () => {
    const text = `发布时间: 2021-11-15 20:40\n分享到:\n\n打开微信扫一扫,点击右上角分享即可\n\n${BODY}`;
    assert.deepEqual(chromeOf(text), ['发布时间: 2021-11-15 20:40\n分享到:', '打开微信扫一扫,点击右上角分享即可']);
  });

  // http://zb.gov.cn/zbxzf/xzfwj/202404/49ca3d0c669f4c2ebf6f7fabf563549c.shtml: the document's name between 返回顶部 and the
  // field block is its title, not a column name carried along by the chrome.
  it('a document’s name (…工作规则, …工作总结) between chrome lines is not swept into the chrome', () => {
    const text = '返回顶部\n\n镇巴县人民政府工作规则\n\n  • 索引号:\n\n    6107280000/2024-001005\n  • 发文字号:\n\n    镇政发〔2024〕7号\n\n一、根据《中华人民共和国宪法》的有关规定,结合本县实际,制定本规则。\n';
    assert.deepEqual(chromeOf(text), ['返回顶部', '• 索引号:\n\n    6107280000/2024-001005\n  • 发文字号:\n\n    镇政发〔2024〕7号']);
  });

  // dev 135 (广元市人社局 2023): the posting section and date under the title (政策法规科 2023-12-29).
  it('a section’s name and a post date under the title is a byline of the page', () => {
    const text = `2023年法治政府建设工作年度报告\n政策法规科 2023-12-29\n\n${AFTER_TITLE}`;
    assert.deepEqual(chromeOf(text), ['政策法规科 2023-12-29']);
  });
});

describe('extent: an advertisement spliced into a sentence (recall probe)', () => {
  // https://5a.net/lunwenfanwen/304665.html: “…(以下简称《政府信息公开条例》),是 免费论文检测软件http://www.jiancetianshi.com
  // ⏎ 第一个全国范围内规范政府信息公开的法律文件。” — cut from the line; the sentence before it is unfinished.
  it('a few words and a web address after a space at the end of an unfinished line are a watermark', () => {
    const line = '2008年5月1日起正式施行的《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》),是 免费论文检测软件http://www.jiancetianshi.com';
    const text = `${BODY}${line}\n第一个全国范围内规范政府信息公开的法律文件。\n`;
    assert.deepEqual(chromeOf(text), ['免费论文检测软件http://www.jiancetianshi.com']);
    // A finished sentence that ends with the site's address it names is the report's.
    assert.deepEqual(chromeOf(`${BODY}全年在县政府门户网站主动公开政府信息128条,网址为 县政府网站http://www.example.gov.cn\n`), []);
  });
});

describe('extent: a field in brackets under a headline (recall probe)', () => {
  // http://www.puyangxian.gov.cn/fazhi/detail/id/14486.html: “(发布于:2023-12-08 18:00)” under the page's headline.
  it('(发布于:2023-12-08 18:00) is metadata; a report sentence in brackets is not', () => {
    assert.deepEqual(metadataFields('(发布于:2023-12-08 18:00)')?.labels, ['发布于']);
    assert.deepEqual(chromeOf(`${TITLE}\n\n(发布于:2023-12-08 18:00)\n\n${AFTER_TITLE}`), ['(发布于:2023-12-08 18:00)']);
    assert.equal(metadataFields('（来源：群众反映强烈的问题，已全部办结。）'), undefined);
  });
});
