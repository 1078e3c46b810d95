// Code actions: each finding's fix and suggestions as quick fixes, fix-all (also as
// source.fixAll.fazhi-lint for editor.codeActionsOnSave), disabling a rule
// for a line or in the workspace config, and inserting a missing part.
// Quick fixes come in the order of the findings at the cursor, the narrowest first
// (then the most severe): the fix of that finding is the preferred one.
import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SECTION_DATA } from '../engine/outline.js';
import { formatMarker } from '../engine/numbering.js';
import type { Finding, OffsetEdit, PartId, Severity } from '../engine/types.js';
import { severityRank } from '../engine/severity.js';
import type { SectionSummary } from './analysis.js';
import { SERVER_COMMANDS } from './protocol.js';
import { SOURCE } from './diagnostics.js';

export { SOURCE };
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fazhi-lint`;

export function toTextEdits(doc: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

/**
 * Findings in the order a person at `offset` (the cursor) means them: those whose range holds the cursor
 * first, the narrowest first, then the most severe; the rest after, in the same order. Stable otherwise.
 */
export function byRelevance<T extends Pick<Finding, 'start' | 'end' | 'severity'>>(findings: readonly T[], offset: number): T[] {
  const holds = (f: T) => f.start <= offset && offset <= f.end;
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        Number(holds(b.f)) - Number(holds(a.f)) ||
        a.f.end - a.f.start - (b.f.end - b.f.start) ||
        severityRank(a.f.severity) - severityRank(b.f.severity) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * The finding a diagnostic was made from: same rule, same range, and (when several findings of one rule share
 * a range, e.g. two missing parts both anchored at the end of the report) the same message and data.
 */
function findingOf(doc: TextDocument, findings: readonly Finding[], d: Diagnostic): Finding | undefined {
  if (d.source !== SOURCE) return undefined;
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const same = findings.filter((f) => f.rule === d.code && f.start === start && f.end === end);
  if (same.length <= 1) return same[0];
  const data = d.data as Record<string, unknown> | undefined;
  const sameData = (f: Finding) => !data || typeof data !== 'object' || Object.entries(data).every(([k, v]) => JSON.stringify(f.data[k]) === JSON.stringify(v));
  return same.find((f) => f.message === d.message && sameData(f)) ?? same.find((f) => f.message === d.message) ?? same.find(sameData) ?? same[0];
}

const NEXT_LINE_DIRECTIVE = /^([ \t\u3000]*)<!--\s*fazhi-lint-disable-next-line\b([^]*?)-->[ \t]*$/;

/**
 * "Disable for this line": a `disable-next-line` comment above the finding's line, or the rule added to the one
 * already there (as ESLint does), so that two rules on one line do not stack two comments.
 */
export function disableLineEdit(doc: TextDocument, line: number, rule: string): OffsetEdit {
  const lineText = (n: number) => {
    const start = doc.offsetAt({ line: n, character: 0 });
    const next = n + 1 < doc.lineCount ? doc.offsetAt({ line: n + 1, character: 0 }) : doc.getText().length;
    return { start, text: doc.getText().slice(start, next).replace(/\r?\n$|\r$/, '') };
  };
  if (line > 0) {
    const above = lineText(line - 1);
    const m = NEXT_LINE_DIRECTIVE.exec(above.text);
    if (m) {
      const names = m[2].split(/[\s,，]+/).filter(Boolean);
      // No names means every rule: nothing to add (the finding would not exist).
      if (names.length && !names.includes(rule)) {
        const newText = `${m[1]}<!-- fazhi-lint-disable-next-line ${[...names, rule].join(' ')} -->`;
        return { start: above.start, end: above.start + above.text.length, newText };
      }
    }
  }
  const own = lineText(line);
  const indent = /^[ \t\u3000]*/.exec(own.text)![0];
  const eol = /\r\n/.test(doc.getText().slice(0, 10_000)) ? '\r\n' : '\n';
  return { start: own.start, end: own.start, newText: `${indent}<!-- fazhi-lint-disable-next-line ${rule} -->${eol}` };
}

/**
 * Skeleton of a missing part (used when the rule offers no fix, i.e. the report has no sections yet): the
 * part's heading and placeholder paragraphs, numbered like its neighbours. Without any section it goes at the
 * end of the text, after the title and any opening paragraphs (never above the title), numbered 一、 as the
 * report's first section; later parts are then inserted by the rule's own fix, in statutory order.
 */
export function missingPartEdit(doc: TextDocument, finding: Finding, sections: readonly SectionSummary[]): OffsetEdit | undefined {
  const part = finding.data.part as PartId | undefined;
  const info = part ? SECTION_DATA.parts[part] : undefined;
  if (!info) return undefined;
  const text = doc.getText();
  const eol = /\r\n/.test(text.slice(0, 10_000)) ? '\r\n' : '\n';
  const gap = eol + eol;
  const topLevel = sections.length ? Math.min(...sections.map((x) => x.level)) : 0;
  const top = sections.filter((s) => s.level === topLevel);
  const at = top.length ? finding.start : text.length;
  const before = top.filter((s) => s.headingStart < at).length;
  const model = top[0];
  const title = info.heading || info.name.replace(/^上一年度/, '');
  const marker = formatMarker('cn-comma', before + 1);
  const markdown = doc.languageId === 'markdown' || /^#\s/.test(text);
  let heading: string;
  if (model && !model.marker && model.markdownDepth) heading = `${'#'.repeat(Math.max(2, model.markdownDepth))} ${title}`;
  else if (model) heading = `${model.markdownDepth ? `${'#'.repeat(model.markdownDepth)} ` : ''}${marker}${title}`;
  else heading = `${markdown ? '## ' : ''}${marker}${title}`;
  const body = info.skeleton.length ? info.skeleton.join(gap) : '【请填写：本部分内容】';
  const block = `${heading}${gap}${body}`;
  if (at < text.length) return { start: at, end: at, newText: `${block}${gap}` };
  // At the end: separated from the text before by one blank line, ending with a line break.
  const lead = text.length === 0 ? '' : /(\r?\n)[ \t\u3000]*(\r?\n)[ \t\u3000]*$/.test(text) ? '' : /\r?\n$/.test(text) ? eol : gap;
  return { start: at, end: at, newText: `${lead}${block}${eol}` };
}

/**
 * How the fix-all actions get their edit, which costs re-checks: on codeAction/resolve (with this data), or,
 * for a client that does not resolve, by running the fix-all command (which applies it with workspace/applyEdit).
 */
export type FixAllEdit = { resolveData: FixAllData } | { command: true };
export interface FixAllData {
  fazhiLintFixAll: true;
  uri: string;
  version: number;
}

export const FIX_ALL_TITLE = '修复所有可自动修复的问题（fazhi-lint: fix all）';

export function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  findings: readonly Finding[],
  sections: readonly SectionSummary[],
  fixAll: FixAllEdit,
): CodeAction[] {
  const only = params.context.only;
  const uri = doc.uri;
  const quick = wanted(only, CodeActionKind.QuickFix);
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  // One "disable" action per rule and line, and one "disable in config" per rule, however many diagnostics.
  const disabledLines = new Set<string>();
  const disabledInConfig = new Set<string>();
  const pairs: { f: Finding; d: Diagnostic; start: number; end: number; severity: Severity }[] = [];
  if (quick) {
    for (const d of params.context.diagnostics) {
      const f = findingOf(doc, findings, d);
      if (f) pairs.push({ f, d, start: f.start, end: f.end, severity: f.severity });
    }
  }
  let preferred = false;
  for (const { f, d } of byRelevance(pairs, doc.offsetAt(params.range.start))) {
    const first = pairs.length > 0 && !preferred;
    if (f.fix && f.fix.edits.length) {
      fixes.push({
        title: f.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        ...(first ? { isPreferred: true } : {}),
        edit: { changes: { [uri]: toTextEdits(doc, f.fix.edits) } },
      });
      preferred = true;
    } else if (f.rule === 'required-section') {
      const edit = missingPartEdit(doc, f, sections);
      if (edit) {
        fixes.push({
          title: `插入“${SECTION_DATA.parts[f.data.part as PartId].short}”部分的骨架`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          ...(first ? { isPreferred: true } : {}),
          edit: { changes: { [uri]: toTextEdits(doc, [edit]) } },
        });
        preferred = true;
      }
    }
    // Suggestions (deleting prose, guessing a name) are a person's choice: offered, never preferred.
    for (const s of f.suggestions ?? []) {
      if (!s.edits.length) continue;
      fixes.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: toTextEdits(doc, s.edits) } } });
    }
    // The finding the cursor is on decides what is preferred; one without a fix leaves nothing preferred.
    preferred = true;
    const line = doc.positionAt(f.start).line;
    if (!disabledLines.has(`${f.rule} ${line}`)) {
      disabledLines.add(`${f.rule} ${line}`);
      disables.push({
        title: `在此行停用规则 ${f.rule}（disable ${f.rule} for this line）`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: toTextEdits(doc, [disableLineEdit(doc, line, f.rule)]) } },
      });
    }
    // A config file needs a folder: only for documents saved on disk.
    if (uri.startsWith('file:') && !disabledInConfig.has(f.rule)) {
      disabledInConfig.add(f.rule);
      disables.push({
        title: `在工作区配置中停用规则 ${f.rule}（disable ${f.rule} in .fazhi-lint.json）`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: `停用 ${f.rule}`, command: SERVER_COMMANDS.disableRuleInConfig, arguments: [uri, f.rule] },
      });
    }
  }
  const actions = [...fixes];
  const fixable = findings.filter((f) => f.fix && f.fix.edits.length).length;
  const fixAllKind = wanted(only, FIX_ALL_KIND);
  const fixAllQuick = quick && pairs.length > 0 && fixable > 1;
  if (fixable && (fixAllKind || fixAllQuick)) {
    const lazy = (a: CodeAction): CodeAction =>
      'resolveData' in fixAll ? { ...a, data: fixAll.resolveData } : { ...a, command: { title: a.title, command: SERVER_COMMANDS.fixAll, arguments: [uri] } };
    if (fixAllQuick) actions.push(lazy({ title: `修复本文件中 ${fixable} 个可自动修复的问题（fix all）`, kind: CodeActionKind.QuickFix }));
    if (fixAllKind) actions.push(lazy({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND }));
  }
  actions.push(...disables);
  return actions;
}
