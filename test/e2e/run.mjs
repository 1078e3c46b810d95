#!/usr/bin/env node
// End-to-end test of the packaged VS Code extension in a real VS Code (code-server) driven
// through headless Chromium, plus the extension's integration tests inside code-server's
// extension host. `npm run test:e2e`; needs `bash scripts/e2e/setup.sh` first.
//
// Environment: FAZHI_E2E_CACHE (tools cache, default ~/.cache/fazhi-lint-e2e),
// FAZHI_E2E_KEEP=1 keeps the temp dir, FAZHI_E2E_ONLY=ui|host runs one phase,
// FAZHI_E2E_VSIX=path skips building and uses that package.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, installExtension, isolatedDirs, locateTools, startCodeServer } from './lib/code-server.mjs';
import { uiSteps } from './ui-steps.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = path.join(REPO, '.e2e-artifacts');
const SHOTS = path.join(ARTIFACTS, 'screenshots');
const CORPUS = path.join(REPO, 'test', 'fixtures', 'corpus');
const CLEAN = path.join(REPO, 'test', 'fixtures', 'clean');
const TOTAL_LIMIT_MS = 9.5 * 60_000;
const t0 = Date.now();
const only = process.env.FAZHI_E2E_ONLY;

const results = [];
const cleanups = [];
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const fn of cleanups.reverse()) { try { fn(); } catch (e) { console.error(`cleanup: ${e.message}`); } }
}
process.on('exit', cleanup);
let closeBrowser = async () => {};
let aborting = false;
function abort(message, code) {
  aborting = true;
  console.error(`\n${message}: stopping the browser and code-server`);
  // The browser is closed through its own protocol (it runs in its own process group), then the rest.
  Promise.race([closeBrowser().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]).finally(() => { cleanup(); process.exit(code); });
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => abort(sig, 130));
const overall = setTimeout(() => abort(`e2e: over the ${TOTAL_LIMIT_MS / 60000} min limit`, 1), TOTAL_LIMIT_MS);
overall.unref();

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (s) => console.log(`[e2e ${secs(Date.now() - t0).padStart(7)}] ${s}`);

/** Runs one named step; a failure is recorded with the step's name and what was seen, and the run goes on. */
async function step(name, fn, { page, aggregate = false } = {}) {
  if (aborting) return false;
  const start = Date.now();
  say(`▶ ${name}`);
  try {
    const note = await fn();
    results.push({ name, ok: true, aggregate });
    say(`✓ ${name} (${secs(Date.now() - start)})${note ? ` — ${note}` : ''}`);
    return true;
  } catch (e) {
    results.push({ name, ok: false, error: e.message, aggregate });
    say(`✗ ${name} (${secs(Date.now() - start)}): ${e.message}`);
    if (page) {
      const file = path.join(SHOTS, `FAILED-${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}.png`);
      await page.screenshot({ path: file }).then(() => say(`  screenshot of the failure: ${file}`)).catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
    }
    return false;
  }
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) throw new Error(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  return r.stdout + r.stderr;
}

/** Builds the .vsix with the project's `npm run package` (or vsce directly while that script does not exist). */
function packageVsix(tmp) {
  if (process.env.FAZHI_E2E_VSIX) return path.resolve(process.env.FAZHI_E2E_VSIX);
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const before = Date.now() - 1000;
  if (pkg.scripts?.package) {
    // Build first so that the package never holds a stale dist/, whatever the package script does.
    sh('npm', ['run', 'build']);
    const out = sh('npm', ['run', 'package']);
    const named = [...out.matchAll(/(\S+\.vsix)\b/g)].map((m) => path.resolve(REPO, m[1])).filter((f) => existsSync(f));
    const fresh = [REPO, path.join(REPO, 'dist'), path.join(REPO, 'build')].filter(existsSync)
      .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.vsix')).map((f) => path.join(d, f)))
      .filter((f) => statSync(f).mtimeMs >= before)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    const vsix = named.find((f) => statSync(f).mtimeMs >= before) ?? fresh[0];
    if (!vsix) throw new Error(`\`npm run package\` made no new .vsix (looked in its output, ., dist/, build/):\n${out.slice(-2000)}`);
    return vsix;
  }
  say('  package.json has no "package" script yet: building and running vsce directly');
  sh('npm', ['run', 'build']);
  const vsix = path.join(tmp, `${pkg.name}-${pkg.version}.vsix`);
  sh('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix]);
  return vsix;
}

function partNames() {
  const file = path.join(REPO, 'rules', 'sections.json');
  if (!existsSync(file)) return {};
  const parts = JSON.parse(readFileSync(file, 'utf8')).parts ?? {};
  return Object.fromEntries(Object.entries(parts).map(([id, p]) => [id, p.short]).filter(([, short]) => typeof short === 'string'));
}

function readExpected() {
  return readFileSync(path.join(CORPUS, 'expected.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** A temp workspace: the seed reports at the top, the clean reports under clean/, an empty file for the snippet test. */
function makeWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  for (const f of seeds) cpSync(path.join(CORPUS, f), path.join(dir, f));
  cpSync(path.join(CORPUS, seeds[1]), path.join(dir, 'scratch-commands.txt'));
  const clean = existsSync(CLEAN) ? readdirSync(CLEAN).filter((f) => /\.(txt|md)$/.test(f) && !/^readme/i.test(f)).sort() : [];
  const cleanNames = [];
  if (clean.length) {
    mkdirSync(path.join(dir, 'clean'));
    for (const f of clean) {
      const name = `${f.slice(0, 3)}-clean${path.extname(f)}`;
      cpSync(path.join(CLEAN, f), path.join(dir, 'clean', name));
      cleanNames.push(`clean/${name}`);
    }
  }
  writeFileSync(path.join(dir, 'new-report.md'), '');
  // Fix-on-save: seed 003 without its first line (the test types it back, then saves), and what
  // `fazhi-lint --fix` writes for the whole seed, to compare the saved file with.
  const whole = readFileSync(path.join(CORPUS, seeds[3]), 'utf8');
  const firstLine = whole.slice(0, whole.indexOf('\n') + 1);
  writeFileSync(path.join(dir, 'fix-on-save.txt'), whole.slice(firstLine.length));
  const fixed = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.cjs'), '--fix', '--stdin', '--stdin-filename', path.join(dir, 'fix-on-save.txt')], { input: whole, encoding: 'utf8', cwd: dir });
  writeFileSync(path.join(dir, '..', `${path.basename(dir)}-fix-on-save.expected`), fixed.stdout);
  return { seeds, clean: cleanNames, fixOnSave: { file: 'fix-on-save.txt', firstLine, expected: path.join(dir, '..', `${path.basename(dir)}-fix-on-save.expected`) } };
}

function userSettings(dirs) {
  const dir = path.join(dirs.userData, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Light Modern',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'editor.wordWrap': 'on',
    'editor.fontFamily': "'WenQuanYi Micro Hei Mono', 'WenQuanYi Micro Hei', monospace",
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    'files.autoSave': 'off',
    'files.hotExit': 'off',
    'window.commandCenter': false,
    'git.enabled': false,
  }, null, 2));
}

async function launchBrowser(tmp) {
  const home = (d) => path.join(tmp, 'chromium-home', d);
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Its crash-report database and caches go to the temp dir, not the user's home.
    env: { ...process.env, XDG_CONFIG_HOME: home('config'), XDG_CACHE_HOME: home('cache'), XDG_DATA_HOME: home('data') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  if (!process.env.FAZHI_E2E_KEEP) cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  else say(`keeping ${tmp}`);
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const repoPkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const extensionId = `${repoPkg.publisher}.${repoPkg.name}`;

  let tools;
  if (!(await step('tools are installed (scripts/e2e/setup.sh)', () => { tools = locateTools(); return tools.cache; }))) return;
  let vsix;
  if (!(await step('build and package the .vsix', () => { vsix = packageVsix(tmp); return `${path.relative(REPO, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KiB)`; }))) return;

  const dirs = isolatedDirs(path.join(tmp, 'cs'));
  userSettings(dirs);
  if (!(await step('install the .vsix into an isolated code-server', () => {
    installExtension(tools, dirs, vsix);
    const installed = readdirSync(dirs.extensions).find((d) => d.toLowerCase().startsWith(extensionId.toLowerCase()));
    if (!installed) throw new Error(`no ${extensionId}* folder in ${dirs.extensions}: ${readdirSync(dirs.extensions).join(', ')}`);
    dirs.installed = path.join(dirs.extensions, installed);
    return installed;
  }))) return;
  // What the tests look for (commands, settings, snippets) is read from the package as installed.
  const pkg = JSON.parse(readFileSync(path.join(dirs.installed, 'package.json'), 'utf8'));

  const ws = path.join(tmp, 'workspace');
  const files = makeWorkspace(ws);
  const port = await freePort();
  let server;
  if (!(await step('start code-server', async () => {
    server = await startCodeServer(tools, dirs, { port, folder: ws, smokeTestDriver: true, logFile: path.join(ARTIFACTS, 'code-server.log') });
    cleanups.push(() => server.stop());
    return `${server.url} (process group ${server.pgid})`;
  }))) return;

  const browser = await launchBrowser(tmp);
  closeBrowser = () => browser.close();
  cleanups.push(() => { browser.close().catch(() => {}); });
  try {
    if (only !== 'host') {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
      page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
      await page.goto(`${server.url}?folder=${encodeURIComponent(ws)}`);
      await uiSteps({ page, step, say, ws, files, pkg, extensionDir: dirs.installed, shots: SHOTS, expected: readExpected() });
      await page.close();
    }
    // The UI steps saved fixes into their workspace: the host tests get a fresh copy.
    const hostWs = path.join(tmp, 'workspace-host');
    if (only !== 'ui') await extensionHostTests({ browser, server, dirs, ws: hostWs, files: makeWorkspace(hostWs), pkg, extensionId, tmp });
  } finally {
    await browser.close().catch(() => {});
  }
}

/** The extension's integration tests, run by VS Code's own test runner inside code-server's extension host. */
async function extensionHostTests({ browser, server, dirs, ws, files, pkg, extensionId, tmp }) {
  const testsDir = path.join(tmp, 'extension-tests');
  cpSync(path.join(REPO, 'test', 'e2e', 'extension-tests'), testsDir, { recursive: true });
  const expected = readExpected();
  writeFileSync(path.join(testsDir, 'config.json'), JSON.stringify({
    extensionId, workspace: ws, seeds: files.seeds, clean: files.clean, scratch: 'scratch-commands.txt', expected, packageJson: pkg, fixOnSave: files.fixOnSave,
    // Part id → its short name, which the required-section message quotes (the vscode API does not expose LSP `data.part`).
    partNames: partNames(),
    nls: existsSync(path.join(dirs.installed, 'package.nls.json')) ? JSON.parse(readFileSync(path.join(dirs.installed, 'package.nls.json'), 'utf8')) : {},
  }));
  await step('extension-host integration tests (smoke-test driver)', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(dirs.installed)],
      ['extensionTestsPath', remote(path.join(testsDir, 'index.cjs'))],
    ]);
    let exit;
    const exited = new Promise((resolve) => { exit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => { exit(code); });
    page.on('console', (m) => {
      // The extension host's console arrives prefixed with styling ("%c INFO color: #33f …").
      const text = m.text().replace(/^%c\s*\w+\s*color:\s*\S+\s*/, '');
      if (/^\s+[✓✗]|^extension-host/.test(text)) console.log(`    ${text}`);
    });
    await page.goto(`${server.url}?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 5 * 60_000, 'timeout'))]);
    const logFile = path.join(testsDir, 'log.txt');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(the tests wrote no log: did run() start?)';
    writeFileSync(path.join(ARTIFACTS, 'extension-host-tests.log'), log);
    // (After run() the extension host shuts down and clears its diagnostics: a picture is only useful when it hangs.)
    if (code === 'timeout') await page.screenshot({ path: path.join(SHOTS, 'FAILED-extension-host-tests.png') }).catch(() => {});
    await page.close().catch(() => {});
    if (code === 'timeout') throw new Error(`no exit code from the extension host within 5 min; log:\n${log}`);
    const res = existsSync(path.join(testsDir, 'results.json')) ? JSON.parse(readFileSync(path.join(testsDir, 'results.json'), 'utf8')) : [];
    for (const r of res) results.push({ name: `  host: ${r.name}`, ok: r.ok, error: r.error, sub: true });
    const failed = res.filter((r) => !r.ok);
    if (code !== 0) throw new Error(`exit code ${code}: ${failed.length} of ${res.length} extension-host tests failed${failed.length ? ` (${failed.map((r) => r.name).join('; ')})` : `; log:\n${log}`}`);
    return `${res.length} tests passed`;
  }, { aggregate: true });
}

try {
  await main();
} catch (e) {
  results.push({ name: 'runner', ok: false, error: e.stack });
  console.error(e.stack);
} finally {
  cleanup();
}
// The host tests count one by one; their aggregate step only when it produced none (it failed to run).
const counted = results.filter((r) => !(r.aggregate && results.some((x) => x.sub)));
const failed = counted.filter((r) => !r.ok);
console.log('');
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name}${r.ok ? '' : `\n    ${String(r.error).split('\n')[0]}`}`);
console.log(`\nscreenshots (${SHOTS}):`);
for (const f of existsSync(SHOTS) ? readdirSync(SHOTS).sort() : []) console.log(`  ${path.join(SHOTS, f)}`);
console.log(`\ne2e finished in ${secs(Date.now() - t0)}`);
console.log(`e2e: ${counted.length - failed.length} passed, ${failed.length} failed`);
if (aborting) console.log('e2e: interrupted');
process.exit(aborting ? 130 : failed.length ? 1 : 0);
