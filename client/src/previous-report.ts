// "Compare with last year's report": picks last year's report and stores it in fazhiLint.previousReport (for the
// workspace folder of the active document, relative to it when inside), which the server reads for copied-report.
import * as vscode from 'vscode';
import path from 'node:path';

export const COMPARE_PREVIOUS = 'fazhi-lint.comparePrevious';

export function registerPreviousReportCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPARE_PREVIOUS, async (picked?: vscode.Uri) => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const folder = active ? vscode.workspace.getWorkspaceFolder(active) : vscode.workspace.workspaceFolders?.[0];
      const uri =
        picked ??
        (
          await vscode.window.showOpenDialog({
            canSelectMany: false,
            defaultUri: folder?.uri,
            openLabel: '与此报告比对',
            title: '选择上一年度的报告（Markdown 或文本）',
            filters: { 报告: ['md', 'markdown', 'txt'] },
          })
        )?.[0];
      if (!uri) return;
      const inFolder = folder && uri.fsPath.startsWith(folder.uri.fsPath + path.sep);
      const value = inFolder ? path.relative(folder!.uri.fsPath, uri.fsPath) : uri.fsPath;
      const config = vscode.workspace.getConfiguration('fazhiLint', active);
      await config.update('previousReport', value, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(`fazhi-lint：已设为与上年报告“${value}”比对（设置 fazhiLint.previousReport）。`);
    }),
  );
}
