// Reading Word documents (.docx) as report text: paragraphs through mammoth's document
// model, headings recovered from Word's heading styles or, without them, from Chinese
// numbering on a line of its own (一、 （一） 1. （1））. The CLI checks .docx files with it
// and reports findings by Word paragraph; `fazhi-lint import` writes the Markdown.
import mammoth from 'mammoth';
import { formatMarker, parseNumbering, type NumberingStyle } from '../engine/numbering.js';
import { runInLength } from './roles.js';

export interface DocxText {
  /** The document as Markdown: headings as #, one paragraph per line, blank line between paragraphs. */
  markdown: string;
  /**
   * The 1-based Word paragraph each line of `markdown` came from, 0 where none (blank lines):
   * `paragraphOfLine[line - 1]` for 1-based `line`. Paragraphs are counted in document order,
   * empty ones and those in tables included, as Word's navigation counts them.
   */
  paragraphOfLine: number[];
}

/** A paragraph of the Word document as mammoth reads it. */
export interface WordParagraph {
  /** 1-based, in document order. */
  index: number;
  text: string;
  styleName?: string;
  /** 0 for a title style, 1–6 for Heading n / 标题 n, undefined otherwise. */
  styleLevel?: number;
  alignment?: string;
  /** Word's automatic list numbering (the number itself is not part of the text). */
  numbering?: { level: number; isOrdered: boolean };
}

interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  alignment?: string | null;
  numbering?: { level?: string | number; isOrdered?: boolean } | null;
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

function textOf(node: MammothNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'paragraph':
    case 'table':
    case 'note':
    case 'comment':
      return ''; // nested paragraphs are paragraphs of their own; notes are not body text
    default:
      return (node.children ?? []).map(textOf).join('');
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

export async function readWordParagraphs(buffer: Uint8Array): Promise<WordParagraph[]> {
  const reason = notDocxReason(buffer);
  if (reason) throw new Error(reason);
  const paragraphs: WordParagraph[] = [];
  const visit = (node: MammothNode): void => {
    if (node.type === 'paragraph') {
      const numbering = node.numbering ? { level: Number(node.numbering.level ?? 0), isOrdered: !!node.numbering.isOrdered } : undefined;
      paragraphs.push({
        index: paragraphs.length + 1,
        text: (node.children ?? []).map(textOf).join(''),
        styleName: node.styleName ?? undefined,
        styleLevel: styleLevel(node.styleName, node.styleId),
        alignment: node.alignment ?? undefined,
        numbering,
      });
    }
    for (const child of node.children ?? []) if (child.type !== 'note' && child.type !== 'comment') visit(child);
  };
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(buffer) },
      {
        ignoreEmptyParagraphs: false,
        transformDocument: (document: MammothNode) => {
          visit(document);
          return document;
        },
      },
    );
  } catch (error) {
    throw explain(error);
  }
  return paragraphs;
}

const TRIM = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const STYLE_OF_LEVEL: NumberingStyle[] = ['cn-comma', 'cn-comma', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled'];

/**
 * Escapes what Markdown would read as a heading, quote, bullet or comment at the start of a line.
 * ("1. " needs nothing: the checker reads an ordered-list marker as 1. numbering, as written.)
 */
function escapeLineStart(text: string): string {
  return /^(?:#{1,6}[ \t]|>|[-*+][ \t]|<!--)/.test(text) ? `\\${text}` : text;
}

/** Word paragraphs → Markdown lines and the paragraph of every line. */
export function paragraphsToMarkdown(paragraphs: WordParagraph[]): DocxText {
  const lines: string[] = [];
  const paragraphOfLine: number[] = [];
  const counters: number[] = [];
  const push = (line: string, paragraph: number): void => {
    lines.push(line, '');
    paragraphOfLine.push(paragraph, 0);
  };
  let titleDone = false;
  for (const p of paragraphs) {
    let text = p.text.replace(TRIM, '');
    if (text === '') continue;
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
        push(`# ${text}`, p.index);
      } else push(escapeLineStart(text), p.index);
      continue;
    }
    if (level === undefined) {
      const numbering = parseNumbering(text);
      // A numbered line of its own is a heading; a run-in one (（一）加强领导。正文…) stays a paragraph.
      if (numbering && numbering.level <= 4 && runInLength(text) === undefined && text.length <= 60) level = numbering.level;
    }
    if (level !== undefined && level > 0) push(`${'#'.repeat(Math.min(level + 1, 6))} ${text}`, p.index);
    else push(escapeLineStart(text), p.index);
  }
  if (lines.length) {
    lines.pop();
    paragraphOfLine.pop();
  }
  return { markdown: lines.join('\n') + '\n', paragraphOfLine: [...paragraphOfLine, 0] };
}

export async function readDocx(buffer: Uint8Array): Promise<DocxText> {
  return paragraphsToMarkdown(await readWordParagraphs(buffer));
}
