// The VS Code extension: starts the bundled language server (dist/server.cjs)
// over Node IPC for Markdown and plain-text documents, and adds the status
// bar item, the palette commands and the document-assembly commands.
import * as vscode from 'vscode';
import path from 'node:path';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RULE_DOC_SCHEME, STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol.js';
import { registerAssemblyCommands } from './assembly-commands.js';
import { COMMANDS, registerCommands, sendOverrides } from './commands.js';
import { EmptyReportPrompt } from './empty-report.js';
import { registerRulePages } from './rule-pages.js';
import { ReportStatus } from './status.js';
import { registerReviewView } from './review-view.js';
import { registerPreviousReportCommand } from './previous-report.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved and untitled documents (the server decides which of them are reports); not the read-only
    // copies VS Code opens for diffs and history (git:, vscode-userdata:, …), whose problems would be
    // listed a second time under another URI.
    documentSelector: ['file', 'untitled'].flatMap((scheme) => [
      { scheme, language: 'markdown' },
      { scheme, language: 'plaintext' },
    ]),
    synchronize: { configurationSection: 'fazhiLint' },
    outputChannelName: 'fazhi-lint',
    // Rule links as read-only pages shown by this extension (rule-pages.ts), not files to edit.
    initializationOptions: { ruleDocScheme: RULE_DOC_SCHEME },
  };
  client = new LanguageClient('fazhiLint', 'fazhi-lint', serverOptions, clientOptions);
  const status = new ReportStatus(COMMANDS.showChecklist);
  context.subscriptions.push(status);
  const emptyReport = new EmptyReportPrompt();
  client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
    status.update(params);
    emptyReport.onStatus(params);
  });
  registerRulePages(context, client);
  registerCommands(context, client, status);
  registerAssemblyCommands(context, client);
  registerPreviousReportCommand(context);
  registerReviewView(context, client);
  // The per-file toggles live in the server's memory: send them again whenever it (re)starts.
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void sendOverrides(context, client!);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
