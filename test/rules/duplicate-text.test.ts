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

  it('is linear: a long report with many repeats is checked quickly', () => {
    const para = `${REPEATED}其他内容${'甲乙丙丁'.repeat(5)}。\n`;
    const text = CLEAN_TOWN + Array.from({ length: 3000 }, (_, i) => `第${i}段，${para}`).join('');
    const t0 = Date.now();
    const found = run(RULE, text);
    assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
    assert.ok(found.length >= 2999);
  });
});
