// Inputs: folders (recursive, skipping node_modules and dot-folders), globs,
// stdin, and bad input — missing paths, folders without reports, binary
// files, invalid UTF-8, BOMs, UTF-16, empty and 10 MB files, Word files.
// Each gets a clear message on stderr; exit code 2 only when nothing could
// be checked; never a stack trace.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { CLEAN_DIR, cleanupTemp, parseJson, runCli, tempDir, writeTree, type CliRun } from './helpers.js';

const seed = readFileSync(path.join(CORPUS_DIR, '004_e2661321fbbd4b8b.txt'), 'utf8');
const clean = readFileSync(path.join(CLEAN_DIR, '003_1ada4594c569a830.txt'), 'utf8');
const positions = (r: CliRun) => parseJson(r).files.flatMap((f) => f.findings.map((x) => `${x.rule} ${x.line}:${x.column}-${x.endLine}:${x.endColumn}`));
const noStack = (r: CliRun) => assert.ok(!/\n\s+at /.test(r.stderr), `no stack trace in: ${r.stderr}`);

describe('cli: inputs', function () {
  this.timeout(120000);
  let dir: string;
  before(async () => {
    dir = tempDir();
    writeTree(dir, {
      'seed.txt': seed,
      'tree/one.md': seed,
      'tree/deeper/two.markdown': seed,
      'tree/deeper/notes.txt': clean,
      'tree/deeper/image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'tree/node_modules/pkg/readme.md': seed,
      'tree/.hidden/secret.md': seed,
      'empty-folder/.keep': '',
      'only-images/a.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'binary.txt': Buffer.concat([Buffer.from('报告'), Buffer.from([0, 1, 2, 3, 0, 0, 7, 8])]),
      'invalid.txt': Buffer.concat([Buffer.from('第一行\n第二'), Buffer.from([0xe6, 0x28]), Buffer.from('行\n')]),
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)]),
      'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]),
      'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(seed, 'utf16le').swap16()]),
      'empty.md': '',
      'disable.md': `<!-- fazhi-lint-disable required-section -->\n${seed}`,
      'disable-line.md': seed.replace('2023 年，王鲍镇', '<!-- fazhi-lint-disable-next-line cjk-spacing -->\n2023 年，王鲍镇'),
    });
  });
  after(cleanupTemp);

  it('folders are checked recursively, without node_modules, dot-folders or other files', async () => {
    const r = await runCli(['--format', 'json', 'tree'], { cwd: dir });
    assert.deepEqual(parseJson(r).files.map((f) => f.path), ['tree/deeper/notes.txt', 'tree/deeper/two.markdown', 'tree/one.md']);
  });

  it('globs are expanded (and quoted globs work the same)', async () => {
    const r = await runCli(['--format', 'json', 'tree/**/*.md', 'tree/deeper/*.{txt,markdown}'], { cwd: dir });
    assert.deepEqual(parseJson(r).files.map((f) => f.path), ['tree/one.md', 'tree/deeper/notes.txt', 'tree/deeper/two.markdown']);
    const none = await runCli(['nothing/**/*.md'], { cwd: dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /nothing\/\*\*\/\*\.md: 没有匹配的报告文件/);
  });

  it('--stdin, with and without --stdin-filename', async () => {
    const file = await runCli(['--format', 'json', 'seed.txt'], { cwd: dir });
    const fromFile = positions(file);
    const r = await runCli(['--format', 'json', '--stdin'], { cwd: dir, input: seed });
    assert.equal(r.code, file.code);
    assert.equal(parseJson(r).files[0].path, '<stdin>');
    assert.deepEqual(positions(r), fromFile);
    const named = await runCli(['--format', 'json', '--stdin', '--stdin-filename', 'tree/x.md'], { cwd: dir, input: seed });
    assert.equal(parseJson(named).files[0].path, 'tree/x.md');
  });

  it('--stdin-filename locates the config', async () => {
    writeTree(dir, { 'cfg/.fazhi-lint.json': JSON.stringify({ rules: { 'cjk-spacing': 'off' } }) });
    const inCfg = parseJson(await runCli(['--format', 'json', '--stdin', '--stdin-filename', 'cfg/r.md'], { cwd: dir, input: seed }));
    assert.ok(!inCfg.files[0].findings.some((f) => f.rule === 'cjk-spacing'));
    const outside = parseJson(await runCli(['--format', 'json', '--stdin', '--stdin-filename', 'r.md'], { cwd: dir, input: seed }));
    assert.ok(outside.files[0].findings.some((f) => f.rule === 'cjk-spacing'));
  });

  it('a missing file alone: exit 2 and a message', async () => {
    const r = await runCli(['no-such-report.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no-such-report\.md: 文件不存在（no such file or directory）/);
    noStack(r);
  });

  it('a missing file next to a readable one: the readable one is reported, exit 1', async () => {
    const r = await runCli(['--format', 'json', '--rule', 'required-section=off', 'no-such-report.md', 'tree/deeper/notes.txt'], { cwd: dir });
    assert.equal(r.code, 1, 'an input that could not be checked fails the run');
    assert.deepEqual(parseJson(r).files.map((f) => f.path), ['tree/deeper/notes.txt']);
    assert.match(r.stderr, /no-such-report\.md: 文件不存在/);
  });

  it('a folder with no report files: exit 2 and a message', async () => {
    for (const folder of ['empty-folder', 'only-images']) {
      const r = await runCli([folder], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`${folder}: 文件夹中没有可检查的文件`));
    }
  });

  it('a binary file: not checked, exit 2, says why', async () => {
    const r = await runCli(['binary.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /binary\.txt: 二进制文件.*binary file/);
    const png = await runCli(['tree/deeper/image.png'], { cwd: dir });
    assert.equal(png.code, 2);
    assert.match(png.stderr, /PNG/);
    noStack(r);
  });

  it('invalid UTF-8: not checked, exit 2, says so and where', async () => {
    const r = await runCli(['invalid.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /invalid\.txt: 不是有效的 UTF-8 文本：第 2 行第 3 列，字节偏移 16/);
    noStack(r);
  });

  it('GBK text: the message suggests the encoding', async () => {
    // 法治政府 in GBK.
    writeFileSync(path.join(dir, 'gbk.txt'), Buffer.from([0xb7, 0xa8, 0xd6, 0xce, 0xd5, 0xfe, 0xb8, 0xae]));
    const r = await runCli(['gbk.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /GBK\/GB18030/);
  });

  it('a UTF-8 BOM is stripped: positions are those without it', async () => {
    assert.deepEqual(positions(await runCli(['--format', 'json', 'bom.txt'], { cwd: dir })), positions(await runCli(['--format', 'json', 'seed.txt'], { cwd: dir })));
  });

  it('UTF-16 with BOM (LE and BE) is decoded', async () => {
    const expected = positions(await runCli(['--format', 'json', 'seed.txt'], { cwd: dir }));
    assert.ok(expected.length > 0);
    for (const f of ['utf16le.txt', 'utf16be.txt']) assert.deepEqual(positions(await runCli(['--format', 'json', f], { cwd: dir })), expected, f);
  });

  it('an empty file is checked as a report missing everything, with a notice', async () => {
    const r = await runCli(['--format', 'json', 'empty.md'], { cwd: dir });
    assert.equal(r.code, 1);
    const parts = parseJson(r).files[0].findings.filter((f) => f.rule === 'required-section').map((f) => f.data.part);
    assert.deepEqual(parts.sort(), ['first-responsible', 'measures', 'next-year', 'other', 'shortcomings']);
    assert.match(r.stderr, /empty\.md: 文件为空/);
  });

  it('inline disable comments silence findings', async () => {
    const all = parseJson(await runCli(['--format', 'json', 'seed.txt'], { cwd: dir })).files[0].findings;
    assert.ok(all.some((f) => f.rule === 'required-section'));
    const disabled = parseJson(await runCli(['--format', 'json', 'disable.md'], { cwd: dir })).files[0].findings;
    assert.ok(!disabled.some((f) => f.rule === 'required-section'));
    assert.ok(disabled.some((f) => f.rule === 'cjk-spacing'), 'other rules still report');
    const line = parseJson(await runCli(['--format', 'json', 'disable-line.md'], { cwd: dir })).files[0].findings;
    // The opening line (2023 年，王鲍镇…) moved to line 8 and is silenced for cjk-spacing only.
    assert.ok(!line.some((f) => f.rule === 'cjk-spacing' && f.line === 8));
    assert.ok(line.some((f) => f.rule === 'cjk-spacing' && f.line !== 8));
  });

  it('a .docx file is read (readDocx) and its findings located by Word paragraph', async () => {
    const { Document, Packer, Paragraph, HeadingLevel } = await import('docx');
    const doc = new Document({
      sections: [{ children: [new Paragraph({ text: '启东市王鲍镇关于2023年法治政府建设情况的报告', heading: HeadingLevel.TITLE }), new Paragraph('2023 年，王鲍镇认真开展法治政府建设。')] }],
    });
    writeFileSync(path.join(dir, 'report.docx'), await Packer.toBuffer(doc));
    const r = await runCli(['--format', 'json', 'report.docx'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    noStack(r);
    const findings = parseJson(r).files[0].findings;
    // The space in “2023 年” of the second paragraph, among others (the report lacks its parts).
    assert.ok(findings.some((f) => f.rule === 'cjk-spacing' && f.data.paragraph === 2), JSON.stringify(findings.map((f) => [f.rule, f.data.paragraph])));
    for (const f of findings) assert.equal(typeof f.data.paragraph, 'number');
    // Located as Word shows it: the paragraph (第2段) and the text quoted.
    assert.match((await runCli(['report.docx'], { cwd: dir })).stdout, /第\d+段“[^”]+”/);
  });

  it('a 10 MB file is checked without hanging', async () => {
    const one = readFileSync(path.join(CLEAN_DIR, '001_59b600c439da888f.txt'), 'utf8');
    const copies = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(one));
    writeFileSync(path.join(dir, 'big.md'), Array(copies).fill(one).join('\n'));
    // A hang fails the test by mocha's timeout; how fast: npm run bench (reports of 10 MB, as a process).
    const r = await runCli(['--format', 'json', 'big.md'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal(parseJson(r).summary.files, 1);
  });
});
