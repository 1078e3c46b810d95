// --format sarif: SARIF 2.1.0 as GitHub code scanning accepts it
// (tool.driver.rules, results with ruleId/ruleIndex/level/message/locations,
// columns in UTF-16 code units, fixes where the rule offers a safe one). Suggestions (fixes that
// must not be applied without a person's judgement) are left out: a SARIF fix carries no way to
// say "not automatic", and tools may apply every fix they find.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Rule, Severity } from '../../engine/types.js';
import type { FileResult } from '../results.js';
import { ITEMS, jsonAround } from './json-chunks.js';
import { escapeJsonBidi } from './escape.js';
import { ruleHelpUri } from './rule-pages.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative path as a URI reference: "/" separated, each segment percent-encoded. */
export function pathToUri(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function region(f: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

export function* formatSarif(results: readonly FileResult[], rules: readonly Rule[], cwd: string, version: string): Generator<string> {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // A file outside the working folder gets an absolute URI: "../x.md" under %SRCROOT% maps to no file of the repository.
  const artifact = (p: string) =>
    path.isAbsolute(p) || /^\.\.(?:[\\/]|$)/.test(p) ? { uri: pathToFileURL(path.resolve(cwd, p)).href } : { uri: pathToUri(p), uriBaseId: '%SRCROOT%' };
  const result = (r: FileResult, f: Finding) => ({
    ruleId: f.rule,
    ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(r.path), region: region(f) } }],
    ...(f.fix
      ? {
          fixes: [
            {
              description: { text: f.fix.title },
              artifactChanges: [
                {
                  artifactLocation: artifact(r.path),
                  replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
    ...(Object.keys(f.data).length || r.paragraphOfLine
      ? { properties: { ...f.data, ...(r.paragraphOfLine ? { paragraph: r.paragraphOfLine[f.line - 1] ?? 0 } : {}) } }
      : {}),
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fazhi-lint',
            version,
            semanticVersion: version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.docs.description },
              fullDescription: { text: rule.docs.why || rule.docs.description },
              help: { text: [rule.docs.howToFix, rule.docs.basis && `依据：${rule.docs.basis}`].filter(Boolean).join('\n') },
              helpUri: ruleHelpUri(rule.id),
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: rule.tags },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        results: [ITEMS],
      },
    ],
  };
  // The results are written a batch at a time (json-chunks.ts): a large report's would not fit one string.
  for (const chunk of jsonAround(log, results.flatMap((r) => r.findings.map((f) => result(r, f))))) yield escapeJsonBidi(chunk);
  yield '\n';
}
