// The report skeleton as the editor offers it: the same rules/skeletons/<profile>.md that `fazhi-lint new`
// renders (Markdown headings, one style), turned into snippet text whose tab stops are the body, the years
// and each 【请填写：…】 prompt. Offered on an empty report by the completion provider (server.ts), and
// cut into the part and sub-section snippets of snippets/fazhi-lint.json (scripts/generate/snippets.ts).
import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PROFILE_NAMES, SKELETON_PROFILES, type SkeletonProfile } from '../assemble/skeleton.js';
import { loadSkeleton } from '../assemble/skeleton-files.js';

/** Words that call up the whole skeleton (Chinese, pinyin, English), as the old snippet's prefixes did. */
export const SKELETON_PREFIXES = ['法治报告', '年度报告', 'fazhibaogao', 'fzbg', 'report'];

/**
 * Template variables become the first tab stops, filled with text the placeholder rule flags if left
 * (某某, 20XX); each prompt becomes a tab stop holding the prompt. `$`, `}` and `\` of the text are escaped.
 */
export function skeletonSnippet(template: string): string {
  const stops = new Map<string, number>([
    ['单位', 1],
    ['body', 1],
    ['年度', 2],
    ['year', 2],
    ['下一年度', 3],
    ['nextYear', 3],
  ]);
  const defaults: Record<number, string> = { 1: '某某', 2: '20XX', 3: '20XX' };
  const used = new Set<number>();
  let next = 4;
  const escape = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);
  let out = '';
  let last = 0;
  const text = template.replace(/\r\n?/g, '\n');
  for (const m of text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}|【请填写[^【】\n]*】/g)) {
    out += escape(text.slice(last, m.index));
    last = m.index! + m[0].length;
    const variable = m[1] ? stops.get(m[1]) : undefined;
    if (variable !== undefined) {
      // The first occurrence carries the default; later ones mirror it.
      out += used.has(variable) ? `$${variable}` : `\${${variable}:${defaults[variable]}}`;
      used.add(variable);
    } else if (m[1]) out += escape(m[0]);
    else out += `\${${next++}:${escape(m[0])}}`;
  }
  out += escape(text.slice(last));
  return `${out.replace(/\n+$/, '')}\n$0`;
}

/** Is the document empty but for what is typed before the cursor on its line (a prefix being typed)? */
export function emptyButPrefix(doc: TextDocument, params: CompletionParams): { start: number; end: number } | undefined {
  const text = doc.getText();
  const end = doc.offsetAt(params.position);
  const start = doc.offsetAt({ line: params.position.line, character: 0 });
  if (text.slice(0, start).trim() || text.slice(end).trim()) return undefined;
  const typed = text.slice(start, end).trim();
  // Only something that could be the start of a prefix: no prose.
  if (typed.length > 12) return undefined;
  return { start, end };
}

/** The whole skeleton of each profile, as completion items for an empty report (snippets if the client takes them). */
export function skeletonCompletions(
  doc: TextDocument,
  params: CompletionParams,
  skeletonOf: (profile: SkeletonProfile) => string | undefined,
  snippetSupport: boolean,
): CompletionItem[] {
  const at = emptyButPrefix(doc, params);
  if (!at) return [];
  const range = { start: doc.positionAt(at.start), end: doc.positionAt(at.end) };
  const items: CompletionItem[] = [];
  SKELETON_PROFILES.forEach((profile, i) => {
    const template = skeletonOf(profile);
    if (template === undefined) return;
    items.push({
      label: `法治报告：${PROFILE_NAMES[profile]}（全文骨架）`,
      kind: CompletionItemKind.Snippet,
      detail: `法治政府建设年度报告全文骨架（${profile}）：标题、五个法定部分、落款`,
      documentation: { kind: 'markdown', value: `与 \`fazhi-lint new --profile ${profile}\` 相同的骨架。Tab 键依次跳到单位、年度和各处【请填写】。` },
      filterText: `${SKELETON_PREFIXES.join(' ')} ${profile} ${PROFILE_NAMES[profile]}`,
      sortText: String(i),
      insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: snippetSupport ? skeletonSnippet(template) : template },
    });
  });
  return items;
}

const skeletons = new Map<SkeletonProfile, string | undefined>();
/** The built-in skeleton of a profile (read once), or undefined when the installation lacks it. */
export function builtInSkeleton(profile: SkeletonProfile): string | undefined {
  if (!skeletons.has(profile)) {
    try {
      skeletons.set(profile, loadSkeleton(profile).text);
    } catch {
      skeletons.set(profile, undefined);
    }
  }
  return skeletons.get(profile);
}
