// Word export in the layout of GB/T 9704-2012: A4, standard margins and type area,
// 22 lines × 28 characters, 小标宋 二号 title, 仿宋 三号 body with a two-character indent,
// 黑体 / 楷体 / 仿宋 headings, — 1 — page numbers outside-aligned, signature and date on the right.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { buildDocument } from '../engine/document.js';
import { resolve } from '../index.js';
import type { ConfigObject } from '../engine/config.js';
import { assignRoles, type Role } from './roles.js';
import { CHAR_CONDENSE, FONT, FOOTER_DISTANCE, HEADER_DISTANCE, LINE_PITCH, MARGIN, PAGE, PAGE_NUMBER_LINE, SIZE, chars } from './gbt9704.js';

/** One paragraph of the exported document. */
export interface LaidParagraph {
  role: Role;
  level?: number;
  text: string;
  /** Length of a run-in heading's heading part. */
  runIn?: number;
  /** 1-based source line. */
  line: number;
}

/** The report's paragraphs with their roles: one per block (non-blank line) of the source. */
export function layoutParagraphs(markdown: string, config?: ConfigObject): LaidParagraph[] {
  const settings = resolve(config).settings;
  const doc = buildDocument(markdown, settings);
  return assignRoles(doc).map((r) => ({ role: r.role, level: r.level, text: r.block.text, runIn: r.runIn, line: r.block.line + 1 }));
}

const font = (eastAsia: string, latin: string = FONT.latin) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' });
const HEADING_FONT = [FONT.heading1, FONT.heading1, FONT.heading2, FONT.heading3, FONT.heading3];
const HEADING_LEVEL = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const EXACT = { line: LINE_PITCH, lineRule: 'exact' as const, before: 0, after: 0 };
const INDENT_2 = { firstLine: chars(2), firstLineChars: 200 };
/**
 * w:widowControl off. The docx package writes it for styles too (the same paragraph-properties writer),
 * but its style options type does not list it.
 */
const NO_WIDOW_CONTROL: object = { widowControl: false };

/** Width of a line in characters, half-width digits and Latin letters counting half (for right indents). */
function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

function paragraphOf(p: LaidParagraph, signatureIndent: { body: number; date: number }, firstSignature: boolean): Paragraph {
  const run = (text: string, options: IRunOptions = {}) => new TextRun({ text, ...options });
  // Line spacing comes from the document defaults and the styles; only the signature adds space before.
  const base: Partial<IParagraphOptions> = {};
  switch (p.role) {
    case 'title':
      return new Paragraph({ ...base, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(p.text)] });
    case 'addressee':
      return new Paragraph({ ...base, alignment: AlignmentType.JUSTIFIED, children: [run(p.text)] });
    case 'heading': {
      const level = p.level ?? 1;
      if (p.runIn !== undefined) {
        // A run-in heading (（一）加强组织领导。正文…): only the heading part takes the heading's font.
        return new Paragraph({
          ...base,
          alignment: AlignmentType.JUSTIFIED,
          indent: INDENT_2,
          children: [run(p.text.slice(0, p.runIn), { font: font(HEADING_FONT[level]) }), run(p.text.slice(p.runIn))],
        });
      }
      return new Paragraph({ ...base, heading: HEADING_LEVEL[level], alignment: AlignmentType.JUSTIFIED, children: [run(p.text)] });
    }
    case 'signature':
      return new Paragraph({
        spacing: { ...EXACT, before: firstSignature ? LINE_PITCH : 0 },
        alignment: AlignmentType.RIGHT,
        indent: { right: chars(signatureIndent.body) },
        children: [run(p.text)],
      });
    case 'date':
      return new Paragraph({ ...base, alignment: AlignmentType.RIGHT, indent: { right: chars(signatureIndent.date) }, children: [run(p.text)] });
    default:
      return new Paragraph({ ...base, alignment: AlignmentType.JUSTIFIED, indent: INDENT_2, children: [run(p.text)] });
  }
}

/**
 * GB/T 9704 §7.3.5.2 (no seal): the date 右空二字 or further, its first character two characters right of
 * the signature's first character; a signature shorter than that moves right, one longer moves the date left.
 */
function signatureIndents(paragraphs: LaidParagraph[]): { body: number; date: number } {
  const name = paragraphs.filter((p) => p.role === 'signature').map((p) => widthInChars(p.text));
  const date = paragraphs.find((p) => p.role === 'date');
  if (!date || name.length === 0) return { body: 2, date: 2 };
  const n = Math.max(...name);
  const m = widthInChars(date.text);
  const body = Math.max(2, m + 4 - n);
  return { body, date: body + n - 2 - m };
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const options: IRunOptions = { font: font(FONT.pageNumber, FONT.pageNumber), size: SIZE.pageNumber, characterSpacing: 0 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // One 四号 line, not the body's 28.95 pt: a taller footer would push the type area up (see gbt9704.ts).
        spacing: { line: PAGE_NUMBER_LINE, lineRule: 'exact' as const, before: 0, after: 0 },
        // 单页码居右空一字，双页码居左空一字 (§7.5), one 四号 character = 280 twips.
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ ...options, text: '— ' }), new TextRun({ ...options, children: [PageNumber.CURRENT] }), new TextRun({ ...options, text: ' —' })],
      }),
    ],
  });
}

export function buildWordDocument(paragraphs: LaidParagraph[], meta: { title?: string } = {}): Document {
  const indents = signatureIndents(paragraphs);
  let seenSignature = false;
  const children = paragraphs.map((p) => {
    const first = (p.role === 'signature' || p.role === 'date') && !seenSignature;
    if (first) seenSignature = true;
    return paragraphOf(p, indents, first);
  });
  const heading = (level: number) => ({
    run: { font: font(HEADING_FONT[level]), size: SIZE.body, bold: false, italics: false, color: '000000' },
    paragraph: { spacing: EXACT, indent: INDENT_2, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  });
  return new Document({
    title: meta.title,
    creator: 'fazhi-lint',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          // No widow/orphan control: it would leave pages short of the 22 lines that 撑满版心 (§5.2.4).
          paragraph: { spacing: EXACT, ...NO_WIDOW_CONTROL },
        },
        title: {
          run: { font: font(FONT.title), size: SIZE.title, bold: false, color: '000000', characterSpacing: 0 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { ...EXACT, after: LINE_PITCH }, keepNext: true },
        },
        heading1: heading(1),
        heading2: heading(2),
        heading3: heading(3),
        heading4: heading(4),
      },
      // Normal carries the 三号 size and the condensing that fits 28 characters a line (see gbt9704.ts).
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font(FONT.body), size: SIZE.body, characterSpacing: CHAR_CONDENSE },
          paragraph: { spacing: EXACT, ...NO_WIDOW_CONTROL },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          // No grid (see gbt9704.ts); the pitch is kept for whoever switches Word's line grid on.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/** Markdown report → .docx bytes in GB/T 9704-2012 layout. */
export async function exportDocx(markdown: string, config?: ConfigObject): Promise<Uint8Array> {
  const paragraphs = layoutParagraphs(markdown, config);
  const title = paragraphs.filter((p) => p.role === 'title').map((p) => p.text).join('');
  return new Uint8Array(await Packer.toBuffer(buildWordDocument(paragraphs, { title: title || undefined })));
}
