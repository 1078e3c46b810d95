// Numbers a reviewer checks by hand: a rate that cannot be (出庭应诉率105%), a breakdown after 其中 whose parts
// add up to more than the total, one count given two values in one report (受理行政复议案件15件 … 16件), and a
// rate stated next to its two counts that does not match them (±0.5 percentage point). Real reports are full of
// numbers, so each check fires only on a shape that leaves no other reading: same unit, adjacent clauses, the
// rate's own words in its numerator's clause; rates that may exceed 100% (增长率) and plans are left alone.
import type { Rule } from '../engine/types.js';
import type { Block, ReportDocument } from '../engine/document.js';
import data from '../../../rules/statistics.json';
import { cite } from './shared/citations.js';

interface Count {
  value: number;
  unit: string;
  /** The clause before the number, back to the previous punctuation mark or number. */
  phrase: string;
  start: number;
  end: number;
}

interface Compiled {
  count: RegExp;
  rate: RegExp;
  excluded: string[];
  scope: string[];
  nouns: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(): Compiled {
  const units = [...data.units].sort((a, b) => b.length - a.length).map(escape).join('|');
  const verbs = [...data.rateVerbs].sort((a, b) => b.length - a.length).map(escape).join('|');
  return {
    // A count: an integer and its unit, not part of a decimal, a longer number, a rate or 万/亿.
    count: new RegExp(`(?<![\\d.])(\\d{1,7})(${units})(?![率%％])`, 'g'),
    rate: new RegExp(`([\\u4e00-\\u9fa5]{1,12}率)(?:${verbs})?(\\d{1,4}(?:\\.\\d{1,2})?)[%％]`, 'g'),
    excluded: data.rateExcluded,
    scope: data.scopeWords,
    nouns: data.countedNouns,
  };
}

const DIGIT = /\d/;
const CLAUSE_BOUNDARY = /[，,。；;：:、（）()“”"《》\d%％\s]/;

function clauseBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !CLAUSE_BOUNDARY.test(text[i - 1])) i--;
  return text.slice(i, at);
}

/** Sentence ends 。；;！？!?, looked for by the regex engine (not by a loop over every character, which runs mostly unoptimised in a run's first checks). */
const SENTENCE_END = /[。；;！？!?]/g;

/** Sentences of a block: [start, end) offsets into block.text, split at 。；！？. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  SENTENCE_END.lastIndex = 0;
  while (SENTENCE_END.test(text)) {
    const e = SENTENCE_END.lastIndex;
    out.push([s, e]);
    s = e;
  }
  if (s < text.length) out.push([s, text.length]);
  return out;
}

const rule: Rule = {
  id: 'statistics',
  severity: 'warning',
  tags: ['numbers'],
  docs: {
    description: '统计数字自相矛盾：比率超过100%（如“出庭应诉率105%”），“其中”各项之和超过总数，同一统计数前后写成两个数，或比率与所列两个数字不符。',
    why: '年度报告向社会公开，数字是最容易被核对的内容。一个算不通的数字会让读者怀疑整份报告；公文审核的重点之一就是数字是否准确。',
    ...cite(['gongwen-20']),
    howToFix: '核对原始统计，改正错误的数字或比率；“其中”只列总数的组成部分。',
  },
  check({ doc, memo, report }) {
    const c = memo('compiled', compile);
    const nextYear = new Set(doc.outline.parts.get('next-year')!.flatMap((s) => s.blocks.map((b) => b.index).concat(s.heading.index)));
    const firstOf = new Map<string, Count>();
    const reportedKeys = new Set<string>();
    for (const block of doc.blocks) {
      // Run-in headings (（一）发挥行政复议主渠道作用。全年受理……) carry body text: headings are read too.
      if (doc.isIgnored(block.start, block.end)) continue;
      for (const [s, e] of sentences(block.text)) checkSentence(doc, block, s, e, c, nextYear.has(block.index), firstOf, reportedKeys, report);
    }
  },
};

function checkSentence(
  doc: ReportDocument,
  block: Block,
  s: number,
  e: number,
  c: Compiled,
  inPlans: boolean,
  firstOf: Map<string, Count>,
  reportedKeys: Set<string>,
  report: (r: import('../engine/types.js').Report) => void,
): void {
  const text = block.text;
  const sentence = text.slice(s, e);
  // Every check needs a count or a rate, and both need a digit: most sentences have none.
  if (!DIGIT.test(sentence)) return;
  const counts: Count[] = [];
  c.count.lastIndex = 0;
  for (const m of sentence.matchAll(c.count)) {
    const at = s + m.index!;
    counts.push({ value: Number(m[1]), unit: m[2], phrase: clauseBefore(text, at), start: block.start + at, end: block.start + at + m[0].length });
  }
  const rates: { name: string; value: number; start: number; end: number; at: number }[] = [];
  // (A rate names itself …率: the pattern, which tries each run of Han characters, only where one is.)
  if (sentence.includes('率')) for (const m of sentence.matchAll(c.rate)) {
    // The rate's own name: the clause's last words (……，调解成功率98.4%).
    const name = clauseBefore(m[1], m[1].length);
    const at = s + m.index! + (m[1].length - name.length);
    rates.push({ name, value: Number(m[2]), start: block.start + at, end: block.start + s + m.index! + m[0].length, at });
  }

  // A rate above 100%.
  for (const r of rates) {
    if (r.value <= 100 || c.excluded.some((x) => r.name.includes(x))) continue;
    report({
      start: r.start,
      end: r.end,
      message: `“${doc.text.slice(r.start, r.end)}”：${r.name}不可能超过100%，请核对。`,
      data: { kind: 'rate-over-100', rate: r.name, value: r.value },
    });
  }

  // 其中: the parts right after the total, in the total's unit, add up to more than it.
  const among = sentence.indexOf('其中');
  if (among >= 0) {
    const at = block.start + s + among;
    const total = [...counts].reverse().find((k) => k.end <= at && at - k.end <= 1 && /^[，,]?$/.test(doc.text.slice(k.end, at)));
    if (total) {
      const parts: Count[] = [];
      let from = at + 2;
      for (const k of counts) {
        if (k.start < from) continue;
        const between = doc.text.slice(from, k.start);
        if (k.unit !== total.unit || !/^[\u4e00-\u9fa5]{1,12}$/.test(between.replace(/^[、，,]/, '')) || /同比|增长|较|占|比上/.test(between)) break;
        parts.push(k);
        from = k.end;
        if (!/^[、，,]/.test(doc.text.slice(from, from + 1))) break;
      }
      const sum = parts.reduce((a, k) => a + k.value, 0);
      if (parts.length >= 2 && sum > total.value) {
        report({
          start: total.start,
          end: parts[parts.length - 1].end,
          message: `“其中”各项之和（${parts.map((k) => k.value).join('+')}=${sum}${total.unit}）超过总数${total.value}${total.unit}，请核对。`,
          data: { kind: 'breakdown-exceeds-total', total: total.value, sum },
        });
      }
    }
  }

  // One count, two values: the same counted phrase (a statutory statistic: 案件, 纠纷…) with another number.
  if (!inPlans) {
    for (const k of counts) {
      // A phrase right after a year or month (2022年受理…) is that period's count, not the report's.
      if (k.phrase.length < 4 || /^[年月日号]/.test(k.phrase) || !c.nouns.some((n) => k.phrase.includes(n)) || c.scope.some((w) => k.phrase.includes(w))) continue;
      const key = `${k.phrase}\u0000${k.unit}`;
      const first = firstOf.get(key);
      if (!first) {
        firstOf.set(key, k);
        continue;
      }
      if (first.value === k.value || reportedKeys.has(key)) continue;
      reportedKeys.add(key);
      const line = doc.lines.position(first.start).line;
      report({
        start: k.start,
        end: k.end,
        message: `“${k.phrase}”前文（第${line}行）为${first.value}${first.unit}，此处为${k.value}${k.unit}：同一统计数前后不一致。`,
        data: { kind: 'two-values', phrase: k.phrase, values: [first.value, k.value] },
      });
    }
  }

  // A rate next to its two counts: numerator (its clause names the rate's subject) ÷ denominator.
  if (rates.length !== 1 || among >= 0) return;
  const rate = rates[0];
  if (rate.value > 100 || c.excluded.some((x) => rate.name.includes(x))) return;
  const before = counts.filter((k) => k.end <= rate.start);
  if (before.length < 2) return;
  const unit = before[before.length - 1].unit;
  const same = before.filter((k) => k.unit === unit);
  if (same.length !== 2 || before.length !== 2) return;
  const stem = rate.name.slice(0, -1);
  const names = (k: Count) => k.phrase.length >= 2 && (k.phrase.includes(stem) || stem.includes(k.phrase) || (stem.length >= 2 && k.phrase.endsWith(stem.slice(-2))));
  const [a, b] = same;
  const numerator = names(b) ? b : names(a) ? a : undefined;
  if (!numerator) return;
  const denominator = numerator === a ? b : a;
  if (denominator.value <= 0 || numerator.value > denominator.value) return;
  const actual = (numerator.value / denominator.value) * 100;
  if (Math.abs(actual - rate.value) <= 0.5) return;
  report({
    start: rate.start,
    end: rate.end,
    message: `${rate.name}${rate.value}%与所列数字不符：${numerator.value}÷${denominator.value}≈${actual.toFixed(1)}%。`,
    data: { kind: 'rate-mismatch', stated: rate.value, computed: Math.round(actual * 10) / 10 },
  });
}

export default rule;
