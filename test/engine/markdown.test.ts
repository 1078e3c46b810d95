// Parsing a long document in pieces must give the nodes the rules read at the
// same positions as parsing it whole.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root, RootContent } from 'mdast';
import { markdownParser, parseMarkdown, pieceStarts, usePlainTrees } from '../../server/src/engine/markdown.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const read = (sub: string) =>
  readdirSync(path.join(FIXTURES, sub))
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(FIXTURES, sub, f), 'utf8'));

// Constructs that run across blank lines: a cut inside any of them would change the tree.
const SPANNING = [
  '```text\n代码第一行\n\n\n不是新段落\n```\n',
  '~~~~\n波浪线围栏\n\n```\n仍在围栏内\n~~~~\n',
  '<!--\n多行注释\n\n仍在注释内\n-->\n',
  '<pre>\n预排版\n\n仍在 pre 内\n</pre>\n',
  '1. 第一项\n\n    第一项的第二段\n\n        缩进代码\n\n2. 第二项，含[链接](https://example.com/a)和`行内代码`\n',
  '> 引用\n>\n> 引用第二段\n\n***\n\n**加粗**文字\n\n[定义]: https://example.com/def\n',
  '```js 信息串里有`反引号`不是围栏\n此行是普通段落\n',
];

function bigDocument(parts: string[], bytes: number, newline = '\n'): string {
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += parts[i % parts.length] + '\n\n' + SPANNING[i % SPANNING.length] + '\n';
  return newline === '\n' ? out : out.replace(/\n/g, newline);
}

const READ = new Set(['code', 'inlineCode', 'html', 'definition', 'link', 'image', 'strong', 'thematicBreak', 'heading']);
function nodesRulesRead(root: Root): string[] {
  const out: string[] = [];
  const visit = (node: Root | RootContent): void => {
    if (READ.has(node.type)) {
      const p = node.position!;
      out.push(`${node.type} ${p.start.offset}-${p.end.offset} ${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}

describe('engine/markdown: parsing long documents in pieces', () => {
  // One parse of the whole text per case, shared by the tests (parsing is what they cost).
  const parsed = new Map<string, Root>();
  const whole = (text: string) => {
    if (!parsed.has(text)) parsed.set(text, markdownParser(text).parse(text) as Root);
    return parsed.get(text)!;
  };
  // 100 KB cut into pieces of 10 000 characters: the same cutting as a long document's 20 000, at half the cost.
  const PIECE = 10_000;
  const cases: [string, string][] = [
    ['seed reports and constructs spanning blank lines', bigDocument(read('corpus'), 100_000)],
    ['Markdown reports, CRLF line ends', bigDocument(read('clean-md'), 100_000, '\r\n')],
  ];
  for (const [name, text] of cases) {
    it(`${name}: same nodes at the same positions as one parse`, () => {
      assert.ok(pieceStarts(text, PIECE).length >= 5, 'the document is cut into pieces');
      const one = nodesRulesRead(whole(text));
      assert.ok(one.length > 20, `only ${one.length} nodes to compare`);
      try {
        usePlainTrees(false);
        assert.deepEqual(nodesRulesRead(parseMarkdown(text, PIECE)), one);
        // Cut at every chance, so that each construct is tried.
        assert.ok(pieceStarts(text, 1).length > 100, 'cut at every chance');
        assert.deepEqual(nodesRulesRead(parseMarkdown(text, 1)), one);
      } finally {
        usePlainTrees(true);
      }
      // Pieces without markup built line by line (no heading nodes there: nothing reads them), the others by micromark.
      const noHeadings = (nodes: string[]) => nodes.filter((n) => !n.startsWith('heading '));
      assert.deepEqual(noHeadings(nodesRulesRead(parseMarkdown(text, PIECE))), noHeadings(one));
      assert.deepEqual(noHeadings(nodesRulesRead(parseMarkdown(text, 1))), noHeadings(one));
    });
  }
  it('keeps offsets on the text as given when it starts with a BOM', () => {
    const text = '\ufeff' + bigDocument(read('clean-md'), 100_000);
    const root = parseMarkdown(text);
    const first = root.children[0].position!;
    assert.equal(first.start.offset, text.indexOf('#'));
    const code = nodesRulesRead(root).find((n) => n.startsWith('code '))!;
    const [s] = code.split(' ')[1].split('-').map(Number);
    assert.ok(text.startsWith('```', s) || text.startsWith('~~~', s) || text.startsWith('    ', s), code);
  });
  it('cuts only where the whole parse starts a top-level block (or a top-level list item) after a blank line', () => {
    for (const [, text] of cases) {
      const topLevelStarts = new Set<number | undefined>();
      for (const c of whole(text).children) {
        topLevelStarts.add(c.position!.start.offset);
        if (c.type === 'list') for (const item of c.children) topLevelStarts.add(item.position!.start.offset);
      }
      for (const at of pieceStarts(text, 1).slice(1)) {
        assert.ok(topLevelStarts.has(at), `cut at ${at} is not the start of a top-level block`);
        assert.match(text.slice(0, at), /\n[ \t\r]*\n$/);
      }
    }
  });
  it('parses a short document in one piece', () => {
    assert.deepEqual(pieceStarts(read('corpus')[0], 20_000), [0]);
  });
});
