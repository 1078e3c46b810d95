import assert from 'node:assert/strict';
import { lint } from '../../server/src/index.js';
import { CLEAN_TOWN, CLEAN_TOWN_MD, covered, fixOnce, run } from './helpers.js';

const RULE = 'title';
const BODY = CLEAN_TOWN.slice(CLEAN_TOWN.indexOf('\n') + 1);

describe('title', () => {
  it('accepts a title naming the body and the year (plain, Markdown, body on its own line)', () => {
    assert.deepEqual(run(RULE, CLEAN_TOWN), []);
    assert.deepEqual(run(RULE, CLEAN_TOWN_MD), []);
    assert.deepEqual(run(RULE, `张八桥镇\n\n2023 年度法治政府建设情况报告\n\n${BODY}`), []);
    assert.deepEqual(run(RULE, `2023年度张八桥镇法治政府建设工作报告\n${BODY}`), []);
  });

  it('flags a report that starts with body text, at line 1, and inserts a title', () => {
    const found = run(RULE, BODY);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 1);
    assert.equal(found[0].column, 1);
    assert.equal(covered(BODY, found[0]), '2023年以来');
    assert.match(found[0].message, /缺少标题.*2023年以来/);
    assert.equal(found[0].data.kind, 'missing');
    assert.equal(fixOnce(RULE, BODY), `张八桥镇关于2023年度法治政府建设情况的报告\n${BODY}`);
  });

  it('flags a title that names no body and adds the body from the opening', () => {
    const text = `关于2023年法治政府建设情况的报告\n${BODY}`;
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), '关于2023年法治政府建设情况的报告');
    assert.match(found[0].message, /“关于2023年法治政府建设情况的报告”缺少单位名称/);
    assert.equal(fixOnce(RULE, text), `张八桥镇${text}`);
  });

  it('flags a title without the year', () => {
    const text = `张八桥镇关于法治政府建设情况的报告\n${BODY}`;
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /缺少年度/);
    assert.equal(found[0].data.kind, 'no-year');
    assert.equal(fixOnce(RULE, text), `张八桥镇关于2023年度法治政府建设情况的报告\n${BODY}`);
  });

  it('inserts a title skeleton with placeholders where the body is unknown', () => {
    const text = '2023年，我镇坚持依法行政。\n一、主要举措和成效\n做了很多工作。\n';
    const [f] = run(RULE, text);
    assert.equal(f.data.kind, 'missing');
    // A skeleton with placeholders is still inserted: the user fills it in.
    assert.match(f.fix!.edits[0].newText, /××关于2023年度/);
  });

  it('a title already inserted where it is not read (inside an HTML block): still missing, no fix to insert another', () => {
    // <r> opens an HTML block that runs to the next blank line: the inserted title was swallowed, and --fix added one per pass.
    const text = '二、<r>\n\r××关于20××年度法治政府建设情况的报告\n\n全年开展活动。\n';
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.data.kind, f.fix]), [['missing', undefined]]);
    assert.ok(run(RULE, '二、<r>\n\r全年开展活动。\n')[0].fix, 'without it, the title is offered');
  });
});

describe('title (year after the body)', () => {
  it('inserts the year right after the body when there is no 关于', () => {
    const text = `张八桥镇法治政府建设情况报告\n${BODY}`;
    assert.equal(fixOnce(RULE, text), `张八桥镇2023年度法治政府建设情况报告\n${BODY}`);
  });
});

describe('title (Markdown)', () => {
  it('inserts a Markdown title into a Markdown report', () => {
    const md = CLEAN_TOWN_MD.slice(CLEAN_TOWN_MD.indexOf('\n\n') + 2);
    const [f] = run(RULE, md);
    assert.equal(f.line, 1);
    assert.equal(fixOnce(RULE, md), `# 张八桥镇关于2023年度法治政府建设情况的报告\n\n${md}`);
  });

  it('accepts a joint title of the Party committee and the government, issuers separated by a space', () => {
    for (const title of [
      '中共张八桥镇委员会 张八桥镇人民政府关于2023年法治政府建设情况的报告',
      '中共张八桥镇委员会　张八桥镇人民政府关于2023年法治政府建设情况的报告',
      '张八桥镇党委 张八桥镇人民政府2023年度法治政府建设情况报告',
      '张八桥镇 关于2023年法治政府建设情况的报告',
    ]) {
      const text = CLEAN_TOWN.replace('张八桥镇关于2023年法治政府建设情况的报告', title);
      assert.deepEqual(run(RULE, text), [], title);
    }
    // A space does not make a body: the title still names none.
    const none = CLEAN_TOWN.replace('张八桥镇关于2023年法治政府建设情况的报告', '法治政府建设 2023年度情况报告');
    assert.equal(run(RULE, none).length, 1);
  });
});

describe('title (as real reports set it)', () => {
  const titled = (title: string) => `${title}\n${BODY}`;

  it('accepts a title in 《》', () => {
    assert.deepEqual(run(RULE, titled('《张八桥镇2023年法治政府建设情况报告》')), []);
    assert.equal(lint(titled('《张八桥镇2023年法治政府建设情况报告》')).document.meta.bodySource, 'title');
  });

  it('still flags a title in 《》 that names no body', () => {
    const found = run(RULE, titled('《关于2023年法治政府建设情况的报告》'));
    assert.deepEqual(found.map((f) => f.data.kind), ['no-body']);
  });

  it('takes the issuers of a joint report on the line above the title into the title', () => {
    const text = titled('中共张八桥镇委员会 张八桥镇人民政府\n关于2023年度法治建设工作情况的报告');
    assert.deepEqual(run(RULE, text), []);
    const { meta } = lint(text).document;
    assert.equal(meta.titleBlocks.length, 2);
    assert.equal(meta.body, '张八桥镇人民政府');
  });

  it('takes a line with the body and the year above the title into it (张八桥镇2023年 ⏎ 法治政府建设情况报告)', () => {
    const text = titled('张八桥镇2023年\n法治政府建设情况报告');
    assert.deepEqual(run(RULE, text), []);
    assert.equal(lint(text).document.meta.title, '张八桥镇2023年法治政府建设情况报告');
  });

  it('does not take a document number or a masthead above the title into it', () => {
    for (const above of ['张政发〔2024〕3号', '张八桥镇人民政府文件']) {
      const text = titled(`${above}\n关于2023年度法治政府建设情况的报告`);
      assert.deepEqual(lint(text).document.meta.titleBlocks.map((b) => b.text), ['关于2023年度法治政府建设情况的报告'], above);
      assert.deepEqual(run(RULE, text).map((f) => f.data.kind), ['no-body'], above);
    }
  });

  it('joins a title broken over two lines (张八桥镇关于2023年法治政府建设 ⏎ 情况的报告)', () => {
    const text = titled('张八桥镇关于2023年法治政府建设\n情况的报告');
    assert.deepEqual(run(RULE, text), []);
    const { meta } = lint(text).document;
    assert.equal(meta.title, '张八桥镇关于2023年法治政府建设情况的报告');
    assert.equal(meta.body, '张八桥镇');
  });

  it('does not join a title fragment with the opening sentence', () => {
    const text = `张八桥镇关于2023年法治政府建设\n${BODY}`;
    assert.equal(lint(text).document.meta.title, undefined);
    assert.deepEqual(run(RULE, text).map((f) => f.data.kind), ['missing']);
  });
});

// Where the report begins on a published page (server/src/engine/extent.ts): the title past the page chrome,
// glued to the body on one line, or naming a department without its region.
describe('title (past the page chrome, glued, incomplete body names)', () => {
  const opening = BODY.slice(BODY.indexOf('2023年以来'));
  const titled = (title: string) => `${title}\n${BODY}`;

  it('finds the title after a metadata block (dev 057: line 16) and after an essay-site banner (dev 027)', () => {
    const meta = ['您当前所在位置:首页>政务公开>法治政府建设报告>乡镇街道', '', '[ 索引号 ] 11500230008689762A/2026-00004 [ 发文字号 ]', '[ 主题分类 ] 公安、安全、司法、法制 [ 体裁分类 ] 工作报告', '[ 成文日期 ] 2026-01-22 [ 发布日期 ] 2026-02-10', ''].join('\n');
    const text = `${meta}\n张八桥镇2023年法治政府建设情况报告\n${opening}`;
    assert.deepEqual(run(RULE, text), []);
    assert.equal(lint(text).document.meta.title, '张八桥镇2023年法治政府建设情况报告');
    const banner = `下面是小编为大家整理的张八桥镇2023年法治政府建设情况报告,供大家参考。\n张八桥镇2023年法治政府建设情况报告\n${opening}`;
    assert.deepEqual(run(RULE, banner), []);
  });

  it('a missing title is reported at the report’s first words, not at the chrome before them; the fix inserts it there', () => {
    const text = `瀏覽次數:次\n${opening}`;
    const [f] = run(RULE, text);
    assert.equal(f.data.kind, 'missing');
    assert.equal(f.line, 2);
    assert.equal(f.fix!.edits[0].start, text.indexOf('2023年以来'));
  });

  it('finds a title glued to the body on one line (dev 010 one-line layout, dev 025 doc-site page)', () => {
    const oneLine = `张八桥镇 2023 年度法治政府建设情况报告2023 年，张八桥镇坚持以习近平新时代中国特色社会主义思想为指导，${'深入学习贯彻习近平法治思想，'.repeat(4)}全面推进依法行政。\n`;
    assert.deepEqual(run(RULE, oneLine), []);
    const { meta } = lint(oneLine).document;
    assert.equal(meta.title, '张八桥镇 2023 年度法治政府建设情况报告');
    assert.equal(meta.titleBlocks.length, 0);
    assert.deepEqual(meta.titleRange, { start: 0, end: meta.title!.length });
    // Glued, it still must name its body and year (dev 027: 乡镇 法治政府建设 工作总结 2019 年以来，我镇…).
    const noBody = `乡镇 法治政府建设 工作总结 2019 年以来,我镇始终坚持以党的十九大和十九届二中、三中全会精神为指导,${'严格按照上级要求推进法治建设,'.repeat(4)}取得了明显成效。\n`;
    const [f] = run(RULE, noBody);
    assert.equal(f.data.kind, 'no-body-year');
    assert.equal(covered(noBody, f), '乡镇 法治政府建设 工作总结');
  });

  it('flags a department named without its region (dev 022: 教育体育局…, dev 025: 区教育局…); accepts regional and national bodies', () => {
    for (const [title, department] of [
      ['教育体育局2023年度法治政府建设报告', '教育体育局'],
      ['区教育局2022年法治政府建设情况报告', '区教育局'],
      ['市市场监管局2022年法治政府建设年度报告', '市市场监管局'],
    ]) {
      const found = run(RULE, titled(title));
      assert.deepEqual(found.map((f) => [f.data.kind, f.data.body]), [['no-region', department]], title);
      assert.match(found[0].message, new RegExp(`单位名称“${department}”不完整：缺少所属地区`));
    }
    for (const title of [
      '武汉市市场监管局2022年法治政府建设年度报告',
      '重庆市长寿区司法局2021年法治政府建设情况报告',
      '国家税务总局2023年法治政府建设情况报告',
      '司法部2023年法治政府建设年度报告',
      '张八桥镇政府2023年法治政府建设情况报告',
      '张八桥镇人民政府关于二〇二三年法治政府建设情况的报告',
      'XX镇2021年上半年法治政府建设工作开展情况报告',
      'XX市市场监督管理局关于2023年度法治政府建设工作情况报告',
      '中共XX县委 XX县人民政府关于2023年度法治建设工作情况的报告',
      'XX县卫生健康局（县中医药管理局）2023年法治政府建设情况报告',
      '乌审旗图克苏木2023年度法治政府建设工作总结',
      'XX县2023年度法治政府建设工作综述',
      'XX县2018年法制政府建设工作报告',
      'XX市公安局交通警察支队2023年法治政府建设情况报告',
      '北京经济技术开发区管理委员会2023年法治政府建设工作报告',
    ]) assert.deepEqual(run(RULE, titled(title)), [], title);
  });

  // dev 145 (湖北省人民政府 2020, a mirror that dropped 湖北); dev 106 (天津 海滨街, a 街 as 街道 is named);
  // dev 153 (广东省交通运输厅 2021 mirror): 签发人 above where the title belongs.
  it('a government named by its level alone (省人民政府关于…) names no body; 海滨街 2020 年… does; 签发人 is not the report’s start', () => {
    const province = run(RULE, `省人民政府关于2020年度推进法治政府建设情况的报告\n\n${BODY}`);
    assert.equal(province.length, 1);
    assert.match(province[0].message, /“省人民政府”不完整/);
    assert.deepEqual(run(RULE, `海滨街 2020 年法治政府建设情况报告\n\n${BODY}`), []);
    assert.deepEqual(run(RULE, `湖北省人民政府关于2020年度推进法治政府建设情况的报告\n\n${BODY}`), []);
    const text = `签发人:李静\n按照《省委全面依法治省委员会办公室关于做好2021年法治政府建设年度报告的通知》(粤法治办〔2021〕36号)要求,现将我厅2021年度法治政府建设情况报告如下:\n`;
    const missing = run(RULE, text);
    assert.equal(missing.length, 1);
    assert.equal(missing[0].line, 2);
  });

  it('a news headline names its body (dev 012: 司法部发布2023年法治政府建设年度报告)', () => {
    assert.deepEqual(run(RULE, titled('司法部发布2023年法治政府建设年度报告')), []);
    assert.equal(lint(titled('司法部发布2023年法治政府建设年度报告')).document.meta.body, '司法部');
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'title',
  defect: '标题缺少年度',
  inject: (t) => recall.replaceOnce(t, '# 宁远县人民政府关于2024年法治政府建设情况的报告', '# 宁远县人民政府关于法治政府建设情况的报告'),
  match: '宁远县人民政府关于法治政府建设情况的报告',
});

describe('title: the report\'s own title under a page heading (real pages)', () => {
  // test/fixtures/real/135 (http://srsj.cngy.gov.cn/mobile/Detail.aspx?articid=20231229162430914, 广元市人社局 2023): the page's heading over a byline, then the
  // report's own title block, body on the line above the title.
  it('a page heading without the body, restated below under the body line: the title names the body', () => {
    const opening = '2023年,我局坚持以习近平新时代中国特色社会主义思想为指导,深入学习践行习近平法治思想,全市人社系统依法行政能力水平显著提升。现就有关情况报告如下。';
    const text = `2023年法治政府建设工作年度报告\n政策法规科 2023-12-29\n\n\n广元市人力资源和社会保障局\n\n2023年法治政府建设工作年度报告\n\n\n${opening}\n`;
    assert.deepEqual(run(RULE, text), []);
    // Restated without the body line: still no body.
    const bare = `2023年法治政府建设工作年度报告\n政策法规科 2023-12-29\n\n2023年法治政府建设工作年度报告\n\n${opening}\n`;
    assert.deepEqual(run(RULE, bare).map((f) => f.data.kind), ['no-body']);
  });

  it('a page heading without the body above the report\'s own title naming it: that title is the report\'s', () => {
    const opening = '2023年,县司法局坚持以习近平法治思想为指导,全面推进依法行政,法治政府建设取得新成效。现将有关情况报告如下:';
    const text = `2023年法治政府建设情况报告\n发布时间:2024-03-28 来源:县司法局\n东安县司法局2023年度法治政府建设情况报告\n${opening}\n`;
    assert.deepEqual(run(RULE, text), []);
    const { meta } = lint(text).document;
    assert.equal(meta.title, '东安县司法局2023年度法治政府建设情况报告');
    // The same title given twice stays the first one (the second is its repetition).
    const twice = `东安县2023年法治政府建设情况报告\n东安县2023年法治政府建设情况报告\n${opening}\n`;
    assert.equal(lint(twice).document.meta.titleRange!.start, 0);
  });
});

describe('title: bodies real titles name (probe battery of title layouts)', () => {
  const opening = '2023年，全局坚持以习近平新时代中国特色社会主义思想为指导，深入推进依法行政，法治政府建设取得新成效。现将有关情况报告如下：\n一、主要举措和成效\n全年开展相关工作，取得明显成效。\n';
  it('a customs office, a federation, the body in brackets after the title, a masked body on the line above', () => {
    for (const t of [
      '南京海关2023年法治政府建设年度报告',
      '东安市残疾人联合会2023年度法治政府建设情况报告',
      '东安县供销合作社联合社2023年法治政府建设工作报告',
      '2023年度法治政府建设情况报告（东安县司法局）',
      'XX县人民政府\n2023年度法治政府建设情况报告',
      '××县应急管理局\n2023年法治政府建设年度报告',
    ]) assert.deepEqual(run(RULE, `${t}\n${opening}`), [], t);
  });

  it('still reports a title with no body: 关于… alone, brackets holding no body, a line above that is no body', () => {
    for (const t of ['关于2023年度法治政府建设情况的报告', '2023年度法治政府建设情况报告（全文）', '政策文件\n2023年法治政府建设年度报告']) {
      assert.deepEqual(run(RULE, `${t}\n${opening}`).map((f) => f.data.kind), ['no-body'], t);
    }
  });
});

describe('title: a title broken after 关于 or the year', () => {
  // Word and PDF pages break long titles where the line is full: 东安县司法局关于2023年度 ⏎ 法治政府建设情况的报告.
  // The second line alone reads as a title (topic and kind) but names no body.
  it('joins the two lines: no finding', () => {
    for (const t of ['东安县司法局关于2023年度\n法治政府建设情况的报告', '东安县人民政府关于\n2023年度法治政府建设情况的报告']) {
      assert.deepEqual(run(RULE, `${t}\n\n${BODY}`), [], t);
    }
  });

  it('still reports what the joined title lacks, and a first line that can end a title is not joined', () => {
    assert.deepEqual(run(RULE, `关于2023年度\n法治政府建设情况的报告\n\n${BODY}`).map((f) => f.data.kind), ['no-body']);
    assert.deepEqual(run(RULE, `东安县司法局关于\n法治政府建设情况的报告\n\n${BODY}`).map((f) => f.data.kind), ['no-year']);
    assert.deepEqual(run(RULE, `政务公开\n2023年度法治政府建设情况报告\n\n${BODY}`).map((f) => f.data.kind), ['no-body']);
  });
});

describe('title: mutation probe of the dev titles (masked, traditional, under an attachment label)', () => {
  // Dev 180 (威海市生态环境局, field list, body line, title) with the body masked as sites do (XX局), dev 183 (a doc-site
  // line: the title glued to the body) in traditional script and under 附件1: all read the title.
  const opening = '2022年,市生态环境局深入学习贯彻习近平法治思想,切实增强推进法治政府建设工作的政治自觉、思想自觉和行动自觉,认真执行各项制度。\n一、2022年推进法治政府建设的主要举措和成效\n全年开展相关工作。\n';
  it('a masked body line (XX市生态环境局) between the page\'s fields and the title belongs to the title', () => {
    const text = `    • 发文字号:XX环发〔2023〕3号\n    • 所属单位:XX市生态环境局\n\n    XX市生态环境局\n\n    2022年法治政府建设情况工作报告\n\n${opening}`;
    assert.deepEqual(run(RULE, text), []);
    assert.equal(lint(text).document.meta.title, 'XX市生态环境局2022年法治政府建设情况工作报告');
  });

  it('a title glued to the body in traditional script, or under 附件1, is the title', () => {
    const body = '2021年度,我局在縣委、縣政府的正確領導下,在縣司法局大力支持下,深化實行《法治政府建設實施綱要》,全面推進依法治教,為教育事業發展提供良好的法治環境。';
    assert.deepEqual(run(RULE, `XX縣教育局2021年度法治政府建設工作報告 ${body}\n`), []);
    assert.deepEqual(run(RULE, `附件1\nXX县教育局2021年度法治政府建设工作报告 ${body}\n`), []);
    // A long first line that is body text is still no title.
    assert.deepEqual(run(RULE, `附件1\n${body}\n`).map((f) => f.data.kind), ['missing']);
  });
});
