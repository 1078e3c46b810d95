// Unfilled placeholders (XX, ××, **, 某某, 20XX, ____, 【请填写…】, {{…}}; masks of one
// character standing for a name or a number: *区, 会议*次, X镇, 调解员x名, 20__年, x01x年, 某县) and
// names stripped of their region (委、政府 / 在委和政府 / 我依法行政 / 参加级开展).
// One finding per placeholder: where two patterns cover the same text (20**年 is a masked year and **),
// the first match in the text, the longest there, is kept.
// No fix: a person must fill them in. Matched on doc.prose (pinyin removed).
import data from '../../../rules/placeholder.json';
import type { Rule } from '../engine/types.js';
import type { ReportDocument } from '../engine/document.js';
import { nodesOf } from '../engine/markdown.js';
import { matchAllFast } from './shared/fast-match.js';
import { stringList } from '../engine/config-schema.js';
import { compileUserPattern } from '../engine/user-pattern.js';
import { cite } from './shared/citations.js';
import { lastAtMost } from '../engine/line-index.js';

type Markup = 'strong' | 'thematicBreak' | 'emphasis';

interface PlaceholderData {
  explicit: { pattern: string; label: string; markdown?: Markup; scope?: 'title' }[];
  stripped: { pattern: string; message: string; context: [number, number] }[];
}

const DATA = data as unknown as PlaceholderData;

interface Compiled {
  explicit: { re: RegExp; label: string; markdown?: Markup; scope?: 'title' }[];
  stripped: { re: RegExp; message: string; context: [number, number] }[];
}

function compile(extend: unknown): Compiled {
  const extra = Array.isArray(extend) ? extend.map((p) => ({ label: '占位符', re: compileUserPattern(String(p), 'gmu') as RegExp })) : [];
  return {
    explicit: [...DATA.explicit.map((p) => ({ ...p, re: new RegExp(p.pattern, 'gmu') })), ...extra],
    stripped: DATA.stripped.map((p) => ({ ...p, re: new RegExp(p.pattern, 'gmu') })),
  };
}

const isHan = (c: string | undefined): boolean => !!c && /[\u3400-\u9fff]/.test(c);

/** The text from `s` to `e` with up to two Han characters on each side. */
function around(view: string, s: number, e: number): string {
  let a = s;
  let b = e;
  for (let i = 0; i < 2 && isHan(view[a - 1]); i++) a--;
  for (let i = 0; i < 2 && isHan(view[b]); i++) b++;
  return view.slice(a, b);
}

const rule: Rule = {
  id: 'placeholder',
  severity: 'error',
  tags: ['content'],
  // Local: 某县 is looked for in the title (doc.meta) only, and the re-check of an edited section never holds the
  // title (engine/incremental.ts), which checks that the title stays the title.
  local: true,
  docs: {
    description: '报告中有未填写的占位符（XX、××、某某、20XX、____、【请填写】等，以及代替名称或数字的单个字符：“*区”“会议*次”“X镇”“调解员x名”“20__年”“某县”），或删去地名后留下的残缺名称（“委、政府”“我依法行政”“参加级开展”）。',
    why: '套用模板或隐去单位名称后未补全，会使公开的报告出现空位和病句，读者无法知道指的是哪个机关。',
    ...cite(['gongwen-20', 'supervision-26']),
    howToFix: '补上真实的名称、数字或日期（如“区委、区政府”“我镇”“市级”），本规则不提供自动修复。',
  },
  extendSchema: stringList('追加的占位符（正则表达式），如 "（本单位）"。Regular expressions of placeholders.', { regex: true }),
  check({ doc, options, memo, report }) {
    const compiled = memo(`compiled:${JSON.stringify(options.extend ?? null)}`, () => compile(options.extend));
    const view = doc.prose.text;
    const markup = markdownMarkup(doc);
    const hits: { start: number; end: number; text: string; label: string; shown: string }[] = [];
    let lines: MarkupLines | undefined;
    for (const { re, label, markdown, scope } of compiled.explicit) {
      for (const m of matchAllFast(view, re)) {
        if (!m[0]) continue;
        const { start, end } = doc.prose.rangeToSource(m.index!, m.index! + m[0].length);
        if (doc.isIgnored(start, end)) continue;
        if (markdown === 'strong' && markup.strong.has(start)) continue;
        // *** and ___ alone on a line are Markdown rules.
        if (markdown && markdown !== 'emphasis' && markup.breaks.has(doc.lines.lineOf(start))) continue;
        if (markdown === 'emphasis' && (lines ??= new MarkupLines(view)).isMarkup(m.index!, m[0].length)) continue;
        if (scope === 'title' && !doc.meta.titleBlocks.some((b) => start >= b.start && end <= b.end)) continue;
        // A one- or two-character mask is shown with its neighbours (“会议*次”), so the message names the place.
        const shown = m[0].length <= 2 ? around(view, m.index!, m.index! + m[0].length) : m[0];
        hits.push({ start, end, text: m[0], label, shown });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let reached = -1;
    const kept = hits.filter((h) => {
      if (h.start < reached) return false;
      reached = h.end;
      return true;
    });
    for (let i = 0; i < kept.length; ) {
      // A long run of the same mask, one character apart at most (_中_中_中…), is one defect and one finding.
      let j = i + 1;
      while (j < kept.length && kept[j].text === kept[i].text && kept[j].label === kept[i].label && kept[j].start - kept[j - 1].end <= 1 && !/[\r\n]/.test(doc.text.slice(kept[j - 1].end, kept[j].start))) j++;
      if (j - i >= MASK_RUN) {
        const { start, label, text } = kept[i];
        const end = kept[j - 1].end;
        report({
          start,
          end,
          message: `${label}“${text}”连续出现${j - i}次（“${doc.text.slice(start, Math.min(end, start + 20))}…”）未填写，请补上实际内容。`,
          data: { text, kind: 'explicit', count: j - i },
        });
        i = j;
        continue;
      }
      for (; i < j; i++) {
        const h = kept[i];
        report({
          start: h.start,
          end: h.end,
          message: h.shown === h.text ? `${h.label}“${h.text}”未填写，请补上实际内容。` : `${h.label}“${h.text}”（“${h.shown}”）未填写，请补上实际内容。`,
          data: { text: h.text, kind: 'explicit' },
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
          message: message.replace('{context}', shown).replace('{hit}', hit),
          data: { text: hit, context: shown, kind: 'stripped' },
        });
      }
    }
  },
};

/** Masks in a row from which on they are one finding (real reports have at most a few: ____年__月__日). */
const MASK_RUN = 10;

/** Characters after which a lone mask stands for a count or a name (会议*次, *个协调小组, *区), not for markup. */
const MASKED_BEFORE = new Set([...'个次名件项人户家场起批期位所处区县市镇乡村街省州局委办年月日元万亿%']);
const SENTENCE_MARK = /[。，；、,;：:！？!?]/;

/**
 * Is the single `*` or `_` run at view offset `at` Markdown rather than a mask: a list bullet at the start of a line
 * (`*加强领导` too, though CommonMark wants a space), or one of a pair around a short phrase on one line
 * (*依法行政*) — unless the phrase or what follows it starts with a counter or a place suffix (*个协调小组…会议*次).
 * Each line is scanned once (its delimiters cached), so a line of thousands of stars stays linear.
 */
class MarkupLines {
  private readonly starts: number[] = [0];
  private readonly cache = new Map<string, { line: string; lead: number; marks: Map<number, number>; list: number[] }>();
  constructor(private readonly view: string) {
    for (let i = view.indexOf('\n'); i >= 0; i = view.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  isMarkup(at: number, len: number): boolean {
    const { view } = this;
    const lineStart = this.starts[lastAtMost(this.starts, at)];
    const ch = view[at];
    const info = this.line(lineStart, ch, len);
    const here = at - lineStart;
    if (here <= info.lead && !MASKED_BEFORE.has(view[at + len])) return true;
    const k = info.marks.get(here);
    if (k === undefined) return false;
    const partner = k % 2 === 0 ? info.list[k + 1] : info.list[k - 1];
    if (partner === undefined) return false;
    const open = Math.min(here, partner);
    const close = Math.max(here, partner);
    const inner = info.line.slice(open + len, close);
    if (inner.length === 0 || inner.length > 20 || SENTENCE_MARK.test(inner) || /^\s|\s$/.test(inner)) return false;
    // CommonMark never opens or closes _ emphasis inside a word: 村_组_诉 is two blanks, not 组 in italics.
    if (ch === '_' && (isHan(info.line[open - 1]) || isHan(info.line[close + len]))) return false;
    return !MASKED_BEFORE.has(inner[0]) && !MASKED_BEFORE.has(info.line[close + len]);
  }

  /** The line's text, the end of its leading white space and Markdown prefix (> # -), and its single delimiters of `ch`. */
  private line(lineStart: number, ch: string, len: number) {
    const key = `${lineStart}:${ch}:${len}`;
    let info = this.cache.get(key);
    if (info) return info;
    let lineEnd = this.view.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = this.view.length;
    const line = this.view.slice(lineStart, lineEnd);
    let lead = 0;
    while (lead < line.length && /[\s>#-]/.test(line[lead])) lead++;
    // Delimiters of the same character on the line, single (not part of ** or __).
    const list: number[] = [];
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== ch) continue;
      let j = i;
      while (j < line.length && line[j] === ch) j++;
      if (j - i === len || (ch === '_' && j - i <= 2)) list.push(i);
      i = j - 1;
    }
    info = { line, lead, marks: new Map(list.map((p, i) => [p, i])), list };
    this.cache.set(key, info);
    return info;
  }
}

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
