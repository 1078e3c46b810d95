// The “年度报告审核” view in the explorer: every report of the workspace with its five parts and its
// counts, refreshed (debounced) when a report or a config file changes; a click opens the report at its
// first error. The data comes from the language server (fazhi-lint/review), which reads and checks the
// files with the CLI's own code, so the view shows what `fazhi-lint review` writes; the client imports
// only the request names and types.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  REVIEW_REQUEST,
  WRITE_REVIEW_REQUEST,
  type ReviewParams,
  type ReviewPartId,
  type ReviewReport,
  type WorkspaceReview,
  type WriteReviewParams,
  type WriteReviewResult,
} from '../../server/src/review/protocol.js';

export const REVIEW_VIEW = 'fazhiLint.review';
export const REVIEW_COMMANDS = {
  refresh: 'fazhi-lint.review.refresh',
  write: 'fazhi-lint.review.write',
  open: 'fazhi-lint.review.open',
} as const;

const PARTS: ReviewPartId[] = ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other'];
/** Wait after the last change before asking again: saving several files at once asks once. */
const DEBOUNCE_MS = 800;

type Node = { kind: 'report'; report: ReviewReport; file: string } | { kind: 'part'; report: ReviewReport; file: string; part: ReviewPartId } | { kind: 'problem'; text: string };

function folders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

function countsText(r: ReviewReport): string {
  const c = r.counts;
  return [c.errors && `错误 ${c.errors}`, c.warnings && `警告 ${c.warnings}`, c.infos && `信息 ${c.infos}`].filter(Boolean).join(' · ') || '没有问题';
}

export class ReviewTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: WorkspaceReview | undefined;
  private pending: Promise<void> | undefined;
  /** A change arrived while a request was under way: ask again when it returns. */
  private again = false;

  constructor(private readonly client: LanguageClient) {}

  async refresh(): Promise<void> {
    if (!this.client.isRunning()) return;
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      try {
        this.data = (await this.client.sendRequest(REVIEW_REQUEST, { folders: folders() } satisfies ReviewParams)) as WorkspaceReview;
      } catch (error) {
        this.data = undefined;
        void vscode.window.setStatusBarMessage(`fazhi-lint：无法列出报告：${(error as Error).message}`, 5000);
      } finally {
        this.pending = undefined;
      }
      this.changed.fire(undefined);
      if (this.again) {
        this.again = false;
        await this.refresh();
      }
    })();
    return this.pending;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.data) return [];
      const reports = this.data.review.reports.map((report, i): Node => ({ kind: 'report', report, file: this.data!.files[i] }));
      const problems = this.data.review.problems.map((p): Node => ({ kind: 'problem', text: `${p.path}：${p.message}` }));
      return [...reports, ...problems];
    }
    if (node.kind === 'report') return PARTS.map((part): Node => ({ kind: 'part', report: node.report, file: node.file, part }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'problem') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
    const r = node.report;
    if (node.kind === 'part') {
      const p = r.parts[node.part];
      const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.None);
      item.description = p.label;
      item.iconPath = new vscode.ThemeIcon(!p.present ? 'error' : p.label === '✔' ? 'pass' : 'warning');
      return item;
    }
    const missing = PARTS.filter((p) => !r.parts[p].present).length;
    const item = new vscode.TreeItem(r.unit ?? r.path, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${r.year ?? ''} ${countsText(r)}${missing ? ` · 缺 ${missing} 部分` : ''}`.trim();
    item.tooltip = new vscode.MarkdownString(
      [`**${r.title ?? r.path}**`, '', `文件：${r.path}`, `单位：${r.unit ?? '—'}（${r.levelLabel ?? '—'}）`, `成文日期：${r.reportDate?.text ?? '—'}`, '', ...PARTS.map((p) => `- ${r.parts[p].name}：${r.parts[p].label}`)].join('\n'),
    );
    item.resourceUri = vscode.Uri.file(node.file);
    item.iconPath = new vscode.ThemeIcon(r.counts.errors ? 'error' : r.counts.warnings ? 'warning' : 'pass');
    item.contextValue = 'fazhiLintReport';
    item.command = { command: REVIEW_COMMANDS.open, title: '打开报告', arguments: [node.file, r.first] };
    return item;
  }
}

export function registerReviewView(context: vscode.ExtensionContext, client: LanguageClient): void {
  const tree = new ReviewTree(client);
  const view = vscode.window.createTreeView(REVIEW_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    if (!view.visible) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tree.refresh(), DEBOUNCE_MS);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,txt,docx}');
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.fazhi-lint.{json,jsonc}');
  for (const w of [watcher, configWatcher]) context.subscriptions.push(w, w.onDidChange(later), w.onDidCreate(later), w.onDidDelete(later));
  context.subscriptions.push(
    view,
    { dispose: () => clearTimeout(timer) },
    view.onDidChangeVisibility((e) => e.visible && void tree.refresh()),
    vscode.workspace.onDidChangeWorkspaceFolders(later),
    client.onDidChangeState(() => view.visible && void tree.refresh()),
    vscode.commands.registerCommand(REVIEW_COMMANDS.refresh, () => tree.refresh()),
    vscode.commands.registerCommand(REVIEW_COMMANDS.open, async (file: string, at?: { line: number; column: number } | null) => {
      const uri = vscode.Uri.file(file);
      // A Word report opens in Word (or what the system opens .docx with): the editor cannot show it.
      if (/\.docx$/i.test(file)) return vscode.env.openExternal(uri);
      const position = at ? new vscode.Position(at.line - 1, at.column - 1) : new vscode.Position(0, 0);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: false });
    }),
    vscode.commands.registerCommand(REVIEW_COMMANDS.write, async (target?: vscode.Uri) => {
      const roots = folders();
      if (!roots.length) return void vscode.window.showWarningMessage('fazhi-lint：请先打开一个文件夹（open a folder first）。');
      const chosen =
        target ??
        (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${roots[0]}/审核结果`), saveLabel: '写出审核文件夹', title: '年度报告审核：写出审核文件夹' }));
      if (!chosen) return;
      const result = (await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'fazhi-lint：正在审核工作区中的报告…' },
        () => client.sendRequest(WRITE_REVIEW_REQUEST, { folders: roots, output: chosen.fsPath } satisfies WriteReviewParams),
      )) as WriteReviewResult;
      if (result.error) return void vscode.window.showErrorMessage(`fazhi-lint：${result.error}`);
      const open = '打开汇总页';
      const pick = await vscode.window.showInformationMessage(`fazhi-lint：已审核 ${result.reports} 份报告，写入 ${chosen.fsPath}。`, open);
      if (pick === open) await vscode.env.openExternal(vscode.Uri.joinPath(chosen, 'index.html'));
    }),
  );
}
