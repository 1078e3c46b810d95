// Issue 13: what a report holds besides paragraphs survives assemble → export → import → check: GFM tables,
// footnotes, bold run-in headings, long and forced-break titles, 附件说明 and attachment pages, the signature
// kept with its text, the font table with alternate names (configurable), --allow-missing and no doubled
// lead-in, and findings in a .docx located as Word shows them (第N段, 表N 第r行第c列).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assemble } from '../../server/src/assemble/assemble.js';
import { parseManifest } from '../../server/src/assemble/manifest.js';
import { loadSkeleton } from '../../server/src/assemble/skeleton-files.js';
import { ExportError, exportDocx } from '../../server/src/assemble/docx-export.js';
import { layoutReport } from '../../server/src/assemble/layout.js';
import { readDocx } from '../../server/src/assemble/docx-import.js';
import { titleLines } from '../../server/src/assemble/title-lines.js';
import { run as runCli } from '../../server/src/cli/run.js';
import { lint } from '../../server/src/index.js';
import { ROOT, docxParts, run } from './helpers.js';

const HEAD = `# 张八桥镇人民政府关于2025年法治政府建设情况的报告

县委、县政府：

2025年，我镇全面推进法治政府建设，现将有关情况报告如下。

## 一、推进法治政府建设的主要举措和成效
`;
const TAIL = `
张八桥镇人民政府

2026年3月20日
`;
const TABLE = `| 项目 | 2024年 | 2025年 |
| --- | :---: | ---: |
| 行政复议案件 | 12 | 15 |
| 行政诉讼案件 | 3 | 2 |`;

/** A manifest and its contributions in a fresh folder. */
function project(files: Record<string, string>, parts: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-content-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const manifest = { body: '张八桥镇人民政府', year: 2025, profile: 'town', addressee: '县委、县政府', date: '2026年3月20日', parts };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

function assembleDir(dir: string, missing?: Set<string>) {
  const manifestText = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  return assemble({
    manifest: parseManifest(manifestText),
    manifestPath: 'manifest.json',
    manifestText,
    skeleton: loadSkeleton('town'),
    missing,
    read: (f) => readFileSync(path.join(dir, f), 'utf8'),
  });
}

const body = (xml: string) => /<w:body>([\s\S]*)<w:sectPr/.exec(xml)![1];
const texts = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('assembly: tables (GFM) through assemble, export, import and check', () => {
  const dir = project({ '统计.md': `## 主要数据\n\n全年主要数据如下。\n\n${TABLE}\n` }, { measures: ['统计.md'] });

  it('assemble keeps a table’s rows together (no blank line between them)', () => {
    const { markdown, findings } = assembleDir(dir);
    assert.ok(markdown.includes(`${TABLE}\n`), markdown);
    assert.deepEqual(findings.filter((f) => f.source.file === '统计.md'), []);
  });

  it('exports a real Word table: full borders, header row repeated, centred, body size, column alignment', async () => {
    const parts = await docxParts(await exportDocx(HEAD + `\n全年主要数据如下。\n\n${TABLE}\n` + TAIL));
    const doc = body(parts['word/document.xml']);
    const tables = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    assert.equal(tables.length, 1);
    const tbl = tables[0];
    assert.doesNotMatch(doc.replace(tbl, ''), /\| 项目 \|/, 'no row left as text');
    for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) assert.match(tbl, new RegExp(`<w:${side} w:val="single"`), side);
    assert.match(tbl, /<w:tblHeader\/>/);
    assert.match(/<w:tblPr>[\s\S]*?<\/w:tblPr>/.exec(tbl)![0], /<w:jc w:val="center"\/>/);
    const rows = tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    assert.deepEqual(rows.map((r) => r.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!.map(texts)), [
      ['项目', '2024年', '2025年'],
      ['行政复议案件', '12', '15'],
      ['行政诉讼案件', '3', '2'],
    ]);
    assert.match(rows[1], /<w:jc w:val="right"\/>[\s\S]*?>15</, 'the ---: column right-aligned');
    assert.doesNotMatch(tbl, /<w:sz /, 'cells in the body size of the Normal style (三号)');
    const width = [.../<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(tbl)![1].matchAll(/w:w="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
    assert.ok(width <= 8844, `table ${width} twips fits the type area`);
  });

  it('imports a Word table back as a GFM table, and checking the .docx locates findings as 表N 第r行第c列', async () => {
    const md = HEAD + `\n全年召开专题会议4次,研究解决重点问题。\n\n${TABLE.replace('| 3 | 2 |', '| 3 | 20XX |')}\n` + TAIL;
    const bytes = await exportDocx(md);
    const back = await readDocx(bytes);
    assert.match(back.markdown, /\| 项目 \| 2024年 \| 2025年 \|\n\| --- \| :---: \| ---: \|\n\| 行政复议案件 \| 12 \| 15 \|\n\| 行政诉讼案件 \| 3 \| 20XX \|/);
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-content-'));
    writeFileSync(path.join(dir, '报告.docx'), bytes);
    let out = '';
    const io = { cwd: dir, stdout: (t: string) => (out += t), stderr: () => undefined, readStdin: async () => new Uint8Array(), stdoutIsTTY: false, env: {} };
    await runCli(['报告.docx'], io as never);
    assert.match(out, /表1 第3行第3列“20XX”\s+错误\s+年份占位符“20XX”/);
    // Paragraphs as a reader counts them: title 1, addressee 2, opening 3, heading 4, this one 5.
    assert.match(out, /第5段“,”\s+警告/);
    let json = '';
    await runCli(['--format', 'json', '报告.docx'], { ...io, stdout: (t: string) => (json += t) } as never);
    const findings = JSON.parse(json).files[0].findings as { rule: string; line: number; data: Record<string, unknown> }[];
    const cell = findings.find((f) => f.rule === 'placeholder')!;
    assert.ok(cell.line > 0, 'line and column kept');
    assert.deepEqual([cell.data.table, cell.data.row, cell.data.cell, cell.data.wordLocation], [1, 3, 3, '表1 第3行第3列']);
    const comma = findings.find((f) => f.rule === 'halfwidth-punctuation')!;
    assert.deepEqual([comma.data.paragraph, comma.data.wordLocation], [5, '第5段']);
  });
});

describe('assembly: a report with all of these comes back from Word as it was written', () => {
  it('test/render/fixtures/report.md: export then import gives the same blocks, findings and outline', async () => {
    const md = readFileSync(path.join(ROOT, 'test/render/fixtures/report.md'), 'utf8');
    const back = (await readDocx(await exportDocx(md))).markdown;
    const a = lint(md);
    const b = lint(back);
    assert.deepEqual(b.document.blocks.map((x) => x.text), a.document.blocks.map((x) => x.text));
    assert.deepEqual(b.document.outline.all.map((s) => [s.level, s.title]), a.document.outline.all.map((s) => [s.level, s.title]));
    assert.deepEqual(b.findings.map((f) => f.rule), a.findings.map((f) => f.rule));
    assert.match(back, /\[\^1\]: 中共中央、国务院2021年8月印发。/);
  });
});

describe('assembly: footnotes', () => {
  it('assemble gives each contribution’s notes their own labels', () => {
    const dir = project(
      { 'a.md': '## 甲\n\n全年开展活动36场[^1]。\n\n[^1]: 含集中活动6场。\n', 'b.md': '## 乙\n\n发出意见书3份[^1]。\n\n[^1]: 均已回复。\n' },
      { measures: ['a.md', 'b.md'] },
    );
    const { markdown } = assembleDir(dir);
    assert.match(markdown, /活动36场\[\^1\]。\n\n\[\^1\]: 含集中活动6场。\n/);
    assert.match(markdown, /意见书3份\[\^2\]。\n\n\[\^2\]: 均已回复。\n/);
  });

  it('exports Word footnotes and imports them back as [^n]', async () => {
    const md = HEAD + '\n全年开展活动36场[^a]，发出意见书3份[^b]。\n\n[^a]: 含集中活动6场。\n[^b]: 均已回复。\n' + TAIL;
    const parts = await docxParts(await exportDocx(md));
    const doc = body(parts['word/document.xml']);
    assert.equal((doc.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []).length, 2);
    assert.doesNotMatch(texts(doc), /\[\^|含集中活动/, 'no mark or note text left in the body');
    assert.match(texts(parts['word/footnotes.xml']), /含集中活动6场。[\s\S]*均已回复。/);
    const back = (await readDocx(await exportDocx(md))).markdown;
    assert.match(back, /全年开展活动36场\[\^1\]，发出意见书3份\[\^2\]。/);
    assert.match(back, /\n\[\^1\]: 含集中活动6场。\n\n\[\^2\]: 均已回复。\n$/);
  });

  it('refuses to export what it cannot render, naming each line (never dropped silently)', async () => {
    const md = HEAD + '\n见附图[^x]。\n\n![图](a.png)\n\n```\ncode\n```\n\n[^y]: 没有被引用的脚注。\n' + TAIL;
    await assert.rejects(exportDocx(md), (e: Error) => {
      assert.ok(e instanceof ExportError);
      const lines = e.problems.map((p) => p.line);
      assert.deepEqual(lines, [9, 11, 13, 17]);
      assert.match(e.message, /第 9 行：脚注标记 \[\^x\] 没有对应的脚注内容/);
      assert.match(e.message, /第 11 行：图片无法导出/);
      assert.match(e.message, /第 13 行：代码块无法导出/);
      assert.match(e.message, /第 17 行：脚注 \[\^y\] 在正文中没有被引用/);
      return true;
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-content-'));
    writeFileSync(path.join(dir, 'r.md'), md);
    const r = await run('export', ['r.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /4 处无法导出到 Word/);
    // YAML front matter is metadata, not a rule in the text: exported without it.
    const front = await readDocx(await exportDocx('---\ntitle: 年度报告\n---\n' + HEAD + TAIL));
    assert.doesNotMatch(front.markdown, /title: 年度报告/);
  });
});

describe('assembly: bold run-in headings', () => {
  const line = '**（1）推行复议意见书制度。**向行政机关发出意见书3份，均已整改到位。';

  it('assemble keeps the opening ** and creates no placeholder finding blamed on the contribution', () => {
    const dir = project({ '复议.md': `## 推进行政复议规范化\n\n### （一）完善制度\n\n${line}\n` }, { measures: ['复议.md'] });
    const { markdown, findings } = assembleDir(dir);
    assert.match(markdown, /\n\*\*（1）推行复议意见书制度。\*\*向行政机关/);
    assert.deepEqual(findings.filter((f) => f.source.file === '复议.md').map((f) => f.rule), []);
  });

  it('exports the heading part bold in its level’s font, and imports it back bold', async () => {
    const md = HEAD + '\n### （一）加强组织领导\n\n#### 1.完善制度\n\n' + line + '\n' + TAIL;
    const doc = body((await docxParts(await exportDocx(md)))['word/document.xml']);
    const p = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]).find((x) => texts(x).startsWith('（1）'))!;
    const runs = p.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    assert.equal(texts(runs[0]), '（1）推行复议意见书制度。');
    assert.match(runs[0], /<w:b\/>/);
    assert.match(runs[0], /w:eastAsia="仿宋_GB2312"/, 'level 4: 仿宋');
    assert.doesNotMatch(runs[1], /<w:b\/>/);
    const back = (await readDocx(await exportDocx(md))).markdown;
    assert.ok(back.includes(`\n${line}\n`), back);
    // A level-2 run-in heading takes 楷体.
    const kai = body((await docxParts(await exportDocx(HEAD + '\n**（一）加强组织领导。**全年召开会议4次。\n' + TAIL)))['word/document.xml']);
    assert.match(kai, /<w:r><w:rPr><w:rFonts [^>]*w:eastAsia="楷体_GB2312"[^>]*\/><w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>（一）加强组织领导。/);
  });
});

describe('assembly: the title', () => {
  it('breaks a title longer than a line between words into balanced lines, in one centred paragraph', async () => {
    assert.deepEqual(titleLines(['张八桥镇人民政府关于2025年法治政府建设情况的报告'], 20), ['张八桥镇人民政府', '关于2025年法治政府建设情况的报告']);
    assert.deepEqual(titleLines(['启东市市场监督管理局关于2025年度法治政府建设情况的报告'], 20), ['启东市市场监督管理局', '关于2025年度法治政府建设情况的报告']);
    // Never inside a number with its 年, never before 的, never after 关于.
    for (const t of ['中共张八桥镇委员会 张八桥镇人民政府关于2025年度法治政府建设和依法行政工作情况的报告', '张八桥镇2025年度法治政府建设和依法行政工作开展情况的报告']) {
      const lines = titleLines([t], 20);
      assert.equal(lines.join(''), t);
      for (let i = 1; i < lines.length; i++) {
        assert.doesNotMatch(lines[i], /^(?:年|的|\d)/, lines.join(' / '));
        assert.doesNotMatch(lines[i - 1], /关于$/, lines.join(' / '));
      }
      for (const l of lines) assert.ok([...l].length <= 20, l);
    }
    assert.deepEqual(titleLines(['如东县2025年法治政府建设工作报告'], 20), ['如东县2025年法治政府建设工作报告'], 'short: one line');
    const doc = body((await docxParts(await exportDocx(HEAD + TAIL)))['word/document.xml']);
    const title = /<w:p>(<w:pPr><w:pStyle w:val="Title"\/>[\s\S]*?)<\/w:p>/.exec(doc)![1];
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.deepEqual(title.split(/<w:br\/>/).map(texts), ['张八桥镇人民政府', '关于2025年法治政府建设情况的报告']);
  });

  it('takes the writer’s own break: <br> in the # title, or a title written over two lines', async () => {
    // (Two # lines are two headings to the checker; a plain first line joined to the # line is one title.)
    for (const head of ['# 张八桥镇人民政府关于2025年法治政府<br>建设情况的报告', '张八桥镇人民政府关于2025年法治政府\n\n# 建设情况的报告']) {
      const md = HEAD.replace(/^# .*\n/, head + '\n') + TAIL;
      const laid = layoutReport(md).items[0];
      assert.ok(laid.kind === 'paragraph' && laid.role === 'title');
      assert.deepEqual(laid.lines, ['张八桥镇人民政府关于2025年法治政府', '建设情况的报告'], head);
      const doc = body((await docxParts(await exportDocx(md)))['word/document.xml']);
      assert.equal((doc.match(/<w:pStyle w:val="Title"\/>/g) ?? []).length, 1, 'one title paragraph');
    }
  });
});

describe('assembly: 附件说明, signature and attachment pages', () => {
  const md =
    HEAD +
    '\n全年办理行政处罚案件126件。\n\n附件：1.张八桥镇2025年行政执法统计表\n2.张八桥镇2025年法治宣传教育活动一览表\n' +
    TAIL +
    '\n附件1\n\n张八桥镇2025年行政执法统计表\n\n全年办理行政处罚案件126件。\n';

  it('gives each its role: attachment note, signature, date, attachment label and title', () => {
    const roles = layoutReport(md).items.map((i) => (i.kind === 'paragraph' ? `${i.role}:${i.text.slice(0, 6)}` : 'table'));
    assert.deepEqual(roles.slice(-8), [
      'body:全年办理行政',
      'attachment-note:附件：1.张',
      'attachment-note:2.张八桥镇',
      'signature:张八桥镇人民',
      'date:2026年3',
      'attachment-label:附件1',
      'attachment-title:张八桥镇20',
      'body:全年办理行政',
    ]);
  });

  it('keeps the text above with the signature, lays the items out aligned, starts the attachment on a new page', async () => {
    const doc = body((await docxParts(await exportDocx(md)))['word/document.xml']);
    const paragraphs = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
    const at = (start: string) => paragraphs.find((p) => texts(p).startsWith(start))!;
    const last = paragraphs.filter((p) => texts(p) === '全年办理行政处罚案件126件。');
    assert.match(last[0], /<w:keepNext\/>/, 'the paragraph above 附件说明 keeps with it');
    const first = at('附件：1.');
    const second = at('2.张八桥镇');
    assert.match(first, /<w:spacing [^>]*w:before="579"/, 'a blank line before 附件说明');
    const ind = (p: string) => ({ left: Number(/w:left="(\d+)"/.exec(p)![1]), hanging: Number(/w:hanging="(\d+)"/.exec(p)?.[1] ?? 0) });
    // 附件： starts two characters in; “2.” starts under “1.”; both names wrap under their first character.
    assert.equal(ind(first).left - ind(first).hanging, 2 * 315);
    assert.equal(ind(second).left - ind(second).hanging, ind(first).left - ind(first).hanging + 3 * 315);
    assert.equal(ind(second).left, ind(first).left);
    for (const p of [first, second, paragraphs.find((x) => texts(x) === '张八桥镇人民政府')!]) assert.match(p, /<w:keepNext\/>/);
    assert.match(at('2026年3月20日'), /<w:autoSpaceDE w:val="false"\/><w:autoSpaceDN w:val="false"\/><w:spacing/, 'no CJK–digit auto spacing, in schema order');
    const label = at('附件1');
    assert.match(label, /<w:pageBreakBefore\/>/);
    assert.match(label, /w:eastAsia="黑体"/);
    assert.match(at('张八桥镇2025年行政执法统计表'), /<w:pStyle w:val="Title"\/>[\s\S]*<w:spacing [^>]*w:before="579"/);
  });

  it('comes back from Word with the items as text, not headings', async () => {
    const back = (await readDocx(await exportDocx(md))).markdown;
    assert.match(back, /\n附件：1\.张八桥镇2025年行政执法统计表\n\n2\.张八桥镇2025年法治宣传教育活动一览表\n/);
  });
});

describe('assembly: fonts', () => {
  it('writes a font table with alternate names for Word to fall back on', async () => {
    const table = (await docxParts(await exportDocx(HEAD + TAIL)))['word/fontTable.xml'];
    const alt = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(table)?.[1];
    assert.equal(alt('仿宋_GB2312'), '仿宋');
    assert.equal(alt('仿宋'), 'FangSong');
    assert.equal(alt('方正小标宋简体'), '小标宋');
    assert.equal(alt('小标宋'), '华文中宋');
    assert.equal(alt('楷体_GB2312'), '楷体');
    assert.equal(alt('黑体'), 'SimHei');
    assert.match(table, /<w:font w:name="Times New Roman">/);
  });

  it('takes font names from the config’s "export": { "fonts" }', async () => {
    const parts = await docxParts(await exportDocx(HEAD + TAIL, { export: { fonts: { body: '仿宋', title: ['方正小标宋_GBK', '华文中宋'] } } }));
    assert.match(parts['word/styles.xml'], /w:eastAsia="仿宋"/);
    assert.doesNotMatch(parts['word/styles.xml'], /仿宋_GB2312/);
    assert.match(parts['word/styles.xml'], /w:eastAsia="方正小标宋_GBK"/);
    assert.match(parts['word/fontTable.xml'], /<w:font w:name="方正小标宋_GBK"><w:altName w:val="华文中宋"\/>/);
    assert.match(parts['word/fontTable.xml'], /<w:font w:name="仿宋"><w:altName w:val="FangSong"\/>/);
    // From the config file, validated like the rest of it.
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-content-'));
    writeFileSync(path.join(dir, 'r.md'), HEAD + TAIL);
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ export: { fonts: { heading1: '方正黑体_GBK' } } }));
    assert.equal((await run('export', ['r.md'], dir)).code, 0);
    assert.match((await docxParts(path.join(dir, 'r.docx')))['word/styles.xml'], /w:eastAsia="方正黑体_GBK"/);
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ export: { fonts: { heading: '黑体' } } }));
    const bad = await run('export', ['r.md', '--force'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /export\.fonts: 未知的键 "heading"/);
  });
});

describe('assembly: drafts with missing contributions, and lead-ins', () => {
  it('assemble --allow-missing puts 【待报送：单位】 where a contribution is missing, and reports it at the manifest', async () => {
    const dir = project({ '司法所.md': '## 加强法治宣传教育\n\n全年开展活动36场。\n' }, { measures: ['司法所.md', '综合执法队.md'] });
    const refused = await run('assemble', ['manifest.json'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /综合执法队\.md：文件不存在.*|--allow-missing/);
    const r = await run('assemble', ['manifest.json', '--allow-missing', '-o', 'draft.md'], dir);
    const draft = readFileSync(path.join(dir, 'draft.md'), 'utf8');
    assert.match(draft, /全年开展活动36场。\n\n【待报送：综合执法队】\n/);
    assert.match(r.stdout, /^manifest\.json:\d+:\d+ {2}错误 {2}材料“综合执法队\.md”尚未报送/m);
    assert.match(r.stderr, /综合执法队\.md 尚未报送/);
    assert.equal(r.code, 1);
  });

  it('uses a contribution’s own lead-in instead of the skeleton’s, never both', () => {
    const own = '2026年，张八桥镇将重点做好以下工作：\n\n（一）提升干部法治素养。组织执法人员全员轮训。\n';
    const withOwn = assembleDir(project({ 'n.md': own }, { 'next-year': ['n.md'] })).markdown;
    assert.equal((withOwn.match(/重点做好以下工作：/g) ?? []).length, 1);
    assert.doesNotMatch(withOwn, /将围绕法治政府建设目标任务/);
    const without = assembleDir(project({ 'n.md': '（一）提升干部法治素养。组织执法人员全员轮训。\n' }, { 'next-year': ['n.md'] })).markdown;
    assert.match(without, /将围绕法治政府建设目标任务，重点做好以下工作：/, 'the skeleton’s lead-in when the contribution has none');
  });
});
