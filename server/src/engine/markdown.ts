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

const parser = unified().use(remarkParse);

/** `pieceLength` is for tests, which cut at every chance. */
export function parseMarkdown(text: string, pieceLength = PIECE): Root {
  const cuts = pieceStarts(text, pieceLength);
  if (cuts.length === 1) {
    const root = parser.parse(text) as Root;
    if (text.charCodeAt(0) === 0xfeff) shiftPastBom(root);
    return root;
  }
  const root: Root = {
    type: 'root',
    children: [],
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) },
  };
  let line = 0;
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i];
    const end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    const piece = text.slice(start, end);
    const tree = parser.parse(piece) as Root;
    if (i === 0 && text.charCodeAt(0) === 0xfeff) shiftPastBom(tree);
    else if (i > 0) for (const child of tree.children) shift(child, start, line);
    root.children.push(...tree.children);
    line += countLines(piece);
  }
  return root;
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
  if (text.length < 2 * minLength) return starts;
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
      previousBlank &&
      !blank &&
      !/^[ \t]/.test(line) &&
      at - starts[starts.length - 1] >= minLength &&
      text.length - at >= minLength
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

function countLines(piece: string): number {
  let n = 0;
  for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) n++;
  return n;
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lastBreak = text.lastIndexOf('\n');
  return { line: countLines(text) + 1, column: text.length - lastBreak, offset: text.length };
}

/** Moves a piece's positions onto the whole text: the piece starts at `offset`, after `lines` line breaks. */
function shift(node: RootContent, offset: number, lines: number): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (!point) continue;
    if (point.offset !== undefined) point.offset += offset;
    point.line += lines;
  }
  if ('children' in node) for (const child of node.children) shift(child, offset, lines);
}

/** micromark drops a leading BOM and counts offsets without it; shift them back onto the text as given. */
function shiftPastBom(root: Root): void {
  const visit = (node: Root | RootContent): void => {
    for (const point of [node.position?.start, node.position?.end]) {
      if (!point || point.offset === undefined) continue;
      point.offset += 1;
      if (point.line === 1) point.column += 1;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
}
