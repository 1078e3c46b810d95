// Helpers for the text-a rule tests (mixed-script, pinyin-residue,
// conversion-artifact, broken-paragraph, placeholder, date-format).
import type { ConfigObject, Finding } from '../../../server/src/index.js';
import { fixRules } from '../../helpers/rules.js';

export { CORPUS, CLEAN, seed, cleanFiles, findings, assertIdempotent } from '../../helpers/rules.js';

export const TEXT_A_RULES = ['mixed-script', 'pinyin-residue', 'conversion-artifact', 'broken-paragraph', 'placeholder', 'date-format'];

/** The text the finding's range covers. */
export function covered(text: string, f: Finding): string {
  return text.slice(f.start, f.end);
}

/** Applies every fix of the given rules. */
export function fixAll(text: string, rules: string[], config?: ConfigObject): string {
  return fixRules(text, rules, config);
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}
