import assert from 'node:assert/strict';
import { CLEAN_TOWN, CLEAN_TOWN_MD, covered, fixOnce, lineOf, run } from './helpers.js';

const RULE = 'duplicate-text';
const REPEATED = '认真开展行政执法工作，明确执法权限，镇行政执法人员年度法治培训参与率达100%。';

describe('duplicate-text', () => {
  it('accepts stock phrases and short clauses that recur', () => {
    // CLEAN_TOWN repeats 坚持以习近平新时代中国特色社会主义思想为指导 and 一是/二是 legitimately.
    assert.deepEqual(run(RULE, CLEAN_TOWN), []);
    assert.deepEqual(run(RULE, CLEAN_TOWN_MD), []);
  });

  it('flags a repeated sentence tail inside another item (002 line 9) and cuts it at the comma', () => {
    const text = CLEAN_TOWN.replace('（一）进一步提高依法行政能力。', `（一）进一步提高依法行政能力。三是规范执法程序，${REPEATED}`);
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    const line = lineOf(text, '三是规范执法程序');
    assert.equal(found[0].line, line);
    assert.equal(covered(text, found[0]), REPEATED);
    assert.equal(found[0].data.line, lineOf(text, '（三）规范执法'));
    assert.equal(found[0].data.part, 'next-year');
    assert.match(found[0].message, /“认真开展行政执法工作，明确执法权限.*”与第\d+行的文字相同/);
    assert.equal(fixOnce(RULE, text), CLEAN_TOWN.replace('（一）进一步提高依法行政能力。', '（一）进一步提高依法行政能力。三是规范执法程序。'));
  });

  it('flags a repeated whole sentence and deletes it', () => {
    const sentence = '镇村两级公共法律服务机构共受理、调解纠纷143起，调解成功138起。';
    const text = CLEAN_TOWN.replace('组织开展法律知识培训12场次，', `${sentence}组织开展法律知识培训12场次，`).replace('二是普法形式较为单一。', `二是普法形式较为单一。${sentence}`);
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), sentence);
    assert.equal(fixOnce(RULE, text), text.replace(`二是普法形式较为单一。${sentence}`, '二是普法形式较为单一。'));
  });

  it('flags a paragraph pasted twice and a heading repeated on adjacent lines', () => {
    const para = '（二）进一步强化普法宣传教育。';
    const text = CLEAN_TOWN.replace('二、推进法治政府建设存在的不足和原因\n', '二、推进法治政府建设存在的不足和原因\n二、推进法治政府建设存在的不足和原因\n').replace(para, `${para}\n${para}`);
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.data.kind, covered(text, f)]), [
      ['heading', '二、推进法治政府建设存在的不足和原因'],
      ['heading', para],
    ]);
    assert.equal(found[0].line, lineOf(text, '二、推进法治政府建设存在') + 1);
    assert.equal(fixOnce(RULE, text), CLEAN_TOWN);
  });

  it('flags the title repeated in a web page header (not adjacent) and deletes the repetition', () => {
    const title = CLEAN_TOWN.slice(0, CLEAN_TOWN.indexOf('\n'));
    const text = `${title}\n来源：张八桥镇人民政府 发布时间：2024-03-28\n${CLEAN_TOWN}`;
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 3);
    assert.equal(covered(text, found[0]), title);
    assert.match(found[0].message, /标题“张八桥镇关于2023年法治政府建设情况的报告”重复出现/);
    assert.equal(fixOnce(RULE, text), `${title}\n来源：张八桥镇人民政府 发布时间：2024-03-28\n${CLEAN_TOWN.slice(title.length + 1)}`);
  });

  it('flags a list item pasted twice and renumbered (3. … / 4. …), not distinct items', () => {
    const item = '推进公共法律服务均衡发展，加大对农村地区的资源投入。';
    const list = `1. 持续提升行政复议办案质效。\n2. ${item}\n`;
    const text = CLEAN_TOWN_MD.replace('五、其他需要报告的情况', `五、其他需要报告的情况\n\n${list}3. ${item}\n`);
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => covered(text, f)), [`3. ${item}`]);
    assert.deepEqual(run(RULE, text.replace(`3. ${item}`, '3. 加强法治宣传教育，提高群众法治意识。')), []);
  });

  // Its time is in the bench (test/bench/once-slow.ts).
  it('flags every repetition in a long report with a thousand repeats', () => {
    const para = `${REPEATED}其他内容${'甲乙丙丁'.repeat(5)}。\n`;
    const text = CLEAN_TOWN + Array.from({ length: 1000 }, (_, i) => `第${i}段，${para}`).join('');
    const found = run(RULE, text).map((f) => covered(text, f));
    const count = (sentence: string) => found.filter((s) => s === sentence).length;
    // REPEATED is a sentence of CLEAN_TOWN: every pasted copy repeats it; the other sentence repeats its first copy.
    assert.equal(count(REPEATED), 1000);
    assert.equal(count(`其他内容${'甲乙丙丁'.repeat(5)}。`), 999);
  });
});

// A title repeated on a web page: past a block of page controls, with a shorter body name, or glued twice
// at the start of a doc-site page.
describe('duplicate-text (titles repeated on published pages)', () => {
  const BODY = CLEAN_TOWN.slice(CLEAN_TOWN.indexOf('\n') + 1);
  const TITLE = '城口县鸡鸣乡人民政府2025年法治政府建设情况报告';

  it('the title again after six lines of controls (dev 028)', () => {
    const text = `${TITLE}\n- 日期:2026-02-12\n-\n大\n中\n小\n- 分享到 :\n${TITLE}\n${BODY}`;
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.line, f.data.kind, f.data.line]), [[8, 'heading', 1]]);
    assert.equal(fixOnce(RULE, text), `${TITLE}\n- 日期:2026-02-12\n-\n大\n中\n小\n- 分享到 :\n${BODY}`);
  });

  it('the title again with a shorter body name after the metadata line (dev 054)', () => {
    const text = `海东市乐都区共和乡2022年度法治政府建设 工作报告\n浏览:5072次 时间:2022-12-07 来源:本站\n\n共和乡2022年度法治政府建设工作报告\n\n${BODY}`;
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.line, covered(text, f)]), [[4, '共和乡2022年度法治政府建设工作报告']]);
    assert.match(found[0].message, /只差单位名称的写法/);
    // Another report's title, or a heading, is not a repeat.
    assert.deepEqual(run(RULE, `海东市乐都区共和乡2022年度法治政府建设工作报告\n\n共和乡2022年度政务公开工作报告\n\n${BODY}`), []);
  });

  // dev 111 (https://oospecies.com/2023/02-28/636609.html, a mirror of a 券桥镇 page): the title again under the page's
  // source line, cut short (工作报告 lost); a heading that merely starts like the title is not a repeat.
  it('the title again cut short by the page (券桥镇2022年度法治政府建设)', () => {
    const text = '券桥镇2022年度法治政府建设工作报告\n来源:时间:2023-02-28\n分享:\n\n券桥镇2022年度法治政府建设\n\n今年以来,券桥镇法治建设工作坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大会议精神。\n';
    const fs = run(RULE, text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].line, 5);
    assert.match(fs[0].message, /是第1行标题的前一部分/);
    assert.deepEqual(run(RULE, '券桥镇2022年度法治政府建设工作报告\n\n券桥镇\n\n今年以来,券桥镇法治建设工作坚持以习近平新时代中国特色社会主义思想为指导。\n'), []);
  });

  it('the title glued twice at the start of a page (dev 004)', () => {
    const title = '2023年度乡镇法治政府建设情况报告及2023年工作方案';
    const text = `${title}${title}区政府:根据中共中央、国务院印发的《法治政府建设实施纲要》的规定,长征镇依法全面履行政府职能,切实抓好法治政府建设各项工作。现将本镇2023年度法治政府建设工作的主要情况报告如下:\n`;
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.start, f.end]), [[title.length, title.length * 2]]);
    assert.ok(fixOnce(RULE, text).startsWith(`${title}区政府:`));
  });
});

describe('duplicate-text (the title again over two lines, nanxian.gov.cn layout)', () => {
  it('reports both lines as one repeat and deletes them together', () => {
    const BODY = CLEAN_TOWN.slice(CLEAN_TOWN.indexOf('\n') + 1);
    const text = `归档时间:2023-06-15\n当前位置: 首页 > 公开领域 > 城乡规划\n\n南县住房和城乡建设局2022年度法治政府建设情况报告\n\n详细信息\n\n公开具体内容\n\n南县住房和城乡建设局2022年度法治政府建设\n\n情况报告\n\n${BODY}`;
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.line, f.endLine]), [[10, 12]]);
    assert.ok(!fixOnce(RULE, text).includes('建设\n\n情况报告'));
  });
});

describe('duplicate-text (the title glued again at the start of the opening paragraph)', () => {
  it('reports the title part only, with a fix deleting it', () => {
    const title = '张八桥镇关于2023年法治政府建设情况的报告';
    const body = CLEAN_TOWN.slice(CLEAN_TOWN.indexOf('\n') + 1);
    const text = `${title}\n${title}${body}`;
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.line, covered(text, f)]), [[2, title]]);
    assert.equal(fixOnce(RULE, text), `${title}\n${body}`);
  });
});

describe('duplicate-text (the title again in another wording)', () => {
  const BODY = CLEAN_TOWN.slice(CLEAN_TOWN.indexOf('\n') + 1);
  it('with 关于…的, 年度 for 年, in 《》, or as a CMS page title with the site’s name', () => {
    for (const again of ['《张八桥镇2023年度法治政府建设情况报告》', '张八桥镇关于2023年法治政府建设情况的报告', '张八桥镇2023年法治政府建设情况报告_岳阳县人民政府']) {
      const text = `${again}\n浏览:5072次 时间:2024-03-12 来源:本站\n\n张八桥镇2023年法治政府建设情况报告\n\n${BODY}`;
      assert.equal(run(RULE, text).length, 1, again);
    }
    // A different report named in the head, or the opening sentence, is not a repeat.
    const other = `张八桥镇2023年政务公开工作年度报告\n\n张八桥镇2023年法治政府建设情况报告\n\n${BODY}`;
    assert.deepEqual(run(RULE, other), []);
  });

  // A law site's headline above the report (https://0798ci.com/law/130984.html: 《民政部2021年法治政府建设年度报告》(全文)).
  it('as a site\'s headline, in 《》 and marked (全文): reported as the title again; another document\'s headline is not', () => {
    for (const again of ['《张八桥镇2023年法治政府建设情况报告》(全文)', '《张八桥镇2023年法治政府建设情况报告》（全文）']) {
      const text = `${again}\n张八桥镇2023年法治政府建设情况报告\n${BODY}`;
      assert.deepEqual(run(RULE, text).map((f) => covered(text, f)), [again], again);
    }
    const other = `《法治政府建设实施纲要（2021—2025年）》(全文)\n张八桥镇2023年法治政府建设情况报告\n${BODY}`;
    assert.deepEqual(run(RULE, other), []);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'duplicate-text',
  defect: '同一段落重复出现',
  inject: (t) => recall.replaceOnce(t, '推动领导干部带头尊法学法守法用法。\n', '推动领导干部带头尊法学法守法用法。\n\n把习近平法治思想纳入县政府常务会议会前学法和干部教育培训的重要内容，推动领导干部带头尊法学法守法用法。\n'),
  match: '把习近平法治思想纳入县政府常务会议会前学法和干部教育培训的重要内容，推动领导干部带头尊法学法守法用法。',
});
