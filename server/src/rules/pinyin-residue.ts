// Romanisation left after Han characters by a bad web conversion (鎮(zhèn)):
// one finding per annotation; the fix deletes the annotation only, so
// fixing all of them restores the text exactly as it was without them.
import type { Rule } from '../engine/types.js';
import { cite } from './shared/citations.js';

const rule: Rule = {
  id: 'pinyin-residue',
  severity: 'error',
  tags: ['script', 'conversion'],
  local: true,
  docs: {
    description: '汉字后残留带声调的拼音注音，如“鎮(zhèn)”“設(shè)”。',
    why: '这类注音是网页“拼音标注”功能或错误的繁简转换留下的，不属于报告正文；公开发布的报告出现拼音残留，影响严肃性和可读性。',
    ...cite(['language-law-9', 'gongwen-20']),
    howToFix: '删除汉字后括号内的拼音（快速修复逐处删除，可一次全部修复）。',
  },
  check({ doc, report }) {
    // doc.prose.removed are exactly the annotations (engine/pinyin.ts), found once per document.
    for (const span of doc.prose.removed) {
      if (doc.isIgnored(span.start, span.end)) continue;
      const annotation = doc.text.slice(span.start, span.end);
      const char = doc.text[span.start - 1];
      report({
        start: span.start,
        end: span.end,
        message: `“${char}”后残留拼音注音“${annotation}”，应删除。`,
        data: { annotation, pinyin: annotation.slice(1, -1) },
        fix: { title: `删除拼音“${annotation}”`, edits: [{ start: span.start, end: span.end, newText: '' }] },
      });
    }
  },
};

export default rule;
