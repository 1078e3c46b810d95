// Reading Word documents (.docx) as report text: paragraphs through mammoth's document
// model, headings recovered from Word's heading styles or, without them, from Chinese
// numbering on a line of its own (一、 （一） 1. （1））. The CLI checks .docx files with it
// and reports findings by Word paragraph; `fazhi-lint import` writes the Markdown.
import mammoth from 'mammoth';
import { formatMarker, parseNumbering, type NumberingStyle } from '../engine/numbering.js';
import { runInLength } from './roles.js';
import { checkZipLimits } from './zip-limits.js';

/** Where a line of the imported Markdown is in the Word document. */
export type WordPlace =
  | { paragraph: number }
  /** A table row: `cellStarts` are the 0-based columns of the line where each cell's text starts. */
  | { table: number; row: number; cellStarts: number[] }
  | { footnote: number };

export interface DocxText {
  /** The document as Markdown: headings as #, one paragraph per line, tables as GFM tables, footnotes as [^n]. */
  markdown: string;
  /**
   * The Word paragraph each line of `markdown` came from, 0 where none (blank lines, table rows, footnotes):
   * `paragraphOfLine[line - 1]` for 1-based `line`. Paragraphs are numbered as a reader counts them on the page:
   * the non-empty paragraphs of the body, in order; table cells and footnotes are located by `places`.
   */
  paragraphOfLine: number[];
  /** Where each line is in Word (undefined for blank lines and a table's delimiter row). */
  places: (WordPlace | undefined)[];
}

/** A paragraph of the Word document as mammoth reads it. */
export interface WordParagraph {
  kind?: 'paragraph';
  /** 1-based among the non-empty paragraphs outside tables; 0 for an empty one. */
  index: number;
  text: string;
  styleName?: string;
  /** 0 for a title style, 1–6 for Heading n / 标题 n, undefined otherwise. */
  styleLevel?: number;
  alignment?: string;
  /** Word's automatic list numbering (the number itself is not part of the text). */
  numbering?: { level: number; isOrdered: boolean };
  /** Length of the bold text the paragraph starts with (a bold run-in heading), 0 or undefined for none. */
  boldLead?: number;
}

/** A table: rows of cells, each cell's paragraphs joined by <br>. */
export interface WordTable {
  kind: 'table';
  /** 1-based, in document order. */
  index: number;
  rows: string[][];
  /** Per column, the alignment every body cell shares (center / right), for the GFM delimiter row. */
  alignments?: (string | undefined)[];
}

export type WordBlock = WordParagraph | WordTable;

interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  alignment?: string | null;
  numbering?: { level?: string | number; isOrdered?: boolean } | null;
  isBold?: boolean;
  noteType?: string;
  noteId?: string;
  breakType?: string;
  colSpan?: number;
  body?: MammothNode[];
  notes?: { resolve(ref: MammothNode): MammothNode | null };
}

function styleLevel(name: string | null | undefined, id: string | null | undefined): number | undefined {
  for (const s of [name, id]) {
    if (!s) continue;
    if (/^(?:title|标题)$/i.test(s.trim())) return 0;
    const m = /^(?:heading|标题)\s*(\d)$/i.exec(s.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Text of a paragraph's content; footnote references become [^n] (numbered by `noteNumber`), line breaks nothing. */
function textOf(node: MammothNode, noteNumber: (ref: MammothNode) => number | undefined, bold?: { lead: number; open: boolean }): string {
  switch (node.type) {
    case 'text': {
      const value = node.value ?? '';
      return value;
    }
    case 'tab':
      return '\t';
    case 'noteReference': {
      const n = noteNumber(node);
      return n === undefined ? '' : `[^${n}]`;
    }
    case 'paragraph':
    case 'table':
    case 'note':
    case 'comment':
      return ''; // nested paragraphs are paragraphs of their own; notes are read through their references
    case 'run': {
      const text = (node.children ?? []).map((c) => textOf(c, noteNumber)).join('');
      if (bold && bold.open) {
        if (node.isBold || text.trim() === '') bold.lead += text.length;
        else bold.open = false;
      }
      return text;
    }
    default:
      return (node.children ?? []).map((c) => textOf(c, noteNumber, bold)).join('');
  }
}

const startsWith = (buffer: Uint8Array, bytes: number[]): boolean => bytes.every((b, i) => buffer[i] === b);

/**
 * Why `buffer` is not a .docx, in words a writer understands, or undefined if it may be one. A .docx is
 * a zip archive; a Word 97–2003 .doc, a .wps and a password-protected .docx are OLE compound files.
 */
export function notDocxReason(buffer: Uint8Array): string | undefined {
  if (buffer.length === 0) return '文件是空的（empty file）';
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return (
      '这是 Word 97–2003（.doc）或 WPS 格式的文件，或是设置了打开密码的文档，不是 .docx；' +
      '请在 Word 或 WPS 中取消密码并“另存为” Word 文档（.docx）（an OLE compound file: .doc, .wps or an encrypted document）'
    );
  }
  if (startsWith(buffer, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return '这是 RTF 文件，不是 .docx；请在 Word 或 WPS 中另存为 .docx（an RTF file）';
  if (!startsWith(buffer, [0x50, 0x4b])) return '不是 .docx：Word 文档应是 zip 压缩包，此文件不是（not a zip archive）';
  return undefined;
}

/** mammoth's and JSZip's messages for a broken package, said plainly. */
function explain(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/main document part/i.test(message)) return new Error(`压缩包里没有 Word 正文（word/document.xml），不是 Word 文档（no main document part: ${message}）`);
  if (/zip|central directory|end of data/i.test(message)) return new Error(`文件已损坏或不完整，无法解压（corrupt .docx: ${message}）`);
  return error instanceof Error ? error : new Error(message);
}

/** Thrown from mammoth's transformDocument once the document has been read. */
const READ_DONE = new Error('read done');

export interface WordDocument {
  blocks: WordBlock[];
  /** Footnote texts by their number ([^n]), in order of first reference. */
  footnotes: string[];
}

export async function readWordDocument(buffer: Uint8Array): Promise<WordDocument> {
  const reason = notDocxReason(buffer);
  if (reason) throw new Error(reason);
  checkZipLimits(buffer);
  const blocks: WordBlock[] = [];
  const footnotes: string[] = [];
  const numbers = new Map<string, number>();
  let notes: MammothNode['notes'];
  let paragraphs = 0;
  let tables = 0;
  const noteNumber = (ref: MammothNode): number | undefined => {
    const key = `${ref.noteType}-${ref.noteId}`;
    let n = numbers.get(key);
    if (n !== undefined) return n;
    const note = notes?.resolve(ref);
    if (!note) return undefined;
    numbers.set(key, (n = numbers.size + 1));
    const text = (note.body ?? []).map((p) => trim(contentOf(p))).filter(Boolean).join(' ');
    footnotes[n - 1] = text;
    return n;
  };
  const contentOf = (paragraph: MammothNode): string => (paragraph.children ?? []).map((c) => textOf(c, noteNumber)).join('');
  const paragraphOf = (node: MammothNode): WordParagraph => {
    const numbering = node.numbering ? { level: Number(node.numbering.level ?? 0), isOrdered: !!node.numbering.isOrdered } : undefined;
    const bold = { lead: 0, open: true };
    const text = (node.children ?? []).map((c) => textOf(c, noteNumber, bold)).join('');
    const empty = trim(text) === '';
    return {
      index: empty ? 0 : ++paragraphs,
      text,
      styleName: node.styleName ?? undefined,
      styleLevel: styleLevel(node.styleName, node.styleId),
      alignment: node.alignment ?? undefined,
      numbering,
      boldLead: bold.lead,
    };
  };
  const cellAlignment = (cell: MammothNode): string | undefined => (cell.children ?? []).find((c) => c.type === 'paragraph')?.alignment ?? undefined;
  const cellText = (cell: MammothNode): string => {
    const parts: string[] = [];
    const visit = (n: MammothNode) => {
      if (n.type === 'paragraph') parts.push(trim(contentOf(n)));
      else for (const c of n.children ?? []) visit(c);
    };
    visit(cell);
    return parts.filter(Boolean).join('<br>');
  };
  const visit = (node: MammothNode): void => {
    if (node.type === 'paragraph') {
      blocks.push(paragraphOf(node));
      return;
    }
    if (node.type === 'table') {
      const cells = (node.children ?? []).filter((r) => r.type === 'tableRow').map((r) => (r.children ?? []).filter((c) => c.type === 'tableCell'));
      const rows = cells.map((row) => row.flatMap((c) => [cellText(c), ...Array.from({ length: Math.max(0, (c.colSpan ?? 1) - 1) }, () => '')]));
      // A column whose body cells are all centred (or all right-aligned) keeps that in the delimiter row.
      const width = Math.max(0, ...rows.map((r) => r.length));
      const alignments = Array.from({ length: width }, (_, c) => {
        const found = new Set(cells.slice(1).map((row) => (row[c] ? cellAlignment(row[c]) : undefined)));
        const [only] = found;
        return found.size === 1 && (only === 'center' || only === 'right') ? only : undefined;
      });
      if (rows.length) blocks.push({ kind: 'table', index: ++tables, rows, alignments });
      return;
    }
    for (const child of node.children ?? []) if (child.type !== 'note' && child.type !== 'comment') visit(child);
  };
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(buffer) },
      {
        ignoreEmptyParagraphs: false,
        // Images are not text: never decode them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (document: MammothNode) => {
          notes = document.notes;
          visit(document);
          // The document model is all we need: stop before mammoth writes HTML (a third of its time).
          throw READ_DONE;
        },
      },
    );
  } catch (error) {
    if (error !== READ_DONE) throw explain(error);
  }
  return { blocks, footnotes };
}

/** The paragraphs of a Word document (tables left out), as the checker reads them. */
export async function readWordParagraphs(buffer: Uint8Array): Promise<WordParagraph[]> {
  return (await readWordDocument(buffer)).blocks.filter((b): b is WordParagraph => b.kind !== 'table');
}

const SPACE = /[\s\u3000\u00a0\ufeff]/;
/** White space (ideographic space, NBSP, BOM too) off both ends, scanning once: a regex /\s+$/ is quadratic on long inner runs. */
function trim(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && SPACE.test(text[from])) from++;
  while (to > from && SPACE.test(text[to - 1])) to--;
  return text.slice(from, to);
}
const STYLE_OF_LEVEL: NumberingStyle[] = ['cn-comma', 'cn-comma', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled'];

/**
 * Escapes what Markdown would read as a heading, quote, bullet or comment at the start of a line.
 * ("1. " needs nothing: the checker reads an ordered-list marker as 1. numbering, as written.)
 */
function escapeLineStart(text: string): string {
  return /^(?:#{1,6}[ \t]|>|[-*+][ \t]|<!--)/.test(text) ? `\\${text}` : text;
}

/** A table cell's text for a GFM row: | escaped, no line breaks. */
const cellMarkdown = (text: string) => trim(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** Word paragraphs, tables and footnotes → Markdown lines and where each line is in Word. */
export function paragraphsToMarkdown(blocks: readonly WordBlock[], footnotes: readonly string[] = []): DocxText {
  const lines: string[] = [];
  const places: (WordPlace | undefined)[] = [];
  const counters: number[] = [];
  const push = (line: string, place: WordPlace | undefined): void => {
    lines.push(line, '');
    places.push(place, undefined);
  };
  let titleDone = false;
  /** Inside a 附件说明 (附件：1.×× ⏎ 2.××): the number its next item has; those items are not headings. */
  let attachmentNext: number | undefined;
  for (const block of blocks) {
    if (block.kind === 'table') {
      const width = Math.max(...block.rows.map((r) => r.length));
      block.rows.forEach((cells, r) => {
        const padded = [...cells, ...Array.from({ length: width - cells.length }, () => '')].map(cellMarkdown);
        let line = '|';
        const cellStarts: number[] = [];
        for (const c of padded) {
          cellStarts.push(line.length + 1);
          line += ` ${c} |`;
        }
        lines.push(line);
        places.push({ table: block.index, row: r + 1, cellStarts });
        if (r === 0) {
          const delimiter = (c: number) => (block.alignments?.[c] === 'center' ? ':---:' : block.alignments?.[c] === 'right' ? '---:' : '---');
          lines.push('|' + Array.from({ length: width }, (_, c) => ` ${delimiter(c)} |`).join(''));
          places.push(undefined);
        }
      });
      lines.push('');
      places.push(undefined);
      continue;
    }
    const p = block;
    let text = trim(p.text);
    if (text === '') continue;
    const place = { paragraph: p.index };
    // Headings numbered by Word's list numbering get their visible marker back.
    let level = p.styleLevel;
    if (level && level > 0 && p.numbering?.isOrdered && !parseNumbering(text)) {
      counters[level] = (counters[level] ?? 0) + 1;
      counters.length = level + 1;
      text = formatMarker(STYLE_OF_LEVEL[Math.min(level, 5)], counters[level]) + text;
    }
    if (level === 0) {
      // The title (a body name on its own line above it stays a plain line, as the checker expects).
      if (!titleDone && /报告|報告/.test(text)) {
        titleDone = true;
        push(`# ${text}`, place);
      } else push(escapeLineStart(text), place);
      continue;
    }
    const item = /^([0-9０-９]{1,2})\s*[.．]/.exec(text);
    if (level === undefined && attachmentNext !== undefined && item && Number(item[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) === attachmentNext) {
      attachmentNext++;
      push(text, place);
      continue;
    }
    const note = /^附\s*件\s*[:：]\s*([0-9０-９]{1,2})\s*[.．]/.exec(text);
    attachmentNext = note ? Number(note[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) + 1 : undefined;
    if (level === undefined) {
      const numbering = parseNumbering(text);
      // A numbered line of its own is a heading; a run-in one (（一）加强领导。正文…) stays a paragraph.
      if (numbering && numbering.level <= 4 && runInLength(text) === undefined && text.length <= 60) level = numbering.level;
    }
    if (level !== undefined && level > 0) {
      push(`${'#'.repeat(Math.min(level + 1, 6))} ${text}`, place);
      continue;
    }
    // A bold run-in heading (**（1）推行复议意见书制度。**向…) keeps its bold.
    const lead = p.boldLead ? trim(p.text.slice(0, p.boldLead)) : '';
    if (lead && lead.length < text.length && text.startsWith(lead) && parseNumbering(lead)) text = `**${lead}**${text.slice(lead.length)}`;
    push(escapeLineStart(text), place);
  }
  footnotes.forEach((note, i) => push(`[^${i + 1}]: ${note}`, { footnote: i + 1 }));
  while (lines.length && lines[lines.length - 1] === '') {
    lines.pop();
    places.pop();
  }
  const paragraphOfLine = places.map((p) => (p && 'paragraph' in p ? p.paragraph : 0));
  return { markdown: lines.join('\n') + '\n', paragraphOfLine: [...paragraphOfLine, 0], places: [...places, undefined] };
}

export async function readDocx(buffer: Uint8Array): Promise<DocxText> {
  const { blocks, footnotes } = await readWordDocument(buffer);
  return paragraphsToMarkdown(blocks, footnotes);
}

/** A finding's place in Word, as a clerk looks for it: 第N段, 表N 第r行第c列 or 脚注N, with the quoted text. */
export interface WordLocation {
  where: string;
  quote: string;
  /** For the JSON output (`data`): paragraph, or table/row/cell, or footnote. */
  data: Record<string, number | string>;
}

const QUOTE_LENGTH = 16;

/** The Markdown's lines, split once per document (a finding is located in constant time). */
const linesOf = new WeakMap<DocxText, string[]>();

export function locateInWord(docx: DocxText, range: { line: number; column: number; endLine: number; endColumn: number }): WordLocation | undefined {
  let lines = linesOf.get(docx);
  if (!lines) linesOf.set(docx, (lines = docx.markdown.split('\n')));
  // A finding on a blank line (a missing part, at the end) is placed at the next line that is somewhere in Word.
  // (At most two lines on: a blank separator, or a table's delimiter row; else the end of the document.)
  let line = range.line;
  while (line <= lines.length && line <= range.line + 2 && !docx.places[line - 1]) line++;
  const place = docx.places[line - 1];
  if (!place) return { where: '文末', quote: '', data: { wordLocation: '文末' } };
  const text = lines[line - 1];
  const from = line === range.line ? range.column - 1 : 0;
  const to = line === range.line && range.endLine === range.line ? range.endColumn - 1 : text.length;
  let quote = text.slice(from, to).replace(/\*\*|^#+ /g, '').trim();
  if (quote === '') quote = text.replace(/\*\*|^#+ |^\||\|$/g, '').trim().slice(0, QUOTE_LENGTH);
  if (quote.length > QUOTE_LENGTH) quote = quote.slice(0, QUOTE_LENGTH) + '…';
  if ('paragraph' in place) return { where: `第${place.paragraph}段`, quote, data: { paragraph: place.paragraph, wordLocation: `第${place.paragraph}段` } };
  if ('footnote' in place) return { where: `脚注${place.footnote}`, quote, data: { footnote: place.footnote, wordLocation: `脚注${place.footnote}` } };
  let cell = 1;
  place.cellStarts.forEach((start, i) => {
    if (start <= from) cell = i + 1;
  });
  const where = `表${place.table} 第${place.row}行第${cell}列`;
  return { where, quote, data: { table: place.table, row: place.row, cell, wordLocation: where } };
}
