// An empty report is the moment for the skeleton: VS Code keeps quick suggestions off in Markdown, so
// when the server reports that an empty document it checks is open (a new file named like a report, or
// toggled on), the completion list with the skeleton of each profile (server: skeleton-snippet.ts) is
// opened once, as if the writer had pressed Ctrl+Space.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol.js';

export class EmptyReportPrompt {
  private readonly offered = new Set<string>();

  /** Called with each status the server sends. */
  onStatus(status: StatusParams): void {
    const editor = vscode.window.activeTextEditor;
    if (!status.checked || !editor || editor.document.uri.toString() !== status.uri) return;
    if (editor.document.getText().trim() !== '' || this.offered.has(status.uri)) return;
    this.offered.add(status.uri);
    void vscode.commands.executeCommand('editor.action.triggerSuggest');
  }
}
