// Heading numbering (一、 （一） 1. （1）): each sequence of sibling headings at one level must run 1, 2, 3…
// in one style. Siblings are the children of one section (or the top level), so numbering restarts
// under each parent as GB/T 9704 intends.
import type { Fix, OffsetEdit, Rule, Report } from '../engine/types.js';
import type { Section } from '../engine/document.js';
import { formatMarker, type NumberingStyle } from '../engine/numbering.js';
import { topSectionOf } from '../engine/outline.js';
import { cite } from './shared/citations.js';

/** The half-width form of a style and its GB/T 9704 full-width form. */
const PREFERRED: Partial<Record<NumberingStyle, NumberingStyle>> = {
  'cn-paren-half': 'cn-paren',
  'cn-dot': 'cn-comma',
  'arabic-paren-half': 'arabic-paren',
  'arabic-comma': 'arabic-dot',
};

interface Item {
  section: Section;
  value: number;
  style: NumberingStyle;
  marker: string;
  start: number;
  /** Numbered at the wrong level (（1） among （一）（二）): its marker is wrong, not its place. */
  misleveled: boolean;
}

const rule: Rule = {
  id: 'heading-numbering',
  severity: 'warning',
  tags: ['structure', 'numbering'],
  docs: {
    description: '同一层级的标题序号跳号、重号、重新起编，或混用不同样式（如“（一）（二）”中夹“（1）”，全角“（三）”后接半角“(四)”）。',
    why: '公文结构层次序数依次为“一、”“（一）”“1.”“（1）”，同级序号应连续、样式一致；跳号、重号或样式混杂通常是删改或拼接后遗留的错误，会让读者误判层次。',
    ...cite(['gbt9704-7.3.3']),
    howToFix: '按顺序重新编号，并统一为同级第一个序号的样式（半角括号统一为全角）。快速修复可自动重新编号或统一样式。',
  },
  check({ doc, report }) {
    const { outline } = doc;
    const groups: Section[][] = [outline.all.filter((s) => !s.parent)];
    for (const s of outline.all) if (s.children.length) groups.push(s.children);
    // An excerpt that starts after a cut (……（开头部分已省略650字）) starts its numbering where the cut fell.
    const midwayUntil = doc.extent.startsMidway ? (outline.sections[0]?.start ?? Infinity) : -1;
    for (const group of groups) checkGroup(group, midwayUntil, (r) => {
      const top = topSectionOf(outline, r.start);
      report({ ...r, data: { ...r.data, ...(top?.part ? { part: top.part } : {}) } });
    });
  },
};

function checkGroup(group: Section[], midwayUntil: number, report: (r: Report) => void): void {
  const numbered = group.filter((s) => s.heading.numbering);
  if (numbered.length === 0) return;
  // The level most siblings use; ties go to the higher (smaller) level.
  const counts = new Map<number, number>();
  for (const s of numbered) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];

  // nextMain[i]: the first main-level sibling after i (one backward pass keeps this linear).
  const nextMain: (Section | undefined)[] = new Array(numbered.length);
  for (let i = numbered.length - 1, seen: Section | undefined; i >= 0; i--) {
    nextMain[i] = seen;
    if (numbered[i].level === main) seen = numbered[i];
  }
  const byLevel = new Map<number, Item[][]>();
  let mainCount = 0;
  for (let i = 0; i < numbered.length; i++) {
    const s = numbered[i];
    const n = s.heading.numbering!;
    let misleveled = false;
    if (s.level !== main) {
      // （1） where （一） belongs: the main-level sequence is missing exactly this value here.
      const next = nextMain[i];
      misleveled = n.value === mainCount + 1 && (next ? next.heading.numbering!.value === n.value + 1 : mainCount > 0);
    }
    const item: Item = { section: s, value: n.value, style: n.style, marker: n.marker, start: s.heading.start, misleveled };
    const level = misleveled ? main : s.level;
    if (level === main) mainCount++;
    if (!byLevel.has(level)) byLevel.set(level, [[]]);
    const runs = byLevel.get(level)!;
    // A list (1. 2. …) may legitimately start again under the same heading: a new run. Compared as GB/T
    // levels (1. is 3), which section levels are not in a report divided into 第一部分, 第二部分….
    if (level - (s.level - n.level) >= 3 && n.value === 1 && runs[runs.length - 1].length) runs.push([]);
    runs[runs.length - 1].push(item);
  }

  for (const runs of byLevel.values()) for (const seq of runs) {
    const mainStyles = seq.filter((it) => !it.misleveled).map((it) => it.style);
    const reference = referenceStyle(mainStyles.length ? mainStyles : seq.map((it) => it.style));
    // Renumbering the whole sequence 1…n in the reference style (also normalises styles).
    const renumber: OffsetEdit[] = [];
    seq.forEach((it, i) => {
      const want = formatMarker(reference, i + 1);
      if (want !== it.marker) renumber.push({ start: it.start, end: it.start + it.marker.length, newText: want });
    });
    const renumberFix: Fix = { title: '按顺序重新编号', edits: renumber };

    let prev: Item | undefined;
    let offered = false;
    const firstMain = seq.find((x) => !x.misleveled);
    for (const it of seq) {
      const range = { start: it.start, end: it.start + it.marker.length };
      const want = formatMarker(reference, it.value);
      if (it.misleveled) {
        report({
          ...range,
          message: `序号“${it.marker}”与同级的${firstMain ? `“${firstMain.marker}”等` : ''}序号层次不一致，应为“${want}”。`,
          data: { kind: 'level', expected: want },
          fix: { title: `改为“${want}”`, edits: [{ ...range, newText: want }] },
        });
      } else if (it.style !== reference) {
        report({
          ...range,
          message: `序号“${it.marker}”与同级序号样式不一致，应为“${want}”。`,
          data: { kind: 'style', expected: want },
          fix: { title: `统一为“${want}”`, edits: [{ ...range, newText: want }] },
        });
      }
      const problem = !prev && it.start <= midwayUntil ? undefined : sequenceProblem(prev, it);
      if (problem) {
        // The renumbering covers the whole sequence: offered once (on the first break) keeps this linear.
        report({ ...range, message: problem, data: { kind: 'sequence', expected: prev ? prev.value + 1 : 1 }, ...(offered ? {} : { fix: renumberFix }) });
        offered = true;
      }
      prev = it;
    }
  }
}

function sequenceProblem(prev: Item | undefined, it: Item): string | undefined {
  const shown = (x: Item) => `“${x.marker}”`;
  if (!prev) return it.value === 1 ? undefined : `同级序号从${shown(it)}开始，缺少前面的序号。`;
  if (it.value === prev.value + 1) return undefined;
  if (it.value === prev.value) return `序号${shown(it)}与上一个同级序号重复。`;
  if (it.value > prev.value) return `序号跳号：${shown(prev)}之后是${shown(it)}。`;
  return it.value === 1 ? `序号在同一层级内重新从${shown(it)}起编（上一个是${shown(prev)}）。` : `序号顺序颠倒：${shown(prev)}之后是${shown(it)}。`;
}

/** The style a sequence should use: the first item's, with the GB/T full-width form where both forms occur. */
function referenceStyle(styles: NumberingStyle[]): NumberingStyle {
  const first = styles[0];
  const preferred = PREFERRED[first];
  if (preferred && styles.includes(preferred)) return preferred;
  return first;
}

export default rule;
