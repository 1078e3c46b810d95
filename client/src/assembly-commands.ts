// The document-assembly commands (new report, assemble, export/import Word). What they ask and show is in
// assembly-actions.ts; the work is done by the language server (workspace/executeCommand, server/src/lsp/assembly.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as actions from './assembly-actions.js';

export const ASSEMBLY_COMMANDS = {
  newReport: 'fazhi-lint.newReport',
  assemble: 'fazhi-lint.assemble',
  exportWord: 'fazhi-lint.exportWord',
  importWord: 'fazhi-lint.importWord',
} as const;

export function registerAssemblyCommands(context: vscode.ExtensionContext, client: Pick<LanguageClient, 'sendRequest'>): void {
  const server: actions.ServerCommand = (command, params) =>
    client.sendRequest('workspace/executeCommand', { command, arguments: [params] }) as Promise<unknown>;
  // Findings of an assembled report, shown in the contributing files they came from.
  const traced = vscode.languages.createDiagnosticCollection('fazhi-lint-assemble');
  context.subscriptions.push(
    traced,
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.newReport, (args?: actions.NewReportArgs) => guarded(() => actions.newReport(server, args))),
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.assemble, (uri?: vscode.Uri) => guarded(() => actions.assembleReport(server, traced, uri))),
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.exportWord, (uri?: vscode.Uri) => guarded(() => actions.exportWord(server, uri))),
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.importWord, (uri?: vscode.Uri) => guarded(() => actions.importWord(server, uri))),
  );
}

async function guarded(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    void vscode.window.showErrorMessage(`fazhi-lint：${error instanceof Error ? error.message : String(error)}`);
  }
}
