// Inputs no real report contains, which once made the check quadratic (hours on a 1 MB file) or overflow the
// call stack. Each must be checked quickly and correctly: the suite's timeout is the guard, no timing is asserted.
import assert from 'node:assert/strict';
import { check, lint } from '../../server/src/index.js';

const HEAD = '某镇关于2023年法治政府建设情况的报告\n\n';
const rulesOf = (text: string) => new Set(check(text).map((f) => f.rule));

describe('engine: adversarial input', function () {
  this.timeout(20000);

  it('a long run of address characters (XXXX…, 1111…) is not rescanned for an e-mail address at each position', () => {
    for (const run of ['X', '1', 'a.']) {
      const text = `${HEAD}我镇${run.repeat(200_000)}完成。`;
      assert.ok(lint(text).findings.length >= 0);
    }
    // Addresses are still recognised (not prose: no halfwidth-punctuation in them).
    const mail = `${HEAD}来信请寄 fazhi.ban@example.gov.cn，我们将及时答复。`;
    assert.ok(!check(mail).some((f) => f.rule === 'halfwidth-punctuation'));
  });

  it('an unclosed comment after many openers, and a disable comment without -->, cost one scan', () => {
    const text = `${HEAD}喜闻悦见。${'<!-- fazhi-lint-disable typo '.repeat(20_000)}`;
    assert.ok(rulesOf(text).has('typo'), 'an unclosed directive disables nothing');
    const closed = `${HEAD}<!-- fazhi-lint-disable typo -->\n\n喜闻悦见。\n\n<!-- fazhi-lint-enable typo -->\n\n再接再励。`;
    assert.deepEqual(check(closed).filter((f) => f.rule === 'typo').map((f) => f.line), [9]);
  });

  it('deep nesting does not overflow the call stack, and its text is still checked', () => {
    for (const nest of ['- '.repeat(4000), '>'.repeat(16000), '1. '.repeat(3000)]) {
      const text = `${HEAD}${nest}全年办理案件XX件,成效明显。\n`;
      const rules = rulesOf(text);
      assert.ok(rules.has('placeholder') && rules.has('halfwidth-punctuation'), [...rules].join());
    }
    let deep = HEAD;
    for (let i = 0; deep.length < 400_000; i++) deep += `${'  '.repeat(i % 300)}- 项目\n`;
    assert.ok(Array.isArray(check(deep)));
  });

  it('thousands of * _ [ < in one paragraph skip emphasis, link and inline HTML matching, yet ** pairs and lone ** are told apart', () => {
    for (const marker of ['*中', '_中', '[中', '<中']) assert.ok(Array.isArray(check(`${HEAD}${marker.repeat(100_000)}`)), marker);
    const bold = `${HEAD}${'**加强领导。**全年开展活动。'.repeat(3000)}全年办理案件**件。`;
    const placeholders = check(bold).filter((f) => f.rule === 'placeholder');
    assert.equal(placeholders.length, 1, JSON.stringify(placeholders.slice(0, 3)));
  });

  it('a long run of placeholders or glued web chrome ending a paragraph is found in one scan', () => {
    for (const run of ['XX', '____', '××', '某某', '【打印本页】']) {
      const text = `${HEAD}一、主要举措和成效\n\n全年开展活动${run.repeat(20_000)}完成`;
      assert.ok(Array.isArray(check(text)), run);
    }
    const prompt = `${HEAD}一、主要举措和成效\n\n原因：【请填写原因】【请填写原因】`;
    assert.ok(!rulesOf(prompt).has('end-punctuation'));
  });

  it('a Markdown heading with a long run of spaces before closing #s, and many autolinks on one line', () => {
    const heading = `# 一、主要举措和成效${' '.repeat(100_000)}完 ##\n`;
    assert.equal(lint(heading).document.blocks[0].text.endsWith('完'), true);
    const links = `${HEAD}${'<http://www.example.gov.cn/a> 发布，'.repeat(20_000)}\n`;
    assert.ok(Array.isArray(check(links)));
  });

  it('a plain-text report indented with four spaces is prose, not indented code', () => {
    const text = `${HEAD}    一、主要举措和成效\n\n    全年开展普法活动12场,发放资料XX份。\n`;
    const rules = rulesOf(text);
    assert.ok(rules.has('halfwidth-punctuation') && rules.has('placeholder'), [...rules].join());
    const parts = check(text).filter((f) => f.rule === 'required-section').map((f) => f.data.part);
    assert.ok(!parts.includes('measures'), 'the indented heading opens the measures part');
  });
});
