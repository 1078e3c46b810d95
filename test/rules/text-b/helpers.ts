// Helpers for the text-b rule tests (cjk-spacing, halfwidth-punctuation,
// unpaired-punctuation, end-punctuation, typo, terminology, outdated-reference).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { applyFixes, check, type ConfigObject, type Finding } from '../../../server/src/index.js';

export const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
export const CLEAN = fileURLToPath(new URL('../../fixtures/clean/', import.meta.url));

export function seed(prefix: string): string {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(file, `no seed ${prefix}`);
  return readFileSync(path.join(CORPUS, file), 'utf8');
}

export function cleanFiles(): { file: string; text: string }[] {
  if (!existsSync(CLEAN)) return [];
  return readdirSync(CLEAN)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(CLEAN, file), 'utf8') }));
}

/** Findings of one rule. */
export function findings(rule: string, text: string, config?: ConfigObject): Finding[] {
  return check(text, config).filter((f) => f.rule === rule);
}

/** The text each finding's range covers. */
export function covered(text: string, fs: Finding[]): string[] {
  return fs.map((f) => text.slice(f.start, f.end));
}

/** The text after applying every fix of the rule. */
export function fixAll(rule: string, text: string, config?: ConfigObject): string {
  return applyFixes(text, findings(rule, text, config)).text;
}

/** Fixing once leaves nothing fixable for the rule; returns the fixed text. */
export function assertIdempotent(rule: string, text: string, config?: ConfigObject): string {
  const fixed = fixAll(rule, text, config);
  const again = findings(rule, fixed, config).filter((f) => f.fix);
  assert.deepEqual(again.map((f) => `${f.line}:${f.column} ${f.message}`), [], `${rule}: fixable findings remain after fixing`);
  return fixed;
}
