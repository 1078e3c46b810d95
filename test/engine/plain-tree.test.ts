// Texts without Markdown markup skip micromark (engine/markdown.ts, plainTree): the document model and the
// findings must be exactly those of a micromark parse, on every real report the tests hold and on texts that
// sit at the edge of "no markup".
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lint } from '../../server/src/index.js';
import { parseMarkdown, usePlainTrees } from '../../server/src/engine/markdown.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const texts: { name: string; text: string }[] = [];
for (const dir of ['test/fixtures/corpus', 'test/fixtures/clean', 'test/fixtures/clean-md', 'test/fixtures/real', 'examples']) {
  let files: string[];
  try {
    files = readdirSync(path.join(ROOT, dir), { recursive: true }).map(String);
  } catch {
    continue; // test/fixtures/real may not exist
  }
  for (const f of files.filter((f) => /\.(txt|md)$/.test(f)).sort()) texts.push({ name: `${dir}/${f}`, text: readFileSync(path.join(ROOT, dir, f), 'utf8') });
}
const HEAD = '某镇关于2023年法治政府建设情况的报告\n\n';
const edges = [
  `${HEAD}一、主要举措和成效\n\n全年开展活动12场。\n---\n二、存在的不足和原因\n`, // setext underline (markup)
  `${HEAD}一、主要举措和成效\n\n        - - -\n\n全年开展活动。`, // an indented break
  `\ufeff${HEAD}# 一、主要举措和成效\n\n> 引用\n\n1. 第一项\n2. 第二项\n\n全年办理案件XX件,成效明显。\r\n\r\n   二、存在的不足和原因  \r\n原因是……\r\n`,
  `${HEAD}来信请寄 fazhi.ban@example.gov.cn，详见 http://www.example.gov.cn/a。\n\n&nbsp;全年开展活动\\n。`,
  `${HEAD}\t一、主要举措和成效\n\n\n\n\u3000\u3000全年开展活动。\n\n`,
  '', '\n', '   ', '一行',
];

function model(text: string) {
  const { document: d, findings } = lint(text);
  const ignored = d.ignored.map((r) => [r.start, r.end]);
  const sections = (ss: typeof d.outline.sections): unknown[] => ss.map((s) => [s.level, s.heading.index, s.part, s.start, s.end, s.blocks.length, sections(s.children)]);
  return { blocks: JSON.stringify(d.blocks), outline: JSON.stringify(sections(d.outline.sections)), meta: JSON.stringify(d.meta), ignored, findings: JSON.stringify(findings) };
}

describe('engine/markdown: texts without markup skip micromark', () => {
  after(() => usePlainTrees(true));
  // A long text is parsed in pieces: those without markup are built line by line, the others by micromark.
  const joined = { name: 'every text above joined (pieces with and without markup)', text: texts.map((t) => t.text.trimEnd()).join('\n\n') };
  for (const { name, text } of [...texts, ...edges.map((text, i) => ({ name: `edge case ${i}`, text })), joined]) {
    it(`${name}: same blocks, outline, meta, ignored ranges and findings`, () => {
      usePlainTrees(true);
      const fast = model(text);
      usePlainTrees(false);
      const full = model(text);
      assert.deepEqual(fast, full);
    });
  }
  it('most seed reports take the fast path, paragraphs with markup do not', () => {
    usePlainTrees(true);
    const plain = texts.filter((t) => t.name.startsWith('test/fixtures/corpus/') && parseMarkdown(t.text).children.every((c) => c.type === 'paragraph'));
    assert.ok(plain.length >= 4, plain.map((t) => t.name).join());
    // Only the paragraphs with markup go through micromark.
    const md = parseMarkdown('# 标题\n\n**加粗**正文\n');
    assert.deepEqual(md.children.map((c) => c.type), ['paragraph', 'paragraph']);
    assert.equal((md.children[1] as { children: { type: string }[] }).children[0].type, 'strong');
    assert.equal(parseMarkdown('# 标题`代码`\n').children[0].type, 'heading');
  });
});
