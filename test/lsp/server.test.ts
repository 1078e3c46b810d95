// The language server driven by a real JSON-RPC client (test/lsp/client.ts),
// running from the sources in this process; test/lsp/process.test.ts runs the
// bundle (dist/server.cjs) as a process.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { check, applyEdits, RULES, type Rule } from '../../server/src/index.js';
import { expectations, locate, readSeed, seedFiles, CORPUS_DIR } from '../helpers/corpus.js';
import { applyTextEdits, fileUri, startClient, type TestClient } from './client.js';
import { cliFix, cliRun } from './cli-fix.js';

const FIX_ALL = 'source.fixAll.fazhi-lint';
/** A rule that always throws, to prove one broken rule does not take the others' diagnostics down. */
const THROWING_RULE: Rule = {
  id: 'test-throwing-rule',
  severity: 'error',
  tags: ['test'],
  docs: { description: '测试用：总是抛出异常的规则。', why: '测试', basis: '测试', howToFix: '—' },
  check() {
    throw new Error('test-throwing-rule always throws');
  },
};
const seedUri = (file: string) => fileUri(path.join(CORPUS_DIR, file));

/** The engine's findings as (rule, UTF-16 range) strings, to compare with what the server published. */
function engineKeys(text: string, config?: Parameters<typeof check>[1]): string[] {
  return check(text, config).map((f) => `${f.rule} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.severity}`).sort();
}
const SEV = ['', 'error', 'warning', 'info', 'hint'];
function diagKeys(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${SEV[d.severity!]}`)
    .sort();
}

describe('language server', function () {
  this.timeout(60000);
  let c: TestClient;
  before(async () => {
    c = await startClient({ inProcess: true });
  });
  after(async () => {
    await c.stop();
  });

  it('initializes with the features it implements', async () => {
    const caps = c.initialized!.capabilities as Record<string, any>;
    assert.equal(c.initialized!.serverInfo?.name, 'fazhi-lint');
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.fazhi-lint'));
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('quickfix'));
    assert.ok(caps.documentSymbolProvider && caps.hoverProvider && caps.foldingRangeProvider);
    assert.deepEqual(caps.executeCommandProvider.commands, [
      'fazhi-lint.server.fixAll',
      'fazhi-lint.server.convertScript',
      'fazhi-lint.server.disableRuleInConfig',
      // Document assembly for the editor (test/lsp/assembly.test.ts).
      'fazhi-lint.server.newReport',
      'fazhi-lint.server.assemblyPlan',
      'fazhi-lint.server.assemble',
      'fazhi-lint.server.exportWord',
      'fazhi-lint.server.importWord',
    ]);
    // Requests about documents it does not have are answered, not failed.
    assert.deepEqual(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nonexistent.md' } }), []);
  });

  for (const file of seedFiles()) {
    describe(`seed ${file}`, () => {
      const text = readSeed(file);
      const uri = seedUri(file);
      let published: PublishDiagnosticsParams;
      before(async () => {
        const since = c.published.length;
        c.open(uri, text);
        published = await c.diagnostics(uri, { since });
      });
      after(() => c.close(uri));

      it('publishes exactly the engine findings, with UTF-16 positions, rule id codes and source', () => {
        assert.ok(published.diagnostics.length > 0, 'a seed report has findings');
        assert.deepEqual(diagKeys(published), engineKeys(text));
        for (const d of published.diagnostics) {
          assert.equal(d.source, 'fazhi-lint');
          assert.match(String(d.code), /^[a-z-]+$/);
          assert.match(d.codeDescription!.href, new RegExp(`^file:.*/rules/${d.code}\\.md$`));
          assert.match(String(d.message), /[\u4e00-\u9fa5]/, 'messages are Chinese');
        }
      });

      it('covers every expectation of expected.jsonl for this seed', () => {
        const missing: string[] = [];
        for (const exp of expectations().filter((e) => e.file === file)) {
          const same = published.diagnostics.filter((d) => d.code === exp.rule);
          if (exp.absent) {
            const bad = same.filter((d) => exp.part === undefined || (d.data as { part?: string })?.part === exp.part);
            if (bad.length) missing.push(`unexpected ${exp.rule} ${exp.part ?? ''}`);
            continue;
          }
          const ok = same.some((d) => {
            if (exp.part !== undefined) return (d.data as { part?: string })?.part === exp.part;
            if (exp.line === undefined || exp.match === undefined) return true;
            const line = exp.line - 1;
            if (d.range.start.line > line || d.range.end.line < line) return false;
            const m = locate(text, exp.line, exp.match)!;
            // UTF-16 columns of the match on its line.
            const lineStart = text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0);
            const ms = m.start - lineStart;
            const me = m.end - lineStart;
            const ds = d.range.start.line < line ? -Infinity : d.range.start.character;
            const de = d.range.end.line > line ? Infinity : d.range.end.character;
            return ds <= me && de >= ms;
          });
          if (!ok) missing.push(`${exp.rule} line ${exp.line ?? ''} ${exp.match ?? exp.part ?? ''}`);
        }
        assert.deepEqual(missing, []);
      });
    });
  }

  it('reports positions in UTF-16 code units after astral characters', async () => {
    const uri = 'untitled:astral-report.md';
    // 𠮷 is two UTF-16 units; the pinyin annotation after 鎮 starts at character 3.
    const text = '# 某镇2023年法治政府建设情况的报告\n\n𠮷鎮(zhèn)坚持依法行政。\n';
    const since = c.published.length;
    c.open(uri, text, 'markdown');
    const p = await c.diagnostics(uri, { since });
    c.close(uri);
    assert.deepEqual(diagKeys(p), engineKeys(text));
    const pinyin = p.diagnostics.find((d) => d.code === 'pinyin-residue');
    assert.ok(pinyin, 'pinyin-residue is reported');
    assert.deepEqual(pinyin.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 9 } });
  });

  describe('code actions', () => {
    it('offers each fix as a quick fix that produces the promised text, and the re-check no longer offers it', async () => {
      const file = '003_1ada4594c569a830.txt';
      const uri = seedUri(file);
      const text = readSeed(file);
      const since = c.published.length;
      c.open(uri, text);
      const p = await c.diagnostics(uri, { since });
      const findings = check(text);
      const missing = p.diagnostics.find((d) => d.code === 'required-section' && (d.data as { part?: string }).part === 'first-responsible')!;
      assert.ok(missing, '003 lacks the first-responsible part');
      const actions = (await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: missing.range,
        context: { diagnostics: [missing], only: ['quickfix'] },
      })) as CodeAction[];
      const insert = actions.find((a) => a.isPreferred && a.diagnostics?.[0] === undefined ? false : a.isPreferred)!;
      assert.ok(insert?.edit, `a preferred quick fix with an edit: ${actions.map((a) => a.title).join(' | ')}`);
      const after = applyTextEdits(text, insert.edit.changes![uri]);
      const engineFix = findings.find((f) => f.rule === 'required-section' && f.data.part === 'first-responsible')!.fix;
      if (engineFix) assert.equal(after, applyEdits(text, engineFix.edits), 'the quick fix applies exactly the rule\'s fix');
      assert.match(after, /第一责任人|第一責任人/);
      // The editor sends the edited text; the part is no longer missing.
      const since2 = c.published.length;
      c.change(uri, 2, [{ text: after }]);
      const p2 = await c.diagnostics(uri, { since: since2, version: 2 });
      assert.ok(!p2.diagnostics.some((d) => d.code === 'required-section' && (d.data as { part?: string }).part === 'first-responsible'));
      assert.deepEqual(diagKeys(p2), engineKeys(after));
      c.close(uri);
    });

    it('disables a rule for one line with a comment above it', async () => {
      const uri = seedUri('001_59b600c439da888f.txt');
      const text = readSeed('001_59b600c439da888f.txt');
      const since = c.published.length;
      c.open(uri, text);
      const p = await c.diagnostics(uri, { since });
      const target = p.diagnostics.find((d) => d.range.start.line > 0 && d.range.start.line === d.range.end.line)!;
      const actions = (await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: target.range,
        context: { diagnostics: [target] },
      })) as CodeAction[];
      const disable = actions.find((a) => a.title.includes('在此行停用'))!;
      const edits = disable.edit!.changes![uri];
      assert.equal(edits[0].newText, `<!-- fazhi-lint-disable-next-line ${target.code} -->\n`);
      const after = applyTextEdits(text, edits);
      const since2 = c.published.length;
      c.change(uri, 2, [{ range: edits[0].range, text: edits[0].newText }]);
      const p2 = await c.diagnostics(uri, { since: since2, version: 2 });
      const line = target.range.start.line + 1;
      assert.ok(!p2.diagnostics.some((d) => d.code === target.code && d.range.start.line === line), 'the rule is silent on that line');
      assert.deepEqual(diagKeys(p2), engineKeys(after));
      const inConfig = actions.find((a) => a.command?.command === 'fazhi-lint.server.disableRuleInConfig');
      assert.deepEqual(inConfig?.command?.arguments, [uri, target.code]);
      c.close(uri);
    });

    it('fix all (source.fixAll.fazhi-lint and the command) gives the text --fix writes, fixes only', async () => {
      const uri = 'untitled:fixall.md';
      const text = '# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n2023 年，我镇設(shè)立了 75 件工作台账。\n';
      const since = c.published.length;
      c.open(uri, text, 'markdown');
      await c.diagnostics(uri, { since });
      const actions = (await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: [FIX_ALL] },
      })) as CodeAction[];
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, FIX_ALL);
      // This client does not resolve code actions: the action runs the fix-all command.
      assert.deepEqual(actions[0].command?.arguments, [uri]);
      const before = c.applied.length;
      await c.conn.sendRequest('workspace/executeCommand', actions[0].command);
      const after = applyTextEdits(text, c.applied[before].changes![uri]);
      assert.equal(after, await cliFix(text, 'fixall.md'));
      assert.ok(!after.includes('(shè)'), 'pinyin annotation removed');
      // A second pass inserted the parts the first pass could not (their fixes share one insertion point).
      for (const part of ['其他需要报告的情况', '下一年度']) assert.ok(after.includes(part), part);
      // The palette command goes through workspace/applyEdit.
      const applied = c.applied.length;
      const r = (await c.conn.sendRequest('workspace/executeCommand', { command: 'fazhi-lint.server.fixAll', arguments: [uri] })) as { applied: boolean };
      assert.equal(r.applied, true);
      assert.equal(applyTextEdits(text, c.applied[applied].changes![uri]), after);
      c.close(uri);
    });
  });

  it('answers the compliance checklist and converts the document\'s script', async () => {
    const file = '003_1ada4594c569a830.txt';
    const uri = seedUri(file);
    const text = readSeed(file);
    c.open(uri, text);
    const list = (await c.conn.sendRequest('fazhi-lint/checklist', { uri })) as { part: string; present: boolean }[];
    assert.deepEqual(list.map((i) => [i.part, i.present]), [
      ['measures', true], ['shortcomings', true], ['first-responsible', false], ['next-year', true], ['other', false],
    ]);
    const applied = c.applied.length;
    const r = (await c.conn.sendRequest('workspace/executeCommand', { command: 'fazhi-lint.server.convertScript', arguments: [uri, 'simplified'] })) as { changed: boolean };
    assert.equal(r.changed, true);
    const { toSimplified } = await import('../../server/src/engine/script.js');
    assert.equal(applyTextEdits(text, c.applied[applied].changes![uri]), toSimplified(text));
    c.close(uri);
  });

  it('shows the five parts as document symbols, named as the regulation names them', async () => {
    const file = '004_e2661321fbbd4b8b.txt';
    const uri = seedUri(file);
    c.open(uri, readSeed(file));
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    for (const part of ['主要举措和成效', '存在的不足和原因', '党政主要负责人履行推进法治建设第一责任人职责情况', '下一年度主要安排']) {
      assert.ok(names.includes(part), `${part} in ${names.join(' | ')}`);
    }
    assert.ok(symbols.every((s) => !s.detail || readSeed(file).includes(s.detail.replace(/…$/, ''))), 'details are headings as written');
    assert.ok(symbols.some((s) => (s.children ?? []).length > 0), 'sub-sections are children');
    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
    assert.ok(folds.length >= symbols.length);
    c.close(uri);
  });

  it('hovers a diagnostic with what the rule checks, why and how to fix it', async () => {
    const file = '000_6895dad6e85ea9c9.txt';
    const uri = seedUri(file);
    const since = c.published.length;
    c.open(uri, readSeed(file));
    const p = await c.diagnostics(uri, { since });
    const d = p.diagnostics.find((x) => x.code === 'required-section')!;
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /required-section/);
    assert.match(value, /为什么/);
    assert.match(value, /法治政府建设与责任落实督察工作规定/);
    assert.match(value, /怎样修改/);
    c.close(uri);
  });

  it('re-checks on didChange (incremental edits) and drops the results of stale versions', async () => {
    const file = '003_1ada4594c569a830.txt';
    const uri = seedUri(file);
    const text = readSeed(file);
    const since = c.published.length;
    c.open(uri, text);
    await c.diagnostics(uri, { since });
    // Three quick edits: only the last version is checked (debounce), and it is right.
    const since2 = c.published.length;
    c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }]);
    c.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }]);
    c.change(uri, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '如皋市司法局2023年法治政府建设情况的报告\n\n' }]);
    const p = await c.diagnostics(uri, { since: since2 });
    assert.equal(p.version, 4, 'stale versions are not published');
    assert.deepEqual(diagKeys(p), engineKeys(`如皋市司法局2023年法治政府建设情况的报告\n\n${text}`));
    c.close(uri);
  });

  it('clears diagnostics on close and leaves unrelated documents alone', async () => {
    const uri = 'untitled:README.md';
    let since = c.published.length;
    c.open(uri, '# My project\n\nSome notes, XX and 2021-2025 here.\n', 'markdown');
    let p = await c.diagnostics(uri, { since });
    assert.deepEqual(p.diagnostics, []);
    // Toggling checking on for this file checks it anyway.
    since = c.published.length;
    void c.conn.sendNotification('fazhi-lint/setFileEnabled', { uri, enabled: true });
    p = await c.diagnostics(uri, { since });
    assert.ok(p.diagnostics.length > 0);
    since = c.published.length;
    c.close(uri);
    p = await c.diagnostics(uri, { since });
    assert.deepEqual(p.diagnostics, []);
  });
});

describe('language server configuration', function () {
  this.timeout(60000);

  it('re-checks open documents when editor settings change (workspace/configuration)', async () => {
    const c = await startClient({ inProcess: true });
    try {
      const uri = seedUri('000_6895dad6e85ea9c9.txt');
      const text = readSeed('000_6895dad6e85ea9c9.txt');
      let since = c.published.length;
      c.open(uri, text);
      let p = await c.diagnostics(uri, { since });
      assert.ok(p.diagnostics.some((d) => d.code === 'required-section'));
      c.settings = { rules: { 'required-section': 'off', 'mixed-script': 'hint' } };
      since = c.published.length;
      void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      p = await c.diagnostics(uri, { since });
      assert.ok(!p.diagnostics.some((d) => d.code === 'required-section'));
      assert.deepEqual(diagKeys(p), engineKeys(text, { rules: { 'required-section': 'off', 'mixed-script': 'hint' } }));
    } finally {
      await c.stop();
    }
  });

  it('reads the nearest .fazhi-lint.json (file wins over settings) and re-checks when it changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lsp-'));
    mkdirSync(path.join(dir, 'reports'));
    const file = path.join(dir, 'reports', 'report.txt');
    const text = readSeed('002_0376ecbf1b3a9eef.txt');
    writeFileSync(file, text);
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ rules: { 'required-section': 'hint' } }));
    const c = await startClient({ inProcess: true, rootUri: fileUri(dir), settings: { rules: { 'required-section': 'off' } } });
    try {
      const uri = fileUri(file);
      let since = c.published.length;
      c.open(uri, text);
      let p = await c.diagnostics(uri, { since });
      const rs = p.diagnostics.filter((d) => d.code === 'required-section');
      assert.ok(rs.length > 0 && rs.every((d) => d.severity === 4), 'the config file\'s severity applies');
      // "Disable in workspace config" writes the nearest config file and re-checks.
      since = c.published.length;
      await c.conn.sendRequest('workspace/executeCommand', { command: 'fazhi-lint.server.disableRuleInConfig', arguments: [uri, 'required-section'] });
      p = await c.diagnostics(uri, { since });
      assert.ok(!p.diagnostics.some((d) => d.code === 'required-section'));
      assert.equal(JSON.parse(readFileSync(path.join(dir, '.fazhi-lint.json'), 'utf8')).rules['required-section'], 'off');
      // An outside change of the file, announced by the client's watcher.
      writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ rules: { 'required-section': 'warning' } }));
      since = c.published.length;
      void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, '.fazhi-lint.json')), type: 2 }] });
      p = await c.diagnostics(uri, { since });
      const again = p.diagnostics.filter((d) => d.code === 'required-section');
      assert.ok(again.length > 0 && again.every((d: Diagnostic) => d.severity === 2));
    } finally {
      await c.stop();
    }
  });

  it('an invalid .fazhi-lint.json is reported with the same text as the CLI\'s, and ignored', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lsp-'));
    const file = path.join(dir, 'report.txt');
    const text = readSeed('002_0376ecbf1b3a9eef.txt');
    writeFileSync(file, text);
    const configFile = path.join(dir, '.fazhi-lint.json');
    writeFileSync(configFile, JSON.stringify({ rules: { 'cjk-spacing': { severity: 'warning', extend: ['x'] }, typo: { extend: { 错字: 1 } } } }));
    const problem =
      '配置无效（invalid config）：rules.cjk-spacing.extend: 规则 cjk-spacing 没有可扩展的词表，不接受 extend（rule cjk-spacing has no list to extend）；' +
      'rules.typo.extend["错字"]: 应为字符串（正确写法）或对象 { right, reason, … }（expected a string, or an object { right, reason, … }），实际为（got）1';
    const cli = await cliRun(['report.txt'], dir);
    assert.equal(cli.code, 2);
    assert.equal(cli.stderr, `fazhi-lint: .fazhi-lint.json: ${problem}\n`);
    const c = await startClient({ inProcess: true, rootUri: fileUri(dir) });
    try {
      const uri = fileUri(file);
      const since = c.published.length;
      c.open(uri, text);
      const p = await c.diagnostics(uri, { since });
      assert.deepEqual(diagKeys(p), engineKeys(text), 'the defaults apply');
      const shown = c.shown.filter((m) => m.type === 1).map((m) => m.message);
      assert.deepEqual(shown, [`fazhi-lint：${configFile}: ${problem}（已忽略该配置文件）`]);
    } finally {
      await c.stop();
    }
  });

  it('takes settings pushed with didChangeConfiguration from clients without workspace/configuration', async () => {
    const c = await startClient({ inProcess: true, pull: false });
    try {
      const uri = seedUri('004_e2661321fbbd4b8b.txt');
      const text = readSeed('004_e2661321fbbd4b8b.txt');
      let since = c.published.length;
      c.open(uri, text);
      let p = await c.diagnostics(uri, { since });
      assert.ok(p.diagnostics.some((d) => d.code === 'cjk-spacing'));
      since = c.published.length;
      void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { fazhiLint: { rules: { 'cjk-spacing': 'off' } } } });
      p = await c.diagnostics(uri, { since });
      assert.deepEqual(diagKeys(p), engineKeys(text, { rules: { 'cjk-spacing': 'off' } }));
    } finally {
      await c.stop();
    }
  });

  it('logs a throwing rule once and still publishes the other rules\' diagnostics', async () => {
    const c = await startClient({ inProcess: true, rules: [THROWING_RULE, ...RULES] });
    try {
      for (const file of ['000_6895dad6e85ea9c9.txt', '003_1ada4594c569a830.txt']) {
        const since = c.published.length;
        c.open(seedUri(file), readSeed(file));
        const p = await c.diagnostics(seedUri(file), { since });
        assert.deepEqual(diagKeys(p), engineKeys(readSeed(file)));
      }
      const logged = c.logs.filter((m) => m.includes('test-throwing-rule'));
      assert.equal(logged.length, 1, 'logged once');
    } finally {
      await c.stop();
    }
  });
});
