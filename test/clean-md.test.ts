// Precision on Markdown: the reports in test/fixtures/clean-md are correct
// reports written in Markdown as writers do in VS Code (headings, lists,
// bold run-in headings, links, inline code, a GFM table, a blockquote, YAML
// front matter, HTML comments, a disable comment). The checker must report
// nothing on them — no error, warning, info or hint — also when the file has
// CRLF line endings and/or a UTF-8 BOM, and a defect injected into such a
// file must be reported at the same line and column as in the LF original.
//   01 county (宁远县人民政府 2024): # title, ## 一、 / ### （一） headings.
//   02 department (南通市司法局 2024): unnumbered ## headings, 1. and - lists, **bold** run-in headings, link,
//      inline code, GFM table, blockquote, 3.5% / 1,200件 / 9:30 / 0513-12345678 / e-mail / APP / PDF / 2021—2025年.
//      (No space in 1,200件 and 12345热线: a space between digits and Chinese is a cjk-spacing defect.)
//   03 subdistrict (城东街道办事处 2023): plain numbered paragraphs with blank lines, 一是…二是…, short
//      numbered heading lines without a full stop, run-in headings （二）…。正文.
//   04 town (安平县双河镇 2024): YAML front matter, HTML comments, a disable-next-line comment before a quoted
//      stele inscription “奉憲示禁”, **（一）…** heading lines, **一是** items, the neighbour 石桥镇 in
//      legitimate contexts, 县委、县政府 and 镇党委、政府.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lint, type Finding } from '../server/src/index.js';

const DIR = fileURLToPath(new URL('./fixtures/clean-md/', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

// Info/hint findings a correct Markdown report may legitimately get: none today.
const ALLOWED: { rule: string; why: string }[] = [];

const show = (f: Finding) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;

const VARIANTS: { name: string; convert: (text: string) => string; shift: number }[] = [
  { name: 'LF', convert: (t) => t, shift: 0 },
  { name: 'CRLF', convert: (t) => t.replace(/\n/g, '\r\n'), shift: 0 },
  { name: 'BOM', convert: (t) => `\ufeff${t}`, shift: 1 },
  { name: 'CRLF+BOM', convert: (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`, shift: 1 },
];

describe('clean Markdown fixtures: no findings of any severity', () => {
  it('there are four Markdown reports', () => {
    assert.equal(FILES.length, 4);
  });

  for (const file of FILES) {
    const source = readFileSync(path.join(DIR, file), 'utf8');

    for (const variant of VARIANTS) {
      it(`${file} (${variant.name}) is clean and understood`, () => {
        const text = variant.convert(source);
        const { findings, errors, document } = lint(text);
        assert.deepEqual(errors.map((e) => `${e.rule}: ${String(e.error)}`), [], 'rules crashed');
        const unexpected = findings.filter((f) => !ALLOWED.some((a) => a.rule === f.rule));
        assert.deepEqual(unexpected.map(show), [], 'findings on a clean Markdown report');
        const order = document.outline.sections.map((s) => s.part).filter((p, i, a) => p && a.indexOf(p) === i);
        assert.deepEqual(order, ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
        assert.ok(document.meta.body, 'the title names the body');
        assert.ok(document.meta.year, 'the title names the year');
      });
    }

    it(`${file}: a defect injected under CRLF/BOM is reported at the same place as under LF`, () => {
      // Two defects in the closing "其他需要报告的情况" paragraph: a placeholder and a half-width comma.
      const anchor = '未发生因违法行政被上级机关通报批评';
      assert.ok(source.includes(anchor), 'fixture has the 其他 paragraph');
      const broken = source.replace(anchor, '未发生因XX违法行政被上级机关,通报批评');
      const reference = lint(broken).findings.map((f) => ({ ...f, text: broken.slice(f.start, f.end) }));
      assert.deepEqual(
        reference.map((f) => `${f.rule} ${f.text}`),
        ['placeholder XX', 'halfwidth-punctuation ,'],
      );
      for (const variant of VARIANTS.slice(1)) {
        const text = variant.convert(broken);
        const got = lint(text).findings;
        assert.deepEqual(
          got.map((f) => `${f.rule} ${text.slice(f.start, f.end)} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`),
          reference.map((f) => `${f.rule} ${f.text} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`),
          `${variant.name}: same findings at the same line/column`,
        );
      }
    });
  }

  it('the disable comment in the town report silences a real finding', () => {
    const file = FILES.find((f) => f.includes('town'))!;
    const text = readFileSync(path.join(DIR, file), 'utf8').replace(/<!-- fazhi-lint-disable-next-line mixed-script -->\n/, '');
    const found = lint(text).findings.filter((f) => f.rule === 'mixed-script');
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['憲']);
  });
});

// Regression tests for the two engine fixes the Markdown fixtures needed (server/src/engine/document.ts).
describe('Markdown documents: front matter and BOM', () => {
  const body = readFileSync(path.join(DIR, FILES[0]), 'utf8');

  it('YAML front matter is not report text (no title/broken-paragraph/halfwidth finding on it)', () => {
    const text = `---\ntitle: 年度报告\ntags: [法治政府, 年度报告]\ndate: 2025-03-20\n---\n\n${body}`;
    assert.deepEqual(lint(text).findings.map(show), []);
  });

  it('a report that merely starts with a --- rule keeps its text', () => {
    const text = `---\n\n宁远县人民政府关于2024年法治政府建设情况的报告\n\n---\n\n${body.replace(/^# .*\n/, '')}`;
    const { document } = lint(text);
    assert.equal(document.meta.body, '宁远县人民政府');
    assert.ok(!document.isIgnored(text.indexOf('宁远县')), 'the title line is prose');
  });

  it('Markdown syntax after a BOM is located where it is: bold is not a ** placeholder, inline code is ignored', () => {
    const text = `\ufeff**强化统筹协调。** 全年审核\`XX系统\`文件12件。\n`;
    const found = lint(text).findings.filter((f) => f.rule === 'placeholder');
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), []);
    // The same without the bold markup and code span: both are real placeholders.
    const plain = '\ufeff**强化统筹协调。 全年审核XX系统文件12件。\n';
    assert.deepEqual(lint(plain).findings.filter((f) => f.rule === 'placeholder').map((f) => plain.slice(f.start, f.end)), ['**', 'XX']);
  });
});
