// The extension's own palette commands. Work on the text (conversion, fixes,
// the checklist) is done by the server; these only ask it and show results.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  CHECKLIST_REQUEST,
  SERVER_COMMANDS,
  SET_FILE_ENABLED_NOTIFICATION,
  type ChecklistItem,
  type SetFileEnabledParams,
} from '../../server/src/lsp/protocol.js';
import type { ReportStatus } from './status.js';

export const COMMANDS = {
  toSimplified: 'fazhi-lint.toSimplified',
  toTraditional: 'fazhi-lint.toTraditional',
  fixAll: 'fazhi-lint.fixAll',
  showChecklist: 'fazhi-lint.showChecklist',
  toggleFile: 'fazhi-lint.toggleFile',
} as const;

const OVERRIDES_KEY = 'fazhiLint.fileOverrides';

function activeReportEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showWarningMessage('fazhi-lint：请先打开一份报告（open a report first）。');
  return editor;
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, status: ReportStatus): void {
  const server = (command: string, ...args: unknown[]) => client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  const overrides = (): Record<string, boolean> => context.workspaceState.get(OVERRIDES_KEY, {});

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.toSimplified, async () => {
      const editor = activeReportEditor();
      if (!editor) return;
      const r = (await server(SERVER_COMMANDS.convertScript, editor.document.uri.toString(), 'simplified')) as { changed?: boolean } | null;
      if (r && !r.changed) void vscode.window.showInformationMessage('fazhi-lint：文本已是简体，无需转换。');
    }),
    vscode.commands.registerCommand(COMMANDS.toTraditional, async () => {
      const editor = activeReportEditor();
      if (!editor) return;
      const r = (await server(SERVER_COMMANDS.convertScript, editor.document.uri.toString(), 'traditional')) as { changed?: boolean } | null;
      if (r && !r.changed) void vscode.window.showInformationMessage('fazhi-lint：文本已是繁体，无需转换。');
    }),
    vscode.commands.registerCommand(COMMANDS.fixAll, async () => {
      const editor = activeReportEditor();
      if (!editor) return;
      const r = (await server(SERVER_COMMANDS.fixAll, editor.document.uri.toString())) as { fixed?: number } | null;
      void vscode.window.showInformationMessage(r?.fixed ? `fazhi-lint：已修复 ${r.fixed} 处。` : 'fazhi-lint：没有可自动修复的问题。');
    }),
    vscode.commands.registerCommand(COMMANDS.showChecklist, async () => {
      const editor = activeReportEditor();
      if (!editor) return;
      const items = (await client.sendRequest(CHECKLIST_REQUEST, { uri: editor.document.uri.toString() })) as ChecklistItem[] | null;
      if (!items) return;
      const present = items.filter((i) => i.present).length;
      const picks = items.map((i, n) => ({
        label: `${i.present ? '$(pass-filled)' : '$(error)'} ${n + 1}. ${i.short}`,
        description: i.present ? '已有' : '缺少',
        detail: i.present ? i.headings.map((h) => `第 ${h.line + 1} 行：${h.text}`).join('；') : i.name,
        item: i,
      }));
      const chosen = await vscode.window.showQuickPick(picks, {
        title: `五个法定部分：已有 ${present}/5（《法治政府建设与责任落实督察工作规定》第二十五条）`,
        placeHolder: '选择已有部分可跳转到其标题；选择缺少的部分可插入其骨架',
        matchOnDetail: true,
      });
      if (!chosen) return;
      if (chosen.item.present) {
        const line = chosen.item.headings[0].line;
        const pos = new vscode.Position(line, 0);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
      } else {
        // Go to where the part belongs (the required-section diagnostic) and offer its quick fixes.
        const d = vscode.languages
          .getDiagnostics(editor.document.uri)
          .find((x) => x.source === 'fazhi-lint' && x.message.includes(`“${chosen.item.short}”`));
        if (d) {
          editor.selection = new vscode.Selection(d.range.start, d.range.start);
          editor.revealRange(d.range, vscode.TextEditorRevealType.InCenter);
          await vscode.commands.executeCommand('editor.action.quickFix');
        }
      }
    }),
    vscode.commands.registerCommand(COMMANDS.toggleFile, async () => {
      const editor = activeReportEditor();
      if (!editor) return;
      const uri = editor.document.uri.toString();
      const current = status.get(uri);
      if (current?.reason === 'too-large') {
        void vscode.window.showWarningMessage('fazhi-lint：本文件过大，不予检查（document too large to check）。');
        return;
      }
      const checked = current?.checked ?? false;
      const wanted = !checked;
      // Back to the default when that gives what is wanted: only real deviations are remembered, and a file
      // toggled off and on again follows the settings (fazhiLint.files, enable) as before.
      const enabled: boolean | null = current?.checkedByDefault === wanted ? null : wanted;
      const all = { ...overrides() };
      delete all[uri];
      // An untitled document's URI (untitled:Untitled-1) names another document next time: not remembered.
      if (enabled !== null && editor.document.uri.scheme !== 'untitled') all[uri] = enabled;
      await context.workspaceState.update(OVERRIDES_KEY, all);
      const params: SetFileEnabledParams = { uri, enabled };
      await client.sendNotification(SET_FILE_ENABLED_NOTIFICATION, params);
      void vscode.window.showInformationMessage(checked ? 'fazhi-lint：已停止检查本文件。' : 'fazhi-lint：已开始检查本文件。');
    }),
  );
}

/** Re-sends the per-file choices of "toggle checking" after the server (re)starts. */
export async function sendOverrides(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  for (const [uri, enabled] of Object.entries(context.workspaceState.get<Record<string, boolean>>(OVERRIDES_KEY, {}))) {
    await client.sendNotification(SET_FILE_ENABLED_NOTIFICATION, { uri, enabled } satisfies SetFileEnabledParams);
  }
}
