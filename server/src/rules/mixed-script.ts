// Characters of the other script than the configured one (traditional in a
// simplified report, or the reverse). Works on doc.prose (pinyin removed, so
// 設(shè)置 reads 設置) and converts each line once with opencc-js: a character
// is of the other script where the phrase-level conversion changes it
// (干部 → 幹部 but 干涉 stays). A report mostly of the other script gets one
// document-level error plus one hint per line, not one error per character or per line.
import type { Fix, OffsetEdit, Rule, RuleContext } from '../engine/types.js';
import { keepCommonTraditional, SCRIPT_NAMES, toScript } from '../engine/script.js';
import { sourcePieces } from '../engine/pinyin.js';
import type { Script } from '../engine/document.js';
import data from '../../../rules/mixed-script.json';
import { stringList } from '../engine/config-schema.js';
import { cite } from './shared/citations.js';

/** A run of other-script text in the view: [start, end) and its conversion. */
interface Run {
  start: number;
  end: number;
  text: string;
  converted: string;
}

interface ScriptData {
  documentRatio: number;
  documentMinimum: number;
  maxGap: number;
  allow: string[];
}
const DATA = data as unknown as ScriptData;
/** Share of changed Han characters from which the document counts as written in the other script (wholly traditional: about 0.3). */
const DOCUMENT_RATIO = DATA.documentRatio;
const DOCUMENT_MIN = DATA.documentMinimum;
/** Runs separated by at most this many Han characters common to both scripts form one span (正確領導 → 確領導). */
const MAX_GAP = DATA.maxGap;
const MAX_EXAMPLES = 3;

const isHan = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** Full-width punctuation no other rule edits: ，。、；：！？（）《》〈〉【】「」 and curly quotes. */
const JOINABLE_PUNCTUATION = new Set([...'，。、；：！？（）《》〈〉【】「」『』“”‘’'].map((c) => c.charCodeAt(0)));
const isJoinable = (c: number): boolean => isHan(c) || JOINABLE_PUNCTUATION.has(c);

/**
 * The prose view and its conversion walked line by line in step (opencc converts line by line, so line k of one is
 * line k of the other): `visit` gets both lines' bounds and returns false to stop.
 */
function inStep(view: string, convertedView: string, visit: (lineStart: number, lineEnd: number, convertedStart: number, convertedEnd: number) => boolean): void {
  let lineStart = 0;
  let convertedStart = 0;
  while (lineStart <= view.length) {
    let lineEnd = view.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = view.length;
    let convertedEnd = convertedView.indexOf('\n', convertedStart);
    if (convertedEnd < 0) convertedEnd = convertedView.length;
    if (!visit(lineStart, lineEnd, convertedStart, convertedEnd)) return;
    lineStart = lineEnd + 1;
    convertedStart = convertedEnd + 1;
  }
}

const rule: Rule = {
  id: 'mixed-script',
  severity: 'error',
  tags: ['script'],
  docs: {
    description: '报告中混用了与设定字形（默认规范简体字）不同的繁体字或简体字。',
    why: '国家机关公文和政务公开信息应使用规范汉字；网页“繁体版”转换或复制粘贴常使整篇或部分文字变成繁体，个别词（如“干部”）又未转换，形成繁简混杂。',
    ...cite(['language-law-9']),
    howToFix: '将标出的文字转换为设定字形（快速修复按词组转换：幹部→干部，干涉不变）；整篇为另一字形时可一次转换全文。',
  },
  extendSchema: stringList('追加到 allow 的词语（字面），如 "香港律師公會"。Words allowed in the other script.'),
  // Each run is reported where it is, unless the document is mostly in the other script: that decision is taken
  // on counts per line (characters of the other script, Han characters), so the rule is local given it.
  documentContext: {
    count(doc, start, end, add) {
      const target = doc.settings.script;
      const view = doc.prose.text;
      const convertedView = doc.proseIn(target);
      inStep(view, convertedView, (lineStart, lineEnd, convertedStart, convertedEnd) => {
        const at = doc.prose.toSource(lineStart);
        if (at >= end) return false;
        if (at >= start) {
          const other = scanLine(view, lineStart, lineEnd, convertedView, convertedStart, convertedEnd, target).other;
          add(at, { other, han: countHan(view, lineStart, lineEnd) });
        }
        return true;
      });
    },
    decide: ({ other = 0, han = 0 }) => decide(other, han),
  },
  check(context) {
    const { doc } = context;
    const target = doc.settings.script;
    const view = doc.prose.text;
    // The view converted once per document (shared with other rules); opencc converts line by line, so
    // the view and its conversion are walked line by line in step.
    const convertedView = doc.proseIn(target);
    const lines: LineScan[] = [];
    let other = 0;
    inStep(view, convertedView, (lineStart, lineEnd, convertedStart, convertedEnd) => {
      const result = scanLine(view, lineStart, lineEnd, convertedView, convertedStart, convertedEnd, target);
      other += result.other;
      if (result.runs.length) {
        result.runs = result.runs.filter((r) => !ignored(context, r));
        lines.push(result);
      }
      return true;
    });
    const allow = context.memo(`allow:${JSON.stringify(context.options.extend ?? null)}`, () => [
      ...DATA.allow,
      ...(Array.isArray(context.options.extend) ? context.options.extend.map(String) : []),
    ]);
    const surname = target === 'simplified' ? '於' : '于';
    const keep = (l: LineScan) => dropSurnames(view, allow.length ? dropAllowed(view, l, allow) : l, surname);
    let withRuns = lines.map(keep).filter((l) => l.runs.length > 0);
    if (withRuns.length === 0) return;
    const han = other >= DOCUMENT_MIN && context.decided === undefined ? countHan(view) : 0;
    // On a piece of a document (the incremental re-check), the whole document's decision is given.
    const mostlyOther = context.decided === undefined ? decide(other, han) === undefined : false;
    if (mostlyOther) {
      reportDocument(context, withRuns, other, han);
      return;
    }
    if (target === 'traditional') {
      // Single characters in a traditional text: report only what every traditional standard changes.
      // (refining regroups the line's runs, so the allowed words and surnames are dropped again)
      withRuns = withRuns.map((l) => keep(refineTraditional(context, l))).filter((l) => l.runs.length > 0);
    }
    for (const l of withRuns) for (const run of l.runs) reportRun(context, run);
  },
};

interface LineScan {
  runs: Run[];
  other: number;
  /** View offset of the line and its conversion (undefined when the conversion changed the length). */
  start: number;
  converted?: string;
}

/**
 * Groups the characters of one line of the view that its conversion (convertedView[cStart, cEnd), the same
 * line of doc.proseIn(target)) changes into runs.
 */
function scanLine(view: string, start: number, end: number, convertedView: string, cStart: number, cEnd: number, target: Script): LineScan {
  const runs: Run[] = [];
  const line = view.slice(start, end);
  // What convertForComparison(target, line) returns: the line's conversion where it keeps the length.
  let converted = cEnd - cStart === end - start ? convertedView.slice(cStart, cEnd) : undefined;
  // Most lines are already in the target script: nothing to group (their Han characters are counted only if
  // the document turns out to have many of the other script).
  if (converted === line) return { runs, other: 0, start };
  if (target === 'traditional') {
    // Simplified → traditional conversion is phrase-based, and a phrase already half traditional is not in its
    // dictionary: 干預 (correct traditional) would become 幹預, 鄰里界址 鄰裏界址. The line converted to simplified
    // first gives every phrase its whole context; only what that round trip changes is of the other script.
    const round = toScript('traditional', toScript('simplified', line));
    if (round.length === line.length) {
      if (round === line) return { runs, other: 0, start };
      converted = round;
    }
  }
  let other = 0;
  if (converted === undefined) {
    // Length-changing conversion (rare): compare clause by clause, a changed clause is one run.
    let from = 0;
    for (const clause of line.split(/(?<=[，。；：！？、,.;:!?\s])/)) {
      const c = toScript(target, clause);
      if (c !== clause) {
        runs.push({ start: start + from, end: start + from + clause.length, text: clause, converted: c });
        other += clause.length;
      }
      from += clause.length;
    }
    return { runs, other, start };
  }
  const grouped = groupRuns(line, converted, start);
  return { runs: grouped.runs, other: grouped.other, start, converted };
}

function countHan(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isHan(text.charCodeAt(i))) n++;
  return n;
}

/** 'runs' (each run reported where it is), or undefined for a document mostly in the other script (one document-level finding). */
function decide(other: number, han: number): string | undefined {
  return other >= DOCUMENT_MIN && other / Math.max(1, han) >= DOCUMENT_RATIO ? undefined : 'runs';
}

/** Groups the characters that differ between a line and its conversion into runs (view offsets from `start`). */
function groupRuns(line: string, converted: string, start: number): { runs: Run[]; other: number } {
  const runs: Run[] = [];
  let other = 0;
  let runStart = -1;
  let lastChanged = -1;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (converted.charCodeAt(i) !== code) {
      other++;
      if (runStart < 0) runStart = i;
      lastChanged = i;
    } else if (runStart >= 0 && (!isHan(code) || i - lastChanged > MAX_GAP)) {
      runs.push(makeRun(line, converted, start, runStart, lastChanged + 1));
      runStart = -1;
    }
  }
  if (runStart >= 0) runs.push(makeRun(line, converted, start, runStart, lastChanged + 1));
  return { runs, other };
}

function makeRun(line: string, converted: string, start: number, from: number, to: number): Run {
  return { start: start + from, end: start + to, text: line.slice(from, to), converted: converted.slice(from, to) };
}

function refineTraditional(context: RuleContext, line: LineScan): LineScan {
  if (line.converted === undefined) return line;
  const view = context.doc.prose.text;
  const text = view.slice(line.start, line.start + line.converted.length);
  const refined = keepCommonTraditional(text, line.converted);
  const runs = groupRuns(text, refined, line.start).runs.filter((r) => !ignored(context, r));
  return { runs, other: line.other, start: line.start, converted: refined };
}

/** Drops runs inside an allowed word (a name or quotation written in the other script on purpose). */
function dropAllowed(view: string, line: LineScan, allow: string[]): LineScan {
  if (line.runs.length === 0) return line;
  // An allowed word may run past the last run (濛溪: the run is 濛), so look that far beyond it.
  const longest = allow.reduce((n, w) => Math.max(n, w.length), 0);
  const end = Math.min(view.length, line.runs[line.runs.length - 1].end + longest);
  const text = view.slice(line.start, end);
  const covered: { start: number; end: number }[] = [];
  for (const word of allow) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      covered.push({ start: line.start + at, end: line.start + at + word.length });
    }
  }
  if (covered.length === 0) return line;
  const runs = line.runs.filter((r) => !covered.some((c) => c.start <= r.start && r.end <= c.end));
  return { runs, other: line.other, start: line.start, converted: line.converted };
}

/**
 * 於 is a 规范汉字 as a surname (《通用规范汉字表》 keeps it for that use only), and 于 is a surname in
 * traditional text too: a lone 於 in a simplified report (于 in a traditional one) is not reported where the text
 * says it is a surname — 姓於, 於姓, 於氏, 於某(某), 於家村/庄/湾… (a place named after the family).
 * Elsewhere (关於, 由於, 於是) it is the other script's preposition. A name such as 於明华 cannot be told from
 * the preposition; the user allows it with extend.
 */
const SURNAME_AFTER = /^(?:[姓氏]|某(?![些种種个個一方类類项項年月日时時处處])|家[村庄湾寨屯沟岭坪坝桥营堡店岗莊灣溝嶺壩橋營崗])/;
function dropSurnames(view: string, line: LineScan, surname: string): LineScan {
  const runs = line.runs.filter(
    (r) => !(r.text === surname && (view[r.start - 1] === '姓' || SURNAME_AFTER.test(view.slice(r.end, r.end + 2)))),
  );
  return runs.length === line.runs.length ? line : { ...line, runs };
}

function ignored({ doc }: RuleContext, run: Run): boolean {
  const { start, end } = doc.prose.rangeToSource(run.start, run.end);
  return doc.isIgnored(start, end);
}

/** Edits converting a view run, split around pinyin annotations so they never overlap their deletion. */
function runEdits(context: RuleContext, run: Run): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  addRunEdits(context, run, edits);
  return edits;
}

function addRunEdits({ doc }: RuleContext, run: Run, edits: OffsetEdit[]): void {
  const prose = doc.prose;
  if (prose.removed.length === 0) {
    // No annotations: one piece, the run itself (what sourcePieces returns then).
    if (run.converted !== run.text) edits.push({ start: run.start, end: run.end, newText: run.converted });
    return;
  }
  for (const p of sourcePieces(prose.removed, (v) => prose.toSource(v), run.start, run.end)) {
    const from = p.viewStart - run.start;
    const original = run.text.slice(from, from + (p.end - p.start));
    const newText = run.converted.slice(from, from + (p.end - p.start));
    if (newText !== original) edits.push({ start: p.start, end: p.end, newText });
  }
}

function runSource({ doc }: RuleContext, run: Run): { start: number; end: number } {
  return doc.prose.rangeToSource(run.start, run.end);
}

function reportRun(context: RuleContext, run: Run): void {
  const target = context.doc.settings.script;
  const otherName = SCRIPT_NAMES[target === 'simplified' ? 'traditional' : 'simplified'];
  const { start, end } = runSource(context, run);
  const word = contextWord(context.doc.prose.text, run);
  const where = word !== run.text ? `（“${word}”）` : '';
  context.report({
    start,
    end,
    message: `${otherName}字“${run.text}”${where}应为${SCRIPT_NAMES[target]}“${run.converted}”。`,
    data: { text: run.text, converted: run.converted, script: target },
    fix: { title: `转换为${SCRIPT_NAMES[target]}“${run.converted}”`, edits: runEdits(context, run) },
  });
}

/** The run with the Han characters around it, for a message that shows the word (干 → 干部). */
function contextWord(view: string, run: Run): string {
  let s = run.start;
  let e = run.end;
  if (run.end - run.start < 2) {
    if (e < view.length && isHan(view.charCodeAt(e))) e++;
    else if (s > 0 && isHan(view.charCodeAt(s - 1))) s--;
  }
  return view.slice(s, e);
}

/**
 * Edits converting a line: runs joined across Han characters and full-width
 * punctuation (fewer edits on a 10 MB document) but never across ASCII, digits,
 * spaces or dashes, which other rules edit (date-format, halfwidth-punctuation,
 * cjk-spacing), nor across pinyin annotations.
 */
function lineEdits(context: RuleContext, line: LineScan): OffsetEdit[] {
  const { runs, converted } = line;
  if (converted === undefined) return runs.flatMap((r) => runEdits(context, r));
  const view = context.doc.prose.text;
  const edits: OffsetEdit[] = [];
  let start = runs[0].start;
  let end = runs[0].end;
  for (let i = 1; i < runs.length; i++) {
    let allHan = true;
    for (let j = end; j < runs[i].start && allHan; j++) allHan = isJoinable(view.charCodeAt(j));
    if (allHan) end = runs[i].end;
    else {
      addRunEdits(context, { start, end, text: view.slice(start, end), converted: converted.slice(start - line.start, end - line.start) }, edits);
      start = runs[i].start;
      end = runs[i].end;
    }
  }
  addRunEdits(context, { start, end, text: view.slice(start, end), converted: converted.slice(start - line.start, end - line.start) }, edits);
  return edits;
}

/**
 * One edit converting a line from its first to its last run, pinyin
 * annotations kept as they are (pinyin-residue deletes them). Used for the
 * per-line fix of a document in the other script: the document fix, with
 * fine-grained edits, is the one fix-all applies. Undefined where code or a
 * URL lies inside or the conversion changed the length.
 */
function singleLineEdit(context: RuleContext, line: LineScan): OffsetEdit[] | undefined {
  const { doc } = context;
  const { runs, converted } = line;
  if (converted === undefined) return undefined;
  const viewStart = runs[0].start;
  const viewEnd = runs[runs.length - 1].end;
  const { start, end } = doc.prose.rangeToSource(viewStart, viewEnd);
  if (doc.isIgnored(start, end)) return undefined;
  const parts: string[] = [];
  let cursor = start;
  for (const p of sourcePieces(doc.prose.removed, (v) => doc.prose.toSource(v), viewStart, viewEnd)) {
    parts.push(doc.text.slice(cursor, p.start)); // an annotation between two pieces, kept
    const from = p.viewStart - line.start;
    parts.push(converted.slice(from, from + (p.end - p.start)));
    cursor = p.end;
  }
  return [{ start, end, newText: parts.join('') }];
}

/**
 * What the counts say, truthfully: only about three in ten Han characters differ between the two scripts, so a
 * text wholly in the other script shows about 30% (“mainly” would misread 825 of 2531); from the document
 * threshold (15%) up to that, the text is a mix with many characters of the other script.
 */
const WHOLLY_OTHER_RATIO = 0.25;
function documentShare(other: number, han: number, otherName: string): string {
  const pct = Math.round((other / Math.max(1, han)) * 100);
  const counts = `${han}个汉字中${other}个为${otherName}字，占${pct}%`;
  return other / Math.max(1, han) >= WHOLLY_OTHER_RATIO
    ? `全文几乎都是${otherName}（${counts}；两种字形不同的汉字本就只占约三成，其余汉字两种字形相同）`
    : `全文有大量${otherName}字（${counts}）`;
}

function reportDocument(context: RuleContext, lines: LineScan[], other: number, han: number): void {
  const { doc } = context;
  const target = doc.settings.script;
  const otherName = SCRIPT_NAMES[target === 'simplified' ? 'traditional' : 'simplified'];
  const targetName = SCRIPT_NAMES[target];
  const allEdits: OffsetEdit[] = [];
  const lineFindings: { start: number; end: number; message: string; fix: Fix; data: Record<string, unknown> }[] = [];
  for (const line of lines) {
    const { runs } = line;
    const edits = lineEdits(context, line);
    allEdits.push(...edits);
    const lineFix = singleLineEdit(context, line) ?? edits;
    const first = runSource(context, runs[0]);
    const last = runSource(context, runs[runs.length - 1]);
    const examples = runs.slice(0, MAX_EXAMPLES).map((r) => `“${r.text}”`).join('');
    const count = runs.reduce((n, r) => n + (r.end - r.start), 0);
    lineFindings.push({
      start: first.start,
      end: last.end,
      message: `本行有${runs.length}处${otherName}字（如${examples}${runs.length > MAX_EXAMPLES ? '等' : ''}），应使用${targetName}字。`,
      fix: { title: `将本行转换为${targetName}`, edits: lineFix },
      data: { scope: 'line', runs: runs.length, characters: count, script: target },
    });
  }
  context.report({
    start: 0,
    end: 0,
    message: `${documentShare(other, han, otherName)}，而报告应使用${targetName}字${target === 'simplified' ? '（规范汉字）' : ''}。`,
    data: { scope: 'document', characters: other, han, script: target },
    fix: { title: `将全文转换为${targetName}`, edits: allEdits },
  });
  // The defect is the document's script, reported once above (an error, its fix converts everything); the lines
  // are where it shows, as hints with their own fix, not hundreds of errors (issue 15: floods).
  for (const f of lineFindings) context.report({ ...f, severity: 'hint' });
}

export default rule;
