import assert from 'node:assert/strict';
import { CLEAN_TOWN, CLEAN_TOWN_MD, covered, fixOnce, lineOf, run } from './helpers.js';

const RULE = 'heading-numbering';

describe('heading-numbering', () => {
  it('reports nothing on correct numbering, restarting under each parent', () => {
    assert.deepEqual(run(RULE, CLEAN_TOWN), []);
    assert.deepEqual(run(RULE, CLEAN_TOWN_MD), []);
  });

  it('accepts a consistent half-width style and lists restarting under one heading', () => {
    const text = CLEAN_TOWN.replace(/（([一二三])）/g, '($1)') + '1.第一项。\n2.第二项。\n说明。\n1.另一组第一项。\n2.另一组第二项。\n';
    assert.deepEqual(run(RULE, text), []);
  });

  it('flags half-width (四) after full-width （三） and normalises it', () => {
    const text = CLEAN_TOWN.replace('（三）规范执法，维护稳定。', '（三）规范执法，维护稳定。\n(四)优化服务，提升效能。');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), '(四)');
    assert.equal(found[0].line, lineOf(text, '(四)'));
    assert.equal(found[0].column, 1);
    assert.match(found[0].message, /“\(四\)”.*“（四）”/);
    assert.equal(found[0].data.part, 'measures');
    assert.equal(fixOnce(RULE, text), text.replace('(四)', '（四）'));
  });

  it('flags （1） among （二）（三） as the wrong level and fixes it to （一）', () => {
    const text = CLEAN_TOWN.replace('（一）进一步提高', '（1）进一步提高');
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => covered(text, f)), ['（1）']);
    assert.match(found[0].message, /（1）.*（一）/);
    assert.equal(found[0].data.part, 'next-year');
    assert.equal(fixOnce(RULE, text), CLEAN_TOWN);
  });

  it('flags a skipped number and renumbers the sequence in one fix', () => {
    const text = CLEAN_TOWN.replace('（二）学法用法', '（三）学法用法').replace('（三）规范执法', '（四）规范执法');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, lineOf(text, '（三）学法用法'));
    assert.equal(covered(text, found[0]), '（三）');
    assert.match(found[0].message, /跳号.*（一）.*（三）/);
    assert.equal(fixOnce(RULE, text), CLEAN_TOWN);
  });

  it('flags a repeated top-level number', () => {
    const text = CLEAN_TOWN.replace('三、党政', '二、党政');
    const found = run(RULE, text);
    assert.ok(found.some((f) => covered(text, f) === '二、' && /重复/.test(f.message) && f.data.part === 'first-responsible'));
    assert.equal(fixOnce(RULE, text), CLEAN_TOWN);
  });

  it('flags a sequence that restarts within the same parent', () => {
    const text = CLEAN_TOWN.replace('（二）进一步强化普法宣传教育。', '（二）进一步强化普法宣传教育。\n（一）进一步规范执法。');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /重新从“（一）”起编.*（二）/);
    assert.equal(found[0].line, lineOf(text, '（一）进一步规范'));
    assert.equal(fixOnce(RULE, text), text.replace('（一）进一步规范', '（三）进一步规范'));
  });

  it('flags a sequence that does not start at one', () => {
    const text = CLEAN_TOWN.replace('（一）进一步提高', '（二）进一步提高').replace('（二）进一步强化', '（三）进一步强化');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /从“（二）”开始/);
    assert.equal(fixOnce(RULE, text), CLEAN_TOWN);
  });

  it('flags 1、 mixed with 1.', () => {
    const text = `${CLEAN_TOWN}1.第一项。\n2、第二项。\n`;
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => covered(text, f)), ['2、']);
    assert.equal(fixOnce(RULE, text), `${CLEAN_TOWN}1.第一项。\n2.第二项。\n`);
  });

  it('does not read an attachment list (附件：1.×× ⏎ 2.××) as headings, in text and Markdown', () => {
    const tail = '\n附件：1.张八桥镇2023年度法治政府建设工作台账\n　　　2.张八桥镇2023年行政执法统计表\n　　　3.张八桥镇法律顾问聘用合同\n\n张八桥镇人民政府\n2024年3月18日\n';
    assert.deepEqual(run(RULE, CLEAN_TOWN + tail), []);
    assert.deepEqual(run(RULE, CLEAN_TOWN_MD + tail.replace(/\n(?=　)/g, '\n\n')), []);
    // Numbered lines that do not continue the attachment count are still headings.
    const text = CLEAN_TOWN + '附件：1.张八桥镇2023年度法治政府建设工作台账\n3.另一项。\n';
    assert.deepEqual(run(RULE, text).map((f) => covered(text, f)), ['3.']);
  });
});

describe('heading-numbering (excerpts of published pages)', () => {
  it('an essay-site excerpt that starts after a cut (……(开头部分已省略650字)) may start its numbering at (三) and 二、; a text without the notice may not', () => {
    const body = ['(三)规范执法,提高行政执法工作效能。', 'x镇持续规范行政执法行为,加强程序制度建设,细化执法流程。', '二、法治政府建设工作存在的问题及原因', '一是极少数党员干部依法行政的意识不强。', ''];
    const cut = ['2021年上半年法治政府建设工作情况报告(乡镇版)', '……(开头部分已省略650字)', ...body].join('\n');
    assert.deepEqual(run(RULE, cut), []);
    const uncut = ['2021年上半年法治政府建设工作情况报告(乡镇版)', ...body].join('\n');
    assert.deepEqual(run(RULE, uncut).map((f) => covered(uncut, f)), ['(三)', '二、']);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'heading-numbering', defect: '（三）写成（四）', inject: (t) => recall.replaceOnce(t, '### （三）深化', '### （四）深化'), match: '（四）' });
