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
