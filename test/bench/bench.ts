// npm run bench: how fast the checker is, next to remark-parse alone.
//  1. A corpus of ≥ 5 MB built from the fixtures (seed and clean reports,
//     repeated), checked report by report: time per report, MB/s, and
//     remark-parse's own time on the same text (the floor for any
//     Markdown-based checker), so the engine's overhead is visible.
//  2. Linearity: one document of ~100 KB vs ~1 MB (reports concatenated);
//     the 1 MB one must take ≤ 11× as long (time per document over the same
//     amount of work: ten 100 KB checks in a row against one 1 MB check).
//  3. Each rule alone (all others off), minus the document model, so slow
//     rules stand out.
//  4. The engine's own per-finding work (positioning findings and fix edits,
//     suppression checks, sorting), measured by replaying recorded reports.
//  5. Cases that were once slow (./once-slow.ts), with the bounds the unit
//     tests used to assert.
// Times are CPU time of this process (other processes' load does not count)
// and the best of several passes or runs, so that disturbances count as little
// as possible. (Forcing a garbage collection before each run was tried and
// dropped: its background sweeping is charged to the next run, and the shrunken
// heap penalises small documents.)
// Prints tables; writes nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint, resolve, RULES } from '../../server/src/index.js';
import { lint as lintWith } from '../../server/src/engine/check.js';
import { resolveConfig, type ConfigObject } from '../../server/src/engine/config.js';
import type { Report, Rule } from '../../server/src/engine/types.js';
import { onceSlow } from './once-slow.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const MB = 1024 * 1024;
const CORPUS_BYTES = 5 * MB;

const reports: { name: string; text: string }[] = [];
for (const sub of ['corpus', 'clean']) {
  const dir = path.join(FIXTURES, sub);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) reports.push({ name: `${sub}/${f.slice(0, 3)}`, text: readFileSync(path.join(dir, f), 'utf8') });
}
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const parser = unified().use(remarkParse);
const parse = (text: string) => parser.parse(text);
// CPU time of this process (ms), not wall time: the machine may be shared, and
// other processes' load must not count against the checker.
const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, d = 1) => n.toFixed(d);

function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const r of cells.slice(1)) console.log(line(r));
  console.log();
}

const defaults = resolve();
const allOff: ConfigObject = { rules: Object.fromEntries(RULES.map((r) => [r.id, 'off'])) };
const modelOnly = resolve(allOff);

// Warm up the JIT and the lazily built dictionaries (opencc, word lists).
for (const r of reports) {
  lint(r.text, defaults);
  parse(r.text);
}

// 1. The corpus, report by report.
const corpus: typeof reports = [];
let corpusBytes = 0;
while (corpusBytes < CORPUS_BYTES) {
  for (const r of reports) {
    corpus.push(r);
    corpusBytes += bytes(r.text);
  }
}
const perReport = new Map<string, { check: number[]; parse: number[]; model: number[]; bytes: number; findings: number }>();
// The corpus is checked in several passes; each total is the best pass (least disturbed by other load).
const PASSES = 3;
const passTotals: { check: number; parse: number; model: number }[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  const totals = { check: 0, parse: 0, model: 0 };
  for (const r of corpus) {
    let t = now();
    const result = lint(r.text, defaults);
    const checkMs = now() - t;
    t = now();
    parse(r.text);
    const parseMs = now() - t;
    t = now();
    lint(r.text, modelOnly);
    const modelMs = now() - t;
    totals.check += checkMs;
    totals.parse += parseMs;
    totals.model += modelMs;
    const entry = perReport.get(r.name) ?? { check: [], parse: [], model: [], bytes: bytes(r.text), findings: result.findings.length };
    entry.check.push(checkMs);
    entry.parse.push(parseMs);
    entry.model.push(modelMs);
    perReport.set(r.name, entry);
  }
  passTotals.push(totals);
}
const checkTotal = best(passTotals.map((p) => p.check));
const parseTotal = best(passTotals.map((p) => p.parse));
const modelTotal = best(passTotals.map((p) => p.model));
const corpusMB = corpusBytes / MB;
console.log(`\n## fazhi-lint bench — ${corpus.length} reports, ${fmt(corpusMB, 2)} MB (${reports.length} fixtures repeated), Node ${process.version}, CPU time, best of ${PASSES} passes\n`);
table(
  ['report', 'KB', 'findings', 'check ms (median)', 'remark-parse ms', 'check / parse', 'rules / parse'],
  [...perReport].map(([name, e]) => [
    name,
    fmt(e.bytes / 1024),
    e.findings,
    fmt(median(e.check), 2),
    fmt(median(e.parse), 2),
    fmt(median(e.check) / median(e.parse), 1) + '×',
    fmt((median(e.check) - median(e.model)) / median(e.parse), 2) + '×',
  ]),
);
const rulesMs = checkTotal - modelTotal;
table(
  ['corpus total', 'ms', 'MB/s'],
  [
    ['check (all rules)', fmt(checkTotal, 0), fmt(corpusMB / (checkTotal / 1000), 2)],
    ['remark-parse alone', fmt(parseTotal, 0), fmt(corpusMB / (parseTotal / 1000), 2)],
    ['document model (rules off)', fmt(modelTotal, 0), fmt(corpusMB / (modelTotal / 1000), 2)],
    ['rules (check − model)', fmt(rulesMs, 0), '—'],
  ],
);
console.log(`rules vs parse: the rules cost ${fmt(rulesMs / parseTotal, 2)}× remark-parse's time ` + (rulesMs < parseTotal ? '(target < 1×: met)' : '(target < 1×: NOT met)'));
console.log(`model overhead beyond parsing: ${fmt((modelTotal - parseTotal) / parseTotal, 2)}× parse; whole check: ${fmt(checkTotal / parseTotal, 2)}× parse\n`);

// 2. Linearity: one growing document.
/**
 * Reports joined by a blank line (so that one report's last Markdown paragraph does not run
 * on into the next report's first) and cut at the last line break before `size` bytes.
 */
function documentOf(size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const t = reports[i % reports.length].text.trimEnd();
    parts.push(t);
    n += bytes(t) + 2;
  }
  const buf = Buffer.from(parts.join('\n\n')).subarray(0, size);
  return buf.subarray(0, buf.lastIndexOf(10) + 1).toString('utf8');
}

/**
 * Time per document of `batch` checks (and parses) in a row, best of `runs` batches. The 100 KB document is
 * timed in batches of 10, so that both sizes are measured over the same amount of work: the best of single
 * 100 KB runs would pick runs that happened to fit between two garbage collections, which a 1 MB run never
 * does, and overstate the growth.
 */
function timeDoc(text: string, runs: number, batch: number): { check: number; parse: number } {
  const c: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = now();
    for (let j = 0; j < batch; j++) lint(text, defaults);
    c.push((now() - t) / batch);
    t = now();
    for (let j = 0; j < batch; j++) parse(text);
    p.push((now() - t) / batch);
  }
  return { check: best(c), parse: best(p) };
}
const small = documentOf(100 * 1024);
const large = documentOf(1000 * 1024);
// Warm up at the large size first, so that growing the heap once is not charged to either
// measurement; then alternate small and large runs and keep the best of each.
timeDoc(large, 1, 1);
const smallRuns: { check: number; parse: number }[] = [];
const largeRuns: { check: number; parse: number }[] = [];
for (let i = 0; i < 7; i++) {
  smallRuns.push(timeDoc(small, 1, 10));
  largeRuns.push(timeDoc(large, 1, 1));
}
const ts = { check: best(smallRuns.map((r) => r.check)), parse: best(smallRuns.map((r) => r.parse)) };
const tl = { check: best(largeRuns.map((r) => r.check)), parse: best(largeRuns.map((r) => r.parse)) };
const ratio = tl.check / ts.check;
const sizeRatio = bytes(large) / bytes(small);
table(
  ['one document', 'KB', 'check ms', 'remark-parse ms', 'check − parse ms'],
  [
    ['100 KB', fmt(bytes(small) / 1024), fmt(ts.check, 0), fmt(ts.parse, 0), fmt(ts.check - ts.parse, 0)],
    ['1 MB', fmt(bytes(large) / 1024), fmt(tl.check, 0), fmt(tl.parse, 0), fmt(tl.check - tl.parse, 0)],
  ],
);
console.log(
  `linearity: 1 MB / 100 KB = ${fmt(ratio, 2)}× time for ${fmt(sizeRatio, 2)}× size (parse alone ${fmt(tl.parse / ts.parse, 2)}×, ` +
    `check − parse ${fmt((tl.check - tl.parse) / (ts.check - ts.parse), 2)}×) — ` + (ratio <= 11 ? 'OK (≤ 11×)' : 'FAIL (> 11×)') + '\n',
);

// 3. Each rule alone, over a 0.5 MB slice of the corpus (report by report), minus the document model.
const slice: string[] = [];
for (let n = 0, i = 0; n < MB / 2; i++) {
  slice.push(corpus[i % corpus.length].text);
  n += bytes(corpus[i % corpus.length].text);
}
const sliceMB = slice.reduce((n, t) => n + bytes(t), 0) / MB;
const timeConfig = (config: ReturnType<typeof resolve>) => {
  const t = now();
  for (const text of slice) lint(text, config);
  return now() - t;
};
// Rule and model-only runs alternate, best of three each, so drifting load on the machine cancels out.
let base = Infinity;
const rows = RULES.map((rule) => {
  const only = resolve({ rules: { ...allOff.rules, [rule.id]: rule.severity } });
  timeConfig(only); // builds the rule's memoised data
  const withRule: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 3; i++) {
    without.push(timeConfig(modelOnly));
    withRule.push(timeConfig(only));
  }
  base = Math.min(base, best(without));
  return { id: rule.id, ms: Math.max(0, best(withRule) - best(without)) };
}).sort((a, b) => b.ms - a.ms);
const rulesAloneMs = rows.reduce((n, r) => n + r.ms, 0);
table(
  [`rule alone (${fmt(sliceMB, 2)} MB, model ${fmt(base, 0)} ms subtracted)`, 'ms', 'ms per MB', '% of parse'],
  [
    ...rows.map((r) => [r.id, fmt(r.ms, 0), fmt(r.ms / sliceMB, 0), fmt((r.ms / (parseTotal * (sliceMB / corpusMB))) * 100, 0) + '%']),
    ['(sum of the rules alone)', fmt(rulesAloneMs, 0), fmt(rulesAloneMs / sliceMB, 0), fmt((rulesAloneMs / (parseTotal * (sliceMB / corpusMB))) * 100, 0) + '%'],
  ],
);

// 4. The engine's per-finding work: each rule's reports are recorded once (the rules run with a report() that
// only stores), then replayed through lint() by rules that do nothing but report them. Replay − model = the cost
// of turning reports into findings: positions of findings and fix edits, suppression checks, sorting.
function recordReports(text: string): Rule[] {
  const recorded = new Map<string, Report[]>();
  const recorders = RULES.map((rule): Rule => ({
    ...rule,
    check: (context) => {
      const reports: Report[] = [];
      recorded.set(rule.id, reports);
      rule.check({ ...context, report: (r) => void reports.push(r) });
    },
  }));
  lintWith(text, recorders, resolveConfig(undefined, recorders));
  return RULES.map((rule): Rule => ({ ...rule, check: (context) => { for (const r of recorded.get(rule.id) ?? []) context.report(r); } }));
}
const engineRows: (string | number)[][] = [];
let engineTotal = 0;
let engineFindings = 0;
for (const r of reports) {
  const replay = recordReports(r.text);
  const replayConfig = resolveConfig(undefined, replay);
  const n = lint(r.text, defaults).findings.length;
  const reps = 20;
  const timeReps = (f: () => void) => {
    const xs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = now();
      for (let i = 0; i < reps; i++) f();
      xs.push((now() - t) / reps);
    }
    return best(xs);
  };
  const replayMs = timeReps(() => lintWith(r.text, replay, replayConfig));
  const modelMs = timeReps(() => lint(r.text, modelOnly));
  const engineMs = Math.max(0, replayMs - modelMs);
  engineTotal += engineMs;
  engineFindings += n;
  engineRows.push([r.name, n, fmt(engineMs, 3), n ? fmt((engineMs * 1000) / n, 2) : '—']);
}
engineRows.push(['all fixtures', engineFindings, fmt(engineTotal, 3), engineFindings ? fmt((engineTotal * 1000) / engineFindings, 2) : '—']);
table(['engine per-finding work (replayed reports)', 'findings', 'ms per check', 'µs per finding'], engineRows);

// 5. Cases that were once slow (timed here, not in the unit tests).
const slow = onceSlow();
table(['once slow (CPU ms, median of 3)', 'ms', 'bound', ''], slow.map((r) => [r.name, r.ms, r.bound, r.met ? 'met' : 'NOT met']));

console.log(`RESULT: rules ${fmt(rulesMs / parseTotal, 2)}× remark-parse (target < 1×: ${rulesMs < parseTotal ? 'met' : 'NOT met'}); ` +
  `linearity ${fmt(ratio, 2)}× for ${fmt(sizeRatio, 2)}× size (target ≤ 11×: ${ratio <= 11 ? 'met' : 'NOT met'}); ` +
  `check ${fmt(corpusMB / (checkTotal / 1000), 2)} MB/s vs remark-parse ${fmt(corpusMB / (parseTotal / 1000), 2)} MB/s`);
if (ratio > 11 || slow.some((r) => !r.met)) process.exitCode = 1;
