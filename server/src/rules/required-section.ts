// The five statutory parts must each have a section of their own.
import type { Rule, PartId, Fix, OffsetEdit } from '../engine/types.js';
import { PART_IDS } from '../engine/types.js';
import { SECTION_DATA, paragraphLayout } from '../engine/outline.js';
import { formatMarker } from '../engine/numbering.js';
import { toTraditional } from '../engine/script.js';
import type { ReportDocument, Section } from '../engine/document.js';
import { cite } from './shared/citations.js';

const rule: Rule = {
  id: 'required-section',
  severity: 'error',
  tags: ['structure'],
  docs: {
    description: '报告缺少法定的五个部分之一。',
    why: '《法治政府建设与责任落实督察工作规定》第二十五条规定了年度报告的内容：主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排、其他需要报告的情况。缺少任何一部分，报告都不完整。只在正文里顺带提及、没有单独标题的部分，仍视为缺失。',
    ...cite(['supervision-25']),
    howToFix: '在法定位置插入该部分的标题和内容（快速修复可插入骨架）。',
  },
  check({ doc, report }) {
    const { outline } = doc;
    for (const part of PART_IDS) {
      if (outline.parts.get(part)!.length > 0) continue;
      // Present without a top-level heading of its own (a sub-item, or the measures before the first named
      // part of an excerpt): not missing; section-order says where it belongs.
      if (outline.nested.get(part)?.length || outline.implicit.has(part)) continue;
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
      // The part's skeleton already in the text (inserted where it is no heading: inside an HTML block, under an
      // unclosed marker…): inserting another would not make it present either, and --fix would add one per pass.
      const inserted = doc.text.includes(info.skeleton[0]) || doc.text.includes(toTraditional(info.skeleton[0]));
      const fix = outline.sections.length && !inserted ? skeletonFix(doc, part, later) : undefined;
      report({
        start: at,
        end: at,
        message,
        data: { part, mentionedInBody: mentioned },
        severity: part === 'other' ? 'warning' : 'error',
        ...(fix ? { fix } : {}),
      });
    }
  },
};

/**
 * Inserts the part's heading and placeholder paragraphs before `anchor` (the next present part) or at the
 * end. The new heading takes the anchor's number and the later top-level headings move up by one, in the
 * same fix, so numbering stays unique. A fix appended at the end also rewrites (identically) the marker its
 * number was derived from: any other insertion renumbering that heading then conflicts with it, and
 * applyFixes defers one of the two to the next pass instead of producing two headings with one number.
 */
function skeletonFix(doc: ReportDocument, part: PartId, anchor: Section | undefined): Fix | undefined {
  const { text, outline } = doc;
  const info = SECTION_DATA.parts[part];
  const { eol, blankLines } = paragraphLayout(text, doc.blocks);
  const gap = blankLines ? eol + eol : eol;
  const local = (s: string) => (doc.settings.script === 'traditional' ? toTraditional(s) : s);
  const model = anchor ?? outline.sections[outline.sections.length - 1];
  const modelPrefix = text.slice(headingLineStart(doc, model.heading), model.heading.start);
  // A setext heading (a line underlined with === or ---) has no # to copy: the new heading gets the same
  // depth as an ATX heading, or it would be a paragraph, the part missing again, and --fix append it each pass.
  const setext = model.heading.markdownDepth > 0 && !modelPrefix.includes('#');
  const prefix = setext ? `${modelPrefix}${'#'.repeat(model.heading.markdownDepth)} ` : modelPrefix;
  const numbering = model.heading.numbering;
  const edits: OffsetEdit[] = [];
  let marker = '';
  if (numbering) {
    const value = anchor ? numbering.value : numbering.value + 1;
    marker = formatMarker(numbering.style, value);
    for (const s of outline.sections) {
      const n = s.heading.numbering;
      if (!n || n.level !== numbering.level || s.start < model.start) continue;
      const start = s.heading.start;
      const newText = anchor ? formatMarker(n.style, n.value + 1) : n.marker;
      edits.push({ start, end: start + n.marker.length, newText });
    }
  }
  // What closes the model heading on its line (the ** of a bold heading, an ATX heading's closing #s): without it a
  // bold heading's copy is an unclosed ** line, no heading, and the part reported (and --fix inserted) again.
  const lineEnd = doc.lines.lineEnd(model.heading.line);
  const closing = text.slice(Math.min(model.heading.end, lineEnd), lineEnd);
  const suffix = /^[ \t\u3000]*[*_#]+[ \t\u3000]*$/.test(closing) ? closing.trimEnd() : '';
  const body = [`${prefix}${marker}${local(info.heading)}${suffix}`, ...info.skeleton.map(local)].join(gap);
  if (anchor) {
    // One edit from the anchor's line start through its marker: an insertion and a replacement at the same
    // offset would count as overlapping edits.
    const at = headingLineStart(doc, anchor.heading);
    const own = edits.findIndex((e) => e.start === anchor.heading.start);
    const end = own >= 0 ? edits[own].end : at;
    const renumbered = own >= 0 ? modelPrefix + edits[own].newText : '';
    if (own >= 0) edits.splice(own, 1);
    // A heading inline in a one-line report: the part goes on lines of its own before it.
    const lead = at === doc.lines.lineStart(anchor.heading.line) ? '' : eol;
    edits.push({ start: at, end, newText: lead + body + gap + renumbered });
  } else {
    const end = text.length;
    let lead = '';
    if (!/[\r\n]$/.test(text)) lead = eol;
    if (blankLines && !/(\r?\n|\r)[ \t\u3000]*(\r?\n|\r)[ \t\u3000]*$/.test(text)) lead += eol;
    edits.push({ start: end, end, newText: lead + body + eol });
  }
  return { title: `插入“${info.short}”部分的骨架${marker ? `（${marker}${info.heading}）` : ''}`, edits };
}

/** Where a heading's line starts (after its Markdown prefix); for a heading inline in a one-line report, the heading itself. */
function headingLineStart(doc: ReportDocument, heading: Section['heading']): number {
  const lineStart = doc.lines.lineStart(heading.line);
  return /^[\s\u3000>#*+\-]*$/.test(doc.text.slice(lineStart, heading.start)) ? lineStart : heading.start;
}

const MENTIONS: Record<PartId, RegExp> = {
  measures: /主要举措|主要措施/,
  shortcomings: /存在的(不足|问题)/,
  'first-responsible': /第一责任人/,
  'next-year': /下一年度|下一步/,
  other: /其他需要报告/,
};

/** The same words in traditional script, converted on first use (a report typed in traditional script). */
let tradMentions: Record<PartId, RegExp> | undefined;

function mentionedInBody(prose: string, part: PartId): boolean {
  // Checking a simplified copy would cost a conversion of the whole text; converting the few key words
  // costs nothing, so test both.
  tradMentions ??= Object.fromEntries(PART_IDS.map((p) => [p, new RegExp(toTraditional(MENTIONS[p].source))])) as Record<PartId, RegExp>;
  return MENTIONS[part].test(prose) || tradMentions[part].test(prose);
}

export default rule;
