// The five parts should come in the regulation's order: 举措和成效, 不足和原因, 第一责任人, 下一年度, 其他.
import type { Rule } from '../engine/types.js';
import { PART_IDS } from '../engine/types.js';
import { SECTION_DATA } from '../engine/outline.js';
import { cite } from './shared/citations.js';

const rule: Rule = {
  id: 'section-order',
  severity: 'hint',
  tags: ['structure'],
  docs: {
    description: '五个法定部分没有按规定的顺序排列。',
    why: '《法治政府建设与责任落实督察工作规定》第二十五条依次列出年度报告的内容：主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度主要安排、其他需要报告的情况。按此顺序排列便于上级和公众对照查阅。',
    ...cite(['supervision-25']),
    howToFix: '调整各部分的先后顺序（并相应调整序号）。',
  },
  check({ doc, report }) {
    const sections = doc.outline.sections.filter((s) => s.part);
    // A combined heading (存在的问题和下一步打算) takes the place of the first part it names.
    const ranks = sections.map((s) => Math.min(...(s.parts ?? [s.part!]).map((p) => PART_IDS.indexOf(p))));
    // The fewest sections to move: those outside a longest non-decreasing run of ranks.
    const keep = longestNonDecreasing(ranks);
    const present = new Set(ranks);
    sections.forEach((s, i) => {
      if (keep.has(i)) return;
      const rank = ranks[i];
      const before = [...present].filter((r) => r < rank).sort((a, b) => b - a)[0];
      const after = [...present].filter((r) => r > rank).sort((a, b) => a - b)[0];
      const name = (r: number) => `“${SECTION_DATA.parts[PART_IDS[r]].short}”`;
      const where = before !== undefined ? `应排在${name(before)}部分之后` : `应排在${name(after)}部分之前`;
      const h = s.heading;
      report({
        start: h.start,
        end: Math.min(h.end, h.contentStart + s.title.length),
        message: `${name(rank)}部分的位置不符合规定顺序，${where}。`,
        data: { part: PART_IDS[rank], after: before !== undefined ? PART_IDS[before] : undefined, before: after !== undefined ? PART_IDS[after] : undefined },
      });
    });
    // A part given only as a sub-item of another part ((一)履行推进法治建设第一责任人职责 under 一、主要举措和成效).
    for (const [part, subs] of doc.outline.nested) {
      const s = subs[0];
      let top = s;
      while (top.parent) top = top.parent;
      const h = s.heading;
      const name = SECTION_DATA.parts[part].short;
      report({
        start: h.start,
        end: Math.min(h.end, h.contentStart + s.title.length),
        message: h.isHeading
          ? `“${name}”写成了${top === s ? '' : `“${top.title}”之下的`}小标题“${h.numbering?.marker ?? ''}${s.title}”，按规定应单独成为一个部分。`
          : `“${name}”部分的标题“${s.title}”没有序号，没有作为单独的一个部分排列。`,
        data: { part, nested: true },
      });
    }
  },
};

export default rule;

/** Indices of a longest non-decreasing subsequence (patience sorting, O(n log n)). */
function longestNonDecreasing(values: number[]): Set<number> {
  const tails: number[] = []; // index of the last element of the best run of each length
  const prev: number[] = new Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] <= v) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}
