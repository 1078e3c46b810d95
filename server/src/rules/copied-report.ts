// A report copied from last year's. With last year's text (ConfigObject.previous: the API, --previous, the
// editor's fazhiLint.previousReport), sentences are compared after removing punctuation, digits and years — so
// "2023年办理12件" and "2024年办理15件" count as the same sentence — exactly, or nearly by the Dice coefficient of
// their character n-gram sets, found through an inverted index of last year's n-grams (linear in the two texts:
// n-grams shared by very many sentences are skipped). Marked: each paragraph mostly copied, each of last year's
// 下一年度安排 sentences restated as this year's 成效, and one document-level finding with data.copiedShare.
// Without last year's text: a 成效 part written mostly as plans (将、拟、力争) is an info.
import type { Rule, Report } from '../engine/types.js';
import { buildDocument, type Block, type ReportDocument } from '../engine/document.js';
import data from '../../../rules/copied-report.json';
import { cite } from './shared/citations.js';

interface Sentence {
  start: number;
  end: number;
  norm: string;
  block?: Block;
}

/** Letters only: no punctuation, white space, digits (Arabic or Chinese numerals with 年), no years. */
export function normalizeSentence(s: string): string {
  return s
    .replace(/(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})\s*年度?/g, '')
    .replace(/[0-9０-９]+(?:\.[0-9]+)?/g, '')
    .replace(/[^\p{L}]/gu, '');
}

/** Sentence ends 。！？；!?; as a table of code units (a character read, not a string and a regex test, per character). */
const SENTENCE_END = new Uint8Array(0x10000);
for (const ch of '。！？；!?;') SENTENCE_END[ch.charCodeAt(0)] = 1;

function sentencesOf(text: string, from: number, to: number, block?: Block): Sentence[] {
  const out: Sentence[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || SENTENCE_END[text.charCodeAt(i)] === 1) {
      const e = i < to ? i + 1 : to;
      const norm = normalizeSentence(text.slice(s, e));
      if (norm.length) out.push({ start: s, end: e, norm, block });
      s = e;
    }
  }
  return out;
}

function shingles(s: string, n: number): number[] {
  const set = new Set<number>();
  for (let i = 0; i + n <= s.length; i++) {
    let h = 0;
    for (let k = 0; k < n; k++) h = h * 65536 + s.charCodeAt(i + k);
    set.add(h);
  }
  return [...set];
}

/** Last year's sentences, exact set and n-gram index. */
class Corpus {
  readonly exact = new Set<string>();
  readonly index = new Map<number, number[]>();
  readonly sizes: number[] = [];
  constructor(readonly sentences: string[]) {
    sentences.forEach((s, id) => {
      this.exact.add(s);
      const sh = shingles(s, data.shingle);
      this.sizes.push(sh.length);
      for (const h of sh) {
        const list = this.index.get(h);
        if (list) list.push(id);
        else this.index.set(h, [id]);
      }
    });
  }
  /** The most similar sentence's Dice coefficient (1 for an identical one). */
  best(s: string): number {
    if (this.exact.has(s)) return 1;
    const sh = shingles(s, data.shingle);
    if (!sh.length) return 0;
    const shared = new Map<number, number>();
    for (const h of sh) {
      const list = this.index.get(h);
      if (!list || list.length > 64) continue; // stock n-grams (法治政府…) say nothing about copying
      for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    let best = 0;
    for (const [id, n] of shared) best = Math.max(best, (2 * n) / (sh.length + this.sizes[id]));
    return best;
  }
}

/** A heading with no text of its own: run-in headings (（一）健全组织。镇党委……) carry sentences and are read. */
const isTitleOnly = (b: Block) => b.isHeading && !/[。！？；]/.test(b.text);

const isStock = (norm: string) => data.stockPhrases.some((p) => norm.includes(p));

function bodySentences(doc: ReportDocument): Sentence[] {
  const out: Sentence[] = [];
  for (const b of doc.blocks) {
    if (isTitleOnly(b) || doc.meta.titleBlocks.includes(b) || doc.isIgnored(b.start, b.end)) continue;
    for (const s of sentencesOf(doc.text, b.start, b.end, b)) if (s.norm.length >= data.minChars && !isStock(s.norm)) out.push(s);
  }
  return out;
}

const rule: Rule = {
  id: 'copied-report',
  severity: 'info',
  tags: ['content'],
  docs: {
    description: '报告照抄上一年度报告：与上年报告相同或几乎相同的句子、段落，把上年的“下一年度安排”原样写成本年的成效；没有上年报告时，“成效”部分大多写成了将来时（将、拟、力争）。',
    why: '年度报告写的是上一年度的主要举措和成效、存在的不足和原因，应如实反映本年度的工作；整段照抄上年报告、把上年的计划当作成效，是督察中常见的形式主义问题，也不符合公文实事求是的要求。',
    ...cite(['supervision-25', 'gongwen-19']),
    howToFix: '用本年度实际开展的工作、数据和效果改写照抄的段落；“成效”部分写已经做了什么、取得了什么效果，计划放到“下一年度安排”。比对上年报告：命令行 --previous 上年报告.md，编辑器设置 fazhiLint.previousReport 或命令“与上年报告比对”。',
  },
  check(context) {
    const { doc } = context;
    if (doc.settings.previous !== undefined) compareWithPrevious(doc, doc.settings.previous, context.memo, context.report);
    else checkFutureTense(doc, context.memo, context.report);
  },
};

function compareWithPrevious(doc: ReportDocument, previous: string, memo: <T>(k: string, b: () => T) => T, report: (r: Report) => void): void {
  const last = memo(`previous:${previous.length}:${previous}`, () => {
    const prevDoc = buildDocument(previous, { ...doc.settings, previous: undefined });
    // Last year's plans are compared on their own (a plan restated as a result is the finding that says more).
    const planBlocks = new Set(prevDoc.outline.parts.get('next-year')!.flatMap((sec) => [sec.heading, ...sec.blocks]));
    const body = bodySentences(prevDoc);
    const all = new Corpus(body.filter((s) => !planBlocks.has(s.block!)).map((s) => s.norm));
    const plans = body
      .filter((s) => planBlocks.has(s.block!))
      .map((s) => withoutPlanWords(s.norm))
      .filter((s) => s.length >= data.minChars);
    return { all, plans: new Corpus(plans) };
  });
  const sentences = bodySentences(doc);
  const copied = new Set<Sentence>();
  for (const s of sentences) if (last.all.best(s.norm) >= data.similarity) copied.add(s);

  // Paragraphs mostly copied.
  const byBlock = new Map<Block, Sentence[]>();
  for (const s of sentences) {
    const list = byBlock.get(s.block!);
    if (list) list.push(s);
    else byBlock.set(s.block!, [s]);
  }
  for (const [block, list] of byBlock) {
    const total = list.reduce((a, s) => a + s.norm.length, 0);
    const same = list.filter((s) => copied.has(s));
    const share = same.reduce((a, s) => a + s.norm.length, 0) / total;
    if (!same.length || share < data.paragraphShare) continue;
    report({
      start: block.start,
      end: block.end,
      severity: 'warning',
      message: `本段与上一年度报告${share === 1 ? '相同' : '基本相同'}（${list.length}句中${same.length}句相同或几乎相同）：应写本年度的实际工作。`,
      data: { kind: 'copied-paragraph', sentences: list.length, copied: same.length },
    });
  }

  // Last year's plans restated as this year's results (counted in the share wherever they are; marked in 成效).
  const measures = new Set(doc.outline.parts.get('measures')!.flatMap((sec) => [sec.heading, ...sec.blocks]));
  for (const s of sentences) {
    const norm = withoutPlanWords(s.norm);
    if (norm.length < data.minChars || last.plans.best(norm) < data.similarity) continue;
    copied.add(s);
    if (!measures.has(s.block!)) continue;
    report({
      start: s.start,
      end: s.end,
      severity: 'warning',
      message: '这句话是上一年度报告“下一年度安排”中的原话，本年度照搬为成效：应写实际做了什么、效果如何。',
      data: { kind: 'plan-as-result' },
    });
  }

  const copiedShare = sentences.length ? copied.size / sentences.length : 0;
  const at = doc.meta.titleBlocks[0] ?? doc.blocks[0];
  const percent = Math.round(copiedShare * 1000) / 10;
  report({
    start: at ? at.start : 0,
    end: at ? at.end : 0,
    severity: copiedShare >= data.warnShare ? 'warning' : 'info',
    message: `与上一年度报告相同或几乎相同的句子占${percent}%（${sentences.length}句中${copied.size}句）。`,
    data: { kind: 'copied-share', copiedShare, sentences: sentences.length, copied: copied.size },
  });
}

function withoutPlanWords(norm: string): string {
  let out = norm;
  for (const w of data.planWords) out = out.split(w).join('');
  return out;
}

function checkFutureTense(doc: ReportDocument, memo: <T>(k: string, b: () => T) => T, report: (r: Report) => void): void {
  const future = memo('future', () => new RegExp(data.futureMarkers.join('|')));
  for (const section of doc.outline.parts.get('measures')!) {
    // Thematic headings are inferred as measures; only a part named as the measures part (…举措和成效) is judged.
    if (!section.partByName) continue;
    const sentences = section.blocks.filter((b) => !isTitleOnly(b)).flatMap((b) => sentencesOf(doc.text, b.start, b.end));
    const counted = sentences.filter((s) => s.norm.length >= 6);
    const planned = counted.filter((s) => future.test(doc.text.slice(s.start, s.end)));
    if (planned.length < data.minFutureSentences || planned.length / counted.length <= data.futureShare) continue;
    const h = section.heading;
    report({
      start: h.contentStart,
      end: h.end,
      message: `“${section.title}”部分${counted.length}句中有${planned.length}句写的是打算（将、拟、力争……）：成效部分应写上一年度已经做了什么、取得了什么效果。`,
      data: { kind: 'future-tense', sentences: counted.length, planned: planned.length },
    });
  }
}

export default rule;
