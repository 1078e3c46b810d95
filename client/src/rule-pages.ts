// Rule pages, read-only: the diagnostics' rule links (and the hovers' "规则说明") point to
// fazhi-lint-rule:/<id>.md, whose text the server gives (fazhi-lint/ruleDoc). VS Code opens such a link as a
// read-only virtual document, which this shows as a rendered Markdown preview instead. The page is never an
// editable file, and never checked (the client only sends file: and untitled: documents to the server, and
// the server refuses rule pages anyway).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RULE_DOC_REQUEST, RULE_DOC_SCHEME, type RuleDocParams } from '../../server/src/lsp/protocol.js';

export function registerRulePages(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const rule = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      const page = (await client.sendRequest(RULE_DOC_REQUEST, { rule } satisfies RuleDocParams)) as string | null;
      return page ?? `# fazhi-lint\n\n没有名为 \`${rule}\` 的规则（no such rule）。\n`;
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, provider),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor?.document.uri.scheme === RULE_DOC_SCHEME) void showAsPreview(editor.document.uri);
    }),
  );
}

/** Replaces the virtual document's tab by its rendered preview. */
async function showAsPreview(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    // Locked to the page: a dynamic preview would follow the next Markdown file the writer opens.
    await vscode.commands.executeCommand('markdown.preview.toggleLock');
  } catch {
    return; // No Markdown preview (it is a built-in extension, but may be disabled): the read-only text stays.
  }
  await vscode.window.tabGroups.close(tabs);
}
