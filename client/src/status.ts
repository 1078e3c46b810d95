// The status bar item: whether the active document is checked, and its counts.
import * as vscode from 'vscode';
import { SEVERITY_LABELS, type StatusParams } from '../../server/src/lsp/protocol.js';

/** Why a document is not checked, for the tooltip (StatusParams.reason). */
const NOT_CHECKED: Record<string, string> = {
  unrelated: '本文件不像法治政府建设年度报告，未检查；可用“切换本文件的检查”强制检查。',
  'forced-off': '已用“切换本文件的检查”停止检查本文件；再次执行该命令可恢复。',
  disabled: '检查已关闭（设置 fazhiLint.enable）；可用“切换本文件的检查”单独检查本文件。',
  ignored: '本文件在 .fazhi-lint.json 的 ignores 中，未检查。',
  'not-text': '本文件不是 Markdown 或纯文本，未检查。',
  'too-large': '本文件过大，不予检查。',
  'rule-page': '这是 fazhi-lint 的规则说明页，不检查。',
};

export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('fazhiLint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(command: string) {
    this.item.name = 'fazhi-lint';
    this.item.command = command;
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())));
    this.render();
  }

  get(uri: string): StatusParams | undefined {
    return this.byUri.get(uri);
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !['markdown', 'plaintext'].includes(doc.languageId)) {
      this.item.hide();
      return;
    }
    const s = this.byUri.get(doc.uri.toString());
    if (!s || !s.checked) {
      this.item.text = '$(law) 未检查';
      this.item.tooltip = `fazhi-lint：${NOT_CHECKED[s?.reason ?? ''] ?? NOT_CHECKED.unrelated}点击查看合规清单。\n(not checked — click for the compliance checklist)`;
    } else {
      const total = s.errors + s.warnings + s.infos + s.hints;
      this.item.text = total === 0 ? '$(law) $(check) 法治报告' : `$(law) $(error) ${s.errors} $(warning) ${s.warnings}${s.infos + s.hints ? ` $(info) ${s.infos + s.hints}` : ''}`;
      const L = SEVERITY_LABELS;
      this.item.tooltip = `fazhi-lint：${L.error} ${s.errors}，${L.warning} ${s.warnings}，${L.info} ${s.infos}，${L.hint} ${s.hints}。点击查看五个法定部分的合规清单。\n(errors, warnings, infos, hints — click for the compliance checklist)`;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
