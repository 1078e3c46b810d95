// A real JSON-RPC client for the language server: no protocol mocks. Collects
// publishDiagnostics and answers the server's requests (workspace/configuration,
// workspace/applyEdit, registrations). The server runs either as the bundle a
// user installs (dist/server.cjs --stdio, a process; the bundle must be current,
// see bundle.ts) or in this process from the sources (`inProcess`: the same
// startServer over in-memory streams, much faster, and with injectable rules).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { check, type ConfigObject, type Rule } from '../../server/src/index.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ResyncingMessageReader } from '../../server/src/lsp/frames.js';
import { startServer } from '../../server/src/lsp/server.js';
import { FullChecker } from '../../server/src/lsp/worker.js';
import { assertBundleCurrent } from './bundle.js';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER = path.join(ROOT, 'dist/server.cjs');

export interface TestClient {
  /** The server process (undefined in process). */
  proc?: ChildProcessWithoutNullStreams;
  conn: ProtocolConnection;
  /** Every publishDiagnostics, in arrival order. */
  published: PublishDiagnosticsParams[];
  /** Edits the server asked the client to apply. */
  applied: WorkspaceEdit[];
  logs: string[];
  /** window/showMessage notifications and requests (type: 1 error, 2 warning, 3 info). */
  shown: { type: number; message: string }[];
  /** fazhi-lint/status notifications. */
  status: Record<string, unknown>[];
  /** client/registerCapability requests. */
  registrations: { id: string; method: string; registerOptions?: unknown }[];
  stderr: string[];
  /** The server's InitializeResult. */
  initialized?: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } };
  /** What workspace/configuration returns for section fazhiLint. */
  settings: Record<string, unknown>;
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, changes: ({ range: TextEdit['range']; text: string } | { text: string })[]): void;
  close(uri: string): void;
  /** Resolves with the first diagnostics for uri (after `since` publishes) that satisfy the predicate. */
  diagnostics(uri: string, opts?: { since?: number; version?: number; timeout?: number; until?: (p: PublishDiagnosticsParams) => boolean }): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export interface ClientOptions {
  env?: Record<string, string>;
  rootUri?: string;
  settings?: Record<string, unknown>;
  pull?: boolean;
  /** Run the server from the sources in this process (env is then ignored). */
  inProcess?: boolean;
  /** In process: the rules the server runs (then on the main thread: functions cannot go to the check thread). */
  rules?: readonly Rule[];
  /** In process: what the check thread runs (default test/lsp/check-worker.mjs), and its time limit. */
  workerFile?: string;
  checkTimeout?: number;
  /** In process: from this length on, documents are re-checked incrementally (server option largeDocument). */
  largeDocument?: number;
  /** Extra client capabilities and initializationOptions. */
  capabilities?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** The client's name and version at initialize (VS Code sends its application's name). */
  clientInfo?: { name: string; version?: string };
}

let checkThread: FullChecker | undefined;
function sharedCheckThread(): FullChecker {
  return (checkThread ??= new FullChecker((m) => process.stderr.write(`${m}\n`), fileURLToPath(new URL('./check-worker.mjs', import.meta.url))));
}

export async function startClient(opts: ClientOptions = {}): Promise<TestClient> {
  let proc: ChildProcessWithoutNullStreams | undefined;
  let conn: ProtocolConnection;
  let serverSide: { dispose(): void } | undefined;
  if (opts.inProcess) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(ProposedFeatures.all, new ResyncingMessageReader(toServer, () => {}), new StreamMessageWriter(toClient));
    // One check thread for all the servers of this test run (each would load the checker from the sources),
    // unless a test brings its own.
    const own = opts.workerFile !== undefined || opts.checkTimeout !== undefined;
    startServer({ connection: server, rules: opts.rules, workerFile: opts.workerFile, checkTimeout: opts.checkTimeout, checkThread: own ? undefined : sharedCheckThread(), largeDocument: opts.largeDocument });
    serverSide = server;
    conn = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  } else {
    assertBundleCurrent();
    proc = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, ...opts.env }, stdio: 'pipe' });
    conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  }
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  const client: TestClient = {
    proc,
    conn,
    published,
    applied: [],
    logs: [],
    shown: [],
    status: [],
    registrations: [],
    stderr: [],
    settings: opts.settings ?? {},
    open(uri, text, languageId = 'plaintext') {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, contentChanges) {
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    close(uri) {
      void conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    diagnostics(uri, { since = 0, version, timeout = 15000, until } = {}) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms`)), timeout);
        const look = () => {
          for (let i = since; i < published.length; i++) {
            const p = published[i];
            if (p.uri === uri && (version === undefined || p.version === version) && (!until || until(p))) {
              clearTimeout(timer);
              resolve(p);
              return true;
            }
          }
          return false;
        };
        const wait = () => {
          if (!look()) waiters.push(wait);
        };
        wait();
      });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
        // In process, `exit` would end the test run (the server calls process.exit).
        if (proc) void conn.sendNotification('exit');
      } catch {
        // already gone
      }
      conn.dispose();
      serverSide?.dispose();
      if (proc && proc.exitCode === null) proc.kill();
    },
  };
  proc?.stderr.on('data', (d: Buffer) => client.stderr.push(d.toString()));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('window/logMessage', (p: unknown) => {
    client.logs.push((p as { message: string }).message);
  });
  conn.onNotification('window/showMessage', (p: unknown) => {
    client.logs.push((p as { message: string }).message);
    client.shown.push(p as { type: number; message: string });
  });
  conn.onNotification('fazhi-lint/status', (p: Record<string, unknown>) => {
    client.status.push(p);
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
  conn.onRequest('client/registerCapability', (p: { registrations: TestClient['registrations'] }) => {
    client.registrations.push(...p.registrations);
    return null;
  });
  // vscode-languageserver sends window.show*Message as a request (with no actions).
  conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    client.shown.push({ type: p.type, message: p.message });
    return null;
  });
  conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    client.applied.push(p.edit);
    return { applied: true };
  });
  conn.listen();
  client.initialized = await conn.sendRequest('initialize', {
    // In process, a processId would make the server poll it forever (and keep this process alive).
    processId: opts.inProcess ? null : process.pid,
    rootUri: opts.rootUri ?? null,
    workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: opts.pull !== false, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true },
      textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      ...opts.capabilities,
    },
    ...(opts.initializationOptions ? { initializationOptions: opts.initializationOptions } : {}),
    ...(opts.clientInfo ? { clientInfo: opts.clientInfo } : {}),
  });
  void conn.sendNotification('initialized', {});
  return client;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Applies LSP TextEdits (UTF-16 positions) to a text, as an editor would. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = edits.map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** Diagnostics as comparable keys: rule id and 0-based range. */
export const diagnosticKeys = (p: PublishDiagnosticsParams): string[] =>
  p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

/** The engine's findings for a text as the same keys, for comparison with what the server published. */
export const engineKeys = (text: string, config?: ConfigObject): string[] =>
  check(text, config).map((f) => `${f.rule} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1}`).sort();
