// Unfilled placeholders (XX, ××, **, 某某, 20XX, ____, 【请填写…】, {{…}}) and
// names stripped of their region (委、政府 / 在委和政府 / 我依法行政 / 参加级开展).
// No fix: a person must fill them in. Matched on doc.prose (pinyin removed).
import data from '../../../rules/placeholder.json';
import type { Rule } from '../engine/types.js';
import type { ReportDocument } from '../engine/document.js';
import { nodesOf } from '../engine/markdown.js';
import { matchAllFast } from './shared/fast-match.js';
import { stringList } from '../engine/config-schema.js';

interface PlaceholderData {
  explicit: { pattern: string; label: string; markdown?: 'strong' | 'thematicBreak' }[];
  stripped: { pattern: string; message: string; context: [number, number] }[];
}

const DATA = data as unknown as PlaceholderData;

interface Compiled {
  explicit: { re: RegExp; label: string; markdown?: 'strong' | 'thematicBreak' }[];
  stripped: { re: RegExp; message: string; context: [number, number] }[];
}

function compile(extend: unknown): Compiled {
  const extra = Array.isArray(extend) ? extend.map((p) => ({ pattern: String(p), label: '占位符' })) : [];
  return {
    explicit: [...DATA.explicit, ...extra].map((p) => ({ ...p, re: new RegExp(p.pattern, 'gmu') })),
    stripped: DATA.stripped.map((p) => ({ ...p, re: new RegExp(p.pattern, 'gmu') })),
  };
}

const isHan = (c: string | undefined): boolean => !!c && /[\u3400-\u9fff]/.test(c);

const rule: Rule = {
  id: 'placeholder',
  severity: 'error',
  tags: ['content'],
  docs: {
    description: '报告中有未填写的占位符（XX、××、某某、20XX、____、【请填写】等），或删去地名后留下的残缺名称（“委、政府”“我依法行政”“参加级开展”）。',
    why: '套用模板或隐去单位名称后未补全，会使公开的报告出现空位和病句，读者无法知道指的是哪个机关。',
    basis: '《党政机关公文处理工作条例》第十九条（公文内容应完整、准确）；《法治政府建设与责任落实督察工作规定》第二十五条（年度报告应向社会公开）',
    howToFix: '补上真实的名称、数字或日期（如“区委、区政府”“我镇”“市级”），本规则不提供自动修复。',
  },
  extendSchema: stringList('追加的占位符（正则表达式），如 "（单位名称）"。Regular expressions of placeholders.', { regex: true }),
  check({ doc, options, memo, report }) {
    const compiled = memo(`compiled:${JSON.stringify(options.extend ?? null)}`, () => compile(options.extend));
    const view = doc.prose.text;
    const markup = markdownMarkup(doc);
    for (const { re, label, markdown } of compiled.explicit) {
      for (const m of matchAllFast(view, re)) {
        if (!m[0]) continue;
        const { start, end } = doc.prose.rangeToSource(m.index!, m.index! + m[0].length);
        if (doc.isIgnored(start, end)) continue;
        if (markdown === 'strong' && markup.strong.has(start)) continue;
        // *** and ___ alone on a line are Markdown rules.
        if (markdown && markup.breaks.has(doc.lines.lineOf(start))) continue;
        report({
          start,
          end,
          message: `${label}“${m[0]}”未填写，请补上实际内容。`,
          data: { text: m[0], kind: 'explicit' },
        });
      }
    }
    for (const { re, message, context } of compiled.stripped) {
      // The stripped-name patterns open with a lookbehind: matchAllFast tries them only where a match can start.
      for (const m of matchAllFast(view, re)) {
        const hit = m.groups?.hit ?? m[0];
        if (!hit) continue;
        const hitStart = m.index! + (m.groups?.hit !== undefined ? m[0].lastIndexOf(hit) : 0);
        const hitEnd = hitStart + hit.length;
        const { start, end } = doc.prose.rangeToSource(hitStart, hitEnd);
        if (doc.isIgnored(start, end)) continue;
        let s = hitStart;
        let e = hitEnd;
        for (let i = 0; i < context[0] && isHan(view[s - 1]); i++) s--;
        for (let i = 0; i < context[1] && isHan(view[e]); i++) e++;
        const shown = view.slice(s, e);
        report({
          start,
          end,
          message: message.replace('{context}', shown),
          data: { text: hit, context: shown, kind: 'stripped' },
        });
      }
    }
  },
};

/** Offsets where `**` opens or closes Markdown bold, and lines that are thematic breaks (*** / ___). */
function markdownMarkup(doc: ReportDocument): { strong: Set<number>; breaks: Set<number> } {
  const strong = new Set<number>();
  const breaks = new Set<number>();
  for (const node of nodesOf(doc.mdast)) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (node.type === 'strong' && s !== undefined && e !== undefined) {
      strong.add(s);
      strong.add(e - 2);
    }
    if (node.type === 'thematicBreak' && s !== undefined) breaks.add(doc.lines.lineOf(s));
  }
  // CommonMark does not close ** after CJK punctuation before a CJK character (**（一）加强领导。**正文), yet the
  // writer meant bold, not a placeholder: a pair around text on one line is markup too.
  for (const m of doc.text.matchAll(BOLD_PAIR)) {
    strong.add(m.index!);
    strong.add(m.index! + m[0].length - 2);
  }
  return { strong, breaks };
}

const BOLD_PAIR = /\*\*(?=[^\s*])[^*\n]*?[^\s*]\*\*/g;

export default rule;
