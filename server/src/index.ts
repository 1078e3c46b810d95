// Public API of the engine: check(text, config) → findings.
import { lint as lintWith, type LintResult } from './engine/check.js';
import { resolveConfig, type ConfigObject, type ResolvedConfig } from './engine/config.js';
import { RULES } from './rules/index.js';
import type { Finding } from './engine/types.js';

export * from './engine/types.js';
export { applyFixes, applyEdits, selectFixes, fixUntilStable } from './engine/fix.js';
export { ConfigError, mergeConfigs, validateConfig, type ConfigObject, type ResolvedConfig } from './engine/config.js';
export { RULES } from './rules/index.js';

export function resolve(config?: ConfigObject): ResolvedConfig {
  return resolveConfig(config, RULES);
}

export function lint(text: string, config?: ConfigObject | ResolvedConfig): LintResult {
  return lintWith(text, RULES, config);
}

/** check(text, config) → findings, with every registered rule. */
export function check(text: string, config?: ConfigObject | ResolvedConfig): Finding[] {
  return lintWith(text, RULES, config).findings;
}
