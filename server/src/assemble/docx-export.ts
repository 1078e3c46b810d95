// Word export in the layout of GB/T 9704-2012: A4, standard margins and type area,
// 22 lines × 28 characters, 小标宋 二号 title broken into balanced lines, 仿宋 三号 body with a
// two-character indent, 黑体 / 楷体 / 仿宋 headings, tables with full borders and a repeated header row,
// footnotes, 附件说明 and attachment pages, — 1 — page numbers outside-aligned, signature and date kept
// with the text above them, and a font table with alternate names.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import type { ConfigObject } from '../engine/config.js';
import type { Role } from './roles.js';
import { fontChains, fontTableXml, type FontChains } from './fonts.js';
import { splitRuns, type InlineRun } from './inline.js';
import { layoutReport, type CellAlignment, type LaidFootnote, type LaidItem, type LaidParagraph, type LaidTable, type Layout } from './layout.js';
import { CHAR_CONDENSE, CHAR_PITCH_TWIPS, FOOTER_DISTANCE, HEADER_DISTANCE, LINE_PITCH, MARGIN, PAGE, PAGE_NUMBER_LINE, SIZE, TYPE_AREA, chars } from './gbt9704.js';

export type { LaidParagraph } from './layout.js';

/** Export refused: what cannot be rendered, each with its line. */
export class ExportError extends Error {
  override name = 'ExportError';
  constructor(readonly problems: { line: number; message: string }[]) {
    super(`报告中有 ${problems.length} 处无法导出到 Word（cannot export）：\n${problems.map((p) => `  第 ${p.line} 行：${p.message}`).join('\n')}`);
  }
}

/** The report's paragraphs with their roles (tables left out): one per paragraph of the exported document. */
export function layoutParagraphs(markdown: string, config?: ConfigObject): LaidParagraph[] {
  return layoutReport(markdown, config).items.filter((i): i is LaidParagraph => i.kind === 'paragraph');
}

interface Fonts {
  title: string;
  body: string;
  heading: string[];
  pageNumber: string;
  latin: string;
}

const fontOf = (eastAsia: string, latin: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' as const });
const HEADING_LEVEL = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const EXACT = { line: LINE_PITCH, lineRule: 'exact' as const, before: 0, after: 0 };
const INDENT_2 = { firstLine: chars(2), firstLineChars: 200 };
/**
 * w:widowControl off. The docx package writes it for styles too (the same paragraph-properties writer),
 * but its style options type does not list it.
 */
const NO_WIDOW_CONTROL: object = { widowControl: false };
/** 四号 footnote text on its own exact pitch. */
const FOOTNOTE_SIZE = 28;
const FOOTNOTE_LINE = 400;

/** Width in twips of text in the body's size: CJK one condensed character, Times New Roman digits half, a period a quarter. */
function twipsOf(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[.,:;]/.test(ch)) w += 80 + CHAR_CONDENSE;
    else if (/[\x20-\x7e]/.test(ch)) w += 160 + CHAR_CONDENSE;
    else w += CHAR_PITCH_TWIPS;
  }
  return w;
}

/** Width in characters, half-width characters counting half (for the signature's right indent). */
function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

class WordBuilder {
  readonly footnoteIds = new Map<string, number>();

  constructor(
    private readonly fonts: Fonts,
    footnotes: LaidFootnote[],
  ) {
    footnotes.forEach((f, i) => this.footnoteIds.set(f.label, i + 1));
  }

  runs(runs: readonly InlineRun[], options: IRunOptions = {}): ParagraphChild[] {
    return runs.map((r) => {
      if (r.footnote !== undefined) return new FootnoteReferenceRun(this.footnoteIds.get(r.footnote)!);
      if (r.lineBreak) return new TextRun({ ...options, break: 1 });
      return new TextRun({ ...options, text: r.text, ...(r.bold ? { bold: true } : {}) });
    });
  }

  /** A title's lines as one centred paragraph, the lines separated by line breaks. */
  titleRuns(lines: readonly string[]): TextRun[] {
    return lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
  }

  paragraph(p: LaidParagraph, context: { indents: Indents; spaceBefore: boolean; keepNext: boolean; attachmentItem?: { first: boolean; number: string } }): Paragraph {
    const keep: Partial<IParagraphOptions> = context.keepNext ? { keepNext: true } : {};
    const level = p.level ?? 1;
    switch (p.role) {
      case 'title':
        return new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: this.titleRuns(p.lines ?? [p.text]) });
      case 'addressee':
        return new Paragraph({ alignment: AlignmentType.JUSTIFIED, ...keep, children: this.runs(p.runs) });
      case 'heading':
        if (p.runIn !== undefined) {
          // A run-in heading (（一）加强组织领导。正文…): only the heading part takes the heading's font, bold where written bold.
          const [head, tail] = splitRuns(p.runs, p.runIn);
          return new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: INDENT_2,
            ...keep,
            children: [...this.runs(head, { font: fontOf(this.fonts.heading[level], this.fonts.latin) }), ...this.runs(tail)],
          });
        }
        return new Paragraph({ heading: HEADING_LEVEL[level], alignment: AlignmentType.JUSTIFIED, children: this.runs(p.runs.map((r) => ({ ...r, bold: false }))) });
      case 'attachment-note': {
        // §7.3.4: 附件：1.×× ⏎ 2.××, the numbers under one another, a long name wrapping under its own first character.
        const item = context.attachmentItem!;
        const label = chars(3); // 附件：
        const number = twipsOf(item.number);
        return new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { ...EXACT, before: context.spaceBefore ? LINE_PITCH : 0 },
          indent: { left: chars(2) + label + number, hanging: (item.first ? label : 0) + number },
          keepNext: true,
          children: this.runs(p.runs),
        });
      }
      case 'signature':
        // Placed by its left edge (the signature's right space, §7.3.5.2), so that the date can start exactly two
        // characters further right whatever width a program gives the date's digits.
        return new Paragraph({
          spacing: { ...EXACT, before: context.spaceBefore ? LINE_PITCH : 0 },
          alignment: AlignmentType.LEFT,
          indent: { left: Math.max(0, TYPE_AREA.width - chars(context.indents.body) - twipsOf(p.text)) },
          keepNext: true,
          keepLines: true,
          ...NO_AUTO_SPACE,
          children: this.runs(p.runs),
        });
      case 'date':
        // 首字比署名首字右移二字: two characters right of the (longest) signature line's first character.
        return new Paragraph({
          spacing: { ...EXACT, before: context.spaceBefore ? LINE_PITCH : 0 },
          alignment: AlignmentType.LEFT,
          indent: { left: Math.max(0, TYPE_AREA.width - chars(context.indents.body) - context.indents.nameTwips + chars(2)) },
          keepLines: true,
          ...NO_AUTO_SPACE,
          children: this.runs(p.runs),
        });
      case 'attachment-label':
        // §7.3.7: 附件 and its number in 三号黑体 at the top left of a new page.
        return new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.LEFT, keepNext: true, children: this.runs(p.runs, { font: fontOf(this.fonts.heading[1], this.fonts.latin) }) });
      case 'attachment-title':
        // Centred on the page's third line (one line left blank under 附件), a blank line after it.
        return new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { ...EXACT, before: LINE_PITCH, after: LINE_PITCH },
          keepNext: true,
          children: this.titleRuns(p.lines ?? [p.text]),
        });
      default:
        return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: INDENT_2, ...keep, children: this.runs(p.runs) });
    }
  }

  table(t: LaidTable): Table {
    const columns = t.alignments.length;
    // Column widths from the widest cell of each column, scaled to the type area if they do not fit.
    // Cell margins (2 × 108 twips) and a character's slack, so that a cell of its column's widest text does not wrap.
    const natural = Array.from({ length: columns }, (_, c) => Math.max(chars(3), ...t.rows.map((row) => twipsOf(row[c]?.map((r) => r.text).join('') ?? ''))) + 216 + CHAR_PITCH_TWIPS);
    const total = natural.reduce((a, b) => a + b, 0);
    const scale = total > TYPE_AREA.width ? TYPE_AREA.width / total : 1;
    const widths = natural.map((w) => Math.floor(w * scale));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const align = (a: CellAlignment, header: boolean) =>
      header || a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
    return new Table({
      alignment: AlignmentType.CENTER,
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: t.rows.map(
        (row, r) =>
          new TableRow({
            tableHeader: r === 0,
            cantSplit: true,
            children: Array.from(
              { length: columns },
              (_, c) =>
                new TableCell({
                  width: { size: widths[c], type: WidthType.DXA },
                  verticalAlign: VerticalAlignTable.CENTER,
                  children: [new Paragraph({ alignment: align(t.alignments[c], r === 0), children: this.runs(row[c] ?? []) })],
                }),
            ),
          }),
      ),
    });
  }
}

/**
 * CJK–digit and CJK–Latin auto spacing off, so that the date's first character lands exactly two characters right
 * of the signature's (§7.3.5.2): with it, 2026年3月20日 grows by a quarter character at each of its five
 * CJK–digit seams. The docx package writes only w:autoSpaceDN, and after w:jc; withoutAutoSpace() writes
 * both switches (LibreOffice reads w:autoSpaceDE) where the schema puts them.
 */
const NO_AUTO_SPACE: object = { autoSpaceEastAsianText: false };
const AUTO_SPACE_OFF = '<w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>';
/** Elements of w:pPr that come after w:autoSpaceDN (ECMA-376 CT_PPrBase order). */
const AFTER_AUTO_SPACE = /<w:(?:bidi|adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/;

export function withoutAutoSpace(documentXml: string): string {
  return documentXml.replace(/<w:pPr>((?:(?!<\/w:pPr>)[\s\S])*?)<w:autoSpaceDN w:val="false"\/>((?:(?!<\/w:pPr>)[\s\S])*?)<\/w:pPr>/g, (_whole, before: string, after: string) => {
    const inner = before + after;
    const at = inner.search(AFTER_AUTO_SPACE);
    return at < 0 ? `<w:pPr>${inner}${AUTO_SPACE_OFF}</w:pPr>` : `<w:pPr>${inner.slice(0, at)}${AUTO_SPACE_OFF}${inner.slice(at)}</w:pPr>`;
  });
}

/**
 * GB/T 9704 §7.3.5.2 (no seal): the date 右空四字 or further, its first character two characters right of
 * the signature's first character; a signature shorter than that moves right, one longer moves the date left.
 */
interface Indents {
  /** The signature's right space, in characters. */
  body: number;
  /** The date's right space, in characters (as computed; the date is placed by its left edge). */
  date: number;
  /** Width of the longest signature line, in twips. */
  nameTwips: number;
}

function signatureIndents(items: LaidItem[]): Indents {
  const paragraphs = items.filter((i): i is LaidParagraph => i.kind === 'paragraph');
  const names = paragraphs.filter((p) => p.role === 'signature');
  const date = paragraphs.find((p) => p.role === 'date');
  const nameTwips = Math.max(0, ...names.map((p) => twipsOf(p.text)));
  if (!date || names.length === 0) return { body: 2, date: 2, nameTwips: nameTwips || chars(2) };
  const n = Math.max(...names.map((p) => widthInChars(p.text)));
  const m = widthInChars(date.text);
  const body = Math.max(2, m + 4 - n);
  return { body, date: body + n - 2 - m, nameTwips };
}

function pageNumberFooter(side: 'odd' | 'even', fonts: Fonts): Footer {
  const options: IRunOptions = { font: fontOf(fonts.pageNumber, fonts.pageNumber), size: SIZE.pageNumber, characterSpacing: 0 };
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

function fontsOf(chains: FontChains): Fonts {
  return {
    title: chains.title[0],
    body: chains.body[0],
    heading: [chains.heading1[0], chains.heading1[0], chains.heading2[0], chains.heading3[0], chains.heading3[0]],
    pageNumber: chains.pageNumber[0],
    latin: chains.latin[0],
  };
}

export function buildWordDocument(layout: Layout, chains: FontChains, meta: { title?: string } = {}): Document {
  const fonts = fontsOf(chains);
  const builder = new WordBuilder(fonts, layout.footnotes);
  const indents = signatureIndents(layout.items);
  const { items } = layout;
  const roleOf = (i: number): Role | 'table' | undefined => (items[i] ? (items[i].kind === 'table' ? 'table' : (items[i] as LaidParagraph).role) : undefined);
  const tail = new Set<Role | 'table' | undefined>(['attachment-note', 'signature', 'date']);
  let seenSignature = false;
  let noteItem = 0;
  const children = items.map((item, i) => {
    if (item.kind === 'table') return builder.table(item);
    const first = (item.role === 'signature' || item.role === 'date') && !seenSignature;
    if (first) seenSignature = true;
    const note = item.role === 'attachment-note';
    const firstNote = note && roleOf(i - 1) !== 'attachment-note';
    noteItem = note ? (firstNote ? 1 : noteItem + 1) : 0;
    const number = note ? (/^(?:附\s*件\s*[:：]\s*)?([0-9０-９]{1,2}\s*[.．])?/.exec(item.text)?.[1] ?? '') : '';
    // The paragraph right above the 附件说明 / signature block keeps with it, so 落款 never stands alone on a page.
    const keepNext = !tail.has(item.role) && tail.has(roleOf(i + 1));
    return builder.paragraph(item, {
      indents,
      spaceBefore: first || firstNote,
      keepNext,
      attachmentItem: note ? { first: firstNote, number } : undefined,
    });
  });
  const heading = (level: number) => ({
    run: { font: fontOf(fonts.heading[level], fonts.latin), size: SIZE.body, bold: false, italics: false, color: '000000' },
    paragraph: { spacing: EXACT, indent: INDENT_2, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  });
  const footnotes = Object.fromEntries(
    layout.footnotes.map((f, i) => [
      i + 1,
      {
        children: [
          new Paragraph({
            spacing: { line: FOOTNOTE_LINE, lineRule: 'exact' as const, before: 0, after: 0 },
            alignment: AlignmentType.JUSTIFIED,
            children: builder.runs(f.runs, { size: FOOTNOTE_SIZE, font: fontOf(fonts.body, fonts.latin) }),
          }),
        ],
      },
    ]),
  );
  return new Document({
    title: meta.title,
    creator: 'fazhi-lint',
    evenAndOddHeaderAndFooters: true,
    footnotes,
    styles: {
      default: {
        document: {
          run: { font: fontOf(fonts.body, fonts.latin), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          // No widow/orphan control: it would leave pages short of the 22 lines that 撑满版心 (§5.2.4).
          paragraph: { spacing: EXACT, ...NO_WIDOW_CONTROL },
        },
        title: {
          run: { font: fontOf(fonts.title, fonts.latin), size: SIZE.title, bold: false, color: '000000', characterSpacing: 0 },
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
          run: { font: fontOf(fonts.body, fonts.latin), size: SIZE.body, characterSpacing: CHAR_CONDENSE },
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
        footers: { default: pageNumberFooter('odd', fonts), even: pageNumberFooter('even', fonts) },
        children,
      },
    ],
  });
}

/** Markdown report → .docx bytes in GB/T 9704-2012 layout. Throws ExportError when something cannot be exported. */
export async function exportDocx(markdown: string, config?: ConfigObject): Promise<Uint8Array> {
  const layout = layoutReport(markdown, config);
  if (layout.problems.length) throw new ExportError(layout.problems);
  const chains = fontChains(config);
  const title = layout.items.find((i): i is LaidParagraph => i.kind === 'paragraph' && i.role === 'title')?.text;
  const bytes = await Packer.toBuffer(buildWordDocument(layout, chains, { title }));
  // The docx package writes an empty font table; Word needs the names and their alternates.
  const zip = await JSZip.loadAsync(bytes);
  zip.file('word/fontTable.xml', fontTableXml(chains));
  zip.file('word/document.xml', withoutAutoSpace(await zip.file('word/document.xml')!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
