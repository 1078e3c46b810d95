// Helpers for the text-b rule tests (cjk-spacing, halfwidth-punctuation,
// unpaired-punctuation, end-punctuation, typo, terminology, outdated-reference).
import type { ConfigObject, Finding } from '../../../server/src/index.js';
import { fixRules } from '../../helpers/rules.js';

export { CORPUS, CLEAN, seed, cleanFiles, findings, assertIdempotent } from '../../helpers/rules.js';

/** The text each finding's range covers. */
export function covered(text: string, fs: Finding[]): string[] {
  return fs.map((f) => text.slice(f.start, f.end));
}

/** The text after applying every fix of the rule. */
export function fixAll(rule: string, text: string, config?: ConfigObject): string {
  return fixRules(text, [rule], config);
}
