// The fazhi-lint language server: an ordinary LSP server over stdio or
// Node IPC (`fazhi-lint-server --stdio` / `--node-ipc`), for VS Code,
// Neovim, Emacs or any other client. This file wires the connection to the
// pieces: documents.ts (the open texts), scheduling.ts (debounce),
// checking.ts (selection, configuration, checks), diagnostics.ts,
// code-actions.ts, hover.ts, commands.ts, settings-source.ts.
import { version as VERSION } from '../../../package.json';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  createConnection,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { Finding, Rule } from '../engine/types.js';
import { RULES } from '../rules/index.js';
import { analyze } from './analysis.js';
import { DocumentChecker } from './checking.js';
import { codeActions, FIX_ALL_KIND, toTextEdits, type FixAllData, type FixAllEdit } from './code-actions.js';
import { executeCommand, fixAllEditsOf, type CommandContext } from './commands.js';
import { capFindings, counts, toDiagnostic } from './diagnostics.js';
import { Documents, filePath, type Counts, type DocState } from './documents.js';
import { hoverAt, hoverRepeatsMessages } from './hover.js';
import { checklist, documentSymbols, foldingRanges } from './outline.js';
import {
  CHECKLIST_REQUEST,
  RULE_DOC_REQUEST,
  SERVER_COMMANDS,
  SET_FILE_ENABLED_NOTIFICATION,
  STATUS_NOTIFICATION,
  type ChecklistItem,
  type ChecklistParams,
  type RuleDocParams,
  type SetFileEnabledParams,
  type StatusParams,
} from './protocol.js';
import { rulePage } from './rule-docs.js';
import { builtInSkeleton, skeletonCompletions } from './skeleton-snippet.js';
import { registerReviewRequests } from './review.js';
import { Scheduler } from './scheduling.js';
import { SettingsSource } from './settings-source.js';
import { FullChecker } from './worker.js';

export interface ServerOptions {
  /** The connection to serve (tests pass one over in-memory streams); default: from the command line. */
  connection?: Connection;
  /** The rule registry (tests pass their own, e.g. with a rule that throws). */
  rules?: readonly Rule[];
  /** Called when the client asks the server to shut down (before `exit`). */
  onShutdown?: () => void;
  /** Start the check thread at `initialize`, so it has loaded the checker when the first document comes. */
  warmWorker?: boolean;
  /** What the check thread runs (default: this bundle; tests running the sources pass their own entry). */
  workerFile?: string;
  /** The time limit of a check or fix-all in the thread (default CHECK_TIMEOUT). */
  checkTimeout?: number;
  /** A check thread shared with other servers in this process (tests): used, never disposed, by this one. */
  checkThread?: FullChecker;
  /** From this many UTF-16 units on, documents are re-checked incrementally (default LARGE_DOCUMENT; tests lower it). */
  largeDocument?: number;
}

let servers = 0;

export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const rules = options.rules ?? RULES;
  const docs = new Documents();
  const scheduler = new Scheduler();
  let pull = false;
  let initialized = false;
  /** The client's own scheme for rule pages (VS Code: read-only virtual documents), else file: links. */
  let ruleDocScheme: string | undefined;
  let resolveEdits = false;
  let snippetSupport = false;
  /** Whether hovers repeat the findings' messages: not for clients that show diagnostics in the hover (hover.ts). */
  let hoverMessages = true;
  const settings = new SettingsSource(rules, {
    pull: (uri) => (pull ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'fazhiLint' }) : Promise.resolve(undefined)),
    warn: (message) => void connection.window.showWarningMessage(message),
  });
  const fullChecker = options.checkThread ?? new FullChecker((m) => connection.console.error(m), options.workerFile, options.checkTimeout);
  // Started now, before `initialize` is read: loading the checker in the thread is most of a first check's wait.
  if (options.warmWorker) fullChecker.warm();
  const host = { publish, log: (m: string) => connection.console.log(m), error: (m: string) => connection.console.error(m), showError: (m: string) => void connection.window.showErrorMessage(m) };
  // Jobs of a shared thread are told apart by server (a queued job is replaced by a newer one of the same key).
  const checker = new DocumentChecker(docs, settings, scheduler, rules, host, fullChecker, options.checkThread ? `${++servers} ` : '', options.largeDocument);
  const commands: CommandContext = {
    docs,
    checker,
    settings,
    host: {
      applyEdit: async (label, edit) => (await connection.workspace.applyEdit({ label, edit })).applied,
      showError: (m) => void connection.window.showErrorMessage(m),
      showInfo: (m) => void connection.window.showInformationMessage(m),
    },
  };

  function publish(st: DocState, findings: readonly Finding[] | undefined, max = Infinity, all?: Counts): void {
    const doc = st.doc;
    // Findings from the check thread are capped there already (capFindings is then a no-op); `all` counts them all.
    const diagnostics = findings ? capFindings(findings, max).map((f) => toDiagnostic(doc, f, ruleDocScheme)) : [];
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

  // Before `initialize`, requests get ServerNotInitialized and notifications are dropped (LSP spec).
  const ready =
    <P, R>(handler: (params: P) => R) =>
    (params: P): R => {
      if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'fazhi-lint：服务器尚未初始化（server not initialized）');
      return handler(params);
    };
  const whenReady =
    <P>(handler: (params: P) => void) =>
    (params: P): void => {
      if (initialized) handler(params);
    };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initialized = true;
    if (options.warmWorker) fullChecker.warm();
    const caps = params.capabilities;
    pull = !!caps.workspace?.configuration;
    resolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    snippetSupport = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    hoverMessages = hoverRepeatsMessages(params.clientInfo?.name);
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    settings.setPushed(init?.fazhiLint ?? init?.settings ?? undefined);
    if (typeof init?.ruleDocScheme === 'string' && /^[a-z][a-z0-9+.-]*$/.test(init.ruleDocScheme)) ruleDocScheme = init.ruleDocScheme;
    let roots = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((p): p is string => !!p);
    if (!roots.length && params.rootUri) roots = [filePath(params.rootUri)].filter((p): p is string => !!p);
    checker.roots = roots;
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: { label: 'fazhi-lint' },
        hoverProvider: true,
        foldingRangeProvider: true,
        completionProvider: {},
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      },
      serverInfo: { name: 'fazhi-lint', version: VERSION },
    };
  });

  connection.onDidOpenTextDocument(
    whenReady(({ textDocument: t }) => {
      docs.open(t.uri, t.languageId, t.version, t.text);
      void checker.check(t.uri);
    }),
  );

  connection.onDidChangeTextDocument(
    whenReady(({ textDocument, contentChanges }) => {
      if (docs.change(textDocument.uri, textDocument.version, contentChanges)) void checker.schedule(textDocument.uri);
    }),
  );

  connection.onDidCloseTextDocument(
    whenReady(({ textDocument }) => {
      scheduler.cancel(textDocument.uri);
      docs.close(textDocument.uri);
      checker.closed(textDocument.uri);
      settings.forget(textDocument.uri);
      void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    }),
  );

  connection.onDidChangeConfiguration(
    whenReady((params) => {
      const s = params?.settings as Record<string, unknown> | undefined;
      if (s && typeof s === 'object' && 'fazhiLint' in s) settings.setPushed(s.fazhiLint);
      settings.clear();
      checker.configChanged();
      checker.recheckAll(true);
    }),
  );

  connection.onDidChangeWatchedFiles(
    whenReady(() => {
      checker.configChanged();
      checker.recheckAll(true);
    }),
  );

  connection.onCodeAction(
    ready(async (params) => {
      const uri = params.textDocument.uri;
      const c = await checker.current(uri);
      if (!c?.checked) return [];
      const { doc } = c.st;
      // The fix-all edit (re-checks until stable) is computed only when a fix-all is chosen.
      const fixAll: FixAllEdit = resolveEdits ? { resolveData: { fazhiLintFixAll: true, uri, version: doc.version } } : { command: true };
      return codeActions(params, doc, c.checked.analysis.findings, c.checked.analysis.sections, fixAll);
    }),
  );

  connection.onCodeActionResolve(
    ready(async (action: CodeAction) => {
      const data = action.data as FixAllData | undefined;
      if (!data?.fazhiLintFixAll) return action;
      const r = await fixAllEditsOf(commands, data.uri);
      // A document changed since the action was offered gets the fixes of its current text.
      return { ...action, edit: { changes: { [data.uri]: r ? toTextEdits(r.doc, r.edits) : [] } } };
    }),
  );

  connection.onDocumentSymbol(
    ready(async ({ textDocument }) => {
      const c = await checker.current(textDocument.uri);
      return c?.checked ? documentSymbols(c.st.doc, c.checked.analysis.sections) : [];
    }),
  );

  connection.onFoldingRanges(
    ready(async ({ textDocument }) => {
      const c = await checker.current(textDocument.uri);
      return c?.checked ? foldingRanges(c.st.doc, c.checked.analysis.sections) : [];
    }),
  );

  connection.onHover(
    ready(async ({ textDocument, position }) => {
      const c = await checker.current(textDocument.uri);
      return c?.checked ? hoverAt(c.st.doc, c.checked.analysis.findings, position, rules, { ruleDocScheme, messages: hoverMessages }) : null;
    }),
  );

  // On an empty report: the whole skeleton, as `fazhi-lint new` writes it (Markdown quick suggestions are off
  // in VS Code, so this is offered on Ctrl+Space, and by the extension when an empty report is opened).
  connection.onCompletion(
    ready(({ textDocument, position }) => {
      const st = docs.get(textDocument.uri);
      return st ? skeletonCompletions(st.doc, { textDocument, position }, builtInSkeleton, snippetSupport) : [];
    }),
  );

  connection.onRequest(
    CHECKLIST_REQUEST,
    ready(async (params: ChecklistParams): Promise<ChecklistItem[] | null> => {
      const st = docs.get(params?.uri);
      if (!st) return null;
      await checker.current(params.uri);
      // The checklist is useful for any open document, checked or not.
      const analysis = st.current?.version === st.doc.version ? st.current.analysis : analyze(st.doc.getText(), {}, rules, []);
      return checklist(analysis.sections);
    }),
  );

  connection.onRequest(
    RULE_DOC_REQUEST,
    ready((params: RuleDocParams): string | null => {
      const id = String(params?.rule ?? '').replace(/\.md$/, '');
      const rule = rules.find((r) => r.id === id);
      return rule ? rulePage(rule) : null;
    }),
  );

  registerReviewRequests(connection, rules); // the 年度报告审核 view (docs/review.md)

  connection.onNotification(
    SET_FILE_ENABLED_NOTIFICATION,
    whenReady((params: SetFileEnabledParams) => {
      if (!params?.uri) return;
      if (params.enabled === null || params.enabled === undefined) checker.overrides.delete(params.uri);
      else checker.overrides.set(params.uri, params.enabled);
      const st = docs.get(params.uri);
      if (st) st.selection = undefined;
      void checker.check(params.uri);
    }),
  );

  connection.onExecuteCommand(ready(({ command, arguments: args = [] }) => executeCommand(commands, command, args)));

  connection.onShutdown(
    ready(() => {
      options.onShutdown?.();
      scheduler.dispose();
      if (!options.checkThread) fullChecker.dispose();
    }),
  );
  connection.listen();
  connection.console.log(`fazhi-lint 语言服务器已启动（${rules.length} 条规则）`);
  return connection;
}
