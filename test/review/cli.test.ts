// `fazhi-lint review`: the folder it writes (pages, JSON, spreadsheet), .docx input, exit codes, and
// report text that tries to inject HTML. Run in-process (server/src/cli/run.ts), on real files.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { run } from '../../server/src/cli/run.js';
import { check } from '../../server/src/index.js';
import { exportDocx } from '../../server/src/assemble/docx-export.js';
import type { ReviewJson } from '../../server/src/review/protocol.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    env: {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    readStdin: async () => new Uint8Array(),
  });
  return { code, stdout, stderr };
}

let dir: string;

function seeds(into: string): string[] {
  mkdirSync(into, { recursive: true });
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
  for (const f of files) cpSync(path.join(CORPUS, f), path.join(into, f));
  return files;
}

/** Cell texts of a sheet of an .xlsx, row by row (inline strings and numbers). */
async function sheetRows(xlsx: Uint8Array, sheet: number): Promise<string[][]> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async('string');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"[^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)) cells[column(c[1])] = unescape(c[2] ?? c[3]);
    return Array.from(cells, (c) => c ?? '');
  });
}

describe('fazhi-lint review', () => {
  // Inside the describe: a root-level hook would run around every test of the whole suite.
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fazhi-review-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes index.html, a page per report, review.json and review.xlsx for the five seeds', async () => {
    const files = seeds(path.join(dir, 'reports'));
    const r = await cli(['review', 'reports', '-o', 'out'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /已审核 5 份报告/);
    const out = path.join(dir, 'out');
    for (const f of ['index.html', 'review.json', 'review.xlsx']) assert.ok(existsSync(path.join(out, f)), f);
    const pages = readdirSync(path.join(out, 'reports'));
    assert.equal(pages.length, 5);

    const json = JSON.parse(readFileSync(path.join(out, 'review.json'), 'utf8')) as ReviewJson;
    assert.equal(json.version, 1);
    assert.deepEqual(json.reports.map((x) => x.path), files.map((f) => `reports/${f}`));
    // The counts are the engine's: the same as checking each file.
    for (const rep of json.reports) {
      const findings = check(readFileSync(path.join(dir, rep.path), 'utf8'));
      assert.equal(rep.counts.errors, findings.filter((f) => f.severity === 'error').length, rep.path);
      assert.equal(rep.findings.length, findings.length, rep.path);
    }
    const s003 = json.reports.find((x) => x.path.includes('003_'))!;
    assert.equal(s003.parts['first-responsible'].label, '✘');
    assert.equal(json.summary.reports, 5);
    assert.equal(json.rules[0].findings, Math.max(...json.rules.map((c) => c.findings)));

    // The summary links every page, which holds the report's text and its findings.
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const p of pages) assert.ok(index.includes(`href="reports/${encodeURIComponent(p)}"`), p);
    const page004 = readFileSync(path.join(out, 'reports', pages.find((p) => p.includes('004_'))!), 'utf8');
    assert.match(page004, /王鲍镇高度重视机关干部法治观念的树立/);
    assert.match(page004, /<td class="part p-problem">位置不对<\/td>/);

    // The spreadsheet: a header and one row per report, in the same order, with the same counts.
    const rows = await sheetRows(readFileSync(path.join(out, 'review.xlsx')), 1);
    assert.equal(rows.length, 6);
    assert.equal(rows[0][0], '文件');
    assert.deepEqual(rows.slice(1).map((row) => row[0]), json.reports.map((x) => x.path));
    const errorsCol = rows[0].indexOf('错误');
    assert.deepEqual(rows.slice(1).map((row) => Number(row[errorsCol])), json.reports.map((x) => x.counts.errors));
    const perRule = await sheetRows(readFileSync(path.join(out, 'review.xlsx')), 2);
    assert.equal(perRule.length, json.rules.length + 1);
  });

  it('worker threads give the same review as one thread (FAZHI_LINT_THREADS)', async function () {
    this.timeout(120_000);
    seeds(path.join(dir, 'reports'));
    cpSync(path.join(ROOT, 'examples'), path.join(dir, 'reports', 'examples'), { recursive: true });
    const reviewWith = async (threads: string, out: string) => {
      const before = process.env.FAZHI_LINT_THREADS;
      process.env.FAZHI_LINT_THREADS = threads;
      try {
        const r = await cli(['review', 'reports', '-o', out], dir);
        assert.equal(r.code, 0, r.stderr);
        return Object.assign((file: string) => readFileSync(path.join(dir, out, file), 'utf8'), { stderr: r.stderr });
      } finally {
        if (before === undefined) delete process.env.FAZHI_LINT_THREADS;
        else process.env.FAZHI_LINT_THREADS = before;
      }
    };
    const one = await reviewWith('1', 'one');
    const two = await reviewWith('2', 'two');
    assert.doesNotMatch(one.stderr, /工作线程/);
    // The worker took reports from the end while the main thread reviewed from the start.
    const byWorker = Number(/其中 (\d+) 份由工作线程检查/.exec(two.stderr)?.[1]);
    assert.ok(byWorker >= 1 && byWorker <= 9, two.stderr);
    assert.equal(two('review.json'), one('review.json'));
    assert.equal(two('index.html'), one('index.html'));
    const pages = readdirSync(path.join(dir, 'one', 'reports'));
    assert.equal(pages.length, 9);
    for (const p of pages) assert.equal(two(`reports/${p}`), one(`reports/${p}`), p);
  });

  it('reviews a .docx report as the checking command reads it', async () => {
    // The corrected report with two defects put back, so that there are findings to compare.
    const text = readFileSync(path.join(ROOT, 'examples', 'wangbao-2023-final.md'), 'utf8')
      .replace('年初制定《王鲍镇领导班子学法计划》', '年初制定《XX镇领导班子学法计划》')
      .replace('健全公众参与机制，', '健全公众参与机制,');
    writeFileSync(path.join(dir, '王鲍镇.docx'), await exportDocx(text));
    const r = await cli(['review', '王鲍镇.docx', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as ReviewJson;
    assert.equal(json.reports.length, 1);
    assert.equal(json.reports[0].source, 'docx');
    assert.equal(json.reports[0].unitShort, '王鲍镇');
    const checked = await cli(['王鲍镇.docx', '--format', 'json'], dir);
    type Located = { rule: string; line: number; column: number; endLine: number; endColumn: number; message: string };
    const key = (f: Located) => `${f.rule} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`;
    const findings = (JSON.parse(checked.stdout) as { files: { findings: Located[] }[] }).files[0].findings.map(key);
    assert.deepEqual(json.reports[0].findings.map(key), findings);
    assert.deepEqual([...new Set(json.reports[0].findings.map((f) => f.rule))].sort(), ['halfwidth-punctuation', 'placeholder']);
  });

  it('shows the signed date (成文日期) and whether it is by 4月1日 of the next year', async () => {
    const report = readFileSync(path.join(ROOT, 'examples', 'wangbao-2023-final.md'), 'utf8').trimEnd();
    writeFileSync(path.join(dir, 'on-time.md'), `${report}\n\n启东市王鲍镇人民政府\n\n2024年3月10日\n`);
    writeFileSync(path.join(dir, 'late.md'), `${report}\n\n启东市王鲍镇人民政府\n\n2024年4月15日\n`);
    const r = await cli(['review', 'on-time.md', 'late.md', '-o', 'out'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(readFileSync(path.join(dir, 'out', 'review.json'), 'utf8')) as ReviewJson;
    assert.deepEqual(
      json.reports.map((x) => [x.reportDate?.text, x.reportDate?.onTime]),
      [
        ['2024年3月10日', true],
        ['2024年4月15日', false],
      ],
    );
    const index = readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
    assert.match(index, /<td class="nowrap" data-v="2024-03-10">2024年3月10日<\/td><td class="nowrap" data-v="1"><span class="ontime">是<\/span>/);
    assert.match(index, /<span class="late">否（晚于4月1日）<\/span>/);
  });

  it('--format html writes one self-contained file with the summary and every report', async () => {
    seeds(path.join(dir, 'reports'));
    const r = await cli(['review', 'reports', '--format', 'html', '-o', 'review.html'], dir);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(path.join(dir, 'review.html'), 'utf8');
    assert.equal((html.match(/<section class="page report" id="r\d+">/g) ?? []).length, 5);
    assert.match(html, /<section class="page" id="summary">/);
    assert.match(html, /href="#r3"/);
    // No network: nothing is loaded from anywhere.
    assert.doesNotMatch(html, /<(?:link|img|iframe)\b|src="http|url\(http|@import/);
  });

  it('escapes report text, titles and file names: no HTML from a report reaches the page', async () => {
    const name = `<img src=x onerror=alert(1)>&"'.md`;
    const text = [
      '# <script>alert("title")</script>镇2023年法治政府建设情况报告',
      '',
      '一、主要举措和成效',
      '',
      '我镇</script><script>alert(1)</script>坚持XX依法行政，<img src=x onerror=alert(2)>，<!-- 注释 -->和 &amp; “未闭合。',
      '',
      '<iframe src="http://example.com"></iframe>',
    ].join('\n');
    writeFileSync(path.join(dir, name), text);
    const r = await cli(['review', '.', '-o', 'out'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const out = path.join(dir, 'out');
    const page = readFileSync(path.join(out, 'reports', readdirSync(path.join(out, 'reports'))[0]), 'utf8');
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const html of [page, index]) {
      assert.doesNotMatch(html, /<script>alert|<img src=x|<iframe|<!-- 注释/);
      // Exactly our scripts: the page's script and, on a report page, its JSON island.
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.every((s) => s === '<script>' || s === '<script type="application/json" class="report-data">'), scripts.join());
    }
    assert.equal((page.match(/<script\b/g) ?? []).length, 2);
    // The text travels as JSON data (the page's script puts it in with textContent).
    assert.match(page, /\\u003cimg src=x onerror=alert\(2\)\\u003e/);
    assert.match(index, /&lt;img src=x onerror=alert\(1\)&gt;&amp;&quot;&#39;\.md/);
    // The island (messages quote the text) is valid JSON with no "<" that could end it.
    const island = /<script type="application\/json" class="report-data">([^]*?)<\/script>/.exec(page)![1];
    assert.doesNotMatch(island, /</);
    assert.equal(JSON.parse(island).text, text);
  });

  it('never writes over an input, and says what is wrong with bad arguments', async () => {
    seeds(path.join(dir, 'reports'));
    assert.equal((await cli(['review'], dir)).code, 2);
    const noOut = await cli(['review', 'reports'], dir);
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /-o/);
    const badFormat = await cli(['review', 'reports', '-o', 'x', '--format', 'pdf'], dir);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /未知的输出格式/);
    const seed = readdirSync(path.join(dir, 'reports'))[0];
    const before = readFileSync(path.join(dir, 'reports', seed));
    const overInput = await cli(['review', 'reports', '--format', 'html', '-o', `reports/${seed}`], dir);
    assert.equal(overInput.code, 2);
    assert.deepEqual(readFileSync(path.join(dir, 'reports', seed)), before);
    const nothing = await cli(['review', 'missing-folder', '-o', 'out'], dir);
    assert.equal(nothing.code, 2);
    assert.equal(existsSync(path.join(dir, 'out')), false);
  });

  it('an unreadable input is listed and the rest reviewed (exit 1)', async () => {
    seeds(path.join(dir, 'reports'));
    // A PNG named .txt: binary, refused by the reader with a message.
    writeFileSync(path.join(dir, 'reports', 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]));
    const r = await cli(['review', 'reports', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as ReviewJson;
    assert.equal(json.reports.length, 5);
    assert.equal(r.code, 1);
    assert.deepEqual(json.problems.map((p) => p.path), ['reports/broken.txt']);
    assert.match(r.stderr, /broken\.txt/);
  });

  it('--previous pairs each report with last year’s report of the same unit', async () => {
    mkdirSync(path.join(dir, 'this'));
    mkdirSync(path.join(dir, 'last'));
    cpSync(path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('001'))!), path.join(dir, 'this', 'xiaodu-2022.txt'));
    cpSync(path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('004'))!), path.join(dir, 'this', 'wangbao-2023.txt'));
    // Last year's 小渡镇 report (the seed with its year moved back), and another unit's.
    const xiaodu2021 = readFileSync(path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('001'))!), 'utf8').replace(/2022年/g, '2021年');
    writeFileSync(path.join(dir, 'last', 'xiaodu-2021.txt'), xiaodu2021);
    cpSync(path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('002'))!), path.join(dir, 'last', 'zhangbaqiao.txt'));
    const r = await cli(['review', 'this', '--previous', 'last', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as ReviewJson;
    const xiaodu = json.reports.find((x) => x.path.includes('xiaodu'))!;
    const wangbao = json.reports.find((x) => x.path.includes('wangbao'))!;
    assert.equal(xiaodu.previous, 'last/xiaodu-2021.txt');
    assert.equal(wangbao.previous, null);
    assert.equal(wangbao.copiedShare, null);
    // The share of a report against a copy of itself with another year (copied-report's data.copiedShare) is high.
    assert.ok(xiaodu.copiedShare !== null && xiaodu.copiedShare > 0.5, String(xiaodu.copiedShare));
  });
});
