// What a writer using the server from VS Code (or another editor) relies on beyond the basics of
// server.test.ts: code actions that do exactly the right thing in the corner cases, the config file
// edited safely, settings mistakes reported, the status the extension's status bar and toggle use,
// and requests about things that are not there. The server runs in this process (test/lsp/client.ts);
// process.test.ts checks the bundle.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import { PROFILE_NAMES, SKELETON_PROFILES } from '../../server/src/assemble/skeleton.js';
import { rulePage } from '../../server/src/lsp/rule-docs.js';
import { check } from '../../server/src/index.js';
import { RULES } from '../../server/src/rules/index.js';
import { readSeed, CORPUS_DIR } from '../helpers/corpus.js';
import { applyTextEdits, diagnosticKeys, engineKeys, fileUri, ROOT, startClient, type TestClient } from './client.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (polling) until `pred` holds; fails after 10 s. */
async function until(pred: () => boolean, what: string): Promise<void> {
  for (let i = 0; !pred(); i++) {
    if (i === 500) throw new Error(`not within 10 s: ${what}`);
    await sleep(20);
  }
}

async function actionsFor(c: TestClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return (await c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics },
  })) as CodeAction[];
}

/** A report with parts 一 to 三: the two missing parts (下一年度, 其他) both belong at its end, one range. */
const THREE_PARTS =
  '# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n我镇设立了XX台账,共 75 件。\n\n二、存在的不足和原因\n\n一是不足。原因是重视不够。\n\n' +
  '三、党政主要负责人履行推进法治建设第一责任人职责情况\n\n书记履职。\n';

describe('language server: editor behaviour', function () {
  this.timeout(60000);
  let c: TestClient;
  before(async () => {
    c = await startClient({ inProcess: true });
  });
  after(async () => {
    await c.stop();
  });

  it('gives each of two missing parts that share a range its own "insert the missing part" fix', async () => {
    const uri = 'untitled:three-parts.md';
    const since = c.published.length;
    c.open(uri, THREE_PARTS, 'markdown');
    const p = await c.diagnostics(uri, { since });
    const missing = p.diagnostics.filter((d) => d.code === 'required-section');
    assert.deepEqual(missing.map((d) => (d.data as { part: string }).part).sort(), ['next-year', 'other']);
    assert.deepEqual(missing[0].range, missing[1].range, 'both are anchored at the end of the report');
    const findings = check(THREE_PARTS).filter((f) => f.rule === 'required-section');
    for (const d of missing) {
      const part = (d.data as { part: string }).part;
      const fix = (await actionsFor(c, uri, [d])).find((a) => a.isPreferred)!;
      const promised = findings.find((f) => f.data.part === part)!.fix!;
      assert.equal(fix.title, promised.title, `the fix of ${part}`);
      const after = applyTextEdits(THREE_PARTS, fix.edit!.changes![uri]);
      assert.match(after, part === 'other' ? /\n四、其他需要报告的情况\n/ : /\n四、下一年度推进法治政府建设的主要安排\n/);
      const left = check(after).filter((f) => f.rule === 'required-section').map((f) => f.data.part);
      assert.deepEqual(left, [part === 'other' ? 'next-year' : 'other'], 'the part the fix was offered for is no longer missing');
    }
    c.close(uri);
  });

  it('inserts a missing part below the title of a report that has no sections yet, then the next one after it', async () => {
    const uri = 'untitled:no-sections.md';
    let text = '# 某镇2023年法治政府建设情况的报告\n\n2023年，我镇坚持依法行政，取得成效。\n';
    let since = c.published.length;
    c.open(uri, text, 'markdown');
    let p = await c.diagnostics(uri, { since });
    let version = 1;
    for (const [part, heading] of [['measures', '## 一、'], ['shortcomings', '## 二、']] as const) {
      const d = p.diagnostics.find((x) => x.code === 'required-section' && (x.data as { part: string }).part === part)!;
      const fix = (await actionsFor(c, uri, [d])).find((a) => a.isPreferred)!;
      assert.ok(fix?.edit, `a preferred fix for ${part}`);
      const after = applyTextEdits(text, fix.edit.changes![uri]);
      assert.ok(after.startsWith('# 某镇2023年法治政府建设情况的报告\n\n2023年，我镇坚持依法行政，取得成效。\n\n'), `the title stays first: ${after}`);
      const parts = check(after).filter((f) => f.rule === 'required-section').map((f) => f.data.part);
      assert.ok(!parts.includes(part), `${part} is no longer missing: ${after}`);
      assert.ok(after.split('\n').some((l) => l.startsWith(heading)), `numbered ${heading}: ${after}`);
      text = after;
      since = c.published.length;
      c.change(uri, ++version, [{ text }]);
      p = await c.diagnostics(uri, { since, version });
    }
    assert.ok(text.indexOf('## 一、') < text.indexOf('## 二、'));
    c.close(uri);
  });

  it('disables a second rule on a line by adding it to the comment already above, one action per rule and line', async () => {
    const uri = 'untitled:two-rules.md';
    const text = THREE_PARTS;
    let since = c.published.length;
    c.open(uri, text, 'markdown');
    let p = await c.diagnostics(uri, { since });
    const line = 4; // 我镇设立了XX台账,共 75 件。
    const onLine = p.diagnostics.filter((d) => d.range.start.line === line);
    const rules = [...new Set(onLine.map((d) => String(d.code)))];
    assert.ok(rules.length >= 2, `several rules on the line: ${rules.join(', ')}`);
    const actions = await actionsFor(c, uri, onLine);
    const disables = actions.filter((a) => a.title.startsWith('在此行停用'));
    assert.equal(disables.length, rules.length, 'one "disable for this line" per rule');
    assert.equal(actions.filter((a) => a.command?.command === 'fazhi-lint.server.disableRuleInConfig').length, 0, 'no config file for an untitled document');
    // Disable the first rule, then the second: the second joins the first's comment.
    let current = text;
    let version = 1;
    for (const rule of rules.slice(0, 2)) {
      const d = p.diagnostics.find((x) => x.code === rule && x.range.start.line === (version === 1 ? line : line + 1))!;
      const action = (await actionsFor(c, uri, [d])).find((a) => a.title.startsWith(`在此行停用规则 ${rule}`))!;
      const edits = action.edit!.changes![uri];
      current = applyTextEdits(current, edits);
      since = c.published.length;
      c.change(uri, ++version, edits.map((e) => ({ range: e.range, text: e.newText })));
      p = await c.diagnostics(uri, { since, version });
      assert.deepEqual(diagnosticKeys(p), engineKeys(current));
    }
    const lines = current.split('\n');
    assert.equal(lines[line], `<!-- fazhi-lint-disable-next-line ${rules[0]} ${rules[1]} -->`);
    assert.equal(lines[line + 1], text.split('\n')[line], 'the line itself is untouched');
    assert.ok(!p.diagnostics.some((d) => d.range.start.line === line + 1 && (d.code === rules[0] || d.code === rules[1])));
    c.close(uri);
  });

  it('names run-in plain-text sub-headings by their heading sentence, not the whole paragraph', async () => {
    const file = '002_0376ecbf1b3a9eef.txt';
    const uri = fileUri(path.join(CORPUS_DIR, file));
    c.open(uri, readSeed(file));
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const measures = symbols.find((s) => s.name === '主要举措和成效')!;
    const first = measures.children![0];
    assert.equal(first.name, '（一）勠力齐心，推进建设法治政府');
    assert.deepEqual(first.selectionRange, { start: { line: 6, character: 0 }, end: { line: 6, character: 17 } });
    const within = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
      (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const all = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => [s, ...all(s.children ?? [])]);
    for (const s of all(symbols)) assert.ok(within(s.selectionRange, s.range), `selectionRange of ${s.name} inside its range (VS Code rejects it otherwise)`);
    c.close(uri);
  });

  it('sends the status bar why a document is (not) checked and what the toggle would go back to', async () => {
    const readme = 'untitled:README-status.md';
    c.open(readme, '# My project\n\nSome notes.\n', 'markdown');
    await c.diagnostics(readme);
    const statusOf = async (uri: string, pred: (s: Record<string, unknown>) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const s = c.status.filter((x) => x.uri === uri).at(-1);
        if (s && pred(s)) return s;
        await sleep(20);
      }
      throw new Error(`no matching status for ${uri}: ${JSON.stringify(c.status.filter((x) => x.uri === uri))}`);
    };
    let s = await statusOf(readme, () => true);
    assert.deepEqual([s.checked, s.reason, s.checkedByDefault], [false, 'unrelated', false]);
    void c.conn.sendNotification('fazhi-lint/setFileEnabled', { uri: readme, enabled: true });
    s = await statusOf(readme, (x) => x.checked === true);
    assert.deepEqual([s.reason, s.checkedByDefault], ['forced', false]);
    void c.conn.sendNotification('fazhi-lint/setFileEnabled', { uri: readme, enabled: null });
    s = await statusOf(readme, (x) => x.checked === false);
    assert.equal(s.reason, 'unrelated');
    c.close(readme);
    const report = 'untitled:report-status.md';
    c.open(report, THREE_PARTS, 'markdown');
    s = await statusOf(report, () => true);
    assert.deepEqual([s.checked, s.reason, s.checkedByDefault], [true, 'content', true]);
    void c.conn.sendNotification('fazhi-lint/setFileEnabled', { uri: report, enabled: false });
    s = await statusOf(report, (x) => x.checked === false);
    assert.deepEqual([s.reason, s.checkedByDefault], ['forced-off', true]);
    c.close(report);
  });

  it('answers requests about unopened documents, unknown methods and out-of-range positions without failing', async () => {
    const nowhere = 'file:///nonexistent/report.md';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: nowhere }, position: range.start }), null);
    assert.deepEqual(await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: nowhere }, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: nowhere } }), []);
    assert.equal(await c.conn.sendRequest('fazhi-lint/checklist', { uri: nowhere }), null);
    await assert.rejects(c.conn.sendRequest('fazhi-lint/no-such-method', {}), /Unhandled method/);
    void c.conn.sendNotification('fazhi-lint/no-such-notification', {});
    c.change(nowhere, 2, [{ text: 'x' }]);
    const uri = 'untitled:range.md';
    const since = c.published.length;
    c.open(uri, THREE_PARTS, 'markdown');
    await c.diagnostics(uri, { since });
    // Nothing is at a position that does not exist, and a diagnostic the server did not publish gets no quick fix
    // and no "disable for this line": only the document's fix-all is offered.
    for (const position of [{ line: 10_000, character: 3 }, { line: 4, character: 10_000 }, { line: -1, character: -1 }]) {
      const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      assert.equal(hover, null, JSON.stringify(position));
      const actions = (await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [{ range: { start: position, end: position }, message: 'x', code: 'placeholder', source: 'fazhi-lint' }] },
      })) as CodeAction[];
      assert.deepEqual(
        actions.map((a) => [a.kind, a.command?.command, a.command?.arguments]),
        [['source.fixAll.fazhi-lint', 'fazhi-lint.server.fixAll', [uri]]],
        JSON.stringify(position),
      );
    }
    // The same requests inside the document do answer (the placeholder XX on line 5).
    const at = { line: 4, character: 6 };
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: at })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /XX/);
    // An edit past the end of the document is clamped, as the protocol's TextDocument does.
    const since2 = c.published.length;
    c.change(uri, 2, [{ range: { start: { line: 10_000, character: 0 }, end: { line: 10_000, character: 5 } }, text: '\n附：XX\n' }]);
    const p = await c.diagnostics(uri, { since: since2, version: 2 });
    assert.deepEqual(diagnosticKeys(p), engineKeys(`${THREE_PARTS}\n附：XX\n`));
    c.close(uri);
    assert.equal(c.proc?.exitCode ?? null, null);
  });

  it('never publishes a stale version after a newer one, nor anything after close', async () => {
    const uri = 'untitled:rapid.txt';
    const text = readSeed('004_e2661321fbbd4b8b.txt');
    const since = c.published.length;
    c.open(uri, text);
    await c.diagnostics(uri, { since });
    const from = c.published.length;
    for (let v = 2; v <= 30; v++) c.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }]);
    const last = await c.diagnostics(uri, { since: from, version: 30 });
    assert.deepEqual(diagnosticKeys(last), engineKeys('X'.repeat(29) + text));
    // Edits, then close at once: the pending check is dropped; the close's empty list is the last word.
    c.change(uri, 31, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Y' }]);
    c.close(uri);
    // A check of the same text for another document, scheduled after the close: checks are debounced alike and run
    // in order, so once it is published, a check of version 31 that was not dropped would have been published too.
    const probe = 'untitled:rapid-probe.txt';
    const sinceProbe = c.published.length;
    c.open(probe, text);
    await c.diagnostics(probe, { since: sinceProbe });
    c.close(probe);
    const mine = c.published.slice(from).filter((p) => p.uri === uri);
    const versions = mine.filter((p) => p.version !== undefined).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions in order: ${versions.join(',')}`);
    assert.deepEqual(mine.at(-1), { uri, diagnostics: [] });
  });
});

describe('language server: editor settings and the config file', function () {
  this.timeout(60000);

  it('tells the user once which settings are invalid, and checks with the valid ones', async () => {
    const c = await startClient({ inProcess: true, settings: { rules: { placeholder: 'loud', 'no-such-rule': 'off', 'cjk-spacing': 'off' }, script: 'klingon', debounce: 'fast' } });
    try {
      const uri = 'untitled:settings.md';
      const since = c.published.length;
      c.open(uri, THREE_PARTS, 'markdown');
      const p = await c.diagnostics(uri, { since });
      assert.deepEqual(diagnosticKeys(p), engineKeys(THREE_PARTS, { rules: { 'cjk-spacing': 'off' } }));
      await until(() => c.shown.some((m) => m.type === 2 && m.message.includes('设置有误')), 'the settings warning');
      const warnings = c.shown.filter((m) => m.type === 2 && m.message.includes('设置有误'));
      assert.equal(warnings.length, 1, JSON.stringify(c.shown));
      for (const bad of ['fazhiLint.rules.placeholder', '"no-such-rule"', 'fazhiLint.script', 'fazhiLint.debounce']) assert.ok(warnings[0].message.includes(bad), bad);
      assert.ok(!warnings[0].message.includes('fazhiLint.rules.cjk-spacing'), 'a valid setting is not reported');
      // Another check, same settings: not told again.
      const since2 = c.published.length;
      c.change(uri, 2, [{ text: `${THREE_PARTS}\n` }]);
      await c.diagnostics(uri, { since: since2, version: 2 });
      assert.equal(c.shown.filter((m) => m.message.includes('设置有误')).length, 1);
      assert.equal(c.proc?.exitCode ?? null, null);
    } finally {
      await c.stop();
    }
  });

  it('leaves a report under a folder named in the config\'s ignores unchecked, as the CLI does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lsp-ignores-'));
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ ignores: ['Drafts/'] }));
    mkdirSync(path.join(dir, 'drafts', 'old'), { recursive: true });
    const text = readSeed('004_e2661321fbbd4b8b.txt');
    const ignored = path.join(dir, 'drafts', 'old', '报告.txt');
    const checked = path.join(dir, '报告.txt');
    writeFileSync(ignored, text);
    writeFileSync(checked, text);
    const c = await startClient({ inProcess: true, rootUri: fileUri(dir) });
    try {
      for (const file of [ignored, checked]) c.open(fileUri(file), text, 'plaintext');
      assert.ok((await c.diagnostics(fileUri(checked))).diagnostics.length > 0);
      for (let i = 0; i < 200 && !c.status.some((x) => x.uri === fileUri(ignored)); i++) await sleep(20);
      const status = c.status.filter((x) => x.uri === fileUri(ignored)).at(-1);
      assert.deepEqual([status?.checked, status?.reason], [false, 'ignored']);
      assert.ok(c.published.filter((p) => p.uri === fileUri(ignored)).every((p) => p.diagnostics.length === 0));
    } finally {
      await c.stop();
    }
  });

  it('registers a watcher for the config files', async () => {
    const c = await startClient({ inProcess: true });
    try {
      for (let i = 0; i < 100 && !c.registrations.length; i++) await sleep(20);
      const watch = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      const globs = (watch?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
      assert.deepEqual(globs.sort(), ['**/.fazhi-lint.json', '**/.fazhi-lint.jsonc']);
    } finally {
      await c.stop();
    }
  });

  describe('"disable this rule in the workspace config"', () => {
    let dir: string;
    let c: TestClient;
    let uri: string;
    const text = readSeed('004_e2661321fbbd4b8b.txt');
    const disable = (rule: string, target = uri) =>
      c.conn.sendRequest('workspace/executeCommand', { command: 'fazhi-lint.server.disableRuleInConfig', arguments: [target, rule] }) as Promise<{ written: boolean; file?: string }>;
    beforeEach(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lsp-config-'));
      const file = path.join(dir, 'report.txt');
      writeFileSync(file, text);
      uri = fileUri(file);
      c = await startClient({ inProcess: true, rootUri: fileUri(dir) });
    });
    afterEach(async () => {
      await c.stop();
    });
    const open = async () => {
      const since = c.published.length;
      c.open(uri, text);
      return c.diagnostics(uri, { since });
    };

    it('edits a .jsonc config in place: comments, tabs and CRLF kept, a rule\'s options kept', async () => {
      const config = path.join(dir, '.fazhi-lint.jsonc');
      const before = '// team settings\r\n{\r\n\t/* the words we accept */\r\n\t"rules": {\r\n\t\t"terminology": { "severity": "warning", "allow": ["三重一大"] }\r\n\t}\r\n}\r\n';
      writeFileSync(config, before);
      let p = await open();
      assert.ok(p.diagnostics.some((d) => d.code === 'cjk-spacing'));
      const since = c.published.length;
      assert.deepEqual(await disable('cjk-spacing'), { written: true, file: config });
      p = await c.diagnostics(uri, { since });
      assert.ok(!p.diagnostics.some((d) => d.code === 'cjk-spacing'), 're-checked without the rule');
      assert.deepEqual(await disable('terminology'), { written: true, file: config });
      const after = readFileSync(config, 'utf8');
      assert.ok(after.startsWith('// team settings\r\n{\r\n\t/* the words we accept */\r\n\t"rules": {\r\n'), after);
      assert.ok(!/[^\r]\n/.test(after), 'CRLF line ends kept');
      assert.ok(!/^ +"/m.test(after), 'tab indentation kept');
      const { parse } = await import('jsonc-parser');
      assert.deepEqual(parse(after).rules, { terminology: { severity: 'off', allow: ['三重一大'] }, 'cjk-spacing': 'off' });
    });

    it('leaves a malformed config file alone and says why', async () => {
      const config = path.join(dir, '.fazhi-lint.json');
      const broken = '{ "rules": { "typo": "off", \n';
      writeFileSync(config, broken);
      await open();
      const r = await disable('cjk-spacing');
      assert.equal(r.written, false);
      assert.equal(readFileSync(config, 'utf8'), broken, 'the file is not made worse');
      await until(() => c.shown.some((m) => m.type === 1 && m.message.includes('无法在') && m.message.includes(config)), JSON.stringify(c.shown));
    });

    it('creates .fazhi-lint.json in the workspace folder, and never writes for a document that is not open', async () => {
      const elsewhere = mkdtempSync(path.join(tmpdir(), 'fazhi-lsp-elsewhere-'));
      const stranger = fileUri(path.join(elsewhere, 'nope.md'));
      assert.deepEqual(await disable('typo', stranger), { written: false });
      assert.ok(!existsSync(path.join(elsewhere, '.fazhi-lint.json')));
      await open();
      assert.deepEqual(await disable('typo'), { written: true, file: path.join(dir, '.fazhi-lint.json') });
      assert.deepEqual(JSON.parse(readFileSync(path.join(dir, '.fazhi-lint.json'), 'utf8')), { rules: { typo: 'off' } });
    });
  });
});

describe('language server: rule pages and the skeleton', function () {
  this.timeout(60000);

  it('never diagnoses a rule page, and gives read-only page links and texts to a client that asks', async () => {
    const c = await startClient({ inProcess: true, initializationOptions: { ruleDocScheme: 'fazhi-lint-rule' } });
    try {
      // A rule page opened as a file (what clicking a file: link did): not checked, the status says why.
      const rule = RULES.find((r) => r.id === 'required-section')!;
      const page = rulePage(rule);
      const pageUri = fileUri(path.join(tmpdir(), 'rules', 'required-section.md'));
      let since = c.published.length;
      c.open(pageUri, page, 'markdown');
      assert.deepEqual((await c.diagnostics(pageUri, { since })).diagnostics, []);
      for (let i = 0; i < 100 && !c.status.some((s) => s.uri === pageUri); i++) await sleep(20);
      assert.equal(c.status.filter((s) => s.uri === pageUri).at(-1)?.reason, 'rule-page');
      // Toggling checking on does not change that.
      since = c.published.length;
      void c.conn.sendNotification('fazhi-lint/setFileEnabled', { uri: pageUri, enabled: true });
      assert.deepEqual((await c.diagnostics(pageUri, { since })).diagnostics, []);
      // Links in the client's scheme, and the page's text on request.
      const uri = 'untitled:links.md';
      since = c.published.length;
      c.open(uri, THREE_PARTS, 'markdown');
      const p = await c.diagnostics(uri, { since });
      for (const d of p.diagnostics) assert.equal(d.codeDescription?.href, `fazhi-lint-rule:/${d.code}.md`);
      assert.equal(await c.conn.sendRequest('fazhi-lint/ruleDoc', { rule: 'required-section' }), page);
      assert.equal(await c.conn.sendRequest('fazhi-lint/ruleDoc', { rule: 'no-such-rule' }), null);
      const d = p.diagnostics.find((x) => x.code === 'required-section')!;
      const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as { contents: { value: string } };
      assert.ok(hover.contents.value.includes('(fazhi-lint-rule:/required-section.md)'), hover.contents.value);
    } finally {
      await c.stop();
    }
  });

  it('offers the skeleton of each profile on an empty report, as `fazhi-lint new` writes it', async () => {
    const c = await startClient({ inProcess: true, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } } });
    try {
      const uri = 'untitled:new.md';
      c.open(uri, '法治', 'markdown');
      const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 2 } })) as CompletionItem[];
      assert.deepEqual(items.map((i) => i.label), SKELETON_PROFILES.map((p) => `法治报告：${PROFILE_NAMES[p]}（全文骨架）`));
      const county = items[SKELETON_PROFILES.indexOf('county')];
      const edit = county.textEdit as TextEdit;
      assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, 'replaces what was typed');
      assert.equal(county.insertTextFormat, 2);
      // Expanded with its defaults, the snippet is the skeleton with body and year filled in.
      const expanded = edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, (m) => (m === '$1' ? '某某' : m === '$0' ? '' : '20XX')).replace(/\\([$}\\])/g, '$1');
      const template = readFileSync(path.join(ROOT, 'rules/skeletons/county.md'), 'utf8');
      assert.equal(expanded.trimEnd(), template.replace(/\{\{单位\}\}/g, '某某').replace(/\{\{(年度|下一年度)\}\}/g, '20XX').trimEnd());
      // Not in a report that has text.
      c.change(uri, 2, [{ text: `${THREE_PARTS}\n法治` }]);
      const none = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: THREE_PARTS.split('\n').length, character: 2 } });
      assert.deepEqual(none, []);
    } finally {
      await c.stop();
    }
  });
});
