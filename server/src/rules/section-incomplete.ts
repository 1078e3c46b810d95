// A part that exists but lacks a required element: the shortcomings part must give the causes
// (存在的不足和原因), not only list the shortcomings.
import type { Rule } from '../engine/types.js';
import { SECTION_DATA, paragraphLayout } from '../engine/outline.js';
import { toSimplified, toTraditional } from '../engine/script.js';
import { PINYIN_ANNOTATION } from '../engine/pinyin.js';

const rule: Rule = {
  id: 'section-incomplete',
  severity: 'warning',
  tags: ['structure'],
  docs: {
    description: '“存在的不足和原因”部分只列了不足，没有分析原因。',
    why: '《法治政府建设与责任落实督察工作规定》第二十五条要求年度报告写明上一年度推进法治政府建设“存在的不足和原因”。只罗列问题、不分析原因，报告内容不完整，也无法据此整改。',
    basis: '《法治政府建设与责任落实督察工作规定》（中办、国办 2019）第二十五条',
    howToFix: '在该部分补写产生问题的原因（如“产生上述问题的原因：一是……”）。快速修复可在该部分末尾插入原因段落骨架。',
  },
  check({ doc, report, memo }) {
    const causes = memo('causes', () => new RegExp(SECTION_DATA.causePatterns.join('|')));
    const connectives = memo('connectives', () => new RegExp((SECTION_DATA.causeConnectives ?? []).join('|') || '(?!)'));
    for (const section of doc.outline.parts.get('shortcomings')!) {
      const simplified = (b: { text: string }) => toSimplified(b.text.replace(PINYIN_ANNOTATION, ''));
      const body = section.blocks.map(simplified);
      if (body.some((t) => causes.test(t))) continue;
      // A part titled 不足和原因 promises the causes: causal wording in the body (导致, 因此, 加之…) is taken
      // as the analysis; with none at all, the heading was copied from the regulation and the analysis is
      // missing — said as a suggestion, since causes can be written without such words.
      const named = causes.test(simplified(section.heading));
      if (named && body.some((t) => connectives.test(t))) continue;
      const heading = section.heading;
      const titleEnd = Math.min(heading.end, heading.contentStart + section.title.length);
      const last = section.blocks.length ? section.blocks[section.blocks.length - 1] : heading;
      const { eol, blankLines } = paragraphLayout(doc.text, doc.blocks);
      const skeleton = doc.settings.script === 'traditional' ? toTraditional(SECTION_DATA.causeSkeleton) : SECTION_DATA.causeSkeleton;
      const at = doc.lines.lineEnd(last.line);
      report({
        start: heading.contentStart,
        end: titleEnd,
        ...(named ? { severity: 'info' as const } : {}),
        message: named
          ? `“${section.title}”的标题写明了原因，但正文只列了不足，没有分析原因。`
          : `“${section.title}”部分只写了不足，没有分析原因（应写明“存在的不足和原因”）。`,
        data: { part: 'shortcomings', missing: 'causes', ...(named ? { headingNamesCauses: true } : {}) },
        fix: { title: '插入原因段落骨架', edits: [{ start: at, end: at, newText: eol + (blankLines ? eol : '') + skeleton }] },
      });
    }
  },
};

export default rule;
