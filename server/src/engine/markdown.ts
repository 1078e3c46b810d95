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

/** `pieceLength` is for tests, which cut at every chance. */
export function parseMarkdown(text: string, pieceLength = PIECE): Root {
  const cuts = pieceStarts(text, pieceLength);
  if (cuts.length === 1) {
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
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i];
    const end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    const piece = text.slice(start, end);
    const tree = markdownParser(piece).parse(piece) as Root;
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
