// Inputs no real report contains, which once made the check quadratic (hours on a 1 MB file) or overflow the
// call stack: each is checked correctly. Sizes are the smallest that still take the guarded paths (over 1 000
// emphasis/link/HTML markers, over 17 levels of nesting, several parse pieces); their time at 1 000 000
// characters is the bench's (test/bench/pathological.ts, npm run bench).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { applyFixes, check, lint } from '../../server/src/index.js';
import { PATHOLOGICAL } from '../bench/pathological.js';

// A real body's name: 某镇 is itself a placeholder (placeholder reports an unfilled 某县/某镇).
const HEAD = '张八桥镇关于2023年法治政府建设情况的报告\n\n';
const rulesOf = (text: string) => new Set(check(text).map((f) => f.rule));
const ENGINE = JSON.stringify(new URL('../../server/src/index.ts', import.meta.url).href);
const GENERATORS = JSON.stringify(new URL('../bench/pathological.ts', import.meta.url).href);

/**
 * Runs `module` (ES module source; ENGINE and GENERATORS name the engine and the generators) in a child process and
 * returns what it writes as JSON. A loop in the check would block this process and mocha's own timeout with it, so
 * a hang is tested so: the assertion fails when the child is killed after `ms`.
 */
function inChild<T>(module: string, ms: number, what: string): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', module], { timeout: ms, encoding: 'utf8' });
  assert.equal(r.signal, null, `the check did not finish within ${ms / 1000} s${what}`);
  return JSON.parse(r.stdout) as T;
}
/** The rules that found something besides the missing parts (these texts have no sections). */
const textRules = (text: string) => [...rulesOf(text)].filter((r) => r !== 'required-section').sort();

describe('engine: adversarial input', function () {
  this.timeout(20000);

  it('a long run of address characters (XXXX…, 1111…) is not rescanned for an e-mail address at each position', () => {
    for (const [run, expected] of [['X', ['placeholder']], ['1', []], ['a.', []]] as const) {
      const text = `${HEAD}我镇${run.repeat(40_000)}完成。`;
      assert.deepEqual(textRules(text), expected, run);
    }
    // Addresses are still recognised (not prose: no halfwidth-punctuation in them).
    const mail = `${HEAD}来信请寄 fazhi.ban@example.gov.cn，我们将及时答复。`;
    assert.ok(!check(mail).some((f) => f.rule === 'halfwidth-punctuation'));
  });

  it('an unclosed comment after many openers, and a disable comment without -->, cost one scan', () => {
    const text = `${HEAD}喜闻悦见。${'<!-- fazhi-lint-disable typo '.repeat(2_000)}`;
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
    for (let i = 0; deep.length < 100_000; i++) deep += `${'  '.repeat(i % 300)}- 项目\n`;
    // One block per non-blank line, each the item's text without its list markers.
    const blocks = lint(deep).document.blocks;
    assert.equal(blocks.length, deep.split('\n').filter((l) => l.trim()).length);
    assert.ok(blocks.slice(1).every((b) => b.text === '项目'));
  });

  it('thousands of * _ [ < in one paragraph skip emphasis, link and inline HTML matching, yet ** pairs and lone ** are told apart', () => {
    for (const marker of ['*中', '_中', '[中', '<中']) {
      const { document, findings } = lint(`${HEAD}${marker.repeat(10_000)}`);
      // Read as text: one paragraph, no emphasis, link or inline HTML node, nothing the punctuation rules object to.
      const kinds = new Set<string>();
      const visit = (n: { type: string; children?: unknown[] }): void => {
        kinds.add(n.type);
        for (const c of n.children ?? []) visit(c as typeof n);
      };
      visit(document.mdast);
      assert.deepEqual([...kinds].filter((k) => ['emphasis', 'strong', 'link', 'linkReference', 'html'].includes(k)), [], marker);
      assert.deepEqual(findings.filter((f) => f.rule.endsWith('punctuation')), [], marker);
    }
    const bold = `${HEAD}${'**加强领导。**全年开展活动。'.repeat(1000)}全年办理案件**件。`;
    const placeholders = check(bold).filter((f) => f.rule === 'placeholder');
    assert.equal(placeholders.length, 1, JSON.stringify(placeholders.slice(0, 3)));
  });

  it('a long run of placeholders or glued web chrome ending a paragraph is found in one scan', () => {
    for (const [run, rule] of [['XX', 'placeholder'], ['____', 'placeholder'], ['××', 'placeholder'], ['某某', 'placeholder'], ['【打印本页】', 'conversion-artifact']]) {
      const text = `${HEAD}一、主要举措和成效\n\n全年开展活动${run.repeat(5_000)}完成`;
      const at = text.indexOf(run);
      // One finding covering the whole run.
      assert.ok(check(text).some((f) => f.rule === rule && f.start === at && f.end === at + run.length * 5_000), run);
    }
    const prompt = `${HEAD}一、主要举措和成效\n\n原因：【请填写原因】【请填写原因】`;
    assert.ok(!rulesOf(prompt).has('end-punctuation'));
  });

  it('a Markdown heading with a long run of spaces before closing #s, and many autolinks on one line', () => {
    const heading = `# 一、主要举措和成效${' '.repeat(20_000)}完 ##\n`;
    assert.equal(lint(heading).document.blocks[0].text.endsWith('完'), true);
    const links = `${HEAD}${'<http://www.example.gov.cn/a> 发布，'.repeat(2_000)}\n`;
    assert.deepEqual(textRules(links), [], 'an autolink is not prose (no halfwidth punctuation, no spacing)');
  });

  it('a CMS table row of two fields with a comma in a value is checked in one pass (it looped forever)', () => {
    // gluedMetadata iterated the global FIELD_NEXT while metadataFields, called inside, reset its position.
    const text = '索引号: | 0001/2022-01 | 主题分类: | 农业,林业 |\n某某区农业农村局2021年度法治政府建设情况报告\n2021年，我局依法行政。\n';
    const rules = inChild<string[]>(
      `import { check } from ${ENGINE};
       process.stdout.write(JSON.stringify(check(${JSON.stringify(text)}).map((f) => f.rule)));`,
      15_000,
      '',
    );
    assert.ok(rules.includes('placeholder'), rules.join());
  });

  it('a plain-text report indented with four spaces is prose, not indented code', () => {
    const text = `${HEAD}    一、主要举措和成效\n\n    全年开展普法活动12场,发放资料XX份。\n`;
    const rules = rulesOf(text);
    assert.ok(rules.has('halfwidth-punctuation') && rules.has('placeholder'), [...rules].join());
    const parts = check(text).filter((f) => f.rule === 'required-section').map((f) => f.data.part);
    assert.ok(!parts.includes('measures'), 'the indented heading opens the measures part');
  });
});

// Issue 14.6: texts that took minutes or gigabytes at 1,000,000 characters. Checked here at 200,000 (a run of 《
// took about a minute at that size when the opening-year scan was quadratic); `npm run bench -- --only=pathological`
// times each at 1,000,000 as a whole process.
describe('engine: adversarial input at 200,000 characters (issue 14.6)', function () {
  this.timeout(120_000);
  const N = 200_000;
  const count = (text: string, rule: string) => lint(text).findings.filter((f) => f.rule === rule).length;

  for (const opener of ['《', '“', '【']) {
    it(`a run of ${opener}: one defect, one finding covering the run`, () => {
      const text = PATHOLOGICAL[`${opener} ×`](N);
      const found = lint(text).findings.filter((f) => f.rule === 'unpaired-punctuation');
      assert.equal(found.length, 1);
      assert.deepEqual([found[0].start, found[0].end, found[0].data], [0, N, { char: opener, kind: 'unclosed', count: N }]);
      assert.match(found[0].message, new RegExp(`^连续${N}个`));
      assert.ok(found[0].message.length < 120, 'the message shows the start of the run, not all of it');
    });
  }

  it('runs of unclosed marks in a report: one finding per run, a lone one as before, a closed one not at all', () => {
    const text = `${HEAD}一、主要举措和成效\n\n学习《《《民法典》，宣传““宪法，开展【普法活动。\n`;
    const found = check(text).filter((f) => f.rule === 'unpaired-punctuation');
    // 《《《民法典》: the third 《 is closed, the first two are one run; ““ is a run of two; 【 is alone.
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.start + (f.data.count as number ?? 1)), f.data.count]), [['《《', 2], ['““', 2], ['【', undefined]]);
    assert.match(found[2].message, /^左方头括号（【）没有配对的右方头括号（】）：【普法活动……$/);
  });

  it('a long run of one mask, one character apart (_中_中…): one placeholder finding; a few masks: one finding each', () => {
    const text = PATHOLOGICAL['_中 ×'](N);
    const found = lint(text).findings.filter((f) => f.rule === 'placeholder' && f.data.text === '_');
    assert.equal(found.length, 1);
    const { start, end, data } = found[0];
    // The whole run but its first mask or two (a _ opening a line may be Markdown), every mask counted.
    assert.ok(start - text.indexOf('_') <= 2 && end === text.lastIndexOf('_') + 1, `${start}–${end}`);
    assert.equal(data.count, (end - start + 1) / 2);
    const few = `${HEAD}一、主要举措和成效\n\n全年召开会议_次，参加_人，其中_人为村_组干部。\n`;
    assert.equal(check(few).filter((f) => f.rule === 'placeholder').length, 4);
  });
  it('a run of backslashes: no text rule finds anything (escapes, not prose problems)', () => {
    assert.deepEqual(textRules(PATHOLOGICAL['\\ ×'](N)).filter((r) => r !== 'title'), []);
  });

  it('20,000 list items and 40,000 short lines: one block each, the repeated lines one duplicate finding whose fix leaves one', () => {
    for (const [name, unit] of [['list items (10 chars each)', 10], ['short lines (5 chars each)', 5]] as const) {
      const text = PATHOLOGICAL[name](N);
      const { document, findings } = lint(text);
      const lines = N / unit;
      assert.equal(document.blocks.length, lines + 1);
      const duplicates = findings.filter((f) => f.rule === 'duplicate-text');
      assert.equal(duplicates.length, 1, name);
      const [d] = duplicates;
      // From the second line (line 4: the title, a blank line, the first) to the last.
      assert.deepEqual([d.line, d.endLine, d.data.count, d.data.line], [4, lines + 2, lines - 1, 3], name);
      // The repeated lines go, with the line break before them at the end of the text (as for one repeated line).
      const fixed = applyFixes(text, [d]).text;
      assert.equal(fixed, text.slice(0, text.indexOf('\n', text.indexOf('\n\n') + 2)), name);
    }
  });

  it('a numbered line of 200,000 characters with a space in every phrase: the spaces before its first sentence end are a run-in heading\'s, those after are reported', () => {
    // cjk-spacing tested the text from the numbering to each space for a sentence end: quadratic on such a line.
    const phrase = '加强组织领导 构建依法治镇工作新格局';
    const half = phrase.repeat(Math.ceil(N / 2 / phrase.length));
    const spacing = (text: string) => check(text).filter((f) => f.rule === 'cjk-spacing');
    assert.deepEqual(spacing(`${HEAD}一、${half}${half}\n`), []);
    const text = `${HEAD}一、${half}。${half}\n`;
    const found = spacing(text);
    const stop = text.indexOf('。');
    assert.equal(found.length, half.split(' ').length - 1);
    assert.ok(found.every((f) => f.start > stop && text.slice(f.start, f.end) === ' '));
  });

  it('lines of markup joined without a blank line (one micromark paragraph): parsed in pieces, every line a block', () => {
    // micromark's text-event merging is quadratic in one paragraph: at 400,000 characters about 45 s, now about 4 s.
    const { blocks, lines } = inChild<{ blocks: number; lines: number }>(
      `import { lint } from ${ENGINE};
       import { PATHOLOGICAL } from ${GENERATORS};
       const d = lint(PATHOLOGICAL['lines of [ ] without blank lines'](${2 * N})).document;
       process.stdout.write(JSON.stringify({ blocks: d.blocks.length, lines: d.lines.lineCount }));`,
      20_000,
      ' (quadratic: ~45 s)',
    );
    assert.ok(blocks > 0.99 * (lines - 2), `${blocks} blocks of ${lines} lines`);
  });

  it('one line of 200,000 characters of report text: one block, its repeated sentences found', () => {
    const text = PATHOLOGICAL['one line of report text'](N);
    const { document, findings } = lint(text);
    assert.equal(document.blocks.length, 2);
    assert.ok(findings.some((f) => f.rule === 'duplicate-text'));
  });
});
