// What the document-assembly commands ask and show (new report, assemble, export/import Word). The work is
// the language server's (server/src/lsp/assembly.ts: the CLI's own new, assemble, export and import, which
// write atomically and never over an input); this module only asks the user, calls the server and shows
// the result, so the extension bundles none of the engine or the Word libraries.
import * as vscode from 'vscode';
import path from 'node:path';
import {
  PROFILE_LABELS,
  REPORT_PROFILES,
  SERVER_COMMANDS,
  type AssembleParams,
  type AssembleResult,
  type AssembledFinding,
  type AssemblyAnswer,
  type AssemblyPlanParams,
  type AssemblyPlanResult,
  type ExportWordParams,
  type ExportWordResult,
  type ImportWordParams,
  type NewReportParams,
  type NewReportResult,
  type ReportProfile,
} from '../../server/src/lsp/protocol.js';

/** Runs a server command with its params (workspace/executeCommand). */
export type ServerCommand = (command: string, params: unknown) => Promise<unknown>;

const PROFILE_HINTS: Record<ReportProfile, string> = {
  town: 'town — 乡镇人民政府、街道办事处',
  county: 'county — 县（市、区）人民政府',
  city: 'city — 设区的市人民政府',
  department: 'department — 县级以上政府部门',
};

/** The server's answer, or undefined after showing its error. */
async function ask<T>(server: ServerCommand, command: string, params: unknown, modal = false): Promise<T | undefined> {
  const answer = (await server(command, params)) as AssemblyAnswer<T> | null;
  if (answer && typeof answer === 'object' && 'error' in answer) {
    void vscode.window.showErrorMessage(`fazhi-lint：${answer.error}`, { modal });
    return undefined;
  }
  if (!answer) void vscode.window.showErrorMessage('fazhi-lint：语言服务器未执行该命令（the server did not run the command）');
  return answer ?? undefined;
}

function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.file(path.dirname(active.fsPath));
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function open(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** Answers given in advance (keybindings, tests): what is given is not asked; `untitled` skips the save dialog. */
export interface NewReportArgs {
  profile?: ReportProfile;
  body?: string;
  year?: number | string;
  untitled?: boolean;
}

/** 新建年度报告: asks profile, body and year; the server renders the skeleton (and writes it); then it is opened. */
export async function newReport(server: ServerCommand, args: NewReportArgs = {}): Promise<void> {
  const given = args && typeof args === 'object' ? args : {};
  const pick = REPORT_PROFILES.includes(given.profile as ReportProfile)
    ? { profile: given.profile as ReportProfile }
    : await vscode.window.showQuickPick(
        REPORT_PROFILES.map((p) => ({ label: PROFILE_LABELS[p], description: PROFILE_HINTS[p], profile: p })),
        { title: '新建法治政府建设年度报告（1/3）', placeHolder: '报告主体的类型（profile）' },
      );
  if (!pick) return;
  const body =
    typeof given.body === 'string' && given.body.trim().length >= 2
      ? given.body
      : await vscode.window.showInputBox({
          title: '新建法治政府建设年度报告（2/3）',
          prompt: '报告主体（单位）全称，例如 张八桥镇人民政府、如皋市司法局',
          validateInput: (v) => (v.trim().length >= 2 ? undefined : '请填写单位全称'),
        });
  if (body === undefined) return;
  const year = /^(19|20|21)\d{2}$/.test(String(given.year ?? '').trim())
    ? String(given.year).trim()
    : await vscode.window.showInputBox({
        title: '新建法治政府建设年度报告（3/3）',
        prompt: '报告所述年度',
        value: String(new Date().getFullYear() - 1),
        validateInput: (v) => (/^(19|20|21)\d{2}$/.test(v.trim()) ? undefined : '请填写四位年份，例如 2025'),
      });
  if (year === undefined) return;

  const name = `${body.trim()}关于${year.trim()}年法治政府建设情况的报告.md`;
  const folder = defaultFolder();
  // The save dialog asks before replacing a file; the server still never writes over the skeleton or the config.
  // No file chosen: the skeleton opens as an untitled document.
  const target = given.untitled
    ? undefined
    : await vscode.window.showSaveDialog({
        title: '保存年度报告骨架',
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { Markdown: ['md'] },
      });
  const params: NewReportParams = { profile: pick.profile, body: body.trim(), year: Number(year.trim()), output: target?.fsPath };
  const made = await ask<NewReportResult>(server, SERVER_COMMANDS.newReport, params);
  if (!made) return;
  if (target) await open(target);
  else await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: made.text }));
  void vscode.window.showInformationMessage('已生成报告骨架：逐项替换【请填写：…】提示，问题面板会列出尚未填写的地方。');
}

async function chooseFile(uri: vscode.Uri | undefined, test: RegExp, title: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  if (uri?.scheme === 'file' && test.test(uri.fsPath)) return uri;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && test.test(active.fsPath)) return active;
  const picked = await vscode.window.showOpenDialog({ title, filters, canSelectMany: false, defaultUri: defaultFolder() });
  return picked?.[0];
}

/** 组装报告: manifest → report.md; findings go to the contributions as diagnostics. */
export async function assembleReport(server: ServerCommand, traced: vscode.DiagnosticCollection, uri?: vscode.Uri): Promise<void> {
  const manifestUri = await chooseFile(uri, /\.json$/i, '选择组稿清单（manifest.json）', { 组稿清单: ['json'] });
  if (!manifestUri) return;
  const manifest = manifestUri.fsPath;
  const plan = await ask<AssemblyPlanResult>(server, SERVER_COMMANDS.assemblyPlan, { manifest } satisfies AssemblyPlanParams);
  if (!plan) return;
  // Contributions not sent in yet: a draft can still be circulated, with a 【待报送】 prompt in their place (--allow-missing).
  if (plan.missing.length) {
    const go = '以【待报送】占位组装（Assemble with placeholders）';
    const list = plan.missing.map((m) => `${m.file} → ${m.prompt}`).join('；');
    if ((await vscode.window.showWarningMessage(`有 ${plan.missing.length} 份材料尚未报送：${list}。`, { modal: true }, go)) !== go) return;
  }
  const target = await vscode.window.showSaveDialog({
    title: '保存组装好的报告',
    defaultUri: vscode.Uri.file(path.join(path.dirname(manifest), plan.reportName)),
    filters: { Markdown: ['md'] },
  });
  if (!target) return;
  // The server refuses to write over the manifest, a contribution or the skeleton (the dialog only asks before replacing).
  const params: AssembleParams = { manifest, output: target.fsPath, allowMissing: plan.missing.length > 0 };
  const result = await ask<AssembleResult>(server, SERVER_COMMANDS.assemble, params);
  if (!result) return;
  await open(target);
  showTraced(traced, result.findings);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const others = result.findings.length - errors;
  const notes = result.notes.length ? ` ${result.notes.join(' ')}` : '';
  void vscode.window.showInformationMessage(
    result.findings.length
      ? `已组装报告：${errors} 个错误、${others} 个其他问题，已标在各报送材料中（问题面板）。${notes}`
      : `已组装报告，检查无问题。${notes}`,
  );
}

const SEVERITY: Record<AssembledFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function showTraced(traced: vscode.DiagnosticCollection, findings: AssembledFinding[]): void {
  traced.clear();
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const f of findings) {
    const { start, end } = f.range;
    const range = new vscode.Range(new vscode.Position(start.line, start.character), new vscode.Position(end.line, end.character));
    const diagnostic = new vscode.Diagnostic(range, `${f.message}（组装后第 ${f.reportLine} 行）`, SEVERITY[f.severity]);
    diagnostic.source = 'fazhi-lint assemble';
    diagnostic.code = f.rule;
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), diagnostic]);
  }
  for (const [file, list] of byFile) traced.set(vscode.Uri.file(file), list);
}

/** 导出为 Word: the Markdown report (as the editor holds it) → .docx in GB/T 9704-2012 layout. */
export async function exportWord(server: ServerCommand, uri?: vscode.Uri): Promise<void> {
  const source = await chooseFile(uri, /\.(md|markdown|txt)$/i, '选择要导出的报告（Markdown）', { Markdown: ['md', 'markdown', 'txt'] });
  if (!source) return;
  const target = await vscode.window.showSaveDialog({
    title: '导出为 Word（GB/T 9704-2012 版式）',
    defaultUri: vscode.Uri.file(source.fsPath.replace(/\.(md|markdown|txt)$/i, '') + '.docx'),
    filters: { 'Word 文档': ['docx'] },
  });
  if (!target) return;
  // What cannot be exported (an image, a footnote mark without its note …) is listed with its lines: modal.
  const params: ExportWordParams = { uri: source.toString(), output: target.fsPath };
  const result = await ask<ExportWordResult>(server, SERVER_COMMANDS.exportWord, params, true);
  if (!result) return;
  const reminder = result.errors ? `报告还有 ${result.errors} 个错误。` : '';
  const action = await vscode.window.showInformationMessage(`已导出 ${path.basename(target.fsPath)}。${reminder}`, '打开（Open）');
  if (action) await vscode.env.openExternal(target);
}

/** 导入 Word: .docx → Markdown with headings, opened for checking. */
export async function importWord(server: ServerCommand, uri?: vscode.Uri): Promise<void> {
  const source = await chooseFile(uri, /\.docx$/i, '选择 Word 文档（.docx）', { 'Word 文档': ['docx'] });
  if (!source) return;
  const target = await vscode.window.showSaveDialog({
    title: '保存为 Markdown',
    defaultUri: vscode.Uri.file(source.fsPath.replace(/\.docx$/i, '.md')),
    filters: { Markdown: ['md'] },
  });
  if (!target) return;
  const done = await ask<object>(server, SERVER_COMMANDS.importWord, { input: source.fsPath, output: target.fsPath } satisfies ImportWordParams);
  if (done) await open(target);
}
