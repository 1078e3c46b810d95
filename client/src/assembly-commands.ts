// VS Code commands of document assembly (new report, assemble, export/import Word).
// Registered by extension.ts; implemented with the assembly modules of server/src/assemble/.
import type * as vscode from 'vscode';

export function registerAssemblyCommands(_context: vscode.ExtensionContext): void {
  // Filled in by the document-assembly work (issue 6).
}
