// Code actions: each finding's fix as a quick fix, fix-all (also as
// source.fixAll.fazhi-lint for editor.codeActionsOnSave), disabling a rule
// for a line or in the workspace config, and inserting a missing part.
import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectFixes } from '../engine/fix.js';
import { SECTION_DATA } from '../engine/outline.js';
import { formatMarker } from '../engine/numbering.js';
import type { Finding, OffsetEdit, PartId } from '../engine/types.js';
import type { SectionSummary } from './analysis.js';
import { SERVER_COMMANDS } from './protocol.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fazhi-lint`;
export const SOURCE = 'fazhi-lint';

export function toTextEdits(doc: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

/** The non-overlapping fixes of all findings, as one edit list. */
export function fixAllEdits(findings: readonly Finding[]): OffsetEdit[] {
  return selectFixes(findings).chosen.flatMap((f) => f.fix!.edits);
}

function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The finding a diagnostic was made from: same rule, same range. */
function findingOf(doc: TextDocument, findings: readonly Finding[], d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE) return undefined;
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  return findings.find((f) => f.rule === d.code && f.start === start && f.end === end);
}

/** Skeleton of a missing part, inserted where it belongs, numbered like its neighbours (used when the rule offers no fix). */
export function missingPartEdit(doc: TextDocument, finding: Finding, sections: readonly SectionSummary[]): OffsetEdit | undefined {
  const part = finding.data.part as PartId | undefined;
  if (!part || !SECTION_DATA.parts[part]) return undefined;
  const text = doc.getText();
  const at = finding.start;
  const top = sections.filter((s) => s.level === Math.min(...sections.map((x) => x.level)));
  const before = top.filter((s) => s.headingStart < at).length;
  const model = top[0];
  const name = SECTION_DATA.parts[part].name.replace(/^上一年度/, '');
  let heading: string;
  if (model?.marker) heading = `${formatMarker('cn-comma', before + 1)}${name}`;
  else if (model) heading = `${'#'.repeat(Math.max(2, model.markdownDepth))} ${name}`;
  else heading = `${formatMarker('cn-comma', 1)}${name}`;
  const body = '【请填写：本部分内容】';
  const needsLeadingBreak = at > 0 && text[at - 1] !== '\n';
  const block = `${heading}\n\n${body}\n\n`;
  return { start: at, end: at, newText: needsLeadingBreak ? `\n\n${block}` : block };
}

export function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  findings: readonly Finding[],
  sections: readonly SectionSummary[],
): CodeAction[] {
  const only = params.context.only;
  const uri = doc.uri;
  const actions: CodeAction[] = [];
  const quick = wanted(only, CodeActionKind.QuickFix);
  for (const d of params.context.diagnostics) {
    const f = findingOf(doc, findings, d);
    if (!f || !quick) continue;
    if (f.fix && f.fix.edits.length) {
      actions.push({
        title: f.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: toTextEdits(doc, f.fix.edits) } },
      });
    } else if (f.rule === 'required-section') {
      const edit = missingPartEdit(doc, f, sections);
      if (edit) {
        actions.push({
          title: `插入缺少的部分“${SECTION_DATA.parts[f.data.part as PartId].short}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [uri]: toTextEdits(doc, [edit]) } },
        });
      }
    }
    const line = doc.positionAt(f.start).line;
    const lineStart = doc.offsetAt({ line, character: 0 });
    const indent = /^[ \t\u3000]*/.exec(doc.getText({ start: { line, character: 0 }, end: { line, character: 40 } }))![0];
    actions.push({
      title: `在此行停用规则 ${f.rule}（disable ${f.rule} for this line）`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: toTextEdits(doc, [{ start: lineStart, end: lineStart, newText: `${indent}<!-- fazhi-lint-disable-next-line ${f.rule} -->\n` }]) } },
    });
    // A config file needs a folder: only for documents saved on disk.
    if (uri.startsWith('file:')) {
      actions.push({
        title: `在工作区配置中停用规则 ${f.rule}（disable ${f.rule} in .fazhi-lint.json）`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: `停用 ${f.rule}`, command: SERVER_COMMANDS.disableRuleInConfig, arguments: [uri, f.rule] },
      });
    }
  }
  const fixable = findings.filter((f) => f.fix && f.fix.edits.length);
  if (fixable.length) {
    const edits = fixAllEdits(fixable);
    const edit = { changes: { [uri]: toTextEdits(doc, edits) } };
    if (wanted(only, FIX_ALL_KIND)) actions.push({ title: '修复所有可自动修复的问题（fazhi-lint: fix all）', kind: FIX_ALL_KIND, edit });
    if (quick && params.context.diagnostics.some((d) => d.source === SOURCE) && fixable.length > 1) {
      actions.push({ title: `修复本文件中 ${fixable.length} 个可自动修复的问题（fix all）`, kind: CodeActionKind.QuickFix, edit });
    }
  }
  return actions;
}
