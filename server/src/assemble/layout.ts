// What the Word export lays out: the report's paragraphs with their roles (roles.ts), its GFM tables,
// its footnotes, and the title as one paragraph of balanced lines. What Word cannot show as written
// (an image, code, raw HTML, a footnote mark without its note) is a problem naming its line: the export
// refuses rather than drop it silently.
import { buildDocument, type Block, type ReportDocument } from '../engine/document.js';
import { nodesOf } from '../engine/markdown.js';
import { resolve } from '../index.js';
import type { ConfigObject } from '../engine/config.js';
import { assignRoles, runInLength, type Role } from './roles.js';
import { parseInline, visibleText, type InlineRun } from './inline.js';
import { titleLines } from './title-lines.js';
import { TITLE_CHARS_PER_LINE } from './gbt9704.js';

export interface LaidParagraph {
  kind: 'paragraph';
  role: Role;
  level?: number;
  /** The text a reader sees (markup removed; a title's lines joined). */
  text: string;
  runs: InlineRun[];
  /** Length of a run-in heading's heading part, in visible characters. */
  runIn?: number;
  /** A title's lines, as laid out (balanced, at word boundaries). */
  lines?: string[];
  /** 1-based source lines: the first and the last. */
  line: number;
  lastLine: number;
}

export type CellAlignment = 'left' | 'center' | 'right' | undefined;

export interface LaidTable {
  kind: 'table';
  /** Rows of cells, the header row first; each cell as inline runs. */
  rows: InlineRun[][][];
  alignments: CellAlignment[];
  line: number;
  lastLine: number;
}

export type LaidItem = LaidParagraph | LaidTable;

export interface LaidFootnote {
  label: string;
  runs: InlineRun[];
  line: number;
}

export interface ExportProblem {
  line: number;
  message: string;
}

export interface Layout {
  items: LaidItem[];
  /** Footnotes in order of their first reference. */
  footnotes: LaidFootnote[];
  problems: ExportProblem[];
}

const TABLE_ROW = /^\s{0,3}\|.*\|\s*$/;
const DELIMITER_ROW = /^\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const FOOTNOTE_DEFINITION = /^\s{0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;

/** Cells of a table row: split at unescaped |, outer pipes dropped. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += body[i];
  }
  cells.push(cell.trim());
  return cells;
}

function alignmentOf(cell: string): CellAlignment {
  const c = cell.trim();
  if (c.startsWith(':') && c.endsWith(':')) return 'center';
  if (c.endsWith(':')) return 'right';
  if (c.startsWith(':')) return 'left';
  return undefined;
}

/** The Markdown of a block as written on its line, with a bold heading's ** (which the engine leaves out) put back. */
function markupOf(doc: ReportDocument, block: Block): string {
  const lineStart = doc.lines.lineStart(block.line);
  const lineEnd = doc.lines.lineEnd(block.line);
  const before = /(\*\*|__)$/.exec(doc.text.slice(lineStart, block.start))?.[1] ?? '';
  const after = before && doc.text.startsWith(before, block.end) && block.end + before.length <= lineEnd ? before : '';
  return before + doc.text.slice(block.start, block.end) + after;
}

/** Lines holding what Word cannot show as written. */
function unrenderable(doc: ReportDocument): ExportProblem[] {
  const problems: ExportProblem[] = [];
  for (const node of nodesOf(doc.mdast)) {
    const line = node.position?.start.line;
    if (line === undefined) continue;
    const value = (node as { value?: string }).value ?? '';
    switch (node.type) {
      case 'code':
        problems.push({ line, message: '代码块无法导出为公文正文，请改为普通段落或删去' });
        break;
      case 'image':
        problems.push({ line, message: '图片无法导出（Markdown 图片只是链接），请在 Word 中插入图片' });
        break;
      case 'thematicBreak':
        // The --- of YAML front matter (metadata, not exported) is not a rule in the text.
        if (doc.isIgnored(node.position!.start.offset!)) break;
        problems.push({ line, message: '分隔线“---”在公文中没有对应的格式，请删去' });
        break;
      case 'html':
        if (!/^\s*<!--[\s\S]*-->\s*$/.test(value) && !/^\s*<br\s*\/?>\s*$/i.test(value)) {
          problems.push({ line, message: `HTML 标记“${value.trim().slice(0, 30)}”无法导出，请删去或改为文字` });
        }
        break;
      case 'definition':
        if (!String((node as { label?: string }).label ?? '').startsWith('^')) {
          problems.push({ line, message: '链接定义无法导出为公文正文，请把网址写入正文或删去' });
        }
        break;
    }
  }
  return problems;
}

/** The report laid out for Word: paragraphs by role, tables, footnotes, and what cannot be exported. */
export function layoutReport(markdown: string, config?: ConfigObject): Layout {
  const settings = resolve(config).settings;
  const doc = buildDocument(markdown, settings);
  const roles = assignRoles(doc);
  const problems = unrenderable(doc);
  const items: LaidItem[] = [];

  // Footnote definitions: [^label]: text, on a line of its own.
  const definitions = new Map<string, { text: string; line: number }>();
  for (let i = 0; i < doc.lines.lineCount; i++) {
    const m = FOOTNOTE_DEFINITION.exec(doc.lines.lineText(i));
    if (!m) continue;
    if (definitions.has(m[1])) problems.push({ line: i + 1, message: `脚注 [^${m[1]}] 重复定义（第 ${definitions.get(m[1])!.line} 行已有）` });
    else definitions.set(m[1], { text: m[2], line: i + 1 });
  }

  for (let k = 0; k < roles.length; k++) {
    const { block, role, level } = roles[k];
    // A GFM table: consecutive | rows, the second a delimiter row.
    if (TABLE_ROW.test(block.text)) {
      let j = k;
      while (j + 1 < roles.length && roles[j + 1].block.line === roles[j].block.line + 1 && TABLE_ROW.test(roles[j + 1].block.text)) j++;
      if (j > k && DELIMITER_ROW.test(roles[k + 1].block.text)) {
        const rows = roles.slice(k, j + 1).filter((_, n) => n !== 1);
        const width = tableCells(block.text).length;
        rows.forEach((r) => {
          const n = tableCells(r.block.text).length;
          if (n !== width) problems.push({ line: r.block.line + 1, message: `表格这一行有 ${n} 格，表头有 ${width} 格；请补齐或删去多余的“|”` });
        });
        items.push({
          kind: 'table',
          rows: rows.map((r) => tableCells(r.block.text).slice(0, width).map((c) => parseInline(c))),
          alignments: tableCells(roles[k + 1].block.text).map(alignmentOf),
          line: block.line + 1,
          lastLine: roles[j].block.line + 1,
        });
        k = j;
        continue;
      }
    }
    if (role === 'title') {
      // The title's blocks (a body line above it, a title written over two lines) make one paragraph.
      let j = k;
      while (j + 1 < roles.length && roles[j + 1].role === 'title') j++;
      const pieces = roles.slice(k, j + 1).flatMap((r) => splitAtBreaks(parseInline(markupOf(doc, r.block))));
      const lines = titleLines(pieces, TITLE_CHARS_PER_LINE);
      items.push({ kind: 'paragraph', role, text: lines.join(''), runs: [{ text: lines.join('') }], lines, line: block.line + 1, lastLine: roles[j].block.line + 1 });
      k = j;
      continue;
    }
    const runs = parseInline(markupOf(doc, block));
    const text = visibleText(runs);
    let runIn: number | undefined;
    if (role === 'heading' && block.markdownDepth === 0) {
      // A bold run-in heading (**（1）推行复议意见书制度。**向…): the bold span is the heading part.
      runIn = runs[0]?.bold && runs.length > 1 && runs[0].text.length < text.length ? runs[0].text.length : runInLength(text);
    }
    if (role === 'attachment-title') {
      const lines = titleLines(splitAtBreaks(runs), TITLE_CHARS_PER_LINE);
      items.push({ kind: 'paragraph', role, text: lines.join(''), runs: [{ text: lines.join('') }], lines, line: block.line + 1, lastLine: block.line + 1 });
      continue;
    }
    items.push({ kind: 'paragraph', role, level, text, runs, runIn, line: block.line + 1, lastLine: block.line + 1 });
  }

  // Footnotes, numbered in order of first reference; a mark without a note and a note never referenced are problems.
  const footnotes: LaidFootnote[] = [];
  const referenced = new Set<string>();
  const visit = (runs: InlineRun[], line: number) => {
    for (const r of runs) {
      if (r.footnote === undefined || referenced.has(r.footnote)) continue;
      const def = definitions.get(r.footnote);
      if (!def) {
        problems.push({ line, message: `脚注标记 [^${r.footnote}] 没有对应的脚注内容（[^${r.footnote}]: …）` });
        continue;
      }
      referenced.add(r.footnote);
      footnotes.push({ label: r.footnote, runs: parseInline(def.text), line: def.line });
    }
  };
  for (const item of items) {
    if (item.kind === 'paragraph') visit(item.runs, item.line);
    else item.rows.forEach((row, r) => row.forEach((cell) => visit(cell, item.line + (r === 0 ? 0 : r + 1))));
  }
  for (const [label, def] of definitions) {
    if (!referenced.has(label)) problems.push({ line: def.line, message: `脚注 [^${label}] 在正文中没有被引用，导出后会丢失；请在正文中加上 [^${label}] 或删去` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { items, footnotes, problems };
}

/** Visible text pieces between line breaks. */
function splitAtBreaks(runs: InlineRun[]): string[] {
  const pieces = [''];
  for (const r of runs) {
    if (r.lineBreak) pieces.push('');
    else pieces[pieces.length - 1] += r.text;
  }
  return pieces.map((p) => p.trim()).filter(Boolean);
}
