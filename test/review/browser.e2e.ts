// The review pages in a real browser (headless Debian chromium through playwright-core): the summary
// sorts and filters, a highlight shows its finding, printing gives A4 pages with the margin notes, and a
// report that carries HTML runs none of it. Run by `npm run test:review-browser` (not by npm test).
// Screenshots go to .e2e-artifacts/review/, and to docs/images/ with FAZHI_REVIEW_SCREENSHOTS=docs.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { run } from '../../server/src/cli/run.js';
import type { ReviewJson } from '../../server/src/review/protocol.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = path.join(ROOT, '.e2e-artifacts', 'review');
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
// The flags of /work/shared/docs/editors.md (as the e2e tests launch it).
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A table row as the page scripts see it (the test is compiled without the DOM library). */
type Row = { cells: ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }> };

async function review(args: string[], cwd: string): Promise<void> {
  let stderr = '';
  const code = await run(['review', ...args], {
    cwd,
    env: {},
    stdout: () => {},
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    readStdin: async () => new Uint8Array(),
  });
  assert.equal(code, 0, stderr);
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage });
  if (process.env.FAZHI_REVIEW_SCREENSHOTS === 'docs') await page.screenshot({ path: path.join(DOCS_IMAGES, name), fullPage });
}

describe('review pages in headless Chromium', function () {
  this.timeout(120_000);
  let dir: string;
  let browser: Browser;
  let page: Page;
  let json: ReviewJson;
  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fazhi-review-browser-'));
    const reports = path.join(dir, 'reports');
    mkdirSync(reports);
    for (const src of ['test/fixtures/corpus', 'examples']) {
      for (const f of readdirSync(path.join(ROOT, src)).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')) cpSync(path.join(ROOT, src, f), path.join(reports, f));
    }
    // A report that tries to run script through its text, its title and its file name (reviewed on its own).
    mkdirSync(path.join(dir, 'evil'));
    writeFileSync(
      path.join(dir, 'evil', '<img src=x onerror=alert(1)>.md'),
      '# <script>alert(2)</script>某某镇2023年法治政府建设情况报告\n\n一、主要举措和成效\n\n我镇</script><script>alert(3)</script><img src=x onerror=alert(4)>坚持依法行政。\n',
    );
    await review(['reports', '-o', 'out'], dir);
    await review(['evil', '-o', 'out-evil'], dir);
    await review(['reports', '--format', 'html', '-o', 'single.html'], dir);
    json = JSON.parse(readFileSync(path.join(dir, 'out', 'review.json'), 'utf8'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleRows = () => page.$$eval('table.reports tbody tr', (rows) => rows.filter((r) => !r.hasAttribute('data-hidden')).map((r) => (r as unknown as Row).cells[1].textContent!.trim()));
  const columnOf = (label: string) => page.$$eval('table.reports tr.heads th', (ths, l) => ths.findIndex((th) => th.textContent === l), label);
  const valuesOf = (col: number) =>
    page.$$eval('table.reports tbody tr:not([data-hidden])', (rows, c) => rows.map((r) => (r as unknown as Row).cells[c].getAttribute('data-v') ?? ''), col);

  it('the summary lists every report and sorts by a column both ways', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href);
    assert.equal((await visibleRows()).length, json.reports.length);
    await screenshot(page, 'review-summary.png');
    const errorsCol = await columnOf('错误');
    const th = page.locator('table.reports tr.heads th').nth(errorsCol);
    await th.click();
    const asc = (await valuesOf(errorsCol)).map(Number);
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    assert.equal(await th.getAttribute('aria-sort'), 'ascending');
    await th.click();
    const desc = (await valuesOf(errorsCol)).map(Number);
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
    assert.equal(desc[0], Math.max(...json.reports.map((r) => r.counts.errors)));
    // Text column: the units in Chinese collation order.
    const unitCol = await columnOf('单位');
    await page.locator('table.reports tr.heads th').nth(unitCol).click();
    const units = await page.$$eval('table.reports tbody tr', (rows, c) => rows.map((r) => (r as unknown as Row).cells[c].textContent!), unitCol);
    assert.deepEqual(units, [...units].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
  });

  it('filters by a column (text and >N), by any text, and by a rule of the chart', async () => {
    const unitCol = await columnOf('单位');
    await page.locator(`tr.filters input[data-col="${unitCol}"]`).fill('张八桥');
    const zhang = json.reports.filter((r) => r.unit?.includes('张八桥')).map((r) => r.path.split('/').pop());
    assert.ok(zhang.length >= 2);
    assert.deepEqual((await visibleRows()).sort(), zhang.map((p) => `reports/${p}`).sort());
    assert.equal(await page.textContent('#shown'), String(zhang.length));
    await page.locator(`tr.filters input[data-col="${unitCol}"]`).fill('');

    const errorsCol = await columnOf('错误');
    await page.locator(`tr.filters input[data-col="${errorsCol}"]`).fill('>100');
    const many = json.reports.filter((r) => r.counts.errors > 100).map((r) => r.path);
    assert.deepEqual((await visibleRows()).sort(), many.sort());
    await page.locator(`tr.filters input[data-col="${errorsCol}"]`).fill('');

    await page.fill('#search', '如皋市司法局');
    assert.deepEqual(await visibleRows(), json.reports.filter((r) => r.unit === '如皋市司法局').map((r) => r.path));
    await page.fill('#search', '');

    const rule = json.rules.find((c) => c.reports < json.reports.length)!;
    await page.locator(`.chart [data-filter-rule="${rule.rule}"], table.per-rule [data-filter-rule="${rule.rule}"]`).first().click();
    assert.deepEqual((await visibleRows()).sort(), json.reports.filter((r) => r.rules[rule.rule]).map((r) => r.path).sort());
    await page.click('#clear-rule');
    assert.equal((await visibleRows()).length, json.reports.length);
  });

  it('a highlight shows its finding’s message and fix on hover, and its rule’s page is linked', async () => {
    const rep = json.reports.find((r) => r.path.includes('004_'))!;
    await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href);
    await page.click(`a:text("${rep.path}")`);
    await page.waitForSelector('mark.f');
    // A mark in the body of the report (a broken paragraph: its message and its fix), centred for the screenshot.
    const target = rep.findings.find((f) => f.line > 10 && f.fix && f.endLine - f.line < 6)!;
    const mark = page.locator(`mark.f[data-f~="${target.n}"]`).first();
    const ids = (await mark.getAttribute('data-f'))!.split(' ').map(Number);
    await mark.evaluate((m) => (m as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
    await mark.hover();
    const tip = page.locator('.tooltip');
    await tip.waitFor({ state: 'visible' });
    const finding = rep.findings[ids[0] - 1];
    assert.ok((await tip.textContent())!.includes(finding.message), String(await tip.textContent()));
    if (finding.fix) assert.ok((await tip.textContent())!.includes(finding.fix));
    await screenshot(page, 'review-report.png');
    const link = tip.locator('a.rule-id').first();
    assert.equal(await link.getAttribute('href'), `#${rep.id}-rule-${finding.rule}`);
    assert.equal(await page.locator(`[id="${rep.id}-rule-${finding.rule}"]`).count(), 1);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });
    // Click pins it; Escape closes it.
    await mark.click();
    await tip.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    // The text is shown whole and unchanged: every line, in order, with the print numbers left out.
    const shown = await page.$$eval('.doc .ln .tx', (rows) =>
      rows.map((row) => {
        const copy = row.cloneNode(true) as unknown as { querySelectorAll(s: string): { remove(): void }[]; textContent: string };
        copy.querySelectorAll('sup.fn').forEach((s) => s.remove());
        return copy.textContent;
      }),
    );
    assert.deepEqual(shown, readFileSync(path.join(dir, rep.path), 'utf8').split(/\r\n|\r|\n/));
    // Every finding has its anchor and its numbered note; every finding with a range is marked.
    assert.equal(await page.locator('.doc span.a').count(), rep.findings.length);
    const marked = new Set((await page.$$eval('.doc mark.f', (ms) => ms.map((m) => m.getAttribute('data-f') ?? ''))).flatMap((d) => d.split(' ').map(Number)));
    assert.equal(marked.size, rep.findings.length);
    // The parts checklist at the top: 第一责任人 out of order.
    assert.ok((await page.locator('table.parts').textContent())!.includes('位置不对'));
  });

  it('every report page shows its whole text and marks every finding (overlapping ones included)', async () => {
    const pages = readdirSync(path.join(dir, 'out', 'reports')).sort();
    assert.equal(pages.length, json.reports.length);
    for (const [i, rep] of json.reports.entries()) {
      await page.goto(pathToFileURL(path.join(dir, 'out', 'reports', pages[i])).href);
      await page.waitForSelector('.doc .ln');
      const shown = await page.$$eval('.doc .ln .tx', (rows) =>
        rows.map((row) => {
          const copy = row.cloneNode(true) as unknown as { querySelectorAll(s: string): { remove(): void }[]; textContent: string };
          copy.querySelectorAll('sup.fn').forEach((s) => s.remove());
          return copy.textContent;
        }),
      );
      assert.deepEqual(shown, readFileSync(path.join(dir, rep.path), 'utf8').split(/\r\n|\r|\n/), rep.path);
      const marks = await page.$$eval('.doc mark.f', (ms) => ms.map((m) => ({ ids: m.getAttribute('data-f') ?? '', pin: m.classList.contains('pin') })));
      const marked = new Set(marks.flatMap((m) => m.ids.split(' ').map(Number)));
      assert.deepEqual([...marked].sort((a, b) => a - b), rep.findings.map((f) => f.n), rep.path);
      assert.equal(await page.locator('.doc .notes li').count(), rep.findings.length, rep.path);
      assert.equal(await page.locator('ol.finding-list li').count(), rep.findings.length, rep.path);
    }
    assert.deepEqual(errors, []);
  });

  it('prints to A4 pages with the findings as numbered margin notes', async () => {
    const rep = json.reports.find((r) => r.path.includes('004_'))!;
    await page.goto(pathToFileURL(path.join(dir, 'out', 'index.html')).href);
    await page.click(`a:text("${rep.path}")`);
    await page.waitForSelector('.doc .ln');
    await page.emulateMedia({ media: 'print' });
    const notes = page.locator('.ln .notes li');
    assert.equal(await notes.count(), rep.findings.length);
    assert.ok(await notes.first().isVisible());
    assert.equal(await notes.first().getAttribute('value'), '1');
    assert.ok((await notes.first().textContent())!.includes(rep.findings[0].message));
    assert.equal(await page.locator('details.findings').isVisible(), false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'review-print.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.ok(boxes.length >= 2, `pages: ${boxes.length}`);
    // A4 is 210 × 297 mm = 595.28 × 841.89 pt (Chromium rounds to 595.92 × 842.88).
    for (const [w, h] of boxes) assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `${w} × ${h}`);
  });

  it('the single-file review shows one report at a time, by its link', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'single.html')).href);
    assert.ok(await page.locator('#summary').isVisible());
    const rep = json.reports[2];
    // The page routes on hashchange, an event queued after the click returns: wait for it (5 s), then assert.
    const shown = (selector: string) => page.locator(selector).waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
    await page.click(`#summary a[href="#${rep.id}"]`);
    assert.ok(await shown(`#${rep.id}`));
    assert.equal(await page.locator('#summary').isVisible(), false);
    assert.equal(await page.locator('section.report:visible').count(), 1);
    await page.click(`#${rep.id} nav a`);
    assert.ok(await shown('#summary'));
  });

  it('review.xlsx opens in LibreOffice Calc with one row per report and the summary’s values', () => {
    const out = path.join(dir, 'xlsx-csv');
    // Each sheet to CSV (UTF-8, comma, all sheets: the -1 at the end of the filter options).
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, path.join(dir, 'out', 'review.xlsx')],
      { encoding: 'utf8', timeout: 90_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    const csv = (name: string) => readFileSync(path.join(out, `review-${name}.csv`), 'utf8').trim().split('\n');
    const rows = csv('审核汇总');
    assert.equal(rows.length, json.reports.length + 1);
    assert.ok(rows[0].startsWith('文件,单位,级别,年度,标题,'), rows[0]);
    json.reports.forEach((rep, i) => {
      assert.ok(rows[i + 1].startsWith(`${rep.path},${rep.unit ?? ''},`), rows[i + 1]);
      assert.ok(rows[i + 1].includes(`,${rep.counts.errors},${rep.counts.warnings},${rep.counts.infos},${rep.counts.hints},`), rows[i + 1]);
    });
    assert.equal(csv('各规则问题数').length, json.rules.length + 1);
  });

  it('no script from a report ran, nothing was fetched, no script error', async () => {
    const evil = (JSON.parse(readFileSync(path.join(dir, 'out-evil', 'review.json'), 'utf8')) as ReviewJson).reports[0];
    await page.goto(pathToFileURL(path.join(dir, 'out-evil', 'index.html')).href);
    assert.ok((await page.locator('table.reports').textContent())!.includes('<img src=x onerror=alert(1)>'));
    await page.click(`a:text("${evil.path}")`);
    await page.waitForSelector('.doc');
    assert.ok((await page.locator('.doc').textContent())!.includes('</script><script>alert(3)</script><img src=x onerror=alert(4)>'));
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('.doc img, .doc script, h1 script').count(), 0);
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
  });
});
