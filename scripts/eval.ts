// npm run eval [-- --json] [-- --verbose [--split dev|held|all]]
// Runs the engine in-process on every real report text (test/fixtures/real) and
// prints, per half and per rule, annotated defects, found, recall and false alarms.
// --verbose lists each miss and false alarm of the dev half (the held-back half
// stays untuned: its details only with an explicit --split held|all).
import { lint } from '../server/src/index.js';
import { readReal, scoreRealSet, type RealScore, type SplitScore } from '../test/helpers/expectations.js';

const args = process.argv.slice(2);
const wantJson = args.includes('--json');
const verbose = args.includes('--verbose');
const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
if (!['dev', 'held', 'all'].includes(splitArg)) {
  process.stderr.write(`--split 应为 dev、held 或 all，而不是“${splitArg}”\n`);
  process.exit(2);
}

const score = scoreRealSet((text) => lint(text).findings);

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
const per10k = (s: SplitScore): number => Math.round((s.falseAlarms / s.chars) * 10000 * 100) / 100;

function summary(s: SplitScore) {
  const rules = Object.fromEntries(
    Object.keys(s.rules).sort().map((id) => {
      const r = s.rules[id];
      return [id, { annotated: r.annotated, found: r.found, recall: ratio(r.found, r.annotated), falseAlarms: r.falseAlarms, infoHintUnannotated: r.quiet }];
    }),
  );
  return {
    files: s.files,
    chars: s.chars,
    annotated: s.annotated,
    found: s.found,
    recall: ratio(s.found, s.annotated),
    falseAlarms: s.falseAlarms,
    falseAlarmsPer10k: per10k(s),
    infoHintUnannotated: s.quiet,
    missingPartErrors: s.missingPartErrors,
    absentViolations: s.absentViolations,
    ignored: s.ignored,
    halfwidthAscii: s.halfwidthAscii,
    rules,
  };
}

function lineText(file: string, line: number): string {
  const t = readReal(file).split('\n')[line - 1] ?? '';
  return t.length > 70 ? `${t.slice(0, 70)}…` : t;
}

function details(s: SplitScore) {
  return {
    misses: s.misses.map((m) => ({
      file: m.file, line: m.expectation.line, rule: m.expectation.rule, match: m.expectation.match, part: m.expectation.part, note: m.expectation.note,
    })),
    falseAlarms: s.alarms.map((a) => ({
      file: a.file, line: a.finding.line, column: a.finding.column, rule: a.finding.rule, severity: a.finding.severity,
      text: readReal(a.file).slice(a.finding.start, Math.min(a.finding.end, a.finding.start + 40)), message: a.finding.message,
    })),
    absentBroken: s.absentBroken.map((a) => ({
      file: a.file, line: a.finding.line, rule: a.finding.rule, part: a.finding.data.part, message: a.finding.message,
    })),
  };
}

function pad(s: string | number, n: number, right = false): string {
  const str = String(s);
  const w = [...str].reduce((acc, ch) => acc + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  return right ? ' '.repeat(Math.max(0, n - w)) + str : str + ' '.repeat(Math.max(0, n - w));
}

function table(name: string, s: SplitScore): string {
  const sum = summary(s);
  const out: string[] = [];
  out.push(`== ${name}: ${sum.files} files, ${sum.chars} chars`);
  out.push(`${pad('rule', 24)}${pad('annotated', 10, true)}${pad('found', 7, true)}${pad('recall', 8, true)}${pad('false', 7, true)}${pad('info/hint', 10, true)}`);
  for (const [id, r] of Object.entries(sum.rules)) {
    out.push(`${pad(id, 24)}${pad(r.annotated, 10, true)}${pad(r.found, 7, true)}${pad(r.recall === null ? '-' : r.recall.toFixed(2), 8, true)}${pad(r.falseAlarms, 7, true)}${pad(r.infoHintUnannotated, 10, true)}`);
  }
  out.push(`${pad('total', 24)}${pad(sum.annotated, 10, true)}${pad(sum.found, 7, true)}${pad(sum.recall === null ? '-' : sum.recall.toFixed(2), 8, true)}${pad(sum.falseAlarms, 7, true)}${pad(sum.infoHintUnannotated, 10, true)}`);
  out.push(`false alarms (error/warning) per 10,000 chars: ${sum.falseAlarmsPer10k.toFixed(2)}`);
  out.push(`required-section errors for parts the report has: ${sum.missingPartErrors}`);
  out.push(`other absent expectations broken (e.g. title reported missing although present): ${sum.absentViolations}`);
  out.push(`not counted: halfwidth-punctuation on ASCII-converted files ${sum.ignored.halfwidthOnAsciiFiles}; required-section for parts after the cut ${sum.ignored.partsAfterTheCut}; marks left open by the cut ${sum.ignored.openAtTheCut}`);
  const hw = sum.halfwidthAscii;
  out.push(`halfwidth-punctuation on the ${hw.files} ASCII-converted files: ${hw.documentFindings} reported once for the document, ${hw.warnings} per-mark warnings`);
  return out.join('\n');
}

function listing(name: string, s: SplitScore): string {
  const d = details(s);
  const out: string[] = [`-- ${name}: misses (${d.misses.length})`];
  for (const m of d.misses) {
    const where = m.line !== undefined ? `${m.file}:${m.line}` : m.file;
    out.push(`MISS ${where} ${m.rule} ${m.match !== undefined ? `“${m.match}”` : `part=${m.part}`}${m.note ? ` (${m.note})` : ''}`);
    if (m.line !== undefined) out.push(`     | ${lineText(m.file, m.line)}`);
  }
  out.push(`-- ${name}: false alarms (${d.falseAlarms.length})`);
  for (const a of d.falseAlarms) out.push(`FALSE ${a.file}:${a.line}:${a.column} ${a.rule} ${a.severity} “${a.text.replace(/\n/g, '⏎')}” ${a.message}`);
  out.push(`-- ${name}: absent expectations broken (${d.absentBroken.length})`);
  for (const a of d.absentBroken) out.push(`ABSENT ${a.file}:${a.line} ${a.rule}${a.part ? ` part=${String(a.part)}` : ''} ${a.message}`);
  return out.join('\n');
}

function run(sc: RealScore): void {
  const splits: ('dev' | 'held')[] = splitArg === 'all' ? ['dev', 'held'] : [splitArg as 'dev' | 'held'];
  if (wantJson) {
    const json: Record<string, unknown> = { dev: summary(sc.dev), held: summary(sc.held), heldSeen: summary(sc.heldSeen) };
    if (verbose) json.details = Object.fromEntries(splits.map((k) => [k, details(sc[k])]));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${table('dev', sc.dev)}\n\n${table('held', sc.held)}\n`);
  const seen = sc.heldSeen;
  // Totals only: these held files were seen during development (index.json `seen`), so they count in neither half.
  if (seen.files) process.stdout.write(`\nheld files seen during development, not counted above: ${seen.files} (${seen.found}/${seen.annotated} found, ${seen.falseAlarms} false alarms)\n`);
  if (verbose) for (const k of splits) process.stdout.write(`\n${listing(k, sc[k])}\n`);
}

run(score);
