// A body paragraph that ends with no closing punctuation (…必须出庭应诉⏎).
// Not for headings (Markdown headings, numbered lines that are only a
// heading), the title, short label lines without any sentence punctuation
// (signatures, web chrome), date lines, or a paragraph continued in the next
// block — that is a broken paragraph: broken-paragraph reports it, and its
// own detector (findBrokenParagraphs) decides, so the two never fire together
// and never both stay silent.
// A paragraph ending in ， or 、 is cut, not unterminated: left alone too.
// Nor a fill-in prompt line (【请填写…】, 原因：【请填写原因】): placeholder reports it.
// Web chrome glued to the end (…建设。扫一扫在手机打开当前页) is conversion-artifact's: the end is before it.
import placeholders from '../../../rules/placeholder.json';
import type { Block, ReportDocument } from '../engine/document.js';
import type { Rule } from '../engine/types.js';
import { findBrokenParagraphs } from './broken-paragraph.js';
import { gluedChromeStart } from './conversion-artifact.js';
import { CLOSERS, SENTENCE_END, isAsciiAlnum, isDateLine, isHan, proseBlocks } from './shared/prose.js';
import { cite } from './shared/citations.js';

const rule: Rule = {
  id: 'end-punctuation',
  severity: 'info',
  tags: ['punctuation'],
  local: true,
  docs: {
    description: '正文段落末尾缺少句末标点（句号、问号、叹号等）。',
    why: '段落结尾漏掉句号，多是编辑时删改或从网页、表格复制留下的；公开发布的报告应句读完整。',
    ...cite(['gbt15834-4.1']),
    howToFix: '在段末补上句号（快速修复会追加“。”）。',
  },
  check({ doc, report }) {
    const view = doc.prose;
    const text = view.text;
    const titles = new Set(doc.meta.titleBlocks);
    const broken = new Set(findBrokenParagraphs(doc).map((pair) => pair.first));
    for (const pb of proseBlocks(doc)) {
      const { block } = pb;
      if (pb.end <= pb.contentStart || titles.has(block) || !isBodyParagraph(doc, block, text.slice(pb.contentStart, pb.end))) continue;
      const content = text.slice(pb.contentStart, pb.end);
      const end = pb.contentStart + content.slice(0, gluedChromeStart(content)).trimEnd().length;
      if (end === pb.contentStart || !lacksEnd(text, pb.contentStart, end) || endsWithPrompt(text.slice(pb.contentStart, end))) continue;
      if (broken.has(block) || doc.isIgnored(block.end - 1, block.end)) continue; // a trailing URL or code is not prose
      // The range is the last sentence: from after the last sentence end to the paragraph end.
      let s = end - 1;
      while (s > pb.contentStart && !'。！？!?；;'.includes(text[s - 1])) s--;
      const src = view.rangeToSource(s, end);
      const sentence = text.slice(s, end);
      const shown = sentence.length > 16 ? `…${sentence.slice(-16)}` : sentence;
      report({
        start: src.start,
        end: src.end,
        message: `段落末尾缺少句末标点：“${shown}”后应加句号。`,
        data: { text: sentence },
        fix: { title: '在段末加句号', edits: [{ start: end === pb.end ? block.end : src.end, end: end === pb.end ? block.end : src.end, newText: '。' }] },
      });
    }
  },
};

/** A body paragraph, not a heading or label: it has sentence punctuation, and a numbered block has a run-in body after its heading. */
function isBodyParagraph(doc: ReportDocument, block: Block, content: string): boolean {
  if (block.markdownDepth > 0) return false;
  if (/^[|<>`]/.test(block.text) || isDateLine(block.text)) return false;
  // Markdown bullet items are fragments by convention (broken-paragraph skips them too).
  if (/^\s*(?:>\s*)*[-*+]\s/.test(doc.lines.lineText(block.line))) return false;
  if (block.numbering || block.isHeading) return /[。！？；!?;：:]/.test(content);
  return /[，。；！？,;]/.test(content);
}

const PLACEHOLDERS = new RegExp(`(?:${placeholders.explicit.map((p) => p.pattern).join('|')})\\s*`, 'gu');

/** Only placeholders, or text that needs no end mark (原因：) before them, end the paragraph: the end is yet to be written. */
function endsWithPrompt(content: string): boolean {
  // The trailing run of placeholders, found in one forward scan (an end-anchored regex retries at every position).
  let runStart = content.length;
  let previousEnd = -1;
  for (const m of content.matchAll(PLACEHOLDERS)) {
    if (m.index !== previousEnd) runStart = m.index!;
    previousEnd = m.index! + m[0].length;
  }
  const rest = previousEnd === content.length ? content.slice(0, runStart) : content;
  if (rest === content) return false;
  const before = rest.trimEnd();
  return before === '' || !lacksEnd(before, 0, before.length);
}

/** Ends with a character, digit or letter — or with a closing quote/bracket right after one (实现“一员多能”). */
function lacksEnd(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i > start && CLOSERS.includes(text[i])) i--;
  const c = text.charCodeAt(i);
  if (SENTENCE_END.includes(text[i])) return false;
  return isHan(c) || isAsciiAlnum(c) || c === 0x25 /* % */ || c === 0xff05;
}

export default rule;
