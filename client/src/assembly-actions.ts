// What the document-assembly commands do (new report, assemble, export/import Word), with the
// assembly modules of server/src/assemble/. Bundled apart (dist/assembly.cjs) and loaded on the
// first such command, so that the Word libraries and the engine do not slow the extension's start.
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROFILE_NAMES, SKELETON_PROFILES, renderSkeleton, type SkeletonProfile } from '../../server/src/assemble/skeleton.js';
import { loadSkeleton } from '../../server/src/assemble/skeleton-files.js';
import { assemble, type TracedFinding } from '../../server/src/assemble/assemble.js';
import { parseManifest } from '../../server/src/assemble/manifest.js';
import { exportDocx } from '../../server/src/assemble/docx-export.js';
import { readDocx } from '../../server/src/assemble/docx-import.js';
import { configForFile } from '../../server/src/node/config-files.js';
import type { ConfigObject } from '../../server/src/engine/config.js';

const PROFILE_HINTS: Record<SkeletonProfile, string> = {
  town: 'town — 乡镇人民政府、街道办事处',
  county: 'county — 县（市、区）人民政府',
  city: 'city — 设区的市人民政府',
  department: 'department — 县级以上政府部门',
};

function configNear(file: string): { config: ConfigObject; dir: string } {
  try {
    const { config, source } = configForFile(file);
    return { config, dir: source ? path.dirname(source) : path.dirname(file) };
  } catch (error) {
    void vscode.window.showWarningMessage(`fazhi-lint：${(error as Error).message}`);
    return { config: {}, dir: path.dirname(file) };
  }
}

function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return vscode.Uri.file(path.dirname(active.fsPath));
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function writeAndOpen(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** Answers given in advance (keybindings, tests): what is given is not asked; `untitled` skips the save dialog. */
export interface NewReportArgs {
  profile?: SkeletonProfile;
  body?: string;
  year?: number | string;
  untitled?: boolean;
}

/** 新建年度报告: asks profile, body and year, writes the skeleton and opens it. */
export async function newReport(args: NewReportArgs = {}): Promise<void> {
  const given = args && typeof args === 'object' ? args : {};
  const pick = SKELETON_PROFILES.includes(given.profile as SkeletonProfile)
    ? { profile: given.profile as SkeletonProfile }
    : await vscode.window.showQuickPick(
        SKELETON_PROFILES.map((p) => ({ label: PROFILE_NAMES[p], description: PROFILE_HINTS[p], profile: p })),
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
  const target = given.untitled
    ? undefined
    : await vscode.window.showSaveDialog({
        title: '保存年度报告骨架',
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { Markdown: ['md'] },
      });
  const { config, dir } = target ? configNear(target.fsPath) : { config: {} as ConfigObject, dir: '' };
  const own = config.skeletons?.[pick.profile];
  const skeleton = loadSkeleton(pick.profile, own ? path.resolve(dir, own) : undefined);
  const text = renderSkeleton(skeleton.text, { body: body.trim(), year: Number(year.trim()) });
  if (target) await writeAndOpen(target, text);
  else await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: text }));
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
export async function assembleReport(traced: vscode.DiagnosticCollection, uri?: vscode.Uri): Promise<void> {
  const manifestUri = await chooseFile(uri, /\.json$/i, '选择组稿清单（manifest.json）', { 组稿清单: ['json'] });
  if (!manifestUri) return;
  const manifestFile = manifestUri.fsPath;
  const manifestDir = path.dirname(manifestFile);
  const manifestText = readFileSync(manifestFile, 'utf8');
  const manifest = parseManifest(manifestText, path.basename(manifestFile));
  const { config, dir } = configNear(manifestFile);
  const own = manifest.skeleton ? path.resolve(manifestDir, manifest.skeleton) : config.skeletons?.[manifest.profile] ? path.resolve(dir, config.skeletons[manifest.profile]!) : undefined;
  const result = assemble({
    manifest,
    manifestPath: manifestFile,
    manifestText,
    skeleton: loadSkeleton(manifest.profile, own),
    config,
    read: (file) => readFileSync(path.resolve(manifestDir, file), 'utf8').replace(/^\ufeff/, ''),
  });
  const target = await vscode.window.showSaveDialog({
    title: '保存组装好的报告',
    defaultUri: vscode.Uri.file(path.join(manifestDir, `${manifest.body}关于${manifest.year}年法治政府建设情况的报告.md`)),
    filters: { Markdown: ['md'] },
  });
  if (!target) return;
  await writeAndOpen(target, result.markdown);
  showTraced(traced, result.findings, (file) => (path.isAbsolute(file) ? file : path.resolve(manifestDir, file)));
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const others = result.findings.length - errors;
  const notes = result.notes.length ? ` ${result.notes.join(' ')}` : '';
  void vscode.window.showInformationMessage(
    result.findings.length
      ? `已组装报告：${errors} 个错误、${others} 个其他问题，已标在各报送材料中（问题面板）。${notes}`
      : `已组装报告，检查无问题。${notes}`,
  );
}

const SEVERITY: Record<TracedFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function showTraced(traced: vscode.DiagnosticCollection, findings: TracedFinding[], resolveFile: (file: string) => string): void {
  traced.clear();
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const f of findings) {
    const start = new vscode.Position(f.source.line - 1, f.source.column - 1);
    const sameLine = f.sourceEnd.file === f.source.file && f.sourceEnd.line === f.source.line;
    const end = sameLine ? new vscode.Position(f.source.line - 1, Math.max(f.sourceEnd.column - 1, f.source.column - 1)) : start;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), `${f.message}（组装后第 ${f.line} 行）`, SEVERITY[f.severity]);
    diagnostic.source = 'fazhi-lint assemble';
    diagnostic.code = f.rule;
    const file = resolveFile(f.source.file);
    byFile.set(file, [...(byFile.get(file) ?? []), diagnostic]);
  }
  for (const [file, list] of byFile) traced.set(vscode.Uri.file(file), list);
}

/** 导出为 Word: the Markdown report → .docx in GB/T 9704-2012 layout. */
export async function exportWord(uri?: vscode.Uri): Promise<void> {
  const source = await chooseFile(uri, /\.(md|markdown|txt)$/i, '选择要导出的报告（Markdown）', { Markdown: ['md', 'markdown', 'txt'] });
  if (!source) return;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
  const text = open ? open.getText() : readFileSync(source.fsPath, 'utf8');
  const target = await vscode.window.showSaveDialog({
    title: '导出为 Word（GB/T 9704-2012 版式）',
    defaultUri: vscode.Uri.file(source.fsPath.replace(/\.(md|markdown|txt)$/i, '') + '.docx'),
    filters: { 'Word 文档': ['docx'] },
  });
  if (!target) return;
  const { config } = configNear(source.fsPath);
  await vscode.workspace.fs.writeFile(target, await exportDocx(text, config));
  const action = await vscode.window.showInformationMessage(`已导出 ${path.basename(target.fsPath)}。`, '打开（Open）');
  if (action) await vscode.env.openExternal(target);
}

/** 导入 Word: .docx → Markdown with headings, opened for checking. */
export async function importWord(uri?: vscode.Uri): Promise<void> {
  const source = await chooseFile(uri, /\.docx$/i, '选择 Word 文档（.docx）', { 'Word 文档': ['docx'] });
  if (!source) return;
  const { markdown } = await readDocx(await vscode.workspace.fs.readFile(source));
  const target = await vscode.window.showSaveDialog({
    title: '保存为 Markdown',
    defaultUri: vscode.Uri.file(source.fsPath.replace(/\.docx$/i, '.md')),
    filters: { Markdown: ['md'] },
  });
  if (!target) return;
  await writeAndOpen(target, markdown);
}
