// Loads the seed reports and their expected findings (test/fixtures/corpus,
// copied verbatim from shared/corpus) and implements the matching contract
// of docs/rules.md ("The expected findings of the corpus").
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Finding } from '../../server/src/index.js';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

export interface Expectation {
  file: string;
  rule: string;
  line?: number;
  match?: string;
  part?: string;
  absent?: boolean;
}

export function seedFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function readSeed(file: string): string {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8');
}

export function expectations(): Expectation[] {
  return readFileSync(path.join(CORPUS_DIR, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Expectation);
}

/** Source offsets [start, end) of the first occurrence of `match` on 1-based `line`, or undefined. */
export function locate(text: string, line: number, match: string): { start: number; end: number } | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + (text.slice(offset + lines[i].length).match(/^(\r\n|\r|\n)/)?.[0].length ?? 0);
  const at = lines[line - 1]?.indexOf(match) ?? -1;
  return at < 0 ? undefined : { start: offset + at, end: offset + at + match.length };
}

/** Does a finding satisfy a positive expectation? (covers the line and touches or overlaps the match.) */
export function satisfies(finding: Finding, exp: Expectation, text: string): boolean {
  if (finding.rule !== exp.rule) return false;
  if (exp.part !== undefined) return finding.data.part === exp.part;
  if (exp.line === undefined || exp.match === undefined) return true;
  if (finding.line > exp.line || finding.endLine < exp.line) return false;
  const m = locate(text, exp.line, exp.match);
  if (!m) throw new Error(`"${exp.match}" is not on line ${exp.line} of ${exp.file}`);
  return finding.start <= m.end && finding.end >= m.start;
}

export function describeExpectation(e: Expectation): string {
  if (e.absent) return `${e.file} has no ${e.rule}${e.part ? ` for ${e.part}` : ''}`;
  if (e.part) return `${e.file} ${e.rule} for ${e.part}`;
  return `${e.file} ${e.rule} at line ${e.line} "${e.match}"`;
}
