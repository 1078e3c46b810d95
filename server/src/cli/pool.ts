// Both cores for a folder (node/worker-pool.ts): worker threads check the last inputs while run.ts's loop checks
// from the first, and the loop takes each result in input order, so the output is byte for byte that of one
// thread. A worker's result is used only when the text and config the loop has are the ones the worker got
// (else the file changed meanwhile, and the loop checks it itself), and only for a plain check: --fix, stdin,
// Word documents and custom rule sets stay in the main thread.
import { statSync } from 'node:fs';
import path from 'node:path';
import { buildDocument } from '../engine/document.js';
import { readInputFile } from '../node/read-input.js';
import { ConfigResolver } from '../node/config-resolver.js';
import { WorkerPool } from '../node/worker-pool.js';
import type { LintResult, RuleError } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { Finding } from '../engine/types.js';

/** A worker's job: the text to check (with the job's config); its reply: what lint() found. */
export type LintJob = string;
export interface LintReply {
  findings: Finding[];
  errors: RuleError[];
}

export interface LintPool {
  /**
   * The result for input `index`, checked by a worker if it was handed one with this very text and config,
   * else by `local` (in this thread); `fromWorker` sees a worker's result (the loop records rule crashes as
   * `local` does). Call with increasing indexes, once each.
   */
  lint(index: number, text: string, config: ResolvedConfig, local: () => LintResult, fromWorker: (r: LintResult) => void): Promise<LintResult>;
  close(): void;
}

const keys = new WeakMap<ResolvedConfig, string>();
/** Two resolved configs with the same key check a text alike (the cache holds only what is derived from them). */
function configKey(c: ResolvedConfig): string {
  let key = keys.get(c);
  if (key === undefined) keys.set(c, (key = JSON.stringify([c.settings, [...c.rules], [...c.explicitSeverity], c.raw])));
  return key;
}

/**
 * The pool for the checking loop of run.ts over `inputs`, or undefined when one thread is better. It prepares
 * an input as the loop does (config by the same rules, from its own resolver so that the loop's notices keep
 * their order; file read and decoded by the same function), skipping what the loop skips or checks specially.
 */
export function startLintPool(
  inputs: readonly { file?: string; configAnchor: string; explicit: boolean }[],
  resolverOptions: ConstructorParameters<typeof ConfigResolver>[0],
  env: Record<string, string | undefined> = process.env,
): LintPool | undefined {
  const plain = (file: string | undefined): file is string => !!file && path.extname(file).toLowerCase() !== '.docx';
  let bytes = 0;
  for (const input of inputs) {
    if (!plain(input.file)) continue;
    try {
      bytes += statSync(input.file).size;
    } catch {
      // unreadable: the loop reports it
    }
  }
  const configs = new ConfigResolver(resolverOptions);
  const pool = WorkerPool.start<LintJob, LintReply>({
    // dist/lint-worker.cjs: the engine and the rules only.
    script: { here: import.meta.url, bundle: './lint-worker.cjs', source: './pool-worker.ts' },
    count: inputs.length,
    bytes,
    env,
    prepare(index) {
      const input = inputs[index];
      if (!plain(input.file)) return undefined;
      try {
        const applied = configs.forFile(input.configAnchor);
        if (!input.explicit && applied.ignores(input.file)) return undefined;
        const read = readInputFile(input.file);
        return read.ok ? { config: applied.resolved, payload: read.text } : undefined;
      } catch {
        return undefined; // a bad config: the loop reports it
      }
    },
  });
  if (!pool) return undefined;
  return {
    async lint(index, text, config, local, fromWorker) {
      const done = await pool.claim(index);
      if (!done || done.job.payload !== text || configKey(done.job.config) !== configKey(config)) return local();
      let document: LintResult['document'] | undefined;
      const outcome: LintResult = {
        findings: done.reply.findings,
        errors: done.reply.errors,
        // Built only if a caller asks (the worker's document stays there).
        get document() {
          return (document ??= buildDocument(text, config.settings));
        },
      };
      fromWorker(outcome);
      return outcome;
    },
    close: () => pool.close(),
  };
}
