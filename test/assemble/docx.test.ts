// Word out and in: the exported .docx is inspected in its XML (GB/T 9704-2012 page, fonts,
// sizes, page numbers), re-imported to the same text and structure, and a .docx made from a
// seed report yields the same findings, paragraph by paragraph, as the seed's text.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { lint, type Finding } from '../../server/src/index.js';
import { exportDocx, layoutParagraphs } from '../../server/src/assemble/docx-export.js';
import { readDocx } from '../../server/src/assemble/docx-import.js';
import { assemble } from '../../server/src/assemble/assemble.js';
import { parseManifest } from '../../server/src/assemble/manifest.js';
import { renderSkeleton } from '../../server/src/assemble/skeleton.js';
import { builtInSkeletonPath, loadSkeleton } from '../../server/src/assemble/skeleton-files.js';
import { readSeed, seedFiles } from '../helpers/corpus.js';
import { BODIES, FIXTURES, docxParts, fillPrompts, run } from './helpers.js';

const TOWN = path.join(FIXTURES, 'town');
function assembledTown(): string {
  const read = (f: string) => readFileSync(path.join(TOWN, f), 'utf8');
  const manifestText = read('manifest.json');
  return assemble({ manifest: parseManifest(manifestText), manifestPath: 'manifest.json', manifestText, skeleton: loadSkeleton('town'), read }).markdown;
}
const filledTown = () => fillPrompts(renderSkeleton(readFileSync(builtInSkeletonPath('town'), 'utf8'), { body: BODIES.town, year: 2025 }), 'town');

const attr = (xml: string, tag: string, name: string): string | undefined =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** Effective formatting of each body paragraph: direct run/paragraph properties over the style over the defaults. */
function paragraphFormats(parts: Record<string, string>) {
  const styles = parts['word/styles.xml'];
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
  const styleXml = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
  const body = /<w:body>([\s\S]*)<w:sectPr/.exec(parts['word/document.xml'])![1];
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '';
    const style = attr(pPr, 'w:pStyle', 'w:val');
    const sx = style ? styleXml(style) : '';
    const firstRun = /<w:r>([\s\S]*?)<\/w:r>/.exec(p)?.[1] ?? '';
    const pick = (tag: string, name: string) => attr(firstRun, tag, name) ?? attr(sx, tag, name) ?? attr(defaults, tag, name);
    const pickP = (tag: string, name: string) => attr(pPr, tag, name) ?? attr(sx, tag, name) ?? attr(defaults, tag, name);
    return {
      style,
      text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      eastAsia: pick('w:rFonts', 'w:eastAsia'),
      size: pick('w:sz', 'w:val'),
      bold: /<w:b\/>|<w:b w:val="(true|1)"/.test(firstRun),
      jc: pickP('w:jc', 'w:val'),
      firstLineChars: pickP('w:ind', 'w:firstLineChars'),
      right: pickP('w:ind', 'w:right'),
      left: pickP('w:ind', 'w:left'),
      line: pickP('w:spacing', 'w:line'),
      lineRule: pickP('w:spacing', 'w:lineRule'),
    };
  });
}

describe('assembly: Word export (GB/T 9704-2012)', () => {
  let parts: Record<string, string>;
  const markdown = assembledTown();
  before(async () => {
    parts = await docxParts(await exportDocx(markdown));
  });

  it('uses A4, the standard margins and type area, and a 22 × 28 grid', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml'])![0];
    assert.equal(attr(sect, 'w:pgSz', 'w:w'), '11906');
    assert.equal(attr(sect, 'w:pgSz', 'w:h'), '16838');
    const twips = (name: string) => Number(attr(sect, 'w:pgMar', name));
    const mm = (t: number) => (t / 1440) * 25.4;
    assert.ok(Math.abs(mm(twips('w:top')) - 37) < 0.1, '天头 37 mm');
    assert.ok(Math.abs(mm(twips('w:left')) - 28) < 0.1, '订口 28 mm');
    assert.ok(Math.abs(mm(11906 - twips('w:left') - twips('w:right')) - 156) < 0.1, '版心宽 156 mm');
    assert.ok(Math.abs(mm(16838 - twips('w:top') - twips('w:bottom')) - 225) < 0.1, '版心高 225 mm');
    // 22 lines: exact line spacing of the Normal style, the largest whole-twip pitch that fits 22 lines.
    const height = 16838 - twips('w:top') - twips('w:bottom');
    const normal = /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(parts['word/styles.xml'])![0];
    const pitch = Number(attr(normal, 'w:spacing', 'w:line'));
    assert.equal(attr(normal, 'w:spacing', 'w:lineRule'), 'exact');
    assert.equal(Math.floor(height / pitch), 22, '22 lines a page');
    assert.ok(Math.floor(height / (pitch + 1)) < 22, 'the largest such pitch');
    // 28 characters: 三号 condensed so that 28 fit the 156 mm line and 29 do not.
    assert.equal(attr(normal, 'w:sz', 'w:val'), '32');
    const charTwips = 16 * 20 + Number(attr(normal, 'w:spacing', 'w:val'));
    const width = 11906 - twips('w:left') - twips('w:right');
    assert.equal(Math.floor(width / charTwips), 28, '28 characters a line');
  });

  it('formats each kind of paragraph: title, addressee, headings 1–4, body, signature, date', () => {
    const formats = paragraphFormats(parts);
    const laid = layoutParagraphs(markdown);
    assert.equal(formats.length, laid.length);
    const byKind = (role: string, level?: number) =>
      formats.filter((_, i) => laid[i].role === role && (level === undefined || laid[i].level === level) && laid[i].runIn === undefined);
    const only = (list: ReturnType<typeof paragraphFormats>) => {
      assert.ok(list.length > 0);
      return list;
    };
    for (const f of only(byKind('title'))) assert.deepEqual([f.eastAsia, f.size, f.jc, f.bold], ['方正小标宋简体', '44', 'center', false]);
    for (const f of only(byKind('addressee'))) assert.deepEqual([f.eastAsia, f.size, f.firstLineChars], ['仿宋_GB2312', '32', undefined]);
    const headingFont = ['', '黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    for (const level of [1, 2, 3, 4]) {
      for (const f of only(byKind('heading', level))) {
        assert.deepEqual([f.style, f.eastAsia, f.size, f.firstLineChars, f.bold], [`Heading${level}`, headingFont[level], '32', '200', false], f.text);
      }
    }
    for (const f of only(byKind('body'))) assert.deepEqual([f.eastAsia, f.size, f.jc, f.firstLineChars], ['仿宋_GB2312', '32', 'both', '200'], f.text);
    // Signature and date placed by their left edge (§7.3.5.2): the signature 右空二字 (8 characters: 张八桥镇人民政府),
    // the date's first character two characters right of the signature's, whatever width its digits take.
    const [signature] = only(byKind('signature'));
    const [date] = only(byKind('date'));
    assert.deepEqual([signature.jc, date.jc], ['left', 'left']);
    assert.equal(8844 - Number(signature.left) - 8 * 315, Math.round(Math.max(2, 6.5 + 4 - 8) * 315), 'right space of the signature');
    assert.equal(Number(date.left) - Number(signature.left), 2 * 315, 'the date two characters right of the signature');
    for (const f of formats) assert.deepEqual([f.line, f.lineRule], ['579', 'exact'], f.text);
    // A run-in heading: the heading part in 楷体, the rest in 仿宋.
    const runIn = formats.find((f) => f.text.startsWith('（三）严格规范公正文明执法。'))!;
    const i = formats.indexOf(runIn);
    assert.equal(laid[i].runIn, '（三）严格规范公正文明执法。'.length);
    const doc = /<w:body>([\s\S]*)<w:sectPr/.exec(parts['word/document.xml'])![1];
    const runs = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)][i][1].match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    assert.match(runs[0], /w:eastAsia="楷体_GB2312"/);
    assert.doesNotMatch(runs[1], /w:rFonts/);
  });

  it('numbers pages — 1 — in 四号 宋体, odd pages right and even pages left', () => {
    assert.match(parts['word/settings.xml'], /<w:evenAndOddHeaders\/>/);
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml'])![0];
    const rels = parts['word/_rels/document.xml.rels'];
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
      return parts[`word/${target}`];
    };
    for (const [type, jc, side] of [['default', 'right', 'w:right'], ['even', 'left', 'w:left']] as const) {
      const xml = footer(type);
      assert.ok(xml, `${type} footer`);
      assert.match(xml, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      assert.match(xml, /<w:fldChar w:fldCharType="begin"\/>/);
      assert.equal(attr(xml, 'w:jc', 'w:val'), jc);
      assert.equal(attr(xml, 'w:ind', side), '280', 'one 四号 character from the edge');
      const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      assert.deepEqual(texts, ['— ', ' —']);
      assert.ok([...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].every((m) => m[1] === '28'));
      assert.match(xml, /w:eastAsia="宋体"/);
    }
  });

  it('keeps the page number below the type area: its line fits the bottom margin, its dashes 7 mm under the type area', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml'])![0];
    const bottom = Number(attr(sect, 'w:pgMar', 'w:bottom'));
    const footerDistance = Number(attr(sect, 'w:pgMar', 'w:footer'));
    for (const name of ['word/footer1.xml', 'word/footer2.xml']) {
      const xml = parts[name];
      // The footer's own line, not the inherited 28.95 pt body pitch: a footer reaching above the bottom
      // margin pushes the type area up and costs the page its 22nd line.
      assert.equal(attr(xml, 'w:spacing', 'w:lineRule'), 'exact', name);
      const line = Number(attr(xml, 'w:spacing', 'w:line'));
      assert.equal(line, 280, 'one 四号 line');
      assert.ok(footerDistance + line <= bottom, `footer top ${footerDistance + line} inside the bottom margin ${bottom}`);
      // 一字线上距版心下边缘 7 mm (§7.5): the dashes sit at mid-height of the page-number line.
      const dashBelowTypeArea = ((bottom - footerDistance - line / 2) / 1440) * 25.4;
      assert.ok(Math.abs(dashBelowTypeArea - 7) < 0.5, `dashes ${dashBelowTypeArea.toFixed(1)} mm below the type area`);
    }
  });

  it('fills every page with its 22 lines: no widow/orphan control in the defaults or Normal', () => {
    const styles = parts['word/styles.xml'];
    const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)![0];
    const normal = /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0];
    for (const xml of [defaults, normal]) assert.match(xml, /<w:widowControl w:val="(false|0)"\/>/);
    assert.doesNotMatch(parts['word/document.xml'], /<w:widowControl\/>|<w:widowControl w:val="(true|1)"/);
  });
});

/** Non-blank lines, without HTML comments (guidance in skeletons). */
const contentLines = (md: string) => md.split('\n').filter((l) => l.trim() !== '' && !/^<!--.*-->$/.test(l.trim()));

describe('assembly: Word import (mammoth)', () => {
  it('round trip: a filled skeleton comes back line for line', async () => {
    const md = filledTown();
    const back = await readDocx(await exportDocx(md));
    assert.deepEqual(contentLines(back.markdown), contentLines(md));
  });

  it('round trip: the assembled report comes back with the same text and structure', async () => {
    const md = assembledTown();
    const back = (await readDocx(await exportDocx(md))).markdown;
    const a = lint(md).document;
    const b = lint(back).document;
    assert.deepEqual(b.blocks.map((x) => x.text), a.blocks.map((x) => x.text));
    const outline = (d: typeof a) => d.outline.all.map((s) => [s.level, s.title, s.part ?? null]);
    assert.deepEqual(outline(b), outline(a));
    assert.equal(b.meta.title, a.meta.title);
  });

  it('maps every line to its Word paragraph', async () => {
    const md = filledTown();
    const { markdown, paragraphOfLine } = await readDocx(await exportDocx(md));
    const lines = markdown.split('\n');
    assert.equal(paragraphOfLine.length, lines.length);
    const laid = layoutParagraphs(md);
    lines.forEach((line, i) => {
      if (line === '') return assert.equal(paragraphOfLine[i], 0);
      assert.equal(line.replace(/^#+ /, ''), laid[paragraphOfLine[i] - 1].text);
    });
  });

  it('says plainly what a file is when it is not a .docx (a .doc renamed, RTF, text, empty, broken zip)', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await assert.rejects(readDocx(ole), /Word 97–2003（\.doc）或 WPS/);
    await assert.rejects(readDocx(new TextEncoder().encode('{\\rtf1 报告}')), /RTF/);
    await assert.rejects(readDocx(new TextEncoder().encode('# 报告\n')), /不是 zip 压缩包|not a zip/);
    await assert.rejects(readDocx(new Uint8Array()), /空/);
    const good = await exportDocx(filledTown());
    await assert.rejects(readDocx(good.slice(0, good.length >> 1)), /已损坏|corrupt/);
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    await assert.rejects(readDocx(await zip.generateAsync({ type: 'uint8array' })), /word\/document\.xml/);

    // The same messages from the command line, exit code 2, no stack trace.
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-docx-'));
    writeFileSync(path.join(dir, '旧报告.docx'), ole);
    const imported = await run('import', ['旧报告.docx', '-o', '-'], dir);
    assert.equal(imported.code, 2);
    assert.match(imported.stderr, /旧报告\.docx 不是有效的 Word 文档.*另存为/);
    assert.doesNotMatch(imported.stderr, /\n\s+at /);
  });

  it('recovers headings from Chinese numbering when the Word file has no heading styles', async () => {
    const { paragraphsToMarkdown } = await import('../../server/src/assemble/docx-import.js');
    const md = paragraphsToMarkdown([
      { index: 1, text: '　　白蒲镇2024年法治政府建设情况报告', alignment: 'center' },
      { index: 2, text: '' },
      { index: 3, text: '一、主要举措和成效' },
      { index: 4, text: '（一）加强组织领导。镇党委研究法治建设4次。' },
      { index: 5, text: '　　全年审查合同41份。' },
      { index: 6, text: '二、存在的不足和原因', styleLevel: 1 },
      { index: 7, text: '主要举措', styleLevel: 2, numbering: { level: 1, isOrdered: true } },
    ]);
    assert.deepEqual(md.markdown.split('\n').filter(Boolean), [
      '白蒲镇2024年法治政府建设情况报告',
      '## 一、主要举措和成效',
      '（一）加强组织领导。镇党委研究法治建设4次。',
      '全年审查合同41份。',
      '## 二、存在的不足和原因',
      '### （一）主要举措',
    ]);
    assert.deepEqual(md.paragraphOfLine.filter(Boolean), [1, 3, 4, 5, 6, 7]);
  });
});

/** Rule, severity, paragraph (the block at or after its line; 'end' after the last one) and flagged text of each finding. */
function byParagraph(text: string, paragraphOfLine: (line: number) => number | undefined): string[] {
  const { findings, document } = lint(text);
  const lastEnd = document.blocks[document.blocks.length - 1]?.end ?? 0;
  const at = (f: Finding) => (f.start >= lastEnd && f.start === f.end ? undefined : paragraphOfLine(f.line));
  return findings.map((f) => `${f.rule}/${f.severity}@${at(f) ?? 'end'}${f.data.part ? `/${f.data.part}` : ''} “${text.slice(f.start, f.end).trim()}”`).sort();
}

describe('assembly: a .docx of a seed report yields the seed’s findings', () => {
  for (const file of seedFiles()) {
    it(file, async () => {
      const text = readSeed(file);
      const laid = layoutParagraphs(text);
      const paragraphOfSeedLine = (line: number) => {
        // A title written over two lines is one paragraph in Word.
        const i = laid.findIndex((p) => p.lastLine >= line);
        return i < 0 ? undefined : i + 1;
      };
      const { markdown, paragraphOfLine } = await readDocx(await exportDocx(text));
      const paragraphOfMdLine = (line: number) => {
        for (let i = line - 1; i < paragraphOfLine.length; i++) if (paragraphOfLine[i]) return paragraphOfLine[i];
        return undefined;
      };
      const expected = byParagraph(text, paragraphOfSeedLine);
      const actual = byParagraph(markdown, paragraphOfMdLine);
      assert.ok(expected.length > 0);
      assert.deepEqual(actual, expected);
    });
  }
});
