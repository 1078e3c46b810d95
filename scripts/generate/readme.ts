// The rule table of README.md, between two marker comments: one row per rule, linking to its page.
import type { Rule } from '../../server/src/engine/types.js';

export const TABLE_START = '<!-- rule table: generated from the rules by scripts/build.mjs, do not edit -->';
export const TABLE_END = '<!-- end of rule table -->';

/** `|` would end a table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function ruleTable(rules: readonly Rule[], pagesDir: string): string {
  return [
    '| rule | default | what it flags |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.id}\`](${pagesDir}/${r.id}.md) | ${r.severity} | ${cell(r.docs.description)} |`),
  ].join('\n');
}

export function readmeText(current: string, rules: readonly Rule[], pagesDir: string): string {
  const start = current.indexOf(TABLE_START);
  const end = current.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the rule table markers are missing (${TABLE_START} … ${TABLE_END})`);
  return `${current.slice(0, start + TABLE_START.length)}\n${ruleTable(rules, pagesDir)}\n${current.slice(end)}`;
}
