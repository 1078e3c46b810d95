// The VS Code extension: starts the bundled language server (dist/server.cjs)
// over Node IPC for Markdown and plain-text documents, and adds the status
// bar item, the palette commands and the document-assembly commands.
import * as vscode from 'vscode';
import path from 'node:path';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol.js';
import { registerAssemblyCommands } from './assembly-commands.js';
import { COMMANDS, registerCommands, sendOverrides } from './commands.js';
import { ReportStatus } from './status.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme (file, untitled): the server decides which documents are reports.
    documentSelector: [{ language: 'markdown' }, { language: 'plaintext' }],
    synchronize: { configurationSection: 'fazhiLint' },
    outputChannelName: 'fazhi-lint',
  };
  client = new LanguageClient('fazhiLint', 'fazhi-lint', serverOptions, clientOptions);
  const status = new ReportStatus(COMMANDS.showChecklist);
  context.subscriptions.push(status);
  client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.update(params));
  registerCommands(context, client, status);
  registerAssemblyCommands(context);
  await client.start();
  await sendOverrides(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
