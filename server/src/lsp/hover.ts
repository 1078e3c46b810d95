// Hover over a finding: what its rule checks, why and how to fix it, with a link to the rule's page. The
// finding's own message comes first, unless the editor shows the diagnostic's message in the same hover
// itself (VS Code and its kin do; Neovim and Emacs/eglot do not): LSP has no capability saying so, hence the
// client's name at initialize (`clientInfo.name`).
import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SEVERITY_LABELS, type Finding, type Rule } from '../engine/types.js';
import { byRelevance } from './code-actions.js';
import { ruleDocUri, ruleMarkdown } from './rule-docs.js';

/** Clients whose hover already lists the diagnostics under the cursor: VS Code, its builds and forks, code-server. */
const SHOWS_DIAGNOSTICS_IN_HOVER = /^(?:Visual Studio Code|VSCodium|Code - OSS|code-server)\b/i;

/** Whether the hover should repeat the findings' messages, by the client's name (`clientInfo.name`). */
export function hoverRepeatsMessages(clientName: string | undefined): boolean {
  return !SHOWS_DIAGNOSTICS_IN_HOVER.test(clientName ?? '');
}

/** A message as Markdown text: the characters that would start emphasis, code, links or HTML are escaped. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

export interface HoverOptions {
  /** The client's scheme for rule pages (else file: links). */
  ruleDocScheme?: string;
  /** Put each finding's message (with its severity) before its rule's explanation. */
  messages?: boolean;
}

export function hoverAt(doc: TextDocument, findings: readonly Finding[], position: Position, rules: readonly Rule[], options: HoverOptions = {}): Hover | null {
  const offset = doc.offsetAt(position);
  const here = findings.filter((f) => (f.start === f.end ? doc.positionAt(f.start).line === position.line : f.start <= offset && offset <= f.end));
  if (!here.length) return null;
  // The same order as the quick fixes: the narrowest finding under the cursor first, then the most severe.
  const ordered = byRelevance(here, offset);
  const parts: string[] = [];
  for (const ruleId of new Set(ordered.map((f) => f.rule))) {
    const rule = rules.find((r) => r.id === ruleId);
    const messages = options.messages
      ? [...new Set(ordered.filter((f) => f.rule === ruleId).map((f) => `${SEVERITY_LABELS[f.severity]}：${markdownText(f.message)}`))].map((m) => `${m}\n\n`).join('')
      : '';
    parts.push(`${messages}${rule ? ruleMarkdown(rule, false) : `\`${ruleId}\``}\n\n[规则说明（rule docs）](${ruleDocUri(ruleId, options.ruleDocScheme)})`);
  }
  const first = ordered[0];
  return {
    contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') },
    range: { start: doc.positionAt(first.start), end: doc.positionAt(first.end) },
  };
}
