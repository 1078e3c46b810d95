// The commands the server executes (workspace/executeCommand), one function each: fix all, convert the
// script of the document, disable a rule in the workspace config file; and document assembly (assembly.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toSimplified, toTraditional } from '../engine/script.js';
import { writeFileAtomic } from '../node/write-file.js';
import { ASSEMBLY_COMMANDS, executeAssemblyCommand } from './assembly.js';
import type { OffsetEdit } from '../engine/types.js';
import { toTextEdits } from './code-actions.js';
import type { DocumentChecker } from './checking.js';
import { filePath, type Documents } from './documents.js';
import { SERVER_COMMANDS } from './protocol.js';
import type { SettingsSource } from './settings-source.js';
import { disableRuleInConfigText } from './settings.js';

/** What the commands need of the connection. */
export interface CommandHost {
  applyEdit(label: string, edit: WorkspaceEdit): Promise<boolean>;
  showError(message: string): void;
  showInfo(message: string): void;
}

export interface CommandContext {
  docs: Documents;
  checker: DocumentChecker;
  settings: SettingsSource;
  host: CommandHost;
}

/**
 * Fix-all edits of a document's current version as --fix would fix it (in the worker thread), or undefined
 * when it is not checked (not a report).
 */
export async function fixAllEditsOf(ctx: CommandContext, uri: string): Promise<{ doc: TextDocument; edits: OffsetEdit[]; applied: number } | undefined> {
  const c = await ctx.checker.current(uri);
  if (!c?.checked) return undefined;
  const doc = c.st.doc;
  const { config, key } = ctx.checker.configFor(uri, await ctx.settings.for(uri));
  const reuse = c.checked.complete && c.checked.configKey === key && c.checked.version === doc.version;
  const r = await ctx.checker.fixAll(uri, doc.getText(), config, reuse ? c.checked.analysis.findings : undefined);
  return { doc, edits: r.edits, applied: r.applied };
}

export async function runFixAll(ctx: CommandContext, uri: string): Promise<{ applied: boolean; fixed: number }> {
  const r = await fixAllEditsOf(ctx, uri);
  if (!r || !r.edits.length) return { applied: false, fixed: 0 };
  const applied = await ctx.host.applyEdit('fazhi-lint：修复全部', { changes: { [uri]: toTextEdits(r.doc, r.edits) } });
  return { applied, fixed: r.applied };
}

export async function convertScript(ctx: CommandContext, uri: string, target: 'simplified' | 'traditional'): Promise<{ applied: boolean; changed: boolean } | null> {
  const st = ctx.docs.get(uri);
  if (!st) return null;
  const text = st.doc.getText();
  const converted = target === 'traditional' ? toTraditional(text) : toSimplified(text);
  if (converted === text) return { applied: false, changed: false };
  const end = st.doc.positionAt(text.length);
  const applied = await ctx.host.applyEdit(target === 'traditional' ? 'fazhi-lint：转换为繁体' : 'fazhi-lint：转换为简体', {
    changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: converted }] },
  });
  return { applied, changed: true };
}

export async function disableRuleInConfig(ctx: CommandContext, uri: string, rule: string): Promise<{ written: boolean; file?: string; error?: string }> {
  const file = filePath(uri);
  // Only for a document the editor has open (the code action's), never for an arbitrary path.
  if (!ctx.checker.rules.some((r) => r.id === rule) || !file || !ctx.docs.get(uri)) return { written: false };
  const existing = ctx.checker.configFiles.forFile(file).source;
  const root = ctx.checker.roots.find((r) => !path.relative(r, file).startsWith('..')) ?? path.dirname(file);
  const target = existing ?? path.join(root, '.fazhi-lint.json');
  const result = disableRuleInConfigText(existsSync(target) ? readFileSync(target, 'utf8') : undefined, rule);
  if ('error' in result) {
    const message = `fazhi-lint：无法在 ${target} 中停用规则 ${rule}：${result.error}。请先修正该文件（cannot edit the config file: ${result.errorEn}）。`;
    ctx.host.showError(message);
    return { written: false, file: target, error: message };
  }
  try {
    // Temporary file, fsync, rename (node/write-file.ts): the config is never left half written.
    writeFileAtomic(target, Buffer.from(result.text, 'utf8'));
  } catch (error) {
    const message = `fazhi-lint：无法写入 ${target}（cannot write the config file）：${(error as Error).message}`;
    ctx.host.showError(message);
    return { written: false, file: target, error: message };
  }
  ctx.checker.configChanged();
  ctx.checker.recheckAll(true);
  ctx.host.showInfo(`fazhi-lint：已在 ${target} 中停用规则 ${rule}。`);
  return { written: true, file: target };
}

/** workspace/executeCommand: the first argument is the document's URI (for assembly, the command's params). */
export async function executeCommand(ctx: CommandContext, command: string, args: readonly unknown[]): Promise<unknown> {
  if (ASSEMBLY_COMMANDS.includes(command)) {
    return executeAssemblyCommand(command, args[0], { openText: (uri) => ctx.docs.get(uri)?.doc.getText(), roots: ctx.checker.roots });
  }
  const uri = typeof args[0] === 'string' ? args[0] : undefined;
  if (!uri) return null;
  switch (command) {
    case SERVER_COMMANDS.fixAll:
      return runFixAll(ctx, uri);
    case SERVER_COMMANDS.convertScript:
      return convertScript(ctx, uri, args[1] === 'traditional' ? 'traditional' : 'simplified');
    case SERVER_COMMANDS.disableRuleInConfig:
      return disableRuleInConfig(ctx, uri, String(args[1] ?? ''));
    default:
      return null;
  }
}
