// Helpers for the text-a rule tests (mixed-script, pinyin-residue,
// conversion-artifact, broken-paragraph, placeholder, date-format).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { applyFixes, check, type ConfigObject, type Finding } from '../../../server/src/index.js';

export const TEXT_A_RULES = ['mixed-script', 'pinyin-residue', 'conversion-artifact', 'broken-paragraph', 'placeholder', 'date-format'];

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

/** The text the finding's range covers. */
export function covered(text: string, f: Finding): string {
  return text.slice(f.start, f.end);
}

/** Applies every fix of the given rules. */
export function fixAll(text: string, rules: string[], config?: ConfigObject): string {
  return applyFixes(text, check(text, config).filter((f) => rules.includes(f.rule))).text;
}

/** Applying the rule's fixes once leaves nothing fixable for that rule. */
export function assertIdempotent(rule: string, text: string, config?: ConfigObject): string {
  const fixed = fixAll(text, [rule], config);
  const again = findings(rule, fixed, config).filter((f) => f.fix);
  assert.deepEqual(again.map((f) => `${f.line}:${f.column} ${f.message}`), [], `${rule}: fixable findings remain after fixing`);
  return fixed;
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}
