// The remark (mdast) tree of a document. micromark's time grows faster than
// the text on large documents (a 1 MB document takes about 16× as long as a
// 100 KB one), so a long text is parsed in pieces cut where a new top-level
// block must begin, and the pieces' trees are joined with their positions
// moved onto the whole text. Rules read only code, HTML, links, definitions,
// strong emphasis and thematic breaks from the tree, none of which can span
// such a cut.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';

/** Pieces are at least this many UTF-16 code units long. */
const PIECE = 20_000;
/** A paragraph (lines without a blank line between them) is cut at a line start once a piece is this long. */
const LONG_PARAGRAPH = 20_000;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * A report holds no code: a paragraph indented by four spaces (Word and PDF copies, pasted plain text) is a
 * paragraph, not an indented code block whose text no rule would read.
 */
const ALWAYS_OFF = ['codeIndented'];
/**
 * micromark takes time quadratic in the count of some markers in one block (emphasis runs; unclosed inline
 * HTML and link brackets look ahead to the block's end): beyond this many in a text, those constructs are skipped.
 */
const MAX_MARKERS = 1000;
const MARKERS: [RegExp, string[]][] = [
  [/[*_]+/g, ['attention']],
  [/</g, ['htmlText']],
  [/!?\[/g, ['labelStartLink', 'labelStartImage', 'labelEnd']],
];
/** Nesting deeper than any report's (17 containers on a line, or 65 columns of indentation) is parsed flat. */
const DEEP_NESTING = /^[ \t]{65}|^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])[ \t]*){17}/m;

const parsers = new Map<string, ReturnType<typeof makeParser>>();
function makeParser(off: string[]) {
  return unified().use(remarkParse).data('micromarkExtensions', [{ disable: { null: off } }]);
}

/**
 * The parser for a text: the same for every ordinary text; for a pathological one (thousands of markers, deep
 * nesting), one without the constructs micromark takes superlinear time on, so that no input hangs the check.
 * Rules then see no bold (placeholder finds ** pairs on its own), inline HTML, links or lists in that text.
 */
export function markdownParser(text = ''): ReturnType<typeof makeParser> {
  const off = [...ALWAYS_OFF];
  for (const [marker, constructs] of MARKERS) {
    const re = new RegExp(marker);
    let count = 0;
    while (count <= MAX_MARKERS && re.exec(text)) count++;
    if (count > MAX_MARKERS) off.push(...constructs);
  }
  if (DEEP_NESTING.test(text)) off.push('list', 'blockQuote');
  const key = off.join();
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = makeParser(off)));
  return parser;
}

/**
 * Characters without which micromark makes none of the nodes the engine and the rules read (code, inline code,
 * HTML, definitions, links, images, strong emphasis; thematic breaks of * or _), and a line of dashes (a
 * thematic break, or front matter). A text (or a piece of one) without them — most reports pasted from Word or
 * the web — gets a tree of its paragraphs built line by line instead: micromark was a fifth of a check's time.
 */
// (Any indentation: with indented code off, micromark reads an indented line of dashes as a break too.)
const MARKUP = /[`<[*_~]|^[ \t]*-[ \t]*-[ \t]*-[ \t-]*$/m;
/** FAZHI_LINT_MICROMARK_ONLY=1 (a debug switch) parses every text with micromark, to compare. */
let plainTrees = typeof process === 'undefined' || !process.env?.FAZHI_LINT_MICROMARK_ONLY;

/** For tests: whether texts without Markdown markup skip micromark (true by default). */
export function usePlainTrees(enabled: boolean): void {
  plainTrees = enabled;
}

/** `pieceLength` is for tests, which cut at every chance. */
export function parseMarkdown(text: string, pieceLength = PIECE, cache?: ParseCache): Root {
  if (plainTrees && !MARKUP.test(text)) return plainTree(text);
  const pieces = plainTrees ? plainAndMarkupPieces(text, pieceLength) : pieceStarts(text, pieceLength).map((start) => ({ start, plain: false }));
  if (pieces.length === 1) {
    const root = markdownParser(text).parse(text) as Root;
    if (text.charCodeAt(0) === 0xfeff) shiftPastBom(root);
    return root;
  }
  const root: Root = {
    type: 'root',
    children: [],
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) },
  };
  let line = 0;
  for (let i = 0; i < pieces.length; i++) {
    const start = pieces[i].start;
    const end = i + 1 < pieces.length ? pieces[i + 1].start : text.length;
    const piece = text.slice(start, end);
    if (pieces[i].plain) {
      for (const child of plainTree(text, start, end, line).children) root.children.push(child);
    } else {
      const bom = i === 0 && text.charCodeAt(0) === 0xfeff;
      const children = (!bom && cache?.take(piece, start, line)) || parsePiece(piece, start, line, bom, i, cache);
      for (const child of children) root.children.push(child);
    }
    line += countLines(piece);
  }
  cache?.sweep();
  return root;
}

function parsePiece(piece: string, start: number, line: number, bom: boolean, index: number, cache?: ParseCache): RootContent[] {
  const tree = markdownParser(piece).parse(piece) as Root;
  if (bom) shiftPastBom(tree);
  else if (index > 0) for (const child of tree.children) shift(child, start, line);
  if (!bom) cache?.put(piece, start, line, tree.children);
  return tree.children;
}

/**
 * micromark's trees of the pieces of the last parse, by piece text, for re-parsing an edited document
 * (engine/incremental.ts): a piece that did not change is moved to where it now starts instead of parsed again.
 * The trees are shared with the documents built from them (their positions move with the newest parse).
 */
export class ParseCache {
  /** Piece text → its trees (a text can hold the same piece more than once), in document order. */
  private last = new Map<string, CachedPiece[]>();
  private next = new Map<string, CachedPiece[]>();

  take(piece: string, offset: number, line: number): RootContent[] | undefined {
    const hit = this.last.get(piece)?.shift();
    if (!hit) return undefined;
    if (hit.offset !== offset || hit.line !== line) for (const child of hit.children) shift(child, offset - hit.offset, line - hit.line);
    hit.offset = offset;
    hit.line = line;
    this.keep(piece, hit);
    return hit.children;
  }

  put(piece: string, offset: number, line: number, children: RootContent[]): void {
    this.keep(piece, { offset, line, children });
  }

  private keep(piece: string, entry: CachedPiece): void {
    const list = this.next.get(piece);
    if (list) list.push(entry);
    else this.next.set(piece, [entry]);
  }

  /** Keeps only the pieces of the parse just made. */
  sweep(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

interface CachedPiece {
  offset: number;
  line: number;
  children: RootContent[];
}

/**
 * The text cut at every chance (pieceStarts), then joined again: runs of pieces without markup into one plain
 * piece, runs with markup into pieces of at least `pieceLength` for micromark. A report with a few marked-up
 * lines then parses only those paragraphs with micromark.
 */
function plainAndMarkupPieces(text: string, pieceLength: number): { start: number; plain: boolean }[] {
  const fine = pieceStarts(text, 1);
  const out: { start: number; plain: boolean }[] = [];
  for (let i = 0; i < fine.length; i++) {
    const start = fine[i];
    const end = i + 1 < fine.length ? fine[i + 1] : text.length;
    const plain = !MARKUP.test(text.slice(start, end));
    const last = out[out.length - 1];
    // A markup piece grows until it is pieceLength long (micromark's time grows faster than the text).
    if (last && last.plain === plain && (plain || start - last.start < pieceLength)) continue;
    out.push({ start, plain });
  }
  return out;
}

/**
 * Offsets where a piece may start: the start of a line that follows a blank
 * line and begins with a non-space character (so it cannot continue a list
 * item, a block quote or indented code; a new list item is cut from the
 * items before it, which no rule notices), outside fenced code and outside
 * HTML blocks that run across blank lines (comments, <script>, <pre>…).
 */
export function pieceStarts(text: string, minLength: number): number[] {
  const starts = [0];
  if (text.length < 2 * minLength && text.length < 2 * LONG_PARAGRAPH) return starts;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: string | undefined;
  let previousBlank = false;
  for (let at = 0; at < text.length; ) {
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    const line = text.slice(at, text.charCodeAt(next - 1) === 13 ? next - 1 : next);
    const blank = /^[ \t]*$/.test(line);
    if (
      !fence &&
      !htmlEnd &&
      !blank &&
      !/^[ \t]/.test(line) &&
      (previousBlank
        ? at - starts[starts.length - 1] >= minLength && text.length - at >= minLength
        : // Inside a paragraph only when it is very long (lines joined without blank lines): micromark merges a
          // paragraph's text events by splicing, quadratic in one paragraph. Blocks are lines, so only inline markup
          // spanning this one line break is lost; a setext underline stays with its line.
          at - starts[starts.length - 1] >= LONG_PARAGRAPH && text.length - at >= LONG_PARAGRAPH && !SETEXT_UNDERLINE.test(line))
    ) {
      starts.push(at);
    }
    if (fence) {
      const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else if (htmlEnd) {
      if (line.includes(htmlEnd)) htmlEnd = undefined;
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) fence = { char: open[1][0], length: open[1].length };
      else {
        const html = /^ {0,3}<(?:(script|pre|style|textarea)\b|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i.exec(line);
        if (html) {
          const end = html[1] ? `</${html[1].toLowerCase()}>` : html[2] ? '-->' : html[3] ? '?>' : html[4] ? '>' : ']]>';
          const rest = line.slice(html.index + html[0].length);
          if (!(html[1] ? rest.toLowerCase() : rest).includes(end)) htmlEnd = end;
        }
      }
    }
    previousBlank = blank;
    at = next + 1;
  }
  return starts;
}

/**
 * The tree of a text without Markdown markup (see MARKUP), from `from` to `to`, whose first line is line
 * `firstLine` (0-based) of the whole text: one paragraph per run of non-blank lines, holding its text. (micromark
 * would also make headings, lists and block quotes of #, -, 1. and > lines: nothing reads those nodes.)
 */
export function plainTree(text: string, from = 0, to = text.length, firstLine = 0): Root {
  const children: RootContent[] = [];
  let line = firstLine;
  let start: { line: number; column: number; offset: number } | undefined;
  let lastEnd = { line: 0, column: 0, offset: 0 };
  for (let at = from; at <= to; ) {
    let next = text.indexOf('\n', at);
    if (next < 0 || next > to) next = to;
    let end = next;
    if (end > at && text.charCodeAt(end - 1) === 13) end--;
    let blank = true;
    for (let k = at; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 0xfeff) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (start) children.push(paragraph(text, start, lastEnd));
      start = undefined;
    } else {
      let s = at;
      while (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9 || text.charCodeAt(s) === 0xfeff) s++;
      start ??= { line: line + 1, column: s - at + 1, offset: s };
      let e = end;
      while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
      lastEnd = { line: line + 1, column: e - at + 1, offset: e };
    }
    if (next >= to) break;
    at = next + 1;
    line++;
  }
  if (start) children.push(paragraph(text, start, lastEnd));
  // endPoint(text.slice(0, to)), from the lines just counted (`firstLine` is the number of line breaks before
  // `from`): counting them again from the start of the text for each piece made a long text's parse quadratic.
  const lastBreak = to > 0 ? text.lastIndexOf('\n', to - 1) : -1;
  return {
    type: 'root',
    children,
    position: { start: { line: firstLine + 1, column: 1, offset: from }, end: { line: line + 1, column: to - lastBreak, offset: to } },
  };
}

type Point = { line: number; column: number; offset: number };
function paragraph(text: string, start: Point, end: Point): RootContent {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: text.slice(start.offset, end.offset), position: { start, end } }],
    position: { start, end },
  };
}

function countLines(piece: string): number {
  let n = 0;
  for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) n++;
  return n;
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lastBreak = text.lastIndexOf('\n');
  return { line: countLines(text) + 1, column: text.length - lastBreak, offset: text.length };
}

/** Every node of a tree, with an explicit stack: deeply nested lists must not overflow the call stack. */
export function* nodesOf(root: Root | RootContent): Generator<Root | RootContent> {
  const stack: (Root | RootContent)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** Moves a piece's positions onto the whole text: the piece starts at `offset`, after `lines` line breaks. */
function shift(node: RootContent, offset: number, lines: number): void {
  for (const n of nodesOf(node)) {
    for (const point of [n.position?.start, n.position?.end]) {
      if (!point) continue;
      if (point.offset !== undefined) point.offset += offset;
      point.line += lines;
    }
  }
}

/** micromark drops a leading BOM and counts offsets without it; shift them back onto the text as given. */
function shiftPastBom(root: Root): void {
  for (const n of nodesOf(root)) {
    for (const point of [n.position?.start, n.position?.end]) {
      if (!point || point.offset === undefined) continue;
      point.offset += 1;
      if (point.line === 1) point.column += 1;
    }
  }
}
