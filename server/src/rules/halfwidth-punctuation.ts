// ASCII , : ; ( ) ! ? " in Chinese context (2024年, / 政府: / 100%,严格 /
// (一) / "一员多能”). Chinese context = next to a CJK character; for a pair of
// brackets or quotes, Chinese inside or around the pair. Never touched:
// digits on both sides (1,000  9:30  1:2), URLs, e-mails, code and link
// destinations (doc.isIgnored), image syntax ![, HTML entities &nbsp;,
// Markdown "1)" list markers, Latin text (an English sentence quoting 法治 too), and pinyin annotations — 鎮(zhèn)
// is removed from the prose view this rule scans, and a toneless (de) after a
// character is left to pinyin-residue, so the two rules' fixes never overlap.
// A text typed with half-width punctuation throughout (rules/halfwidth-punctuation.json: at least
// documentMinimum marks, and at least documentShare of these marks and their full-width forms) gets one
// document-level warning whose fix converts them all, plus one hint per line (with that line's fix)
// instead of hundreds of warnings, as mixed-script does for a traditional text.
// One finding per character: an ASCII " that unpaired-punctuation reports (an opener closed by ”, a “
// closed by ", an opener never closed before Chinese text) is left to that rule, which mends the pair.
import type { Block, ReportDocument, Section } from '../engine/document.js';
import type { NumberingStyle } from '../engine/numbering.js';
import type { OffsetEdit, Report, Rule } from '../engine/types.js';
import data from '../../../rules/halfwidth-punctuation.json';
import { CharScan, HAN_RANGES, isCjkContext, isDigit, isEnumerator, isHan, proseBlocks, type ProseBlock } from './shared/prose.js';
import { cite } from './shared/citations.js';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };
const NAME: Record<string, string> = { ',': '逗号', ':': '冒号', ';': '分号', '!': '叹号', '?': '问号', '(': '括号', ')': '括号', '"': '引号' };

const rule: Rule = {
  id: 'halfwidth-punctuation',
  severity: 'warning',
  tags: ['punctuation'],
  docs: {
    description: '中文语境中使用了半角（英文）标点 , : ; ( ) ! ? "，应使用全角标点；通篇使用半角标点时只报告一次全文问题（逐行为提示）。',
    why: '中文文本应使用全角标点符号；半角标点多由网页转换或英文输入法带入，字宽和间距与正文不一致，也不符合公文排版规范。数字中的小数点、千分位、时间（9:30）、网址和代码不受影响。',
    ...cite(['gbt15834-5.1']),
    howToFix: '改为相应的全角标点：，：；（）！？“”（快速修复可一次全部替换）。',
  },
  // Each mark is reported where it is, unless the text is typed half-width throughout: that decision is taken on
  // counts per line (half-width marks found, full-width marks), so the rule is local given it.
  documentContext: {
    count(doc, start, end, add) {
      // Every block is scanned (the scan of a block may read the blocks before it); the engine keeps [start, end).
      for (const r of findMarks(doc)) add(r.start, { marks: r.fix!.edits.length });
      const view = doc.prose.text;
      for (let lineStart = 0; lineStart <= view.length; ) {
        let lineEnd = view.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = view.length;
        const full = countFullWidth(view, lineStart, lineEnd);
        if (full) add(doc.prose.toSource(lineStart), { full });
        lineStart = lineEnd + 1;
      }
    },
    decide: ({ marks = 0, full = 0 }) => decide(marks, full),
  },
  check({ doc, report, decided }) {
    const found = findMarks(doc);
    const marks = found.reduce((n, r) => n + r.fix!.edits.length, 0);
    // On a piece of a document (the incremental re-check), the whole document's decision is given.
    if (decided === undefined && decide(marks, countFullWidth(doc.prose.text)) === undefined) reportDocument(doc, found, marks, report);
    else for (const r of found) report(r);
  },
};

/** Every half-width mark in Chinese context, one Report per character (a pair of quotes or brackets: one); once per document (count and check both need them). */
function findMarks(doc: ReportDocument): readonly Report[] {
  let found = marksOf.get(doc);
  if (found) return found;
  const leftToNumbering = mixedMarkers(doc);
  const list: Report[] = [];
  const checkBlock = blockChecker(doc, (r) => list.push(r));
  for (const pb of proseBlocks(doc)) checkBlock(pb, leftToNumbering.has(pb.block));
  marksOf.set(doc, (found = list));
  return found;
}
const marksOf = new WeakMap<ReportDocument, readonly Report[]>();

/** 'marks' (each reported where it is), or undefined for a text typed half-width throughout (one document-level finding). */
function decide(marks: number, full: number): string | undefined {
  return marks >= DATA.documentMinimum && marks >= DATA.documentShare * (marks + full) ? undefined : 'marks';
}

const DATA = data as { documentMinimum: number; documentShare: number };
/** Runs of anything but the full-width marks ，：；！？（）“”: the regex engine skips them, what is left is counted. */
const NOT_FULL_WIDTH = /[^，：；！？（）“”]+/g;

function countFullWidth(text: string, from = 0, to = text.length): number {
  return (from === 0 && to === text.length ? text : text.slice(from, to)).replace(NOT_FULL_WIDTH, '').length;
}

/** One document finding (its fix converts every mark) and one hint per line (that line's marks), for a text typed half-width. */
function reportDocument(doc: ReportDocument, found: readonly Report[], marks: number, report: (r: Report) => void): void {
  const byLine = new Map<number, Report[]>();
  const perChar = new Map<string, number>();
  for (const r of found) {
    const line = doc.lines.lineOf(r.start);
    const list = byLine.get(line);
    if (list) list.push(r);
    else byLine.set(line, [r]);
    for (const ch of String(r.data!.char)) perChar.set(ch, (perChar.get(ch) ?? 0) + 1);
  }
  const kinds = [...perChar].sort((a, b) => b[1] - a[1]).map(([ch, n]) => `${ch} ${n}处`).join('，');
  const full = countFullWidth(doc.prose.text);
  report({
    start: 0,
    end: 0,
    message: `全文使用半角标点：中文语境中有${marks}个半角标点（${kinds}），全角标点只有${full}个；应使用全角标点，可一次全部替换。`,
    data: { scope: 'document', marks, fullWidth: full },
    fix: { title: '将全文的半角标点改为全角', edits: found.flatMap((r) => r.fix!.edits) },
  });
  for (const list of byLine.values()) {
    const n = list.reduce((k, r) => k + r.fix!.edits.length, 0);
    const shown = [...new Set(list.flatMap((r) => [...String(r.data!.char)]))].join(' ');
    report({
      start: list[0].start,
      end: list[list.length - 1].end,
      message: `本行有${n}个半角标点（${shown}），应使用全角标点。`,
      data: { scope: 'line', marks: n },
      fix: { title: '将本行的半角标点改为全角', edits: list.flatMap((r) => r.fix!.edits) },
      severity: 'hint',
    });
  }
}

const FULL_FORM: Partial<Record<NumberingStyle, NumberingStyle>> = { 'cn-paren-half': 'cn-paren', 'arabic-paren-half': 'arabic-paren' };

/**
 * Headings whose half-width marker (四) stands among full-width siblings （三）: heading-numbering
 * reports and normalises those markers, so this rule leaves them alone rather than report them twice.
 * A report numbered (一)(二)… throughout has no such mix, and its markers are reported here.
 */
function mixedMarkers(doc: ReportDocument): Set<Block> {
  const out = new Set<Block>();
  const groups: Section[][] = [doc.outline.all.filter((s) => !s.parent)];
  for (const s of doc.outline.all) if (s.children.length) groups.push(s.children);
  for (const group of groups) {
    const styles = new Set(group.map((s) => s.heading.numbering?.style));
    for (const s of group) {
      const style = s.heading.numbering?.style;
      const full = style && FULL_FORM[style];
      if (full && styles.has(full)) out.add(s.heading);
    }
  }
  return out;
}

/** The scan's character classes in one table (Han, ASCII letter, a mark the scan stops at, else 0): one array read per character. */
const HAN_CLASS = 1;
const LATIN_CLASS = 2;
const RELEVANT_CLASS = 3;
const CLASS = new Uint8Array(0x10000);
// Filled by ranges (the three sets do not overlap): a loop testing every code unit was a few ms of each run.
for (const [first, last] of HAN_RANGES) CLASS.fill(HAN_CLASS, first, last + 1);
CLASS.fill(LATIN_CLASS, 0x41, 0x5b);
CLASS.fill(LATIN_CLASS, 0x61, 0x7b);
for (const ch of ',:;!?()（）“”"') CLASS[ch.charCodeAt(0)] = RELEVANT_CLASS;

/** Sentence and clause breaks, full-width and ASCII (for inLatinClause). */
const CLAUSE_BREAK = new Set([...'。！？；：，.!?;:,\n'].map((c) => c.charCodeAt(0)));

interface Open {
  at: number; // view offset
  ascii: boolean;
  /** Han characters / ASCII letters seen in the block before the opener (inside a pair = difference at the closer). */
  hanBefore: number;
  latinBefore: number;
}

/**
 * The per-block scan. Its helpers are made once per document, not once per block (closures are not free,
 * and a report has thousands of blocks); they read the current block's range from `start` and `end`.
 */
function blockChecker(doc: ReportDocument, report: (r: Report) => void): (pb: ProseBlock, skipMarker: boolean) => void {
  const view = doc.prose;
  const text = view.text;
  let start = 0;
  let end = 0;
  const code = (i: number) => (i >= start && i < end ? text.charCodeAt(i) : 0);
  const ignored = (i: number) => {
    const s = view.toSource(i);
    return doc.isIgnored(s, s + 1);
  };
  const show = (s: number, e: number) => text.slice(Math.max(start, s - 6), Math.min(end, e + 6));
  /** The marks of RELEVANT_CLASS. */
  const marks = new CharScan(/[,:;!?()（）“”"]/g, text);

  /** Edit replacing the half-width char at view offset i; a separator also swallows spaces before following CJK text. */
  const edit = (i: number, full: string, trailing: boolean): OffsetEdit => {
    let e = i + 1;
    if (trailing) {
      let j = e;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j > e && j < end && isCjkContext(text.charCodeAt(j))) e = j;
    }
    const src = view.rangeToSource(i, e);
    return { start: src.start, end: src.end, newText: full };
  };
  const single = (i: number, full: string, opener: boolean) => {
    const ch = text[i];
    const src = view.rangeToSource(i, i + 1);
    report({
      start: src.start,
      end: src.end,
      message:
        ch === '"'
          ? `中文语境应使用全角引号（${full}），不用半角引号（"）：${show(i, i + 1)}`
          : `中文语境应使用全角${NAME[ch]}“${full}”，不用半角“${ch}”：“${show(i, i + 1)}”。`,
      data: { char: ch, replacement: full },
      fix: { title: `改为全角“${full}”`, edits: [edit(i, full, !opener)] },
    });
  };
  const pair = (o: number, c: number, fullOpen: string, fullClose: string) => {
    const src = view.rangeToSource(o, c + 1);
    const inner = text.slice(o + 1, c);
    const shown = inner.length > 20 ? `${inner.slice(0, 20)}…` : inner;
    const halfOpen = text[o];
    const halfClose = text[c];
    report({
      start: src.start,
      end: src.end,
      message:
        halfOpen === '"'
          ? `中文语境应使用全角引号：${halfOpen}${shown}${halfClose} 应为 ${fullOpen}${shown}${fullClose}`
          : `中文语境应使用全角${NAME[halfOpen]}：“${halfOpen}${shown}${halfClose}”应为“${fullOpen}${shown}${fullClose}”。`,
      data: { char: halfOpen + halfClose, replacement: fullOpen + fullClose },
      fix: { title: `改为全角“${fullOpen}${fullClose}”`, edits: [edit(o, fullOpen, false), edit(c, fullClose, true)] },
    });
  };

  /**
   * Is the punctuation at `i`, after a Chinese word, the end of a Latin clause — an English sentence quoting a
   * Chinese word (What is 法治? It's …)? The clause, back to the last sentence or clause break, has at least
   * twice as many Latin letters as Han characters, and Latin text or nothing follows.
   */
  const inLatinClause = (i: number): boolean => {
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === 0x20) j++;
    if (j < end && CLASS[text.charCodeAt(j)] !== LATIN_CLASS) return false;
    if (j === i + 1 && j < end) return false; // 法治,It — no space: not English spacing
    let hanN = 0;
    let latinN = 0;
    for (let k = i - 1; k >= start && i - k <= 200; k--) {
      const c = text.charCodeAt(k);
      if (CLAUSE_BREAK.has(c)) break;
      if (CLASS[c] === HAN_CLASS) hanN++;
      else if (CLASS[c] === LATIN_CLASS) latinN++;
    }
    return latinN >= 2 * hanN && latinN >= 6;
  };

  /** A pair is Chinese when a CJK character touches it outside, or its content is more Chinese than Latin ("(with 原因 paragraph)" is not). */
  const chinesePair = (open: Open, close: number, han: number, latin: number) =>
    isCjkContext(code(open.at - 1)) || isCjkContext(code(close + 1)) || han - open.hanBefore > latin - open.latinBefore;

  return (pb: ProseBlock, skipMarker: boolean): void => {
    start = pb.start;
    end = pb.end;
    const parens: Open[] = [];
    const quotes: Open[] = [];
    let han = 0;
    let latin = 0;
    for (let i = start; i < end; i++) {
      // Han characters and letters are counted only inside an open pair (a pair compares what it holds): with
      // none open, the regex engine skips to the next mark.
      if (parens.length === 0 && quotes.length === 0 && (i = marks.next(i)) >= end) break;
      const kind = CLASS[text.charCodeAt(i)];
      if (kind === 0) continue;
      if (kind === HAN_CLASS) {
        han++;
        continue;
      }
      if (kind === LATIN_CLASS) {
        latin++;
        continue;
      }
      const ch = text[i];
      switch (ch) {
        case ',':
        case ':':
        case ';':
        case '!':
        case '?': {
          const prev = code(i - 1);
          const next = code(i + 1);
          if (!isCjkContext(prev) && !isCjkContext(next)) break;
          if ((ch === ',' || ch === ':') && isDigit(prev) && isDigit(next)) break; // 1,000  9:30  1:2
          if (ch === '!' && next === 0x5b /* [ */) break; // ![image](…)
          if (ch === ';' && /&#?[a-zA-Z0-9]{1,8}$/.test(text.slice(Math.max(start, i - 10), i))) break; // &nbsp;
          if (!isCjkContext(next) && inLatinClause(i)) break; // What is 法治? It's rule of law.
          if (ignored(i)) break;
          single(i, FULL[ch], false);
          break;
        }
        case '(':
        case '（':
          parens.push({ at: i, ascii: ch === '(', hanBefore: han, latinBefore: latin });
          break;
        case ')':
        case '）': {
          const open = parens.pop();
          const asciiClose = ch === ')';
          if (!open) {
            if (asciiClose && !isEnumerator(text, start, i) && (isHan(code(i - 1)) || isCjkContext(code(i + 1))) && !ignored(i))
              single(i, '）', false);
            break;
          }
          if (!open.ascii && !asciiClose) break;
          const hanInside = han - open.hanBefore;
          if (!chinesePair(open, i, han, latin)) break;
          // A toneless annotation such as 的(de): pinyin residue, not a bracket.
          if (open.ascii && asciiClose && hanInside === 0 && isHan(code(open.at - 1)) && /^[a-zü]{1,6}$/.test(text.slice(open.at + 1, i))) break;
          if (ignored(open.at) || ignored(i)) break;
          if (skipMarker && open.at === pb.start && i === pb.start + pb.block.numbering!.marker.length - 1) break;
          if (open.ascii && asciiClose) pair(open.at, i, '（', '）');
          else if (open.ascii) single(open.at, '（', true);
          else single(i, '）', false);
          break;
        }
        case '“':
          quotes.push({ at: i, ascii: false, hanBefore: han, latinBefore: latin });
          break;
        case '”':
          // "一员多能” — an ASCII opener closed by a curly quote: unpaired-punctuation reports and mends the pair.
          quotes.pop();
          break;
        case '"': {
          const open = quotes.pop();
          if (!open) {
            if (!isDigit(code(i - 1))) quotes.push({ at: i, ascii: true, hanBefore: han, latinBefore: latin }); // 15" is inches
            break;
          }
          if (!open.ascii) {
            // “一员多能" — an ASCII closer; before punctuation or the end, unpaired-punctuation reports and mends the pair.
            if (!ignored(i) && isHan(code(i + 1))) single(i, '”', false);
            break;
          }
          if (chinesePair(open, i, han, latin) && !ignored(open.at) && !ignored(i)) pair(open.at, i, '“', '”');
          break;
        }
      }
    }
    for (const open of parens) {
      if (open.ascii && (isCjkContext(code(open.at - 1)) || isHan(code(open.at + 1))) && !ignored(open.at)) single(open.at, '（', true);
    }
    for (const open of quotes) {
      if (!open.ascii || ignored(open.at)) continue;
      // "一员多能 never closed: unpaired-punctuation reports the lone opener (one finding for the character).
      if (isHan(code(open.at + 1))) continue;
      if (isHan(code(open.at - 1))) single(open.at, '”', false);
    }
  };
}

export default rule;
