#!/usr/bin/env node
// The “年度报告审核” view in a real VS Code (code-server + headless Chromium, the tools of
// scripts/e2e/setup.sh): the packaged extension lists the workspace's reports (not its README; a Word report
// too), a report unfolds into its five parts, a report changed on disk is listed with its new counts, and a
// click opens a report at its first error. Writes a screenshot to
// .e2e-artifacts/review/ (and docs/images/review-vscode.png with FAZHI_REVIEW_SCREENSHOTS=docs).
//   bash scripts/e2e/setup.sh && npm run build && npm run package && node test/review/vscode-view.e2e.mjs
// FAZHI_E2E_VSIX=path uses that package instead of the newest fazhi-lint-*.vsix in the repository.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, installExtension, isolatedDirs, locateTools, startCodeServer } from '../e2e/lib/code-server.mjs';
import { waitWorkbench, until } from '../e2e/lib/workbench.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = path.join(REPO, 'test', 'fixtures', 'corpus');
const SHOTS = path.join(REPO, '.e2e-artifacts', 'review');
const vsix =
  process.env.FAZHI_E2E_VSIX ??
  readdirSync(REPO)
    .filter((f) => /^fazhi-lint-.*\.vsix$/.test(f))
    .map((f) => path.join(REPO, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!vsix || !existsSync(vsix)) throw new Error('no .vsix: run `npm run package` first, or set FAZHI_E2E_VSIX');

const root = mkdtempSync(path.join(tmpdir(), 'fazhi-review-vscode-'));
const ws = path.join(root, 'ws');
mkdirSync(path.join(ws, '各单位报告'), { recursive: true });
const seeds = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
for (const f of seeds) cpSync(path.join(CORPUS, f), path.join(ws, '各单位报告', f));
cpSync(path.join(REPO, 'examples', 'wangbao-2023-final.md'), path.join(ws, '各单位报告', 'wangbao-2023-final.md'));
writeFileSync(path.join(ws, 'README.md'), '# 说明\n\n本文件夹收各单位报告。\n');
// A Word report too (the server reads it with dist/docx-import.cjs, which the package must carry).
const exported = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.cjs'), 'export', path.join(REPO, 'test', 'fixtures', 'clean', seeds[3]), '-o', path.join(ws, '各单位报告', '如皋市司法局.docx')], { encoding: 'utf8' });
if (exported.status !== 0) throw new Error(`export failed: ${exported.stderr}`);

const tools = locateTools();
const dirs = isolatedDirs(path.join(root, 'code-server'));
mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false, 'chat.disableAIFeatures': true }),
);
installExtension(tools, dirs, vsix);
const server = await startCodeServer(tools, dirs, { port: await freePort(), folder: ws, logFile: path.join(root, 'code-server.log') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(server.url);
  await waitWorkbench(page);
  const header = page.locator('.pane-header', { hasText: '年度报告审核' });
  await header.waitFor({ timeout: 60_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const rows = () => page.$$eval('.pane-body .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
  const reportRow = (text) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  // The folder pane folded, so the view has room for every report.
  const folderHeader = page.locator('.pane-header[aria-expanded="true"]').first();
  if (!(await folderHeader.textContent()).includes('年度报告审核')) await folderHeader.click();
  await until('the view lists the reports', async () => (await rows()).filter((r) => /错误|警告|没有问题/.test(r)).length === seeds.length + 2, { timeout: 90_000 });
  const listed = (await rows()).filter((r) => /错误|警告|没有问题/.test(r));
  assert.equal(listed.filter((r) => r.startsWith('如皋市司法局')).length, 2, listed.join('\n'));
  assert.ok(!listed.some((r) => /说明|README/.test(r)), 'README listed');
  // A report unfolds into its five parts: seed 003 has no 第一责任人 part.
  await reportRow('如皋市司法局').locator('.monaco-tl-twistie').click();
  await until('the parts of 如皋市司法局', async () => (await rows()).some((r) => /第一责任人/.test(r) && /✘/.test(r)));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'review-vscode.png') });
  if (process.env.FAZHI_REVIEW_SCREENSHOTS === 'docs') await page.screenshot({ path: path.join(REPO, 'docs', 'images', 'review-vscode.png') });
  // A report changed on disk is listed again with its new counts (the view refreshes by itself, debounced).
  const wangbao = (await rows()).find((r) => r.startsWith('王鲍镇 '));
  assert.ok(wangbao && !/错误/.test(wangbao), String(wangbao));
  appendFileSync(path.join(ws, '各单位报告', seeds.find((f) => f.startsWith('004'))), '\n我镇XX年度工作已完成。\n');
  await until('the changed report’s counts', async () => (await rows()).some((r) => /^王鲍镇 2023 错误 \d/.test(r)), { timeout: 30_000 });
  // A click opens the report at its first error (seed 002: not on line 1).
  await reportRow('张八桥镇').click();
  await until('seed 002 opened', async () => ((await page.locator('.tab.active').first().textContent()) ?? '').includes('002_'));
  await until('the cursor on its first error', async () => !/Ln 1, Col 1\b/.test((await page.locator('.statusbar').textContent()) ?? ''));
  console.log('ok: the 年度报告审核 view lists the reports, shows their parts, and opens a report at its first error');
} catch (error) {
  failed = true;
  console.error(`FAILED: ${error.message}`);
} finally {
  await browser.close();
  server.stop();
  rmSync(root, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
