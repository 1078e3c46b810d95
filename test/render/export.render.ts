// The exported Word file as a reader sees it (issue 13): rendered by LibreOffice with free stand-ins for the
// template fonts, measured in the PDF's text boxes and page pictures. `npm run test:render` (called by .ci/run
// after scripts/setup-render.sh installs LibreOffice and poppler); skipped, saying why, where they are absent.
// FAZHI_SCREENSHOTS=1 also writes docs/images/assembly-export-{page1,table,signature,last}.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportDocx } from '../../server/src/assemble/docx-export.js';
import { titleLines } from '../../server/src/assemble/title-lines.js';
import { LINE_PITCH, MARGIN, PAGE, TITLE_CHARS_PER_LINE, TYPE_AREA, FOOTER_DISTANCE, PAGE_NUMBER_LINE } from '../../server/src/assemble/gbt9704.js';
import { greyPage, missingTools, mmToPt, pngPages, renderPdf, textLayout, type Page, type TextLine } from './render.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const REPORT = path.join(HERE, 'fixtures/report.md');

const pt = (twips: number) => twips / 20;
const LEFT = pt(MARGIN.left);
const RIGHT = pt(PAGE.width - MARGIN.right);
const TOP = pt(MARGIN.top);
const BOTTOM = TOP + pt(TYPE_AREA.height);
const PITCH = pt(LINE_PITCH);
/** A 三号 character as the export sets it (16 pt condensed by 0.25 pt). */
const CHAR = 15.75;
const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(1)} pt, expected ${expected.toFixed(1)} ± ${tolerance}`);

/**
 * Lines of body size in the type area: pdftotext's box of a 三号 line is its glyphs' (20.8 pt high, 8 pt below the
 * top of its 28.95 pt line); footnotes (四号, 18 pt boxes) and the page number are left out, a title's 二号 line kept.
 */
const bodyLines = (page: Page) => page.lines.filter((l) => l.yMin >= TOP - 4 && l.yMax <= BOTTOM + 2 && l.yMax - l.yMin > 19.5);
/** Top of the 28.95 pt line a text line sits on. */
const lineTop = (l: TextLine) => l.yMin - (l.yMax - l.yMin > 25 ? 2.3 : 8);
/** Punctuation that LibreOffice lets hang into the right margin (行尾标点悬挂). */
const HANGING = /[，。、；：！？”’）》]$/;
/** The first (or, with `last`, the last) line matching `pattern`, and its 0-based page. */
const find = (pages: Page[], pattern: RegExp, last = false): { page: number; line: TextLine } => {
  const all = pages.flatMap((p, page) => p.lines.filter((l) => pattern.test(l.text)).map((line) => ({ page, line })));
  const hit = last ? all[all.length - 1] : all[0];
  if (!hit) throw new Error(`no line matches ${pattern}`);
  return hit;
};

/** Plain text, no heading and no note: pages fill with lines, as §5.2.4 asks (撑满版心). */
const PLAIN = [
  '# 张八桥镇人民政府关于2025年法治政府建设情况的报告',
  '',
  ...Array.from({ length: 24 }, (_, i) => `第${i + 1}段：镇综合行政执法队全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，全年办理行政处罚案件，案卷评查全部合格，执法规范化水平持续提升，群众满意度稳步提高。\n`),
].join('\n');

describe('render: the exported .docx as LibreOffice prints it (GB/T 9704-2012)', function () {
  this.timeout(240_000);
  let dir: string;
  let pdf: string;
  let pages: Page[];
  let plain: Page[];

  before(async function () {
    const missing = missingTools();
    if (missing) {
      console.log(`    skipped: ${missing} not installed (run scripts/setup-render.sh as root to install LibreOffice and poppler-utils)`);
      this.skip();
    }
    dir = mkdtempSync(path.join(tmpdir(), 'fazhi-render-'));
    const docx = path.join(dir, 'report.docx');
    writeFileSync(docx, await exportDocx(readFileSync(REPORT, 'utf8')));
    pdf = renderPdf(docx, dir);
    pages = textLayout(pdf);
    const plainDocx = path.join(dir, 'plain.docx');
    writeFileSync(plainDocx, await exportDocx(PLAIN));
    plain = textLayout(renderPdf(plainDocx, dir));
  });

  it('has the A4 page and the 156 × 225 mm type area: text from 28 mm left to 26 mm right, 37 mm from the top', () => {
    for (const page of pages) {
      near(page.width, 595.3, 0.5, 'page width');
      near(page.height, 841.9, 0.5, 'page height');
      for (const l of bodyLines(page)) {
        const right = HANGING.test(l.text) ? RIGHT + CHAR + 1 : RIGHT + 1;
        assert.ok(l.xMin >= LEFT - 1 && l.xMax <= right, `“${l.text}” (${l.xMin.toFixed(1)}–${l.xMax.toFixed(1)}) leaves the type area`);
      }
    }
    // A full line of a justified paragraph spans the type area exactly; its continuation lines start at the left edge.
    const full = pages.flatMap(bodyLines).filter((l) => l.xMax > RIGHT - 2 && l.xMin < LEFT + 1 && !HANGING.test(l.text));
    assert.ok(full.length > 20, `${full.length} full lines`);
    for (const l of full) {
      near(l.xMin, LEFT, 1, `left edge of “${l.text.slice(0, 8)}…”`);
      near(l.xMax, RIGHT, 1.5, `right edge of “${l.text.slice(0, 8)}…”`);
    }
    near(mmToPt(28), LEFT, 0.1, '订口 28 mm');
    near(lineTop(bodyLines(pages[1])[0]), TOP, 1.5, 'first line of page 2 at the top of the type area');
  });

  it('sets 22 lines a page and 28 characters a line', () => {
    // On pages without a table every line sits on the 28.95 pt grid from the top of the type area: slots 0–21.
    const slots = [...pages, ...plain]
      .filter((p) => !p.lines.some((l) => l.text === '项目'))
      .map((p) =>
        bodyLines(p).map((l) => {
          const slot = (lineTop(l) - TOP) / PITCH;
          assert.ok(Math.abs(slot - Math.round(slot)) < 0.05, `“${l.text.slice(0, 8)}” off the line grid (${slot.toFixed(2)})`);
          return Math.round(slot);
        }),
      );
    assert.ok(slots.every((s) => Math.max(...s) <= 21), 'no page holds more than 22 lines');
    const full = slots.find((s) => s.length === 22);
    assert.ok(full, `a page of text fills its 22 lines (lines per text page: ${slots.map((s) => s.length).join(', ')})`);
    assert.deepEqual(full, Array.from({ length: 22 }, (_, i) => i));
    const cjkOnly = pages.flatMap(bodyLines).filter((l) => l.xMax > RIGHT - 2 && l.xMin < LEFT + 1 && !HANGING.test(l.text) && !/[0-9A-Za-z.%+（）“”]/.test(l.text));
    assert.ok(cjkOnly.length > 0);
    for (const l of cjkOnly) assert.equal([...l.text].length, 28, l.text);
  });

  it('finds a font for every role: the template names reach their stand-ins (小标宋/黑体, 仿宋, 楷体, Times)', () => {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    for (const stand of ['WenQuanYiZenHei', 'UMingCN', 'UKaiCN', 'LiberationSerif']) assert.match(fonts, new RegExp(`\\+${stand}\\b`), stand);
    assert.doesNotMatch(fonts, /DejaVu/, 'no fallback to a font nobody asked for');
  });

  it('breaks the long title between words into balanced lines, one centred title', () => {
    const expected = titleLines(['张八桥镇人民政府关于2025年法治政府建设情况的报告'], TITLE_CHARS_PER_LINE);
    assert.deepEqual(expected, ['张八桥镇人民政府', '关于2025年法治政府建设情况的报告']);
    const [first, second] = pages[0].lines;
    assert.deepEqual([first.text, second.text], expected);
    for (const l of [first, second]) near((l.xMin + l.xMax) / 2, (LEFT + RIGHT) / 2, 2, `centre of “${l.text}”`);
    near(second.yMin - first.yMin, PITCH, 0.5, 'title lines one pitch apart');
    near(lineTop(first), TOP, 1.5, 'title on the first line');
  });

  it('draws the table with full borders and repeats its header row on the next page', () => {
    // pdftotext reads a table cell by cell: a row is the cells at one height.
    const start = find(pages, /^项目$/);
    const rowOf = (page: Page, y: number) => page.lines.filter((l) => Math.abs(l.yMin - y) < 1).map((l) => l.text);
    assert.deepEqual(rowOf(pages[start.page], start.line.yMin), ['项目', '2024年', '2025年', '增减']);
    const rows = pages[start.page].lines.filter((l) => l.yMin >= start.line.yMin - 1 && l.xMin > LEFT + 2 && l.xMin < LEFT + 10);
    // The header row again at the top of the next page.
    const next = pages[start.page + 1].lines[0];
    assert.deepEqual(rowOf(pages[start.page + 1], next.yMin), ['项目', '2024年', '2025年', '增减'], 'header row repeated');
    near(lineTop(next), TOP, 3, 'repeated header at the top of the page');
    // Borders: a dark rule under every row of the table on its first page, and five vertical rules (four columns).
    const grey = greyPage(pdf, start.page + 1, dir);
    const s = grey.scale;
    const x0 = Math.round((LEFT + 2) * s);
    const x1 = Math.round((RIGHT - 2) * s);
    const top = Math.round((start.line.yMin - 12) * s);
    const bottom = Math.round((rows[rows.length - 1].yMax + 12) * s);
    const rules: number[] = [];
    for (let y = top; y <= bottom; y++) {
      let dark = 0;
      for (let x = x0; x <= x1; x++) if (grey.pixel(x, y) < 128) dark++;
      if (dark > (x1 - x0) * 0.95 && (rules.length === 0 || y - rules[rules.length - 1] > 2)) rules.push(y);
    }
    assert.equal(rules.length, 1 + rows.length + 1, `horizontal rules for the header and ${rows.length} rows`);
    const mid = Math.round((rules[0] + rules[1]) / 2);
    let verticals = 0;
    for (let x = Math.round((LEFT - 3) * s); x <= Math.round((RIGHT + 3) * s); x++) {
      if (grey.pixel(x, mid) < 128 && grey.pixel(x, rules[1] + 4) < 128 && grey.pixel(x, rules[rules.length - 1] - 4) < 128 && grey.pixel(x - 1, mid) >= 128) verticals++;
    }
    assert.equal(verticals, 5, 'vertical rules');
  });

  it('prints footnotes at the foot of the page that cites them, in a smaller size', () => {
    for (const [mark, text] of [
      [/^2025年）》1，/, '中共中央、国务院2021年8月印发。'],
      [/群体性事件2。/, '数据来源：张八桥镇矛盾纠纷调处化解中心台账。'],
    ] as const) {
      const cited = find(pages, mark);
      const note = find(pages, new RegExp(text.replace(/[()（）]/g, '.')));
      assert.equal(note.page, cited.page, `footnote “${text}” on the page citing it`);
      const lastBody = bodyLines(pages[note.page]).pop()!;
      assert.ok(note.line.yMin > lastBody.yMax, 'below the text');
      assert.ok(note.line.yMax - note.line.yMin < 19.5, 'smaller than the body');
      assert.ok(note.line.yMax <= BOTTOM + 1, 'inside the type area');
    }
  });

  it('numbers pages — n — in the footer: odd pages right, even pages left, one character in, 7 mm under the type area', () => {
    const dashLine = BOTTOM + mmToPt(7);
    pages.forEach((page, i) => {
      const n = i + 1;
      const number = page.lines.find((l) => l.yMin > BOTTOM && l.text === `—${n}—`);
      assert.ok(number, `page ${n} has — ${n} —`);
      if (n % 2) near(number.xMax, RIGHT - 14, 2, `page ${n}: one 四号 character from the right`);
      else near(number.xMin, LEFT + 14, 2, `page ${n}: one 四号 character from the left`);
      near((number.yMin + number.yMax) / 2, dashLine, 3, `page ${n}: dashes 7 mm under the type area`);
    });
    near(pt(MARGIN.bottom - FOOTER_DISTANCE - PAGE_NUMBER_LINE / 2), mmToPt(7), 0.5, 'footer set for 7 mm');
  });

  it('lays out 附件说明, signature and date as §7.3.4 and §7.3.5.2 show, kept with the text above', () => {
    const note = find(pages, /^附件：1\./);
    const second = find(pages, /^2\.张八桥镇/);
    const before = find(pages, /^本年度无其他需要报告的情况。$/);
    const signature = find(pages, /^张八桥镇人民政府$/, true);
    const date = find(pages, /^2026年3月20日$/);
    assert.equal(new Set([note.page, second.page, before.page, signature.page, date.page]).size, 1, 'all on one page');
    near(note.line.yMin - before.line.yMin, 2 * PITCH, 0.5, 'a blank line before 附件说明');
    near(note.line.xMin, LEFT + 2 * CHAR, 1, '附件 two characters in');
    const one = note.line.words.find((w) => w.text.startsWith('1.')) ?? { xMin: note.line.xMin + 3 * CHAR };
    near(second.line.xMin, one.xMin, 1, 'item 2 under item 1');
    const signatureLine = signature.line;
    // The long second item wraps, its second line under the name's first character (not under “2.”).
    const wrapped = find(pages, /^解工作情况一览表$/);
    // “2.” is a Times digit and period: 8 + 4 pt, each condensed by 0.25 pt.
    near(wrapped.line.xMin, second.line.xMin + 11.5, 1, 'wrapped name aligned under its first character');
    near(wrapped.line.yMin - second.line.yMin, PITCH, 0.5, 'wrapped line next');
    near(signatureLine.yMin - wrapped.line.yMin, 2 * PITCH, 0.5, 'a blank line before the signature');
    near(RIGHT - signatureLine.xMax, 2.5 * CHAR, 1.5, 'signature: 右空 2.5 characters (the date being longer than 8 − 4)');
    near(date.line.xMin - signatureLine.xMin, 2 * CHAR, 1, 'date two characters right of the signature');
    near(date.line.yMin - signatureLine.yMin, PITCH, 0.5, 'date on the next line');
  });

  it('starts each attachment on a new page: 附件1 in 黑体 top left, its title centred on the third line', () => {
    const last = pages[pages.length - 1];
    const [label, title, text] = last.lines;
    assert.equal(label.text, '附件1');
    near(label.xMin, LEFT, 1, '附件1 at the left edge');
    near(lineTop(label), TOP, 1.5, '附件1 on the first line');
    assert.equal(title.text, '张八桥镇2025年行政执法统计表');
    near(lineTop(title) - lineTop(label), 2 * PITCH, 1, 'title on the third line');
    near((title.xMin + title.xMax) / 2, (LEFT + RIGHT) / 2, 2, 'title centred');
    assert.match(text.text, /^全年办理行政处罚案件126件/);
  });

  after(function () {
    if (!pdf || process.env.FAZHI_SCREENSHOTS !== '1') return;
    const table = find(pages, /^项目$/).page + 1;
    const shots = pngPages(pdf, dir, 1, pages.length);
    copyFileSync(shots[0], path.join(ROOT, 'docs/images/assembly-export-page1.png'));
    copyFileSync(shots[table - 1], path.join(ROOT, 'docs/images/assembly-export-table.png'));
    copyFileSync(shots[find(pages, /^2026年3月20日$/).page], path.join(ROOT, 'docs/images/assembly-export-signature.png'));
    copyFileSync(shots[shots.length - 1], path.join(ROOT, 'docs/images/assembly-export-last.png'));
  });
});
