// The document-assembly commands (new report, assemble, export/import Word). Their work is in
// assembly-actions.ts, bundled as dist/assembly.cjs and required on first use: it carries the
// Word libraries and the engine, several megabytes the extension need not load to start.
import * as vscode from 'vscode';
import type * as Actions from './assembly-actions.js';

export const ASSEMBLY_COMMANDS = {
  newReport: 'fazhi-lint.newReport',
  assemble: 'fazhi-lint.assemble',
  exportWord: 'fazhi-lint.exportWord',
  importWord: 'fazhi-lint.importWord',
} as const;

export function registerAssemblyCommands(context: vscode.ExtensionContext): void {
  let actions: typeof Actions | undefined;
  // A computed path: esbuild leaves this require to run time.
  const load = (): typeof Actions => (actions ??= require(context.asAbsolutePath('dist/assembly.cjs')) as typeof Actions);
  // Findings of an assembled report, shown in the contributing files they came from.
  const traced = vscode.languages.createDiagnosticCollection('fazhi-lint-assemble');
  context.subscriptions.push(
    traced,
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.newReport, (args?: Actions.NewReportArgs) => guarded(() => load().newReport(args))),
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.assemble, (uri?: vscode.Uri) => guarded(() => load().assembleReport(traced, uri))),
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.exportWord, (uri?: vscode.Uri) => guarded(() => load().exportWord(uri))),
    vscode.commands.registerCommand(ASSEMBLY_COMMANDS.importWord, (uri?: vscode.Uri) => guarded(() => load().importWord(uri))),
  );
}

async function guarded(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    void vscode.window.showErrorMessage(`fazhi-lint：${error instanceof Error ? error.message : String(error)}`);
  }
}
