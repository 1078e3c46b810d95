// snippets/fazhi-lint.json, generated from the report skeleton (rules/skeletons/county.md, the one that
// `fazhi-lint new` renders): a snippet per statutory part and per sub-section, and the signature. The
// whole skeleton is offered by the language server's completion on an empty report (one item per profile),
// so it is not a snippet too. Same Markdown heading style as the skeleton; tab stops as in
// server/src/lsp/skeleton-snippet.ts.
import { skeletonSnippet } from '../../server/src/lsp/skeleton-snippet.js';
import { SECTION_DATA } from '../../server/src/engine/outline.js';
import { parseFrame } from '../../server/src/assemble/skeleton.js';
import type { PartId } from '../../server/src/engine/types.js';

export const SNIPPETS_FILE = 'snippets/fazhi-lint.json';
export const SNIPPET_SKELETON = 'rules/skeletons/county.md';

/** What a writer types to call up a part: its words, in pinyin and in English. */
const PART_PREFIXES: Record<PartId, string[]> = {
  measures: ['举措和成效', '主要举措', 'jucuo', 'measures'],
  shortcomings: ['不足和原因', '存在的不足', 'buzu', 'shortcomings'],
  'first-responsible': ['第一责任人', '主要负责人', 'diyizerenren', 'dyzrr', 'first-responsible'],
  'next-year': ['下一年度', '主要安排', 'xiayiniandu', 'anpai', 'next-year'],
  other: ['其他情况', '其他需要报告', 'qita', 'other'],
};
const PART_ORDINALS = ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分'];

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** The skeleton cut as `fazhi-lint assemble` cuts it (parseFrame): its parts with their sub-sections, and the signature. */
function cut(template: string): { parts: { id: PartId; heading: string; lines: string[]; subs: { heading: string; lines: string[] }[] }[]; tail: string[] } {
  const frame = parseFrame(template);
  const trim = (lines: string[]) => {
    const out = [...lines];
    while (out.length && !out.at(-1)!.trim()) out.pop();
    while (out.length && !out[0].trim()) out.shift();
    return out;
  };
  const parts = [...frame.parts.entries()]
    .sort((a, b) => a[1].headingLine - b[1].headingLine)
    .map(([id, p]) => {
      const lines = trim(frame.lines.slice(p.headingLine, p.to));
      const subs: { heading: string; lines: string[] }[] = [];
      for (const line of lines) {
        const sub = /^###\s+(.*)$/.exec(line);
        if (sub) subs.push({ heading: sub[1], lines: [line] });
        else if (subs.length) subs.at(-1)!.lines.push(line);
      }
      return { id, heading: p.heading, lines, subs: subs.map((x) => ({ ...x, lines: trim(x.lines) })) };
    });
  return { parts, tail: trim(frame.lines.slice(frame.tail.from, frame.tail.to)) };
}

const numbered = (heading: string, prefix: string) => heading.replace(/^([一二三四五六七八九十]+)、/, `${prefix}\${1:$1}、`).replace(/^（([一二三四五六七八九十]+)）/, `${prefix}（\${1:$1}）`);

function snippetLines(lines: string[], markdownPrefix: string): string[] {
  const heading = lines[0].replace(/^#+\s+/, '');
  // The heading's numeral is the first tab stop: the part may go elsewhere in the writer's report.
  const body = skeletonSnippet([lines[0].replace(/^#+\s+.*$/, '\u0000'), ...lines.slice(1)].join('\n').replace(/\n+$/, ''));
  const renumbered = body.replace(/\$\{(\d+):/g, (_, n: string) => `\${${Number(n) + 1}:`).replace(/\$(\d+)(?!\d)/g, (m, n: string) => (n === '0' ? m : `$${Number(n) + 1}`));
  return renumbered.replace('\u0000', numbered(heading, markdownPrefix)).split('\n');
}

export function snippetsText(read: (file: string) => string): string {
  const { parts, tail } = cut(read(SNIPPET_SKELETON));
  const out: Record<string, Snippet> = {};
  for (const part of parts) {
    const id = part.id;
    const info = SECTION_DATA.parts[id];
    const ordinal = PART_ORDINALS[Object.keys(PART_PREFIXES).indexOf(id)];
    out[`${ordinal}：${info.short}`] = {
      prefix: PART_PREFIXES[id],
      body: snippetLines(part.lines, '## '),
      description: `${ordinal}：${info.name}（与 fazhi-lint new 的骨架相同）。Part: ${id}.`,
    };
    for (const sub of part.subs) {
      const title = sub.heading.replace(/^（[一二三四五六七八九十]+）/, '');
      out[`小节：${title}`] = {
        prefix: [title],
        body: snippetLines(sub.lines, '### '),
        description: `${info.short}下的常见小节：${title}。Common sub-section of ${id}.`,
      };
    }
  }
  out['落款和日期'] = {
    prefix: ['落款', 'luokuan', 'signature'],
    body: skeletonSnippet(tail.join('\n')).split('\n'),
    description: '报告末尾的落款和日期。Signature and date.',
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
