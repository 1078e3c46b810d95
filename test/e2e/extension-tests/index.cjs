// Integration tests that run inside code-server's real extension host (smoke-test driver payload
// `extensionTestsPath`). VS Code calls run(); a rejected promise means failure (exit code 1).
// config.json beside this file (written by test/e2e/run.mjs) says where the corpus is.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
const EXTENSION_ID = config.extensionId;
const results = [];
const log = (...a) => {
  const line = a.join(' ');
  console.log(line);
  fs.appendFileSync(path.join(__dirname, 'log.txt'), line + '\n');
};

function ruleOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fazhi-lint' || ruleOf(d) !== undefined);
}

/** Resolves with the diagnostics of `uri` once `accept(diags)` holds; listens to onDidChangeDiagnostics. */
function diagnosticsWhen(uri, accept, what, timeout = 20000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = ours(uri);
      if (accept(d)) { done(); resolve(d); return true; }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const d = ours(uri);
      reject(new Error(`timed out after ${timeout / 1000} s waiting for ${what} on ${path.basename(uri.fsPath)}; diagnostics now: ${summary(d)}`));
    }, timeout);
    const done = () => { clearTimeout(timer); sub.dispose(); };
    check();
  });
}

function summary(diags) {
  const byRule = {};
  for (const d of diags) byRule[ruleOf(d)] = (byRule[ruleOf(d)] || 0) + 1;
  return JSON.stringify(byRule);
}

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - t0 });
    log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t0, error: String(e && e.stack || e) });
    log(`  ✗ ${name}: ${e && e.message || e}`);
  }
}

function wsFile(name) {
  return vscode.Uri.file(path.join(config.workspace, name));
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(wsFile(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Offsets of the first occurrence of `match` on 1-based `line` (the corpus contract of docs/rules.md). */
function locate(doc, line, match) {
  const text = doc.lineAt(line - 1).text;
  const at = text.indexOf(match);
  if (at < 0) return undefined;
  return new vscode.Range(line - 1, at, line - 1, at + match.length);
}

function satisfies(d, exp, doc) {
  if (d.range.start.line > exp.line - 1 || d.range.end.line < exp.line - 1) return false;
  const m = locate(doc, exp.line, exp.match);
  if (!m) throw new Error(`"${exp.match}" is not on line ${exp.line}`);
  // touches or overlaps; a whole-line finding (start before the match, end after) counts too
  return !d.range.start.isAfter(m.end) && !d.range.end.isBefore(m.start);
}

async function activation() {
  await test('the packaged extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`extension ${EXTENSION_ID} not found; installed: ${vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id).join(', ')}`);
    await open(config.seeds[1]);
    await ext.activate();
    if (!ext.isActive) throw new Error('extension did not activate on a plain-text report');
  });
}

async function seeds() {
  const byFile = {};
  for (const e of config.expected) (byFile[e.file] = byFile[e.file] || []).push(e);
  for (const file of config.seeds) {
    await test(`diagnostics of ${file} match expected.jsonl`, async () => {
      const doc = await open(file);
      const exps = byFile[file] || [];
      const wanted = [...new Set(exps.filter((e) => !e.absent).map((e) => e.rule))];
      const diags = await diagnosticsWhen(doc.uri, (d) => wanted.every((r) => d.some((x) => ruleOf(x) === r)),
        `rule ids ${wanted.join(', ')}`);
      const problems = [];
      const parts = exps.filter((e) => e.part && !e.absent).length;
      const required = diags.filter((d) => ruleOf(d) === 'required-section');
      if (required.length < parts) problems.push(`required-section: ${required.length} diagnostics for ${parts} missing parts`);
      // The part of a required-section diagnostic is in the LSP `data`, which the vscode API hides; its message quotes the part's name.
      const aboutPart = (part) => required.filter((d) => config.partNames[part] && d.message.includes(`“${config.partNames[part]}”`));
      for (const e of exps) {
        const same = diags.filter((d) => ruleOf(d) === e.rule);
        if (e.part && config.partNames[e.part]) {
          const found = aboutPart(e.part);
          if (e.absent && found.length) problems.push(`unexpected required-section for ${e.part}: ${found[0].message}`);
          if (!e.absent && !found.length) problems.push(`no required-section naming “${config.partNames[e.part]}” (${e.part}); required-section messages: ${required.map((d) => d.message).join(' | ') || 'none'}`);
        } else if (e.absent) {
          if (!e.part && same.length) problems.push(`unexpected ${e.rule}: ${same.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`).join(' ')}`);
        } else if (e.line !== undefined && !same.some((d) => satisfies(d, e, doc))) {
          problems.push(`no ${e.rule} covering line ${e.line} "${e.match}" (${e.rule} at ${same.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`).join(' ') || 'none'})`);
        }
      }
      const bad = diags.filter((d) => d.source !== 'fazhi-lint');
      if (bad.length) problems.push(`${bad.length} diagnostics with source ≠ "fazhi-lint"`);
      if (problems.length) throw new Error(`${problems.length} mismatches:\n      ${problems.join('\n      ')}`);
    });
  }
}

async function cleanReports() {
  for (const file of config.clean) {
    await test(`the clean report ${file} has no error or warning`, async () => {
      const doc = await open(file);
      const editor = vscode.window.activeTextEditor;
      // Absence needs proof that the server has checked this very version: add a placeholder,
      // see it flagged, take it out again, and only then look.
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, '\nXX'));
      await diagnosticsWhen(doc.uri, (d) => d.some((x) => ruleOf(x) === 'placeholder' && x.range.start.line === doc.lineCount - 1), 'the probe "XX" to be flagged as a placeholder');
      await editor.edit((e) => e.delete(new vscode.Range(end, doc.lineAt(doc.lineCount - 1).range.end)));
      const diags = await diagnosticsWhen(doc.uri, (d) => !d.some((x) => x.range.start.line >= doc.lineCount - 1 && ruleOf(x) === 'placeholder'), 'the probe\'s diagnostic to go');
      const bad = diags.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
      if (bad.length) throw new Error(`${bad.length} errors/warnings: ${bad.slice(0, 8).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)} ${d.message}`).join(' | ')}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  }
}

/** Runs a command; if it is still waiting after a while (an input box, a quick pick, a file dialog), dismisses the input as a user pressing Escape would. */
async function runDismissing(id, args) {
  let settled = false;
  const p = Promise.resolve(vscode.commands.executeCommand(id, ...args)).finally(() => { settled = true; });
  const outcome = await Promise.race([p.then(() => 'done'), new Promise((r) => setTimeout(r, 3000, 'waiting'))]);
  if (outcome === 'waiting' && !settled) {
    for (let i = 0; i < 5 && !settled; i++) {
      // Escape on an input box / quick pick / simple file dialog, and the close button of a notification.
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.commands.executeCommand('notifications.clearAll');
      await Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
    }
    if (!settled) throw new Error('still running 8 s after its input was dismissed');
  }
  return p;
}

async function commands() {
  const declared = (config.packageJson.contributes && config.packageJson.contributes.commands) || [];
  await test('package.json declares commands', async () => {
    if (!declared.length) throw new Error('contributes.commands is empty or missing in package.json');
  });
  const registered = new Set(await vscode.commands.getCommands(true));
  // Commands hidden from the palette ("when": "false") are internal (called by code actions with arguments).
  const palette = (config.packageJson.contributes && config.packageJson.contributes.menus && config.packageJson.contributes.menus.commandPalette) || [];
  const internal = new Set(palette.filter((m) => m.when === 'false').map((m) => m.command));
  for (const c of declared) {
    if (internal.has(c.command)) {
      await test(`internal command ${c.command} is registered`, async () => {
        if (!registered.has(c.command)) throw new Error('declared in package.json but not registered by the extension');
      });
      continue;
    }
    const title = /^%.+%$/.test(c.title || '') ? String((config.nls || {})[c.title.slice(1, -1)] || c.title) : c.title;
    await test(`command ${c.command} (${title}) runs without error`, async () => {
      if (!registered.has(c.command)) throw new Error(`declared in package.json but not registered by the extension`);
      // Each command runs on a scratch copy of a seed so that edits (convert, fix all) do not matter.
      const doc = await open(config.scratch);
      const before = doc.getText();
      await runDismissing(c.command, []);
      // Leave the scratch document as it was for the next command.
      const cur = vscode.window.activeTextEditor;
      if (cur && cur.document.uri.toString() === doc.uri.toString() && doc.getText() !== before) {
        await cur.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), before));
      }
    });
  }
  // A toggle command ran once above; run it again so checking is back on for the tests that follow.
  for (const c of declared.filter((x) => /toggle/i.test(x.command))) {
    await runDismissing(c.command, []).catch(() => {});
  }
}

/** Resolves once `accept(doc.getText())` holds, listening to document changes. */
function textWhen(doc, accept, what, timeout = 15000) {
  return new Promise((resolve, reject) => {
    if (accept(doc.getText())) return resolve();
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && accept(doc.getText())) { clearTimeout(timer); sub.dispose(); resolve(); }
    });
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}; text starts: ${doc.getText().slice(0, 80)}`)); }, timeout);
  });
}

/** Beyond "runs without error": the commands whose effect can be seen do what their title says. */
async function commandEffects() {
  const declared = new Set(((config.packageJson.contributes && config.packageJson.contributes.commands) || []).map((c) => c.command));
  const id = (suffix) => [...declared].find((c) => c.endsWith(`.${suffix}`));
  const [toTrad, toSimp, toggle, newReport] = [id('toTraditional'), id('toSimplified'), id('toggleFile'), id('newReport')];
  if (toTrad && toSimp) {
    await test(`${toTrad} then ${toSimp} convert the document's script`, async () => {
      const doc = await open(config.scratch);
      const before = doc.getText();
      if (!before.includes('镇')) throw new Error('the scratch report has no 镇 to convert');
      await vscode.commands.executeCommand(toTrad);
      await textWhen(doc, (t) => t.includes('鎮') && !t.includes('镇'), '镇 → 鎮 after converting to traditional');
      await vscode.commands.executeCommand(toSimp);
      await textWhen(doc, (t) => t.includes('镇') && !t.includes('鎮'), '鎮 → 镇 after converting back to simplified');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  }
  if (toggle) {
    await test(`${toggle} stops and restarts checking of the file`, async () => {
      const doc = await open(config.scratch);
      await diagnosticsWhen(doc.uri, (d) => d.length > 0, 'diagnostics before toggling');
      await vscode.commands.executeCommand(toggle);
      await diagnosticsWhen(doc.uri, (d) => d.length === 0, 'diagnostics to be cleared after toggling checking off');
      await vscode.commands.executeCommand(toggle);
      await diagnosticsWhen(doc.uri, (d) => d.length > 0, 'diagnostics to come back after toggling checking on');
    });
  }
  if (newReport) {
    await test(`${newReport} with its answers given opens a new skeleton with the five parts`, async () => {
      await vscode.commands.executeCommand(newReport, { profile: 'town', body: '张八桥镇人民政府', year: 2025, untitled: true });
      const ed = vscode.window.activeTextEditor;
      if (!ed || ed.document.uri.scheme !== 'untitled') throw new Error(`the active editor is ${ed ? ed.document.uri.toString() : 'none'}, not a new document`);
      const t = ed.document.getText();
      const missing = [/张八桥镇人民政府关于2025年/, /举措|措施|成效/, /不足/, /第一责任人/, /安排|打算|计划/, /其他需要报告/].filter((re) => !re.test(t));
      if (missing.length) throw new Error(`the new document lacks ${missing.join(' ')}: ${t.slice(0, 120)}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
}

function settingsKeys() {
  const conf = config.packageJson.contributes && config.packageJson.contributes.configuration;
  const list = Array.isArray(conf) ? conf : conf ? [conf] : [];
  const props = {};
  for (const c of list) Object.assign(props, c.properties || {});
  return props;
}

async function settings() {
  const props = settingsKeys();
  const keys = Object.keys(props);
  const section = (k) => k.slice(0, k.indexOf('.'));
  const rulesKey = keys.find((k) => /\.rules$/.test(k));
  const enableKey = keys.find((k) => /\.enable$/.test(k));
  const file = config.seeds[1];
  await test(`a rule severity setting (${rulesKey || 'no *.rules setting in package.json'}) applies without reload`, async () => {
    if (!rulesKey) throw new Error(`package.json contributes.configuration has no "<section>.rules" setting; keys: ${keys.join(', ') || 'none'}`);
    const doc = await open(file);
    await diagnosticsWhen(doc.uri, (d) => d.some((x) => ruleOf(x) === 'typo'), 'a typo diagnostic');
    const cfg = vscode.workspace.getConfiguration(section(rulesKey));
    const name = rulesKey.slice(section(rulesKey).length + 1);
    const old = cfg.inspect(name);
    try {
      await cfg.update(name, { typo: 'off' }, vscode.ConfigurationTarget.Global);
      await diagnosticsWhen(doc.uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'typo'), 'typo diagnostics to disappear after "typo": "off"');
      await cfg.update(name, { typo: 'error' }, vscode.ConfigurationTarget.Global);
      await diagnosticsWhen(doc.uri, (d) => d.some((x) => ruleOf(x) === 'typo' && x.severity === vscode.DiagnosticSeverity.Error), 'typo diagnostics as errors after "typo": "error"');
    } finally {
      await cfg.update(name, old && old.globalValue, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(doc.uri, (d) => d.some((x) => ruleOf(x) === 'typo' && x.severity === vscode.DiagnosticSeverity.Warning), 'typo back to warning after the setting is removed');
  });
  await test(`the enable setting (${enableKey || 'none'}) applies without reload`, async () => {
    if (!enableKey) throw new Error(`package.json contributes.configuration has no "<section>.enable" setting; keys: ${keys.join(', ') || 'none'}`);
    const doc = await open(file);
    await diagnosticsWhen(doc.uri, (d) => d.length > 0, 'diagnostics');
    const cfg = vscode.workspace.getConfiguration(section(enableKey));
    const name = enableKey.slice(section(enableKey).length + 1);
    try {
      await cfg.update(name, false, vscode.ConfigurationTarget.Global);
      await diagnosticsWhen(doc.uri, (d) => d.length === 0, 'diagnostics to be cleared after enable=false');
    } finally {
      await cfg.update(name, undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(doc.uri, (d) => d.length > 0, 'diagnostics to come back after enable is reset');
  });
}

/** Fix-on-save through VS Code's own setting, and fazhiLint.* settings written while the editor runs. */
async function onSave() {
  const fx = config.fixOnSave;
  await test('editor.codeActionsOnSave source.fixAll.fazhi-lint writes exactly what fazhi-lint --fix writes', async () => {
    if (!fx) throw new Error('run.mjs wrote no fixOnSave fixture');
    const editorCfg = vscode.workspace.getConfiguration('editor');
    // Written while the editor runs, as a user would in the settings UI.
    await editorCfg.update('codeActionsOnSave', { 'source.fixAll.fazhi-lint': 'explicit' }, vscode.ConfigurationTarget.Global);
    try {
      const doc = await open(fx.file);
      await diagnosticsWhen(doc.uri, (d) => d.length > 0, 'diagnostics before saving');
      // The file on disk lacks its first line: typing it back makes the document dirty, then save.
      const editor = vscode.window.activeTextEditor;
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), fx.firstLine));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const expected = fs.readFileSync(fx.expected, 'utf8');
      const deadline = Date.now() + 15000;
      let onDisk = '';
      while (Date.now() < deadline) {
        onDisk = fs.readFileSync(wsFile(fx.file).fsPath, 'utf8');
        if (onDisk === expected) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      if (onDisk !== expected) {
        const at = [...onDisk].findIndex((c, i) => c !== expected[i]);
        throw new Error(`saved text differs from --fix at offset ${at}: saved "${onDisk.slice(Math.max(0, at - 20), at + 40)}" vs --fix "${expected.slice(Math.max(0, at - 20), at + 40)}"`);
      }
    } finally {
      await editorCfg.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });
  await test('fazhiLint.maxProblems written while the editor runs re-checks at once, errors not pushed out', async () => {
    const doc = await open(config.seeds[1]);
    const all = await diagnosticsWhen(doc.uri, (d) => d.length > 3, 'diagnostics');
    const errors = all.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const cfg = vscode.workspace.getConfiguration('fazhiLint');
    try {
      await cfg.update('maxProblems', 2, vscode.ConfigurationTarget.Global);
      const capped = await diagnosticsWhen(doc.uri, (d) => d.length === 2, 'two diagnostics after maxProblems = 2');
      // A document-level finding (one that sums up a rule firing throughout) may take a place; a flood of
      // per-occurrence findings may not push every error out (test/lsp/units.test.ts has the exact order).
      if (errors >= 2 && !capped.some((d) => d.severity === vscode.DiagnosticSeverity.Error)) throw new Error(`no error kept: ${capped.map((d) => d.message).join(' | ')}`);
    } finally {
      await cfg.update('maxProblems', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(doc.uri, (d) => d.length === all.length, 'all diagnostics back after the setting is removed');
  });
}

/** Rule pages: the link target is read-only, rendered, and never checked. */
async function rulePages() {
  await test('a diagnostic\'s rule link opens a read-only page that is not checked', async () => {
    const doc = await open(config.seeds[0]);
    const diags = await diagnosticsWhen(doc.uri, (d) => d.some((x) => ruleOf(x) === 'required-section'), 'a required-section diagnostic');
    const d = diags.find((x) => ruleOf(x) === 'required-section');
    const target = d.code && d.code.target;
    if (!target || target.scheme !== 'fazhi-lint-rule') throw new Error(`the rule link is ${target ? target.toString() : 'missing'}, not a fazhi-lint-rule: page`);
    const page = await vscode.workspace.openTextDocument(target);
    if (!/^# fazhi-lint 规则 `required-section`/.test(page.getText())) throw new Error(`the page reads: ${page.getText().slice(0, 80)}`);
    await vscode.window.showTextDocument(page);
    await new Promise((r) => setTimeout(r, 1500));
    const own = vscode.languages.getDiagnostics(page.uri);
    if (own.length) throw new Error(`${own.length} diagnostics on the rule page`);
    const onDisk = vscode.languages.getDiagnostics().filter(([u, ds]) => /rules[\\/]required-section\.md$/.test(u.fsPath) && ds.length);
    if (onDisk.length) throw new Error(`diagnostics on ${onDisk[0][0].toString()}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
}

async function run() {
  fs.writeFileSync(path.join(__dirname, 'log.txt'), '');
  log('extension-host tests');
  await activation();
  await seeds();
  await cleanReports();
  await settings();
  await onSave();
  await rulePages();
  await commandEffects();
  await commands();
  const failed = results.filter((r) => !r.ok);
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2));
  log(`extension-host: ${results.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) throw new Error(`${failed.length} extension-host tests failed`);
}

module.exports = { run };
