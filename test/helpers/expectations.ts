// The real report set (test/fixtures/real): its index, its hand annotations and
// how the engine's findings are scored against them. Matching a finding to an
// annotated defect is the corpus contract's, reused from ./corpus.ts (satisfies).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Finding } from '../../server/src/index.js';
import { satisfies, type Expectation } from './corpus.js';

export const REAL_DIR = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

export type Split = 'dev' | 'held';

export interface RealFile {
  file: string;
  url: string | null;
  title: string | null;
  level: 'town' | 'county' | 'city' | 'province' | 'department';
  year: number | null;
  truncated: boolean;
  asciiPunctuation: boolean;
  split: Split;
  note?: string;
  /** A held file seen during development (by mistake): scored apart, so that the held figures stay untuned. */
  seen?: string;
}

export interface RealIndex {
  description: string;
  splitRule: string;
  files: RealFile[];
}

export interface RealExpectation extends Expectation {
  note?: string;
}

/** The split rule written in index.json: every third file by collection number (NNN % 3 == 2) is held back. */
export function splitOf(file: string): Split {
  return Number(file.slice(0, 3)) % 3 === 2 ? 'held' : 'dev';
}

export function readIndex(): RealIndex {
  return JSON.parse(readFileSync(path.join(REAL_DIR, 'index.json'), 'utf8')) as RealIndex;
}

export function realTextFiles(): string[] {
  return readdirSync(REAL_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function readReal(file: string): string {
  return readFileSync(path.join(REAL_DIR, file), 'utf8');
}

export function readRealExpectations(): RealExpectation[] {
  return readFileSync(path.join(REAL_DIR, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RealExpectation);
}

/** A defect the reviewer marked (line and text), as opposed to an absence expectation. */
export function isDefect(e: Expectation): boolean {
  return !e.absent && (e.line !== undefined || e.part !== undefined);
}

const COUNTED: ReadonlySet<string> = new Set(['error', 'warning']);
/** Findings the cut of a truncated text causes on its last line. */
const CUT_RULES: ReadonlySet<string> = new Set(['unpaired-punctuation', 'end-punctuation']);

export interface FalseAlarm {
  file: string;
  finding: Finding;
}

export interface Miss {
  file: string;
  expectation: RealExpectation;
}

export interface RuleScore {
  annotated: number;
  found: number;
  /** error/warning findings touching no annotated line of their rule. */
  falseAlarms: number;
  /** info/hint findings touching no annotated line of their rule (reported, not counted as false alarms). */
  quiet: number;
}

export interface SplitScore {
  files: number;
  chars: number;
  rules: Record<string, RuleScore>;
  annotated: number;
  found: number;
  falseAlarms: number;
  quiet: number;
  /** required-section findings for a part the report has (expected.jsonl: absent). Must be 0. */
  missingPartErrors: number;
  /** Other absent expectations broken (e.g. a title finding where the title is there). */
  absentViolations: number;
  /** Findings left out of the false alarms because the text cannot decide them (see scoreFile). */
  ignored: { halfwidthOnAsciiFiles: number; partsAfterTheCut: number; openAtTheCut: number };
  /**
   * ASCII-converted files (their text really is half-width throughout, whatever the page had): how many there are,
   * how many got halfwidth-punctuation's one document-level finding, and how many per-mark warnings they still got.
   */
  halfwidthAscii: { files: number; documentFindings: number; warnings: number };
  misses: Miss[];
  alarms: FalseAlarm[];
  absentBroken: FalseAlarm[];
}

function emptySplit(): SplitScore {
  return {
    files: 0, chars: 0, rules: {}, annotated: 0, found: 0, falseAlarms: 0, quiet: 0,
    missingPartErrors: 0, absentViolations: 0,
    ignored: { halfwidthOnAsciiFiles: 0, partsAfterTheCut: 0, openAtTheCut: 0 },
    halfwidthAscii: { files: 0, documentFindings: 0, warnings: 0 },
    misses: [], alarms: [], absentBroken: [],
  };
}

function rule(s: SplitScore, id: string): RuleScore {
  return (s.rules[id] ??= { annotated: 0, found: 0, falseAlarms: 0, quiet: 0 });
}

/**
 * Scores one file's findings into its split's tally.
 * - A defect is found when a finding of its rule satisfies it (docs/rules.md matching).
 * - A finding is a false alarm when it touches no annotated line of its rule, except:
 *   halfwidth-punctuation on a file whose punctuation the store turned into ASCII; on a truncated
 *   text, required-section for a part not annotated (it may come after the cut) and a quote or
 *   bracket left open, or a paragraph left unfinished, on the last line (the cut closed it).
 *   A document-level finding (data.scope "document", or empty at offset 0) is explained when the
 *   file has a defect of its rule.
 * - required-section for an annotated-present part counts as a missing-part error instead.
 */
export function scoreFile(s: SplitScore, meta: RealFile, text: string, findings: readonly Finding[], exps: readonly RealExpectation[]): void {
  const lines = text.split('\n');
  let lastLine = lines.length;
  while (lastLine > 1 && !lines[lastLine - 1].trim()) lastLine--;
  s.files++;
  s.chars += text.length;
  const defects = exps.filter(isDefect);
  if (meta.asciiPunctuation) s.halfwidthAscii.files++;
  const absents = exps.filter((e) => e.absent);
  for (const e of defects) {
    const r = rule(s, e.rule);
    r.annotated++;
    s.annotated++;
    if (findings.some((f) => satisfies(f, e, text))) {
      r.found++;
      s.found++;
    } else {
      s.misses.push({ file: meta.file, expectation: e });
    }
  }
  for (const f of findings) {
    const brokenAbsent = absents.some((e) => e.rule === f.rule && (e.part === undefined || f.data.part === e.part));
    if (f.rule === 'required-section' && brokenAbsent) {
      s.missingPartErrors++;
      s.absentBroken.push({ file: meta.file, finding: f });
      continue;
    }
    if (brokenAbsent) {
      s.absentViolations++;
      s.absentBroken.push({ file: meta.file, finding: f });
    }
    if (f.rule === 'halfwidth-punctuation' && meta.asciiPunctuation) {
      s.ignored.halfwidthOnAsciiFiles++;
      if (f.data.scope === 'document') s.halfwidthAscii.documentFindings++;
      else if (COUNTED.has(f.severity)) s.halfwidthAscii.warnings++;
      continue;
    }
    if (f.rule === 'required-section' && meta.truncated && !defects.some((e) => e.rule === f.rule && e.part === f.data.part)) {
      s.ignored.partsAfterTheCut++;
      continue;
    }
    if (meta.truncated && CUT_RULES.has(f.rule) && f.line === lastLine) {
      s.ignored.openAtTheCut++;
      continue;
    }
    const documentLevel = f.data.scope === 'document' || (f.start === 0 && f.end === 0);
    const explained = defects.some((e) =>
      e.rule === f.rule &&
      (documentLevel || (e.part !== undefined ? f.data.part === e.part : f.line <= e.line! && f.endLine >= e.line!)),
    );
    if (explained) continue;
    const r = rule(s, f.rule);
    if (COUNTED.has(f.severity)) {
      r.falseAlarms++;
      s.falseAlarms++;
      s.alarms.push({ file: meta.file, finding: f });
    } else {
      r.quiet++;
      s.quiet++;
    }
  }
}

export interface RealScore {
  dev: SplitScore;
  held: SplitScore;
  /** Held files marked `seen` in the index: neither dev (the split rule stays) nor counted in held. */
  heldSeen: SplitScore;
}

/** Runs `check` over every indexed file and scores both halves. */
export function scoreRealSet(check: (text: string) => readonly Finding[]): RealScore {
  const index = readIndex();
  const exps = readRealExpectations();
  const score: RealScore = { dev: emptySplit(), held: emptySplit(), heldSeen: emptySplit() };
  for (const meta of [...index.files].sort((a, b) => a.file.localeCompare(b.file))) {
    const text = readReal(meta.file);
    const into = meta.split === 'held' && meta.seen ? score.heldSeen : score[meta.split];
    scoreFile(into, meta, text, check(text), exps.filter((e) => e.file === meta.file));
  }
  return score;
}
