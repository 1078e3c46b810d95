// Text pasted twice: a run of clauses (≥ 20 characters, stock political phrases not counted) that
// repeats earlier text, and a title or heading repeated on adjacent lines. Linear: clauses are hashed,
// each clause is compared with the first earlier clause of the same text only.
import data from '../../../rules/duplicate-text.json';
import type { Fix, Rule } from '../engine/types.js';
import type { Block, ReportDocument } from '../engine/document.js';
import { PINYIN_ANNOTATION } from '../engine/pinyin.js';
import { toSimplified } from '../engine/script.js';
import { topSectionOf } from '../engine/outline.js';
import { stringList } from '../engine/config-schema.js';
import { cite } from './shared/citations.js';
import { CharScan } from './shared/prose.js';

interface Clause {
  /** Comparison key: pinyin and white space removed; '' for a barrier (heading text, ignored text). */
  key: string;
  block: Block;
  start: number;
  /** End of the clause text, before its separator. */
  end: number;
  /** The separator after it ('' at the end of a block). */
  sep: string;
  /** Starts a sentence: block start or after 。！？；. */
  sentenceStart: boolean;
}

/** Clause separators ，,；;。！？!?：:, looked for by the regex engine (a loop over every character runs mostly unoptimised in a run's first checks). */
const SEPARATOR = /[，,；;。！？!?：:]/g;
const SENTENCE_END = /^[。！？!?；;]?$/;
/** Shorter clauses do not start a repeated run (一是, 同时 repeat everywhere). */
const MIN_KEY = 6;
const MAX_RUN = 400;

const rule: Rule = {
  id: 'duplicate-text',
  severity: 'warning',
  tags: ['text', 'copy-paste'],
  docs: {
    description: '同一句话或同一段文字（20字以上）在报告中重复出现，或标题在相邻行重复。',
    why: '重复的句子、段落通常是复制粘贴时多贴了一次，或拼接不同材料时没有删净；公开的报告出现大段重复，显得敷衍，也会被督察认定为形式主义。',
    ...cite(['gongwen-19']),
    howToFix: '删除重复的部分（快速修复可删除后一处重复）。',
  },
  extendSchema: stringList('追加的允许重复出现的套话（字面）。Stock phrases that may repeat.'),
  check({ doc, report, options, memo }) {
    const stock = memo('stock', () => {
      const extra = Array.isArray(options.extend) ? (options.extend as string[]) : [];
      const phrases = [...data.stockPhrases, ...extra].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
      return new RegExp(phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    });
    const informativeCache = new Map<string, number>();
    const informative = (s: string) => {
      let n = informativeCache.get(s);
      if (n === undefined) informativeCache.set(s, (n = toSimplified(s).replace(stock, '').length));
      return n;
    };

    const barrier = new Set<Block>();
    // Adjacent identical blocks (a heading or title pasted twice, or a paragraph). Each block's text is
    // normalised once; the text after its list marker only when its neighbour has the same numbering style.
    let previous = doc.blocks.length ? normalize(doc.blocks[0].text) : '';
    for (let i = 1; i < doc.blocks.length; i++) {
      const a = doc.blocks[i - 1];
      const b = doc.blocks[i];
      const current = normalize(b.text);
      const same = sameBlockText(a, b, previous, current);
      previous = current;
      if (!same) continue;
      // A block repeated several times in a row (a line pasted over and over) is one defect and one finding.
      let last = i;
      for (; last + 1 < doc.blocks.length; last++) {
        const next = normalize(doc.blocks[last + 1].text);
        if (!sameBlockText(doc.blocks[last], doc.blocks[last + 1], previous, next)) break;
        previous = next;
      }
      for (let k = i; k <= last; k++) barrier.add(doc.blocks[k]);
      const kind = b.isHeading || doc.meta.titleBlocks.includes(a) ? 'heading' : 'paragraph';
      if (last === i) {
        report({
          start: b.start,
          end: b.end,
          message: `“${preview(b.text)}”与紧邻的第${a.line + 1}行重复。`,
          data: { kind, line: a.line + 1, ...partAt(doc, b.start) },
          fix: deleteLineFix(doc, b),
        });
      } else {
        const end = doc.blocks[last];
        report({
          start: b.start,
          end: end.end,
          message: `“${preview(b.text)}”与第${a.line + 1}行相同，在第${b.line + 1}—${end.line + 1}行又连续重复了${last - i + 1}次。`,
          data: { kind, line: a.line + 1, count: last - i + 1, ...partAt(doc, b.start) },
          fix: { ...deleteLinesFix(doc, b, end), title: '删除重复的行' },
        });
      }
      i = last;
    }

    // The title repeated in the page header area (web copies: page title, source line, article title), also
    // past a block of page chrome, or with a shorter body name (海东市乐都区共和乡… / 共和乡…).
    const title = doc.meta.title ? normalize(doc.meta.title) : '';
    const titleLine = doc.meta.titleRange ? doc.lines.lineOf(doc.meta.titleRange.start) + 1 : 0;
    const firstHeading = doc.outline.sections[0]?.heading.start ?? Infinity;
    const head = doc.blocks.filter((b) => !b.chrome && b.start < firstHeading).slice(0, 12);
    head.forEach((b, i) => {
      if (!title || barrier.has(b) || doc.meta.titleBlocks.includes(b)) return;
      let again = normalize(b.text);
      // A page's headline for the report: the title in 《》, marked as the full text (《…年度报告》(全文)).
      const headline = HEADLINE.exec(again);
      if (headline && headline[1] === title) again = title;
      // The title again over two lines (…法治政府建设 ⏎ 情况报告).
      const next = head[i + 1];
      let last = b;
      if (again !== title && next && !doc.meta.titleBlocks.includes(next) && title.startsWith(again) && again + normalize(next.text) === title) {
        again = title;
        last = next;
        barrier.add(next);
      }
      const near = again !== title && sameTitle(title, again);
      // The title again, cut short by the page (券桥镇2022年度法治政府建设 under 券桥镇2022年度法治政府建设工作报告).
      const cut = again !== title && !near && again.length >= 10 && again.length * 5 >= title.length * 3 && title.startsWith(again) && !/[。；;，,：:]/.test(again);
      // The title again at the start of the opening paragraph (…情况报告 ⏎ …情况报告2023年，我镇…).
      const raw = doc.meta.title!;
      if (again !== title && !near && raw.length >= 10 && b.text.startsWith(raw) && b.text.length > raw.length) {
        if (doc.meta.titleRange && doc.meta.titleRange.start === b.start) return;
        barrier.add(b);
        report({
          start: b.start,
          end: b.start + raw.length,
          message: `标题“${preview(raw)}”又粘连在第${b.line + 1}行段落的开头。`,
          data: { kind: 'heading', line: titleLine },
          fix: { title: '删除重复的标题', edits: [{ start: b.start, end: b.start + raw.length, newText: '' }] },
        });
        return;
      }
      if (again !== title && !near && !cut) return;
      barrier.add(b);
      report({
        start: b.start,
        end: last.end,
        message: near
          ? `标题“${preview(b.text)}”重复出现（与第${titleLine}行的标题只差单位名称的写法）。`
          : cut ? `标题“${preview(b.text)}”重复出现（是第${titleLine}行标题的前一部分）。` : `标题“${preview(b.text)}”重复出现。`,
        data: { kind: 'heading', line: titleLine },
        fix: last === b ? deleteLineFix(doc, b) : deleteLinesFix(doc, b, last),
      });
    });
    // A title glued twice at the start of a line (…及2023年工作方案2023年度乡镇…及2023年工作方案区政府：…).
    const range = doc.meta.titleRange;
    if (range && doc.meta.title && doc.text.startsWith(doc.meta.title, range.end) && doc.meta.title.length >= 8) {
      const end = range.end + doc.meta.title.length;
      report({
        start: range.end,
        end,
        message: `标题“${preview(doc.meta.title)}”在同一行中重复了一次。`,
        data: { kind: 'heading', line: titleLine },
        fix: { title: '删除重复的标题', edits: [{ start: range.end, end, newText: '' }] },
      });
    }

    const clauses = collectClauses(doc, barrier);
    const firstSeen = new Map<string, number>();
    for (let i = 0; i < clauses.length; ) {
      const c = clauses[i];
      if (c.key.length < MIN_KEY) {
        i++;
        continue;
      }
      const j = firstSeen.get(c.key);
      if (j === undefined) {
        firstSeen.set(c.key, i);
        i++;
        continue;
      }
      let k = 0;
      while (k < MAX_RUN && i + k < clauses.length && j + k < i && clauses[i + k].key !== '' && clauses[i + k].key === clauses[j + k].key) k++;
      const run = clauses.slice(i, i + k);
      const joined = run.map((x) => x.key).join('');
      const wholeSentence = c.sentenceStart && SENTENCE_END.test(run[k - 1].sep);
      if ((k >= 2 || wholeSentence) && joined.length >= data.minLength && informative(joined) >= data.minLength) {
        const last = run[k - 1];
        const start = c.start;
        const end = last.end + last.sep.length;
        report({
          start,
          end,
          message: `重复的文字：“${preview(doc.text.slice(start, end))}”与第${clauses[j].block.line + 1}行的文字相同。`,
          data: { kind: 'text', line: clauses[j].block.line + 1, ...partAt(doc, start) },
          ...(deleteRunFix(doc, clauses, i, k) ?? {}),
        });
        i += k;
      } else i++;
    }
  },
};

function partAt(doc: ReportDocument, offset: number): { part?: string } {
  const part = topSectionOf(doc.outline, offset)?.part;
  return part ? { part } : {};
}

/**
 * The same title with a shorter or longer body name: one ends with the other, the other's extra beginning is
 * a place (海东市乐都区 before 共和乡2022年度…报告), and what they share names a report.
 */
function sameTitle(a: string, b: string): boolean {
  if (/[。；;，,]/.test(a) || /[。；;，,]/.test(b)) return false;
  const [short, long] = [canonicalTitle(a), canonicalTitle(b)].sort((x, y) => x.length - y.length);
  if (short.length < 10 || !long.endsWith(short) || !/报告|報告|总结|總結/.test(short)) return false;
  return long === short || /^[\u4e00-\u9fa5]{2,20}(?:省|自治区|市|州|盟|县|区|旗)$/.test(long.slice(0, long.length - short.length));
}

/**
 * A title as compared with its repeats: without 《》, 关于 and 的, 年度 as 年, and without a site's name after a
 * separator (…情况报告-天津市静海区人民政府网, the page title of a CMS).
 */
function canonicalTitle(t: string): string {
  return t
    .replace(/[-_—–|｜]+[^-_—–|｜]{2,30}(?:网|网站|门户|政府|平台)$/, '')
    .replace(/[《》「」“”"]/g, '')
    .replace(/关于|的/g, '')
    .replace(/年度/g, '年');
}

/** Identical adjacent blocks (normalised texts given); for list items of one style (3. … / 4. …) the text after the marker. */
function sameBlockText(a: Block, b: Block, normalizedA: string, normalizedB: string): boolean {
  const item = a.numbering && b.numbering && a.numbering.style === b.numbering.style;
  const ta = item ? normalize(a.text.slice(a.numbering!.marker.length)) : normalizedA;
  const tb = item ? normalize(b.text.slice(b.numbering!.marker.length)) : normalizedB;
  return ta === tb && tb.length >= 2;
}

/** A site's headline of a report: 《title》 followed by (全文) or （全文）. */
const HEADLINE = /^《(.+)》[（(]全文[）)]$/;

/** Characters that the replacements in normalize() start at: parentheses (pinyin annotations) and white space. */
const NORMALIZED = /[(（\s]/;

function normalize(s: string): string {
  // Most clauses have nothing to remove: one search instead of two replacements.
  if (!NORMALIZED.test(s)) return s;
  return s.replace(PINYIN_ANNOTATION, '').replace(/\s+/g, '');
}

function preview(s: string): string {
  const t = s.trim();
  return t.length > 24 ? `${t.slice(0, 24)}…` : t;
}

function collectClauses(doc: ReportDocument, barrier: Set<Block>): Clause[] {
  const out: Clause[] = [];
  const separators = new CharScan(SEPARATOR, doc.text);
  const titleEnd = new Map<Block, number>();
  for (const s of doc.outline.all) titleEnd.set(s.heading, Math.min(s.heading.end, s.heading.contentStart + s.title.length));
  for (const block of doc.blocks) {
    // Heading text repeats legitimately (（一）加强组织领导 in two parts); it also stops a run.
    const headingEnd = titleEnd.get(block) ?? block.start;
    const barred = barrier.has(block);
    let cursor = block.start;
    let sentenceStart = true;
    // Each separator ends a clause; the text after the last one (if any) is the block's last clause.
    for (;;) {
      const at = separators.next(cursor);
      const found = at < block.end;
      const end = found ? at : block.end;
      if (!found && cursor >= block.end) break;
      const sep = found ? doc.text[end] : '';
      const skip = barred || cursor < headingEnd || doc.isIgnored(cursor, Math.max(end, cursor + 1));
      out.push({ key: skip ? '' : normalize(doc.text.slice(cursor, end)), block, start: cursor, end, sep, sentenceStart });
      if (!found) break;
      sentenceStart = SENTENCE_STOPS.includes(sep) && sep !== '';
      cursor = end + sep.length;
    }
  }
  return out;
}

const SENTENCE_STOPS = '。！？!?；;';

function deleteLineFix(doc: ReportDocument, block: Block): Fix {
  const { lines, text } = doc;
  const start = lines.lineStart(block.line);
  const end = block.line + 1 < lines.lineCount ? lines.lineStart(block.line + 1) : text.length;
  // The last line has no line break of its own: take the one before it.
  const from = end === text.length && block.line > 0 ? lines.lineEnd(block.line - 1) : start;
  return { title: '删除重复的行', edits: [{ start: from, end, newText: '' }] };
}

/** Deletes the lines of first..last with the line break after them (or before them, at the end of the text). */
function deleteLinesFix(doc: ReportDocument, first: Block, last: Block): Fix {
  const { lines, text } = doc;
  const start = lines.lineStart(first.line);
  const end = last.line + 1 < lines.lineCount ? lines.lineStart(last.line + 1) : text.length;
  const from = end === text.length && first.line > 0 ? lines.lineEnd(first.line - 1) : start;
  return { title: '删除重复的标题', edits: [{ start: from, end, newText: '' }] };
}

/** Deletes the repeated run where that leaves correct text: whole paragraph, whole sentences, or a sentence tail. */
function deleteRunFix(doc: ReportDocument, clauses: Clause[], i: number, k: number): { fix: Fix } | undefined {
  const first = clauses[i];
  const last = clauses[i + k - 1];
  const block = first.block;
  if (last.block !== block) return undefined;
  const end = last.end + last.sep.length;
  if (first.start === block.start && end >= block.end) return { fix: deleteLineFix(doc, block) };
  if (!/^[。！？!?]$/.test(last.sep)) return undefined;
  if (first.sentenceStart) {
    let e = end;
    while (e < block.end && /[\s\u3000]/.test(doc.text[e])) e++;
    return { fix: { title: '删除重复的句子', edits: [{ start: first.start, end: e, newText: '' }] } };
  }
  // "三是规范执法程序，<repeated…>。" → "三是规范执法程序。"
  const prev = clauses[i - 1];
  if (prev && prev.block === block && /^[，,]$/.test(prev.sep)) {
    return { fix: { title: '删除重复的文字', edits: [{ start: prev.end, end, newText: last.sep } ] } };
  }
  return undefined;
}

export default rule;
