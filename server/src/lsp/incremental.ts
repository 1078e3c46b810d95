// The check thread's side of re-checking documents: a whole check of an ordinary document, and for a large one
// (a full check of a 1 MB report takes seconds) an IncrementalChecker kept between jobs (engine/incremental.ts):
//   check     a fresh check, keeping the checker (and its findings) for the edits to come;
//   edit      the editor's changes since the last job, applied to the kept checker: its partial result (the
//             findings shifted, those the edits touched dropped, the local rules re-run around the change);
//   complete  the full result of the same text, equal to a fresh check.
// Only the findings the editor shows (capAndCount, maxProblems) and the counts of all leave the thread:
// posting tens of thousands of findings costs more than finding them again. What is posted is a copy (the
// structured clone of postMessage): the kept findings shift in place with later edits.
import { performance } from 'node:perf_hooks';
import { IncrementalChecker, type TextChange } from '../engine/incremental.js';
import type { ConfigObject } from '../engine/config.js';
import type { Finding } from '../engine/types.js';
import { RULES } from '../rules/index.js';
import { analysisOf, analyze, resolveCached, type Analysis, type RuleFailure } from './analysis.js';
import { capAndCount } from './diagnostics.js';
import type { Counts } from './documents.js';

/** What a check job answers. */
export interface CheckResult {
  /** At most maxProblems findings, as capFindings chooses them. */
  findings: Finding[];
  errors: RuleFailure[];
  /** Of all findings. */
  counts: Counts;
  /** False for the partial result of an edit: a complete one follows. */
  complete: boolean;
  /** The outline and meta of the text checked (absent from a partial result: those of the last complete one hold). */
  sections?: Analysis['sections'];
  meta?: Analysis['meta'];
  /** Set when an edit could not be applied in the thread, which checked the whole text instead: why. */
  resynced?: 'no checker' | 'out of step';
  /** Where the thread's time went (ms), for FAZHI_LINT_TRACE. */
  timing?: string;
}

export interface CheckJob {
  doc: string;
  version: number;
  text: string;
  config: ConfigObject;
  /** The configuration as JSON: a document's checker is rebuilt when it changes. */
  configKey: string;
  maxProblems: number;
  /** Keep an incremental checker for this document (a large one); otherwise forget any. */
  large: boolean;
}

export interface EditJob extends Omit<CheckJob, 'large' | 'text'> {
  /** The version the changes start from (that of the previous job for the document). */
  fromVersion: number;
  changes: TextChange[];
  /** The fingerprint of the text after the changes (the text itself stays on the main thread unless asked for). */
  fingerprint: string;
}

/**
 * A cheap fingerprint of a text: its length and 64 characters spread over it. The check thread compares it
 * with its own text after applying the changes, so that a thread out of step asks for the whole text.
 */
export function fingerprint(text: string): string {
  const n = text.length;
  let hash = n | 0;
  for (let i = 0; i < 64 && n; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(Math.floor((i * n) / 64))) | 0;
  return `${n}:${hash >>> 0}`;
}

function result(analysis: Analysis, maxProblems: number, complete: boolean, withOutline = true, t0?: number, what = ''): CheckResult {
  const t1 = performance.now();
  const { capped, counts } = capAndCount(analysis.findings, maxProblems);
  return {
    timing: t0 === undefined ? undefined : `${what} ${(t1 - t0).toFixed(1)} ms, cap ${(performance.now() - t1).toFixed(1)} ms (${analysis.findings.length} findings)`,
    findings: capped as Finding[],
    errors: analysis.errors,
    counts,
    complete,
    ...(withOutline ? { sections: analysis.sections, meta: analysis.meta } : {}),
  };
}

interface Kept {
  checker: IncrementalChecker;
  configKey: string;
  version: number;
}

/** The documents of the check thread: incremental checkers of the large ones. */
export class ThreadDocuments {
  private readonly large = new Map<string, Kept>();

  check(job: CheckJob): CheckResult {
    const t0 = performance.now();
    this.large.delete(job.doc); // its tree and findings can go before the new ones are built
    if (!job.large) return result(analyze(job.text, job.config), job.maxProblems, true, true, t0, 'check');
    const checker = new IncrementalChecker(RULES, resolveCached(job.config, RULES));
    const r = checker.check(job.text);
    this.large.set(job.doc, { checker, configKey: job.configKey, version: job.version });
    return result(analysisOf(r.findings, r.errors, checker.document!), job.maxProblems, true, true, t0, 'fresh incremental check');
  }

  /**
   * The partial result after the changes; else why not (then the main thread sends the text): the thread keeps no
   * checker at `fromVersion` with this configuration (it was restarted, a job failed), or — a bug — its text after
   * the changes is not the editor's.
   */
  edit(job: EditJob): CheckResult | 'no checker' | 'out of step' {
    const t0 = performance.now();
    const kept = this.large.get(job.doc);
    if (!kept || kept.version !== job.fromVersion || kept.configKey !== job.configKey) return 'no checker';
    const r = kept.checker.edit(job.changes);
    if (fingerprint(kept.checker.currentText) !== job.fingerprint) {
      this.large.delete(job.doc);
      return 'out of step';
    }
    kept.version = job.version;
    const errors = r.errors.map((e) => ({ rule: e.rule, message: e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error) }));
    return result({ findings: r.findings, errors, sections: [], meta: {} }, job.maxProblems, false, false, t0, `edit (${job.changes.length} changes)`);
  }

  /** The complete result of the document at `version`, or undefined when the thread holds another version. */
  complete(doc: string, version: number, maxProblems: number): CheckResult | undefined {
    const kept = this.large.get(doc);
    if (!kept || kept.version !== version) return undefined;
    const t0 = performance.now();
    const r = kept.checker.complete();
    const phases = Object.entries(r.timing ?? {})
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
    const whole = r.wholeText?.length ? `; on the whole text: ${r.wholeText.join(', ')}` : '';
    return result(analysisOf(r.findings, r.errors, kept.checker.document!), maxProblems, true, true, t0, `complete${r.fullLocal ? ' (local rules on the whole text)' : ''} [${phases}${whole}]`);
  }

  /** The kept findings made compact (IncrementalChecker.compactSteps), in steps: for when the thread is idle. */
  *compactSteps(): Generator<void> {
    for (const kept of [...this.large.values()]) yield* kept.checker.compactSteps();
  }

  forget(doc: string): void {
    this.large.delete(doc);
  }
}
