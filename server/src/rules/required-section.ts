// The five statutory parts must each have a section of their own.
import type { Rule, PartId } from '../engine/types.js';
import { PART_IDS } from '../engine/types.js';
import { SECTION_DATA } from '../engine/outline.js';

const rule: Rule = {
  id: 'required-section',
  severity: 'error',
  tags: ['structure'],
  docs: {
    description: '报告缺少法定的五个部分之一。',
    why: '《法治政府建设与责任落实督察工作规定》第二十五条规定了年度报告的内容：主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排、其他需要报告的情况。缺少任何一部分，报告都不完整。只在正文里顺带提及、没有单独标题的部分，仍视为缺失。',
    basis: '《法治政府建设与责任落实督察工作规定》（中办、国办 2019）第二十五条',
    howToFix: '在法定位置插入该部分的标题和内容（快速修复可插入骨架）。',
  },
  check({ doc, report }) {
    const { outline } = doc;
    for (const part of PART_IDS) {
      if (outline.parts.get(part)!.length > 0) continue;
      const info = SECTION_DATA.parts[part];
      // Where the part belongs: before the first present part that comes after it in statutory order.
      const later = PART_IDS.slice(PART_IDS.indexOf(part) + 1)
        .flatMap((p) => outline.parts.get(p)!)
        .sort((a, b) => a.start - b.start)[0];
      const anchor = later ? doc.lines.lineStart(later.heading.line) : doc.text.length;
      const mentioned = mentionedInBody(doc.prose.text, part);
      const message =
        `缺少法定部分“${info.short}”` +
        (mentioned ? '（正文中虽有提及，但没有单独的标题）' : '') +
        `。年度报告应包括“${info.name}”。`;
      // Point at the line where the part belongs (or line 1 when the report has no sections).
      const at = outline.sections.length ? anchor : 0;
      report({
        start: at,
        end: at,
        message,
        data: { part, mentionedInBody: mentioned },
        severity: part === 'other' ? 'warning' : 'error',
      });
    }
  },
};

const MENTIONS: Record<PartId, RegExp> = {
  measures: /主要举措|主要措施/,
  shortcomings: /存在的(不足|问题)/,
  'first-responsible': /第一责任人/,
  'next-year': /下一年度|下一步/,
  other: /其他需要报告/,
};

function mentionedInBody(prose: string, part: PartId): boolean {
  // Checking a simplified copy would cost a conversion of the whole text; the
  // traditional forms of the key words are few, so test both.
  return MENTIONS[part].test(prose) || TRAD_MENTIONS[part].test(prose);
}

const TRAD_MENTIONS: Record<PartId, RegExp> = {
  measures: /主要舉措|主要措施/,
  shortcomings: /存在的(不足|問題)/,
  'first-responsible': /第一責任人/,
  'next-year': /下一年度|下一步/,
  other: /其他需要報告/,
};

export default rule;
