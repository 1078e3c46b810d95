// The five parts should come in the regulation's order: 举措和成效, 不足和原因, 第一责任人, 下一年度, 其他.
import type { Rule, PartId } from '../engine/types.js';
import { PART_IDS } from '../engine/types.js';
import { SECTION_DATA } from '../engine/outline.js';

const rule: Rule = {
  id: 'section-order',
  severity: 'hint',
  tags: ['structure'],
  docs: {
    description: '五个法定部分没有按规定的顺序排列。',
    why: '《法治政府建设与责任落实督察工作规定》第二十五条依次列出年度报告的内容：主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度主要安排、其他需要报告的情况。按此顺序排列便于上级和公众对照查阅。',
    basis: '《法治政府建设与责任落实督察工作规定》（中办、国办 2019）第二十五条',
    howToFix: '调整各部分的先后顺序（并相应调整序号）。',
  },
  check({ doc, report }) {
    // A section is out of order when a part that the regulation puts after it came earlier.
    let latest: { part: PartId; rank: number } | undefined;
    for (const s of doc.outline.sections) {
      if (!s.part) continue;
      const rank = PART_IDS.indexOf(s.part);
      if (latest && rank < latest.rank) {
        const h = s.heading;
        report({
          start: h.start,
          end: Math.min(h.end, h.contentStart + s.title.length),
          message: `“${SECTION_DATA.parts[s.part].short}”部分应排在“${SECTION_DATA.parts[latest.part].short}”部分之前（按规定顺序）。`,
          data: { part: s.part, after: latest.part },
        });
      } else latest = { part: s.part, rank };
    }
  },
};

export default rule;
