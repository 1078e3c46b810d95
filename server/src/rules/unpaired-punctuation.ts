// Unbalanced or mismatched paired punctuation: “ ” ‘ ’ 《 》 〈 〉 （ ） 【 】
// 「 」 『 』, and an ASCII " closed by ” ("一员多能”). One stack per
// paragraph (a block, or blocks joined by a hard line break inside a
// sentence), so the whole check is linear. Lone ASCII brackets are left to
// halfwidth-punctuation (they also occur as "1)" list markers); a half-width
// bracket may close a full-width one and vice versa.
import type { ReportDocument } from '../engine/document.js';
import type { Report, Rule } from '../engine/types.js';
import { CLOSERS, SENTENCE_END, continuesInNext, isEnumerator, isHan } from './shared/prose.js';

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

/** Code units the scan stops at (a table, so the per-character cost is one array read). */
const RELEVANT = new Uint8Array(0x10000);
for (const ch of [...Object.keys(OPEN_KIND), ...Object.keys(CLOSE_KIND), '"']) RELEVANT[ch.charCodeAt(0)] = 1;

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
  docs: {
    description: '引号、书名号、括号等成对标点不配对：缺少一半，或左右不匹配（如半角 " 与全角 ” 配成一对）。',
    why: '成对标点缺失或错配会改变引文、文件名称的起止范围，常见于网页转换或手工编辑后的残留，公开发布前必须改正。',
    basis: '《标点符号用法》（GB/T 15834-2011）第4.3、4.8、4.9条',
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

    /** Source offset of a “ that continues a multi-paragraph quotation (skipped, its opener is still open). */
    let continuation = -1;
    for (const block of doc.blocks) {
      for (let i = block.start; i < block.end; i++) {
        if (!RELEVANT[text.charCodeAt(i)]) continue;
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
      for (const o of stack) unclosed(o);
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

function endsSentence(text: string, end: number): boolean {
  const last = text[end - 1];
  return SENTENCE_END.includes(last) || CLOSERS.includes(last) || last === '：' || last === ':';
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
  });
}

export default rule;
