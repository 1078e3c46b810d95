// Helpers shared by the rule tests (test/rules/*/): seed and clean fixtures,
// one rule's findings, and the fix-twice check.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { applyFixes, check, type ConfigObject, type Finding } from '../../server/src/index.js';
import { CORPUS_DIR } from './corpus.js';

export const CORPUS = CORPUS_DIR;
export const CLEAN = fileURLToPath(new URL('../fixtures/clean/', import.meta.url));

/** The seed report whose file name starts with `prefix` (000 … 004). */
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

/** Applies every fix of the given rules. */
export function fixRules(text: string, rules: string[], config?: ConfigObject): string {
  return applyFixes(text, check(text, config).filter((f) => rules.includes(f.rule))).text;
}

/** Applying the rule's fixes once leaves nothing fixable for that rule; returns the fixed text. */
export function assertIdempotent(rule: string, text: string, config?: ConfigObject): string {
  const fixed = fixRules(text, [rule], config);
  const again = findings(rule, fixed, config).filter((f) => f.fix);
  assert.deepEqual(again.map((f) => `${f.line}:${f.column} ${f.message}`), [], `${rule}: fixable findings remain after fixing`);
  return fixed;
}
