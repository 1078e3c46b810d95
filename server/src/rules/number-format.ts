// Numbers written as GB/T 15835-2011 and GB/T 9704-2012 ask: a range keeps the sign or unit on both numbers
// where leaving it off changes the meaning (15～30% → 15%～30%, 9～16亿 → 9亿～16亿); two adjacent numerals
// that make an approximate number take no 顿号 (三、四次 → 三四次); a heading marker is 1. not 1、 and （一）
// takes nothing after it (（一）、 → （一）). heading-numbering renumbers markers; both fixes agree on the
// GB/T 9704 form, so applying both and checking again leaves nothing.
import type { Rule } from '../engine/types.js';
import data from '../../../rules/number-format.json';
import { cite } from './shared/citations.js';
import { chineseNumeralValue } from '../engine/numbering.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const rule: Rule = {
  id: 'number-format',
  severity: 'warning',
  tags: ['numbers', 'numbering'],
  local: true,
  docs: {
    description: '数字写法不规范：数值范围省略了前一个数的符号或单位（“15～30%”“9～16亿”），概数中间加了顿号（“三、四次”），标题序号写成“1、”或“（一）、”。',
    why: '“15～30%”可读作“15到30%”，“9～16亿”可读作“9到16亿”，省略前一个数值的百分号或单位会造成歧义；两个相邻数字连用表示概数时不用顿号；公文层次序数依次用“一、”“（一）”“1.”“（1）”。',
    ...cite(['gbt15835-range', 'gbt15835-approximate', 'gbt9704-7.3.3']),
    howToFix: '快速修复：补上前一个数值的符号或单位，删去概数中的顿号，把“1、”改为“1.”、删去“（一）”后的顿号。',
  },
  check({ doc, memo, report }) {
    const c = memo('compiled', () => {
      const units = [...data.rangeUnits].sort((a, b) => b.length - a.length).map(escape).join('|');
      return {
        range: new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)(\\s*[${data.rangeDashes.join('')}]\\s*)(\\d+(?:\\.\\d+)?)(${units})`, 'g'),
        // 三、四次: consecutive numerals, a measure word after them, not 第三、四次 and not inside a list 二、三、四次.
        approximate: new RegExp(`(?<![第、])([一二三四五六七八九])、([二三四五六七八九十])(?=[${data.approximateMeasures}])(?!年级|[年月]度)`, 'g'),
      };
    });
    for (const block of doc.blocks) {
      if (doc.isIgnored(block.start, block.end)) continue;
      const t = block.text;
      // Heading markers: 1、 → 1. ; （一）、 → （一）.
      const n = block.numbering;
      if (n) {
        const after = block.start + n.marker.length;
        if (n.style === 'arabic-comma') {
          const at = after - 1;
          report({
            start: block.start,
            end: after,
            message: `序号“${n.marker}”应写作“${n.value}.”：阿拉伯数字序号后用下脚点，不用顿号。`,
            data: { kind: 'heading-marker', standard: `${n.value}.` },
            fix: { title: `改为“${n.value}.”`, edits: [{ start: at, end: after, newText: '.' }] },
          });
        } else if (/paren/.test(n.style) && /^[、，,.．]/.test(t.slice(n.marker.length))) {
          report({
            start: block.start,
            end: after + 1,
            message: `带括号的序号“${n.marker}”后不再加标点：应为“${n.marker}”。`,
            data: { kind: 'heading-marker', standard: n.marker },
            fix: { title: `删去“${n.marker}”后的“${t[n.marker.length]}”`, edits: [{ start: after, end: after + 1, newText: '' }] },
          });
        }
      }
      for (const m of t.matchAll(c.range)) {
        const [, , , , unit] = m;
        const start = block.start + m.index!;
        const firstEnd = start + m[1].length;
        report({
          start,
          end: start + m[0].length,
          message: `“${m[0]}”应写作“${m[1]}${unit}${m[2].trim()}${m[3]}${unit}”：表示范围时，省略前一个数值的“${unit}”会造成歧义。`,
          data: { kind: 'range-unit' },
          fix: { title: `在${m[1]}后补“${unit}”`, edits: [{ start: firstEnd, end: firstEnd, newText: unit }] },
        });
      }
      for (const m of t.matchAll(c.approximate)) {
        const at = m.index!;
        // At the block's start, 三、 is the block's own numbering (三、四次会议…), not an approximate number.
        if (n && at < n.marker.length) continue;
        if (chineseNumeralValue(m[2]) !== chineseNumeralValue(m[1]) + 1) continue;
        const start = block.start + at;
        const comma = start + 1;
        report({
          start,
          end: start + 3,
          message: `概数“${m[1]}、${m[2]}”中间不用顿号，应为“${m[1]}${m[2]}”。`,
          data: { kind: 'approximate' },
          fix: { title: `改为“${m[1]}${m[2]}”`, edits: [{ start: comma, end: comma + 1, newText: '' }] },
        });
      }
    }
  },
};

export default rule;
