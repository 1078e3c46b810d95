// The fazhi-lint language server: an ordinary LSP server over stdio or
// Node IPC (`fazhi-lint-server --stdio` / `--node-ipc`), for VS Code,
// Neovim, Emacs or any other client.
import { version as VERSION } from '../../../package.json';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  createConnection,
  type Connection,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigObject } from '../engine/config.js';
import type { Finding } from '../engine/types.js';
import { toSimplified, toTraditional } from '../engine/script.js';
import { analyze, resolveCached, serverRules, type Analysis } from './analysis.js';
import { codeActions, FIX_ALL_KIND, fixAllEdits, toTextEdits } from './code-actions.js';
import { capFindings, counts, toDiagnostic } from './diagnostics.js';
import { LOCAL_RULES, dirtyRegion, mapFindings, spliceWindow, windowAround, type Edit } from './incremental.js';
import { checklist, documentSymbols, foldingRanges } from './outline.js';
import {
  CHECKLIST_REQUEST,
  SERVER_COMMANDS,
  SET_FILE_ENABLED_NOTIFICATION,
  STATUS_NOTIFICATION,
  type ChecklistItem,
  type ChecklistParams,
  type SetFileEnabledParams,
  type StatusParams,
} from './protocol.js';
import { ruleDocUri, ruleMarkdown } from './rule-docs.js';
import { ConfigFiles, disableRuleInConfigText, effectiveConfig, normalizeSettings, selectDocument, settingsProblems, type EditorSettings, type Selection } from './settings.js';
import { FullChecker, Superseded } from './worker.js';

/** Above this many UTF-16 units a document is re-checked partially on the main thread and fully in a worker. */
export const LARGE_DOCUMENT = Number(process.env.FAZHI_LINT_LARGE_DOCUMENT ?? 200_000);
/** Above this many UTF-16 units a document is not checked at all (a full check of 1 MB takes seconds; 5 MB is no report). */
const TRACE = process.env.FAZHI_LINT_TRACE === '1';
export const MAX_DOCUMENT = Number(process.env.FAZHI_LINT_MAX_DOCUMENT ?? 5_000_000);

interface Checked {
  version: number;
  analysis: Analysis;
  configKey: string;
}

interface DocState {
  doc: TextDocument;
  timer?: NodeJS.Timeout;
  selection?: Selection;
  /** The last published check and the edits made since its version. */
  current?: Checked;
  edits: Edit[];
  /** When the last didChange arrived (for FAZHI_LINT_TRACE). */
  changedAt?: number;
  /** Whether the document would be checked without a per-file override (for the toggle command). */
  checkedByDefault?: boolean;
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const rules = serverRules();
  const knownRules = new Set(rules.map((r) => r.id));
  const localRules = rules.filter((r) => LOCAL_RULES.has(r.id));
  const docs = new Map<string, DocState>();
  const overrides = new Map<string, boolean>();
  const configFiles = new ConfigFiles();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  const loggedRuleErrors = new Set<string>();
  const reportedConfigErrors = new Set<string>();
  let pushedSettings: unknown = undefined;
  let lastSettingsProblems = '';
  let pullConfiguration = false;
  let roots: string[] = [];
  const fullChecker = new FullChecker((m) => connection.console.error(m));

  const log = (message: string) => connection.console.log(message);
  process.on('uncaughtException', (error) => connection.console.error(`未处理的异常（uncaught）：${error.stack ?? error}`));
  process.on('unhandledRejection', (error) => connection.console.error(`未处理的异常（unhandled rejection）：${(error as Error)?.stack ?? error}`));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullConfiguration = !!caps.workspace?.configuration;
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    pushedSettings = init?.fazhiLint ?? init?.settings ?? undefined;
    roots = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((p): p is string => !!p);
    if (!roots.length && params.rootUri) {
      const p = filePath(params.rootUri);
      if (p) roots = [p];
    }
    const watch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    connection.onInitialized(() => {
      if (watch) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/.fazhi-lint.json' }, { globPattern: '**/.fazhi-lint.jsonc' }],
        });
      }
    });
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'fazhi-lint' },
        hoverProvider: true,
        foldingRangeProvider: true,
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      },
      serverInfo: { name: 'fazhi-lint', version: VERSION },
    };
  });

  function settingsFor(uri: string): Promise<EditorSettings> {
    let s = settingsCache.get(uri);
    if (!s) {
      s = (pullConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'fazhiLint' }).then(
            (v) => (v === null || v === undefined ? pushedSettings : v),
            () => pushedSettings,
          )
        : Promise.resolve(pushedSettings)
      ).then((raw) => {
        reportSettingsProblems(raw);
        return normalizeSettings(raw, knownRules);
      });
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** Invalid editor settings are ignored (defaults apply), and the user is told once what was wrong. */
  function reportSettingsProblems(raw: unknown): void {
    const problems = settingsProblems(raw, knownRules);
    const key = problems.join('\n');
    if (key === lastSettingsProblems) return;
    lastSettingsProblems = key;
    if (problems.length) void connection.window.showWarningMessage(`fazhi-lint：设置有误，已改用默认值（invalid settings ignored）：${problems.join('；')}`);
  }

  function configFor(uri: string, settings: EditorSettings): { config: ConfigObject; key: string } {
    const file = filePath(uri);
    const fileConfig = file ? configFiles.forFile(file) : { config: {} };
    if ('error' in fileConfig && fileConfig.error && !reportedConfigErrors.has(fileConfig.error)) {
      reportedConfigErrors.add(fileConfig.error);
      void connection.window.showErrorMessage(`fazhi-lint：${fileConfig.error}（已忽略该配置文件）`);
    }
    let config = effectiveConfig(settings, fileConfig);
    try {
      resolveCached(config, rules);
    } catch (error) {
      const message = (error as Error).message;
      if (!reportedConfigErrors.has(message)) {
        reportedConfigErrors.add(message);
        void connection.window.showErrorMessage(`fazhi-lint：${message}`);
      }
      config = {};
    }
    return { config, key: JSON.stringify(config) };
  }

  /** Whether to check the document; also records whether it would be checked without the per-file toggle. */
  function select(st: DocState, settings: EditorSettings): Selection {
    const file = filePath(st.doc.uri);
    const opts = {
      languageId: st.doc.languageId,
      file,
      text: st.doc.getText(),
      settings,
      fileConfig: file ? configFiles.forFile(file) : { config: {} },
      roots,
    };
    const override = overrides.get(st.doc.uri);
    const byDefault = override === undefined ? undefined : selectDocument(opts);
    const selection = override === undefined ? selectDocument(opts) : selectDocument({ ...opts, override });
    st.checkedByDefault = (byDefault ?? selection).check;
    return selection;
  }

  function publish(st: DocState, findings: readonly Finding[] | undefined, max = Infinity): void {
    const doc = st.doc;
    const diagnostics = findings ? capFindings(findings, max).map((f) => toDiagnostic(doc, f)) : [];
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    const status: StatusParams = {
      uri: doc.uri,
      checked: !!findings,
      ...counts(findings ?? []),
      reason: st.selection?.reason,
      checkedByDefault: st.checkedByDefault ?? !!findings,
    };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  function logRuleErrors(analysis: Analysis): void {
    for (const e of analysis.errors) {
      if (loggedRuleErrors.has(e.rule)) continue;
      loggedRuleErrors.add(e.rule);
      connection.console.error(`规则 ${e.rule} 运行出错，已跳过（rule threw; other rules still ran）：${e.message}`);
    }
  }

  /** Checks the document's current version now; the result is dropped if a newer version arrives meanwhile. */
  async function runCheck(uri: string): Promise<void> {
    const st = docs.get(uri);
    if (!st) return;
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    const version = st.doc.version;
    const settings = await settingsFor(uri);
    if (docs.get(uri) !== st || st.doc.version !== version) return;
    const text = st.doc.getText();
    if (text.length > MAX_DOCUMENT) {
      if (st.selection?.reason !== 'too-large') log(`${uri} 过大（${text.length} 字符），不予检查（document too large to check）`);
      st.selection = { check: false, reason: 'too-large' };
      st.checkedByDefault = false;
      st.current = undefined;
      st.edits = [];
      publish(st, undefined);
      return;
    }
    if (!st.selection || st.selection.reason === 'too-large' || text.length < LARGE_DOCUMENT) st.selection = select(st, settings);
    if (!st.selection.check) {
      st.current = undefined;
      st.edits = [];
      publish(st, undefined);
      return;
    }
    const { config, key } = configFor(uri, settings);
    try {
      if (text.length < LARGE_DOCUMENT) {
        const t0 = performance.now();
        const analysis = analyze(text, config, rules);
        if (TRACE) log(`check of ${uri} v${version}: ${(performance.now() - t0).toFixed(1)} ms`);
        st.current = { version, analysis, configKey: key };
        st.edits = [];
        logRuleErrors(analysis);
        publish(st, analysis.findings, settings.maxProblems);
        return;
      }
      checkLarge(st, text, config, key, settings.maxProblems);
    } catch (error) {
      connection.console.error(`检查失败（check failed）${uri}：${(error as Error).stack ?? error}`);
      publish(st, []);
    }
  }

  function checkLarge(st: DocState, text: string, config: ConfigObject, key: string, max: number): void {
    const version = st.doc.version;
    const cur = st.current;
    if (cur && cur.configKey === key && cur.version !== version && st.edits.length) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const mapped = mapFindings(cur.analysis.findings, st.edits);
      const tMap = performance.now();
      const region = dirtyRegion(st.edits)!;
      const w = windowAround(text, region);
      const { body, year } = cur.analysis.meta;
      const windowConfig: ConfigObject = { ...config, ...(body && body.length >= 2 && !config.body ? { body } : {}), ...(year && !config.year ? { year } : {}) };
      const partial = analyze(text.slice(w.start, w.end), windowConfig, rules, localRules);
      const tWindow = performance.now();
      logRuleErrors(partial);
      st.current = { version, configKey: key, analysis: { ...cur.analysis, findings: spliceWindow(mapped, partial.findings, w) } };
      st.edits = [];
      const t1 = performance.now();
      publish(st, st.current.analysis.findings, max);
      if (TRACE) log(`partial re-check of ${st.doc.uri} v${version}: ${(t0 - (st.changedAt ?? t0)).toFixed(1)} ms after didChange, then ${(t1 - t0).toFixed(1)} ms (map ${(tMap - t0).toFixed(1)}, window ${(tWindow - tMap).toFixed(1)}, splice ${(t1 - tWindow).toFixed(1)}), publish ${(performance.now() - t1).toFixed(1)} ms, window ${w.end - w.start} chars, CPU ${(process.cpuUsage(cpu0).user / 1000).toFixed(1)} ms`);
    }
    if (!cur) warmUp(config);
    fullChecker.check(st.doc.uri, text, config).then(
      (analysis) => {
        if (docs.get(st.doc.uri) !== st || st.doc.version !== version) return;
        st.current = { version, analysis, configKey: key };
        st.edits = [];
        logRuleErrors(analysis);
        publish(st, analysis.findings, max);
      },
      (error) => {
        if (!(error instanceof Superseded)) connection.console.error(`检查失败（check failed）${st.doc.uri}：${(error as Error).message}`);
      },
    );
  }

  /** Compiles the local rules' dictionaries on the main thread before the first partial re-check needs them. */
  function warmUp(config: ConfigObject): void {
    setImmediate(() => {
      try {
        analyze('# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n2023 年，我镇設(shè)立XX台账,喜闻悦见。\n', config, rules, localRules);
      } catch {
        // only a warm-up
      }
    });
  }

  function schedule(uri: string, delay: number): void {
    const st = docs.get(uri);
    if (!st) return;
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => void runCheck(uri), delay);
  }

  /** The findings of the document's current version (checking now if a check is pending). */
  async function currentOf(uri: string): Promise<{ st: DocState; checked?: Checked } | undefined> {
    const st = docs.get(uri);
    if (!st) return undefined;
    if (!st.current || st.current.version !== st.doc.version || st.timer) await runCheck(uri);
    const s = docs.get(uri);
    if (!s) return undefined;
    return { st: s, checked: s.selection?.check ? s.current : undefined };
  }

  function recheckAll(resetSelection: boolean): void {
    for (const [uri, st] of docs) {
      if (resetSelection) st.selection = undefined;
      void runCheck(uri);
    }
  }

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    const doc = TextDocument.create(t.uri, t.languageId, t.version, t.text);
    docs.set(t.uri, { doc, edits: [] });
    void runCheck(t.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const st = docs.get(textDocument.uri);
    if (!st) return;
    let doc = st.doc;
    for (const change of contentChanges) {
      if ('range' in change) {
        const start = doc.offsetAt(change.range.start);
        const oldEnd = doc.offsetAt(change.range.end);
        st.edits.push({ start, oldEnd, newEnd: start + change.text.length });
      } else {
        // A whole-document change: nothing of the old findings can be trusted positionally.
        st.edits.push({ start: 0, oldEnd: doc.getText().length, newEnd: change.text.length });
      }
      doc = TextDocument.update(doc, [change], textDocument.version ?? doc.version + 1);
    }
    st.doc = doc;
    st.changedAt = performance.now();
    void settingsFor(textDocument.uri).then((s) => schedule(textDocument.uri, s.debounce));
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const st = docs.get(textDocument.uri);
    if (st?.timer) clearTimeout(st.timer);
    docs.delete(textDocument.uri);
    settingsCache.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    const s = params?.settings as Record<string, unknown> | undefined;
    if (s && typeof s === 'object' && 'fazhiLint' in s) pushedSettings = s.fazhiLint;
    settingsCache.clear();
    configFiles.clear();
    reportedConfigErrors.clear();
    recheckAll(true);
  });

  connection.onDidChangeWatchedFiles(() => {
    configFiles.clear();
    reportedConfigErrors.clear();
    recheckAll(true);
  });

  connection.onCodeAction(async (params) => {
    const c = await currentOf(params.textDocument.uri);
    if (!c?.checked) return [];
    return codeActions(params, c.st.doc, c.checked.analysis.findings, c.checked.analysis.sections);
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const c = await currentOf(textDocument.uri);
    return c?.checked ? documentSymbols(c.st.doc, c.checked.analysis.sections) : [];
  });

  connection.onFoldingRanges(async ({ textDocument }) => {
    const c = await currentOf(textDocument.uri);
    return c?.checked ? foldingRanges(c.st.doc, c.checked.analysis.sections) : [];
  });

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    const c = await currentOf(textDocument.uri);
    if (!c?.checked) return null;
    const doc = c.st.doc;
    const offset = doc.offsetAt(position);
    const here = c.checked.analysis.findings.filter((f) =>
      f.start === f.end ? doc.positionAt(f.start).line === position.line : f.start <= offset && offset <= f.end,
    );
    if (!here.length) return null;
    const seen = new Set<string>();
    const parts: string[] = [];
    for (const f of here) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      const rule = rules.find((r) => r.id === f.rule);
      parts.push(`**${f.message}**\n\n${rule ? ruleMarkdown(rule, false) : `\`${f.rule}\``}\n\n[规则说明（rule docs）](${ruleDocUri(f.rule)})`);
    }
    const first = here[0];
    return {
      contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') },
      range: { start: doc.positionAt(first.start), end: doc.positionAt(first.end) },
    };
  });

  connection.onRequest(CHECKLIST_REQUEST, async (params: ChecklistParams): Promise<ChecklistItem[] | null> => {
    const st = docs.get(params?.uri);
    if (!st) return null;
    await currentOf(params.uri);
    // The checklist is useful for any open document, checked or not.
    const analysis = st.current?.version === st.doc.version ? st.current.analysis : analyze(st.doc.getText(), {}, rules, []);
    return checklist(analysis.sections);
  });

  connection.onNotification(SET_FILE_ENABLED_NOTIFICATION, (params: SetFileEnabledParams) => {
    if (!params?.uri) return;
    if (params.enabled === null || params.enabled === undefined) overrides.delete(params.uri);
    else overrides.set(params.uri, params.enabled);
    const st = docs.get(params.uri);
    if (st) st.selection = undefined;
    void runCheck(params.uri);
  });

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    const uri = typeof args[0] === 'string' ? args[0] : undefined;
    if (!uri) return null;
    if (command === SERVER_COMMANDS.fixAll) {
      const c = await currentOf(uri);
      if (!c?.checked) return { applied: false, fixed: 0 };
      const edits = fixAllEdits(c.checked.analysis.findings);
      if (!edits.length) return { applied: false, fixed: 0 };
      const r = await connection.workspace.applyEdit({ label: 'fazhi-lint：修复全部', edit: { changes: { [uri]: toTextEdits(c.st.doc, edits) } } });
      return { applied: r.applied, fixed: edits.length };
    }
    if (command === SERVER_COMMANDS.convertScript) {
      const st = docs.get(uri);
      if (!st) return null;
      const target = args[1] === 'traditional' ? 'traditional' : 'simplified';
      const text = st.doc.getText();
      const converted = target === 'traditional' ? toTraditional(text) : toSimplified(text);
      if (converted === text) return { applied: false, changed: false };
      const end = st.doc.positionAt(text.length);
      const r = await connection.workspace.applyEdit({
        label: target === 'traditional' ? 'fazhi-lint：转换为繁体' : 'fazhi-lint：转换为简体',
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: converted }] } },
      });
      return { applied: r.applied, changed: true };
    }
    if (command === SERVER_COMMANDS.disableRuleInConfig) {
      const rule = String(args[1] ?? '');
      const file = filePath(uri);
      // Only for a document the editor has open (the code action's), never for an arbitrary path.
      if (!knownRules.has(rule) || !file || !docs.has(uri)) return { written: false };
      const existing = configFiles.forFile(file).source;
      const root = roots.find((r) => !path.relative(r, file).startsWith('..')) ?? path.dirname(file);
      const target = existing ?? path.join(root, '.fazhi-lint.json');
      const result = disableRuleInConfigText(existsSync(target) ? readFileSync(target, 'utf8') : undefined, rule);
      if ('error' in result) {
        const message = `fazhi-lint：无法在 ${target} 中停用规则 ${rule}：${result.error}。请先修正该文件（cannot edit the config file: ${result.errorEn}）。`;
        void connection.window.showErrorMessage(message);
        return { written: false, file: target, error: message };
      }
      try {
        writeFileSync(target, result.text);
      } catch (error) {
        const message = `fazhi-lint：无法写入 ${target}（cannot write the config file）：${(error as Error).message}`;
        void connection.window.showErrorMessage(message);
        return { written: false, file: target, error: message };
      }
      configFiles.clear();
      recheckAll(true);
      void connection.window.showInformationMessage(`fazhi-lint：已在 ${target} 中停用规则 ${rule}。`);
      return { written: true, file: target };
    }
    return null;
  });

  connection.onShutdown(() => fullChecker.dispose());
  connection.listen();
  log(`fazhi-lint 语言服务器已启动（${rules.length} 条规则）`);
  return connection;
}
