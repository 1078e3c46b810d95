// Rule documentation for hovers and for the diagnostics' codeDescription links. The text comes from each
// rule's `docs` in the registry: `rulePage` is what the build writes as docs/rules/<id>.md (a generated file,
// scripts/generate/) and copies to dist/rules/<id>.md beside the bundled server, where the file: links of the
// diagnostics point. A client that shows rule pages itself (the VS Code extension, read-only) asks for links
// in its own scheme (initializationOptions.ruleDocScheme) and for the page text with the fazhi-lint/ruleDoc
// request, answered from the registry: it needs no file.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SEVERITY_LABELS, type Rule } from '../engine/types.js';

export function ruleMarkdown(rule: Rule, heading = true): string {
  const d = rule.docs;
  const lines = [
    heading ? `## \`${rule.id}\` ${d.description}` : `**\`${rule.id}\`** ${d.description}`,
    '',
    `**为什么**：${d.why}`,
    '',
    `**依据**：${d.basis}`,
    '',
    `**怎样修改**：${d.howToFix}`,
  ];
  if (heading) lines.push('', `默认严重程度：${SEVERITY_LABELS[rule.severity] ?? rule.severity}（${rule.severity}）。可在 .fazhi-lint.json 的 "rules" 中修改或关闭。`);
  return lines.join('\n');
}

/** Where the pages are: dist/rules/ beside the bundled server (copied there by the build); from the sources, docs/rules/. */
export function ruleDocsDir(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(here.endsWith('.cjs') ? './rules/' : '../../../docs/rules/', here));
}

const uris = new Map<string, string>();
/** The page of a rule: a file: URI of dist/rules/<id>.md, or `<scheme>:/<id>.md` for a client that shows pages itself. */
export function ruleDocUri(id: string, scheme?: string): string {
  if (scheme) return `${scheme}:/${id}.md`;
  let uri = uris.get(id);
  if (!uri) {
    uri = pathToFileURL(path.join(ruleDocsDir(), `${id}.md`)).href;
    uris.set(id, uri);
  }
  return uri;
}

const PAGE_TITLE = 'fazhi-lint 规则';

export function rulePage(rule: Rule): string {
  return `# ${PAGE_TITLE} \`${rule.id}\`\n\n${ruleMarkdown(rule)}\n`;
}

/**
 * Is this one of the rule pages (by its title line, or by being <rule id>.md in a folder named rules)? They
 * describe defects, quote regulations and name the report's parts: checked, they would be full of findings.
 */
export function isRulePage(text: string, file: string | undefined, ruleIds: ReadonlySet<string>): boolean {
  if (text.startsWith(`# ${PAGE_TITLE} \``)) return true;
  if (!file) return false;
  const name = path.basename(file);
  return name.endsWith('.md') && ruleIds.has(name.slice(0, -3)) && path.basename(path.dirname(file)) === 'rules';
}
