// Enumerations written 一是……二是……三是…… must run in order within one paragraph or section:
// no skipped or repeated item. 一是 always opens a new enumeration (不足：一是… 原因：一是…).
import type { Rule } from '../engine/types.js';
import type { Block, ReportDocument } from '../engine/document.js';
import { chineseNumeralValue } from '../engine/numbering.js';
import { topSectionOf } from '../engine/outline.js';
import { cite } from './shared/citations.js';

/** N是 at the start of a block or after punctuation/space (统一是, 唯一是 are words, not items); * and _ are Markdown emphasis (**一是**健全…). */
const ITEM = /(?<=^|[，,。；;：:！？!?、\s（(“"*_])([一二三四五六七八九十]{1,3})[ \u3000]?是/g;

/** 一是 right after a word (not 统一是, 唯一是, 之一是 and the like, where 一 belongs to the word before). */
const GLUED_FIRST = /(?<=[\u4e00-\u9fa5])(?<![统唯单同专万之不第划归整合逐如均任其另每为])一是/;

const rule: Rule = {
  id: 'item-sequence',
  severity: 'warning',
  tags: ['structure', 'numbering'],
  docs: {
    description: '“一是、二是、三是……”的列举在同一段落或同一部分内跳号或重号。',
    why: '“一是……二是……”是公文中常用的列举方式，序数应连续。跳号、重号多是删改段落后没有同步调整，读者会以为漏了内容。',
    ...cite(['gongwen-19', 'gbt9704-7.3.3']),
    howToFix: '按顺序改正序数，或补上遗漏的一项。',
  },
  check({ doc, report }) {
    const { outline } = doc;
    let prev: { value: number; marker: string } | undefined;
    let scopeStart = 0;
    for (const block of doc.blocks) {
      // A heading opens a new scope: an enumeration continues across the paragraphs of one section only.
      if (block.isHeading) {
        prev = undefined;
        scopeStart = block.start;
      }
      for (const item of itemsOf(doc, block)) {
        const value = chineseNumeralValue(item.numeral);
        if (!Number.isFinite(value)) continue;
        const marker = doc.text.slice(item.start, item.end);
        if (value === 1) {
          prev = { value, marker };
          continue;
        }
        let message: string | undefined;
        if (!prev) {
          // 一是 glued to the heading before it (…政府信息公开一是完善…, a one-line page): the enumeration did start.
          if (!GLUED_FIRST.test(doc.text.slice(scopeStart, item.start))) message = `列举从“${marker}”开始，前面没有“一是”。`;
        } else if (value === prev.value) message = `列举序数重复：“${prev.marker}”之后又是“${marker}”。`;
        else if (value > prev.value + 1) message = `列举序数跳号：“${prev.marker}”之后是“${marker}”。`;
        else if (value < prev.value) message = `列举序数顺序颠倒：“${prev.marker}”之后是“${marker}”。`;
        if (message) {
          const part = topSectionOf(outline, item.start)?.part;
          report({ start: item.start, end: item.end, message, data: { ...(part ? { part } : {}), expected: prev ? prev.value + 1 : 1 } });
        }
        prev = { value, marker };
      }
    }
  },
};

function itemsOf(doc: ReportDocument, block: Block) {
  const out: { numeral: string; start: number; end: number }[] = [];
  // Every item ends in 是: most blocks are dismissed without running the regex (its lookbehind is slow).
  if (!block.text.includes('是')) return out;
  // Match on the block's text: pinyin annotations (是(shì)) sit after the item, not inside "一是".
  for (const m of block.text.matchAll(ITEM)) {
    const start = block.start + m.index!;
    const end = start + m[0].length;
    if (doc.isIgnored(start, end)) continue;
    out.push({ numeral: m[1], start, end });
  }
  return out;
}

export default rule;
