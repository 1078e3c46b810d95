// A part that exists but lacks a required element: the shortcomings part must give the causes
// (存在的不足和原因), not only list the shortcomings; the 第一责任人 part must say what the principal leaders did
// (学法, 述法, 研究部署, and for governments 出庭应诉: rules/section-incomplete.json), as one info per part.
import type { Rule, Report } from '../engine/types.js';
import type { ReportDocument } from '../engine/document.js';
import duties from '../../../rules/section-incomplete.json';
import { cite } from './shared/citations.js';
import { SECTION_DATA, paragraphLayout } from '../engine/outline.js';
import { toSimplified, toTraditional } from '../engine/script.js';
import { PINYIN_ANNOTATION } from '../engine/pinyin.js';

const rule: Rule = {
  id: 'section-incomplete',
  severity: 'warning',
  tags: ['structure'],
  docs: {
    description: '“存在的不足和原因”部分只列了不足，没有分析原因；“第一责任人”部分没有写明主要负责人学法、述法、研究部署法治建设和出庭应诉的情况。',
    why: '《法治政府建设与责任落实督察工作规定》第二十五条要求年度报告写明上一年度推进法治政府建设“存在的不足和原因”。只罗列问题、不分析原因，报告内容不完整，也无法据此整改。',
    ...cite(['supervision-25', 'first-responsible-duties', 'admin-litigation-3']),
    howToFix: '在该部分补写产生问题的原因（如“产生上述问题的原因：一是……”）。快速修复可在该部分末尾插入原因段落骨架。',
  },
  check({ doc, report, memo }) {
    checkFirstResponsible(doc, memo, report);
    const causes = memo('causes', () => new RegExp(SECTION_DATA.causePatterns.join('|')));
    const connectives = memo('connectives', () => new RegExp((SECTION_DATA.causeConnectives ?? []).join('|') || '(?!)'));
    // Read off the whole text: once per document, not once per part reported (a long text has many).
    let layout: { eol: string; blankLines: boolean } | undefined;
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
      const { eol, blankLines } = (layout ??= paragraphLayout(doc.text, doc.blocks));
      const skeleton = doc.settings.script === 'traditional' ? toTraditional(SECTION_DATA.causeSkeleton) : SECTION_DATA.causeSkeleton;
      const at = doc.lines.lineEnd(last.line);
      // The skeleton already there (a previous pass's, glued to a line the engine ignores, such as page chrome): another
      // would not be read either, and --fix would add one per pass.
      const near = doc.text.slice(section.start, doc.lines.lineEnd(Math.min(last.line + 2, doc.lines.lineCount - 1)));
      const fix = near.includes(skeleton) ? undefined : { title: '插入原因段落骨架', edits: [{ start: at, end: at, newText: eol + (blankLines ? eol : '') + skeleton }] };
      report({
        start: heading.contentStart,
        end: titleEnd,
        ...(named ? { severity: 'info' as const } : {}),
        message: named
          ? `“${section.title}”的标题写明了原因，但正文只列了不足，没有分析原因。`
          : `“${section.title}”部分只写了不足，没有分析原因（应写明“存在的不足和原因”）。`,
        data: { part: 'shortcomings', missing: 'causes', ...(named ? { headingNamesCauses: true } : {}) },
        ...(fix ? { fix } : {}),
      });
    }
  },
};

interface Duty {
  id: string;
  name: string;
  patterns: string[];
  profiles?: string[];
  onlyIf?: Record<string, string>;
}

/** The 第一责任人 part: which duties of the principal leaders it leaves out (one info per part, listing them). */
function checkFirstResponsible(doc: ReportDocument, memo: <T>(k: string, b: () => T) => T, report: (r: Report) => void): void {
  const sections = doc.outline.parts.get('first-responsible')!;
  if (!sections.length) return;
  const level = doc.meta.bodyLevel;
  const compiled = memo('duties', () =>
    (duties.firstResponsibleDuties as Duty[]).map((d) => ({
      ...d,
      re: new RegExp(d.patterns.join('|')),
      onlyIfRe: Object.fromEntries(Object.entries(d.onlyIf ?? {}).map(([k, v]) => [k, new RegExp(v)])),
    })),
  );
  const simplified = (t: string) => toSimplified(t.replace(PINYIN_ANNOTATION, ''));
  // Said elsewhere in the report (a 学法 paragraph among the measures) counts: the plans do not.
  const plans = new Set(doc.outline.parts.get('next-year')!.flatMap((s) => [s.heading, ...s.blocks]));
  let body: string | undefined;
  const wholeBody = () => (body ??= simplified(doc.blocks.filter((b) => !plans.has(b)).map((b) => b.text).join('\n')));
  // Whether the whole body matches: the same for every part, so each pattern is run over it once.
  const inBody = new Map<RegExp, boolean>();
  const inWholeBody = (re: RegExp): boolean => {
    let found = inBody.get(re);
    if (found === undefined) inBody.set(re, (found = re.test(wholeBody())));
    return found;
  };
  for (const section of sections) {
    const text = simplified(section.blocks.map((b) => b.text).join('\n'));
    const missing = compiled.filter((d) => {
      if (d.profiles && (!level || !d.profiles.includes(level))) return false;
      const condition = level ? d.onlyIfRe[level] : undefined;
      if (condition && !inWholeBody(condition)) return false;
      return !d.re.test(text) && !inWholeBody(d.re);
    });
    if (!missing.length) continue;
    const heading = section.heading;
    const names = missing.map((d) => d.name);
    report({
      start: heading.contentStart,
      end: Math.min(heading.end, heading.contentStart + section.title.length),
      severity: 'info',
      message: `“${section.title}”部分没有写明主要负责人${names.join('、')}的情况。`,
      data: { part: 'first-responsible', missing: missing.map((d) => d.id) },
    });
  }
}

export default rule;
