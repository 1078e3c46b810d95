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

export async function readWordParagraphs(buffer: Uint8Array): Promise<WordParagraph[]> {
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
