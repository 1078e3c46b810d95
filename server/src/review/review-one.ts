// One report reviewed: linted once with the configured rules; with last year's reports, paired with the one
// of the same unit and compared by copied-report. The same function runs in the main thread and in the
// review's worker threads (worker.ts), so both give the same result.
import type { LintResult } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { Rule } from '../engine/types.js';
import { copiedReportRule, lintReport, matchPrevious, unitKey, withPrevious, type PreviousReport } from './collect.js';
import { reviewReport } from './model.js';
import type { ReviewReport } from './protocol.js';

export interface ReviewOneInput {
  path: string;
  text: string;
  source: 'text' | 'docx';
  config: ResolvedConfig;
  /** Last year's reports (with --previous), or undefined. */
  previous?: readonly PreviousReport[];
}

export function reviewOne(input: ReviewOneInput, index: number, rules: readonly Rule[]): { result: LintResult; report: ReviewReport } {
  let result = lintReport(input, rules);
  let previousPath: string | undefined;
  if (input.previous) {
    const match = matchPrevious(unitKey(result), result.document.meta.year, input.previous, input.path);
    if (match) {
      previousPath = match.display;
      const rule = copiedReportRule(rules);
      if (rule) result = withPrevious(result, input, match.text, rule, rules);
    }
  }
  const report = reviewReport({ path: input.path, result, config: input.config, previous: previousPath, source: input.source }, index);
  return { result, report };
}
