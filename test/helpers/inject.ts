// The recall probe: the clean Markdown county report (test/fixtures/clean-md/01-county-headings.md) with exactly
// one defect injected. Each rule declares its own case in its own test file (test/rules/<id>.test.ts):
//
//   injectionCase({ rule: 'typo', defect: '错别字“再接再励”', inject: (t) => replaceOnce(t, '确保', '再接再励，确保'), match: '再接再励' });
//
// which adds a test there: the injected text changes the report, and the rule reports a finding whose range covers
// exactly `match` (or, for a finding about a whole part, whose data.part is `part`). test/inject.test.ts checks that
// every registered rule has a case, and that the uninjected report is clean.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint, type Finding } from '../../server/src/index.js';

export const CLEAN_MD_DIR = fileURLToPath(new URL('../fixtures/clean-md/', import.meta.url));
/** The report every case injects its defect into. */
export const PROBE_FILE = '01-county-headings.md';
export const PROBE_TEXT = readFileSync(`${CLEAN_MD_DIR}${PROBE_FILE}`, 'utf8');

export interface InjectionCase {
  rule: string;
  /** What is injected, in a few Chinese words (the test's title). */
  defect: string;
  /** The report with the defect: replaceOnce / between keep the injection where the case means it. */
  inject: (text: string) => string;
  /** The text the finding's range must cover exactly; or, for a finding about a whole part, that part's id. */
  match?: string;
  part?: string;
  /** Another file of test/fixtures/clean-md/ to inject into (default: the county report). */
  file?: string;
}

/**
 * Cases declared so far in this process, by rule id (test/inject.test.ts checks that every rule has one). Kept on
 * globalThis: mocha may load a test file through require and another through import, each with its own copy of this module.
 */
const REGISTRY = Symbol.for('fazhi-lint.test.injection-cases');
export const INJECTION_CASES: Map<string, InjectionCase[]> = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= new Map()) as Map<string, InjectionCase[]>;

/** Replaces the single occurrence of `from` (the anchor must be unique, so the injection is where we think). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at !== -1, `anchor not in fixture: ${from}`);
  assert.equal(text.indexOf(from, at + 1), -1, `anchor not unique: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The text between two anchors, inclusive of the first and exclusive of the second. */
export function between(text: string, from: string, to: string): string {
  const s = text.indexOf(from);
  const e = text.indexOf(to, s);
  assert.ok(s !== -1 && e > s, `no section between ${from} and ${to}`);
  return text.slice(s, e);
}

const show = (text: string, f: Finding) => `${f.line}:${f.column} ${f.rule} [${text.slice(f.start, f.end)}] ${f.message}`;

/** The probe of one case: throws (with every finding listed) unless the rule finds the injected defect exactly. */
export function probe(c: InjectionCase): void {
  assert.ok((c.match === undefined) !== (c.part === undefined), `${c.rule}: give either match or part`);
  const original = c.file ? readFileSync(`${CLEAN_MD_DIR}${c.file}`, 'utf8') : PROBE_TEXT;
  const text = c.inject(original);
  assert.notEqual(text, original, 'the injection changed the text');
  const findings = lint(text).findings;
  const own = findings.filter((f) => f.rule === c.rule);
  const all = findings.map((f) => show(text, f)).join('\n');
  if (c.part !== undefined) assert.ok(own.some((f) => f.data.part === c.part), `no ${c.rule} finding for part ${c.part}; got:\n${all}`);
  else assert.ok(own.some((f) => text.slice(f.start, f.end) === c.match), `no ${c.rule} finding covering exactly "${c.match}"; got:\n${all}`);
}

/** Declares a rule's recall case (call it at the top level of the rule's test file) and adds its test there. */
export function injectionCase(c: InjectionCase): void {
  INJECTION_CASES.set(c.rule, [...(INJECTION_CASES.get(c.rule) ?? []), c]);
  describe(`recall probe: one defect injected into a clean report (test/helpers/inject.ts)`, () => {
    it(`${c.rule}: ${c.defect}${c.file ? ` (${c.file})` : ''}`, () => probe(c));
  });
}
