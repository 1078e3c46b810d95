// Rule documentation for hovers and for the diagnostics' codeDescription
// links. The text comes from each rule's `docs` in the registry; the files
// linked to are written next to the bundled server (dist/rules/<id>.md) by
// `fazhi-lint-server --write-rule-docs DIR` (run by `npm run package`).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from '../engine/types.js';

const SEVERITY_NAMES: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

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
  if (heading) lines.push('', `默认严重程度：${SEVERITY_NAMES[rule.severity] ?? rule.severity}（${rule.severity}）。可在 .fazhi-lint.json 的 "rules" 中修改或关闭。`);
  return lines.join('\n');
}

/** Where the bundled docs live: dist/rules/ next to dist/server.cjs. */
export function ruleDocsDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'rules');
}

const uris = new Map<string, string>();
export function ruleDocUri(id: string): string {
  let uri = uris.get(id);
  if (!uri) {
    uri = pathToFileURL(path.join(ruleDocsDir(), `${id}.md`)).href;
    uris.set(id, uri);
  }
  return uri;
}

function rulePage(rule: Rule): string {
  return `# fazhi-lint 规则 \`${rule.id}\`\n\n${ruleMarkdown(rule)}\n`;
}

/** Are the pages in `dir` those of exactly these rules, as they are now (none missing, none stale)? */
export function ruleDocsCurrent(dir: string, rules: readonly Rule[]): boolean {
  try {
    for (const rule of rules) if (readFileSync(path.join(dir, `${rule.id}.md`), 'utf8') !== rulePage(rule)) return false;
    return true;
  } catch {
    return false;
  }
}

export function writeRuleDocs(dir: string, rules: readonly Rule[]): string[] {
  mkdirSync(dir, { recursive: true });
  // Pages of rules that no longer exist (or of the test-only rule) must not linger in the package.
  for (const old of readdirSync(dir)) if (old.endsWith('.md')) rmSync(path.join(dir, old));
  const written: string[] = [];
  for (const rule of rules) {
    const file = path.join(dir, `${rule.id}.md`);
    writeFileSync(file, rulePage(rule));
    written.push(file);
  }
  return written;
}
