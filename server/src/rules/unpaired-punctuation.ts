// Unbalanced or mismatched paired punctuation: “ ” ‘ ’ 《 》 〈 〉 （ ） 【 】
// 「 」 『 』, and an ASCII " closed by ” ("一员多能”). One stack per
// paragraph (a block, or blocks joined by a hard line break inside a
// sentence), so the whole check is linear. A mismatched pair's half-width half is this rule's alone
// (halfwidth-punctuation leaves it here): its fix makes it full-width. Lone ASCII brackets are left to
// halfwidth-punctuation (they also occur as "1)" list markers); a half-width
// bracket may close a full-width one and vice versa.
import type { ReportDocument } from '../engine/document.js';
import type { Report, Rule } from '../engine/types.js';
import { CLOSERS, SENTENCE_END, CharScan, continuesInNext, isEnumerator, isHan } from './shared/prose.js';
import { cite } from './shared/citations.js';

/** Opening characters → kind; a kind pairs an opener with its closers. */
const OPEN_KIND: Record<string, string> = {
  '“': 'dq', '‘': 'sq', '《': 'book', '〈': 'book2', '（': 'paren', '(': 'paren', '【': 'lens', '「': 'corner', '『': 'corner2',
};
const CLOSE_KIND: Record<string, string> = {
  '”': 'dq', '’': 'sq', '》': 'book', '〉': 'book2', '）': 'paren', ')': 'paren', '】': 'lens', '」': 'corner', '』': 'corner2',
};
const NAMES: Record<string, [string, string, string, string]> = {
  dq: ['左引号', '“', '右引号', '”'],
  sq: ['左单引号', '‘', '右单引号', '’'],
  book: ['左书名号', '《', '右书名号', '》'],
  book2: ['左单书名号', '〈', '右单书名号', '〉'],
  paren: ['左括号', '（', '右括号', '）'],
  lens: ['左方头括号', '【', '右方头括号', '】'],
  corner: ['左直角引号', '「', '右直角引号', '」'],
  corner2: ['左双直角引号', '『', '右双直角引号', '』'],
};

/** Characters the scan stops at, looked for by the regex engine (not by a loop over every character, which runs mostly unoptimised in a run's first checks). */
const RELEVANT = new RegExp(`[${[...Object.keys(OPEN_KIND), ...Object.keys(CLOSE_KIND), '"'].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

interface Open {
  at: number; // source offset
  ch: string;
  kind: string; // 'ascii-dq' for an ASCII "
  blockEnd: number;
}

const rule: Rule = {
  id: 'unpaired-punctuation',
  severity: 'error',
  tags: ['punctuation'],
  local: true,
  docs: {
    description: '引号、书名号、括号等成对标点不配对：缺少一半，或左右不匹配（如半角 " 与全角 ” 配成一对），或标题序号“（一）”丢了左括号（“一)”）。',
    why: '成对标点缺失或错配会改变引文、文件名称的起止范围，常见于网页转换或手工编辑后的残留，公开发布前必须改正。',
    ...cite(['gbt15834-4.8', 'gbt15834-4.9', 'gbt15834-4.15']),
    howToFix: '补上缺失的一半，或把错配的一半改为对应的全角标点。',
  },
  check({ doc, report }) {
    const text = doc.text;
    const ignored = doc.ignored;
    let ig = 0;
    let stack: Open[] = [];
    let counts = new Map<string, number>();
    const push = (o: Open) => {
      stack.push(o);
      counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
    };
    const pop = (): Open => {
      const o = stack.pop()!;
      counts.set(o.kind, counts.get(o.kind)! - 1);
      return o;
    };
    const unclosed = (o: Open) => reportUnclosed(doc, o, report);
    /** Pops up to and including the innermost opener of `kind`, reporting the openers left open above it. */
    const popTo = (kind: string): Open => {
      for (;;) {
        const o = pop();
        if (o.kind === kind) return o;
        unclosed(o);
      }
    };

    reportLostOpeners(doc, report);

    /** Source offset of a “ that continues a multi-paragraph quotation (skipped, its opener is still open). */
    let continuation = -1;
    const scan = new CharScan(RELEVANT, text);
    for (const block of doc.blocks) {
      for (let i = scan.next(block.start); i < block.end; i = scan.next(i + 1)) {
        if (i === continuation) continue;
        const ch = text[i];
        const openKind = OPEN_KIND[ch];
        const closeKind = CLOSE_KIND[ch];
        while (ig < ignored.length && ignored[ig].end <= i) ig++;
        if (ig < ignored.length && ignored[ig].start <= i) continue;
        const top = stack[stack.length - 1];

        if (ch === '"') {
          if (top?.kind === 'ascii-dq') pop();
          else if (top?.kind === 'dq' && !isHan(text.charCodeAt(i + 1))) {
            pop();
            mismatch(text, top, i, report);
          } else if ((counts.get('ascii-dq') ?? 0) > 0) popTo('ascii-dq');
          else if (!/[0-9]/.test(text[i - 1] ?? '')) push({ at: i, ch, kind: 'ascii-dq', blockEnd: block.end }); // 15" is inches
          continue;
        }
        if (openKind) {
          push({ at: i, ch, kind: openKind, blockEnd: block.end });
          continue;
        }
        // A closer.
        if (ch === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z\s]/.test(text[i + 1] ?? ' ')) continue; // People’s
        if (top?.kind === closeKind) {
          pop();
          continue;
        }
        if (ch === '”' && top?.kind === 'ascii-dq') {
          pop();
          mismatch(text, top, i, report);
          continue;
        }
        if ((counts.get(closeKind) ?? 0) > 0) {
          popTo(closeKind);
          continue;
        }
        if (ch === ')' || isEnumerator(text, block.start, i)) continue;
        const [openName, openCh, closeName] = NAMES[closeKind];
        const from = Math.max(block.start, i - 12);
        report({
          start: i,
          end: i + 1,
          message: `${closeName}（${ch}）前没有配对的${openName}（${openCh}）：${text.slice(from, i + 1)}`,
          data: { char: ch, kind: 'unopened' },
        });
      }
      // A paragraph cut by a hard line break keeps its stack; otherwise what is still open is unpaired.
      if (stack.length && !endsSentence(text, block.end) && continuesInNext(doc, block)) continue;
      // A quotation of several paragraphs: each opens with “ and only the last closes it (GB/T 15834-2011, 引号).
      const next = quotationContinues(doc, block, stack, continuation === block.start);
      if (next >= 0) {
        continuation = next;
        continue;
      }
      reportUnclosedRuns(doc, stack, report);
      stack = [];
      counts = new Map();
    }
  },
};

/**
 * Where the only open mark is a “ that opens the block (or an earlier paragraph of the same quotation) and
 * the next block opens with “ too, the quotation runs on into the next paragraph (a quotation of several
 * paragraphs repeats the opener at every paragraph): the next block's opener offset, or -1.
 */
function quotationContinues(doc: ReportDocument, block: { index: number; start: number }, stack: Open[], carried: boolean): number {
  // The open “ is this block's first character, or an earlier paragraph's whose opener this block repeated.
  if (stack.length !== 1 || stack[0].kind !== 'dq' || (!carried && stack[0].at !== block.start)) return -1;
  const next = doc.blocks[block.index + 1];
  if (!next || doc.text[next.start] !== '“') return -1;
  return next.start;
}

/** A heading marker （一） that lost its opening bracket: 一)纵深推进… at the start of a block. */
const LOST_OPENER = /^([一二三四五六七八九十]{1,3})([)）])/;

/**
 * 一) / 一） at the start of a paragraph is a （一） heading whose opening bracket was lost (dev 057: 一)纵深推进学悟笃行…;
 * not where the line before ends with （ — the marker cut by a line break, as in the 2026 Yunnan government work report):
 * reported, with a fix restoring （一）.
 * A report numbering its headings 一）二）三） throughout gets the same finding for each: 公文 numbers that level （一）.
 * Decided per paragraph, so the rule stays local.
 */
function reportLostOpeners(doc: ReportDocument, report: (r: Report) => void): void {
  for (const block of doc.blocks) {
    const m = LOST_OPENER.exec(doc.text.slice(block.start, block.start + 5));
    if (!m || doc.isIgnored(block.start, block.start + m[0].length)) continue;
    // （ at the end of the line before: the marker was cut by a line break, not robbed of its bracket.
    const before = doc.blocks[block.index - 1];
    if (before && /[（(]$/.test(before.text)) continue;
    const [marker, numeral, close] = m;
    const end = block.start + marker.length;
    report({
      start: block.start,
      end,
      message: `标题序号“${marker}”缺少左括号，应为“（${numeral}）”。`,
      data: { char: close, kind: 'unopened-marker' },
      fix: { title: `改为“（${numeral}）”`, edits: [{ start: block.start, end, newText: `（${numeral}）` }] },
    });
  }
}

function endsSentence(text: string, end: number): boolean {
  const last = text[end - 1];
  return SENTENCE_END.includes(last) || CLOSERS.includes(last) || last === '：' || last === ':';
}

/**
 * The openers left open at a paragraph's end, in order; a run of the same opener, side by side (《《《…), is one
 * defect and one finding, so that a line of 200,000 《 does not make 200,000 findings.
 */
function reportUnclosedRuns(doc: ReportDocument, stack: Open[], report: (r: Report) => void): void {
  for (let i = 0; i < stack.length; ) {
    let j = i + 1;
    while (j < stack.length && stack[j].ch === stack[i].ch && stack[j].at === stack[j - 1].at + 1) j++;
    if (j - i === 1) reportUnclosed(doc, stack[i], report);
    else reportUnclosedRun(doc, stack[i], stack[j - 1], j - i, report);
    i = j;
  }
}

function reportUnclosedRun(doc: ReportDocument, first: Open, last: Open, count: number, report: (r: Report) => void): void {
  if (first.ch === '(') return; // lone half-width "(": halfwidth-punctuation's business
  if (first.kind === 'ascii-dq') {
    for (let at = first.at; at <= last.at; at++) reportUnclosed(doc, { ...first, at }, report); // only the last may quote Han text
    return;
  }
  const text = doc.text;
  let e = last.at + 1;
  while (e < last.blockEnd && e - last.at < 40 && !'，。；！？,;!?'.includes(text[e])) e++;
  const shown = e - first.at > 40 ? `${text.slice(first.at, first.at + 20)}…${text.slice(e - 10, e)}` : text.slice(first.at, e);
  const [openName, , closeName, closeCh] = NAMES[first.kind];
  report({
    start: first.at,
    end: e,
    message: `连续${count}个${openName}（${first.ch}）没有配对的${closeName}（${closeCh}）：${shown}……`,
    data: { char: first.ch, kind: 'unclosed', count },
  });
}

function reportUnclosed(doc: ReportDocument, o: Open, report: (r: Report) => void): void {
  const text = doc.text;
  if (o.ch === '(') return; // a lone half-width "(": halfwidth-punctuation's business
  if (o.kind === 'ascii-dq' && !isHan(text.charCodeAt(o.at + 1))) return; // 5" (inches), not a quotation
  // The range runs from the opener to the end of its clause (bounded), so the quoted words are visible.
  let e = o.at + 1;
  while (e < o.blockEnd && e - o.at < 40 && !'，。；！？,;!?'.includes(text[e])) e++;
  const clause = text.slice(o.at, e);
  const [openName, , closeName, closeCh] = o.kind === 'ascii-dq' ? ['半角引号', '"', '右引号', '”'] : NAMES[o.kind];
  report({
    start: o.at,
    end: e,
    message: `${openName}（${o.ch}）没有配对的${closeName}（${closeCh}）：${clause}……`,
    data: { char: o.ch, kind: 'unclosed' },
  });
}

function mismatch(text: string, open: Open, closeAt: number, report: (r: Report) => void): void {
  const quoted = text.slice(open.at, closeAt + 1);
  const shown = quoted.length > 30 ? `${quoted.slice(0, 14)}…${quoted.slice(-14)}` : quoted;
  report({
    start: open.at,
    end: closeAt + 1,
    message: `引号左右不配对：${shown} 中${open.ch === '"' ? '半角引号（"）与右引号（”）' : '左引号（“）与半角引号（"）'}配成了一对，应使用成对的全角引号（“”）。`,
    data: { char: open.ch + text[closeAt], kind: 'mismatched' },
    // The half-width half becomes its full-width form (halfwidth-punctuation leaves this character to this rule).
    fix: open.ch === '"'
      ? { title: '改为全角左引号““”', edits: [{ start: open.at, end: open.at + 1, newText: '“' }] }
      : { title: '改为全角右引号“””', edits: [{ start: closeAt, end: closeAt + 1, newText: '”' }] },
  });
}

export default rule;
