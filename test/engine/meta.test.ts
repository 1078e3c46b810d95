// What the engine reads off a report's head (document.meta): here, a Markdown title broken over two lines.
import assert from 'node:assert/strict';
import { check, lint } from '../../server/src/index.js';

const BODY = [
  '一、主要举措和成效', '', '我镇全面推进依法行政。', '',
  '二、存在的不足和原因', '', '一是学法不够深入。原因是重视不够。', '',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况', '', '镇党委书记带头学法，研究部署法治工作。', '',
  '四、2024年主要安排', '', '继续推进依法行政。', '',
  '五、其他需要报告的情况', '', '无。', '',
].join('\n');

describe('meta: a title with an HTML line break', () => {
  for (const br of ['<br>', '<br/>', '<BR />']) {
    it(`reads “…2023年${br}法治政府…” as one title with its year`, () => {
      const text = `# 青石镇人民政府关于2023年${br}法治政府建设情况的报告\n\n${BODY}`;
      const { meta } = lint(text).document;
      assert.equal(meta.year, 2023);
      assert.deepEqual(check(text).filter((f) => f.rule === 'title'), []);
    });
  }

  it('still reports a heading without a title as missing', () => {
    const findings = check(`# <br>\n\n${BODY}`).filter((f) => f.rule === 'title');
    assert.equal(findings.length, 1);
  });
});
