// Text that belongs to the source, not the report: web page chrome and page
// metadata (whole short lines only — a sentence that mentions 政府网站 is
// prose; the few phrases that are never prose, also glued into a paragraph),
// Word debris ([bookmark: _GoBack]), mojibake and HTML entities.
// Patterns are data (rules/conversion-artifact.json), extendable by users.
import data from '../../../rules/conversion-artifact.json';
import type { Rule, RuleContext, OffsetEdit } from '../engine/types.js';
import type { Block, ReportDocument } from '../engine/document.js';
import { matchAllFast } from './shared/fast-match.js';
import { stringList } from '../engine/config-schema.js';
import { compileUserPattern } from '../engine/user-pattern.js';
import { cite } from './shared/citations.js';

type Kind = 'web' | 'metadata' | 'watermark' | 'essay' | 'news' | 'page' | 'spam' | 'word' | 'mojibake' | 'entity';

interface ArtifactData {
  maxLineLength: number;
  lines: { pattern: string; kind: Kind; breadcrumb?: boolean }[];
  glued?: { pattern: string; kind: Kind }[];
  inline: { pattern: string; kind: Kind }[];
}

interface Compiled {
  lines: { re: RegExp; kind: Kind; breadcrumb?: boolean }[];
  inline: { re: RegExp; kind: Kind }[];
  glued: Glued;
  maxLineLength: number;
}

interface Extend {
  phrases?: string[];
  lines?: string[];
  glued?: string[];
  inline?: string[];
}

const DATA = data as unknown as ArtifactData;

const KIND_NAMES: Record<Kind, string> = {
  web: '网页外壳文字',
  metadata: '网页元数据',
  watermark: '网站水印',
  word: 'Word 残留标记',
  mojibake: '乱码',
  entity: '未解码的 HTML 实体',
  essay: '范文或文库网站的包装文字',
  news: '新闻转载的电头和导语',
  page: '文库网站的分页标记',
  spam: '被篡改网页插入的赌博广告词',
};

const SPAM = (data as unknown as { extent: { spam: string[]; spamPatterns?: string[]; spamGuard: string } }).extent;
/** Gambling/lottery advertising spliced into a sentence of a hacked page (…县政府XX娱乐城：《…》). */
const SPAM_WORDS = SPAM.spam.map(escapeRegExp).join('|');
/** One run: the words joined, and the 官网/注册 that follow them (新葡京娱乐城官网). */
const SPAM_RE = new RegExp(
  [`(?:${SPAM_WORDS})(?:${SPAM_WORDS}|官网|网址|平台|注册|开户|下载|APP|app)*`, ...(SPAM.spamPatterns ?? [])].map((p) => `(?:${p})`).join('|'),
  'g',
);
/** Words before it that make it the report's own subject (打击非法“时时彩”赌博). */
const SPAM_GUARD = new RegExp(`(?:${SPAM.spamGuard})`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…',
  middot: '·', times: '×', copy: '©', reg: '®',
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(extend: unknown): Compiled {
  const ext: Extend = Array.isArray(extend) ? { phrases: extend.map(String) } : ((extend ?? {}) as Extend);
  const linePatterns = [
    ...DATA.lines,
    ...(ext.phrases ?? []).map((p) => ({ pattern: escapeRe(p.trim()), kind: 'web' as Kind })),
    ...(ext.lines ?? []).map((p) => ({ pattern: p, kind: 'web' as Kind, user: true })),
  ];
  const gluedPatterns = [...(DATA.glued ?? []), ...(ext.glued ?? []).map((p) => ({ pattern: p, kind: 'web' as Kind, user: true }))];
  linePatterns.push(...gluedPatterns);
  const inlinePatterns = [...DATA.inline, ...(ext.inline ?? []).map((p) => ({ pattern: p, kind: 'word' as Kind, user: true }))];
  return {
    lines: linePatterns.map((p) => ({ re: regExp(`^(?:${p.pattern})$`, 'u', 'user' in p), kind: p.kind, breadcrumb: 'breadcrumb' in p && p.breadcrumb === true })),
    inline: inlinePatterns.map((p) => ({ re: regExp(p.pattern, 'gu', 'user' in p), kind: p.kind })),
    glued: compileGlued(gluedPatterns, gluedPatterns.some((p) => 'user' in p)),
    maxLineLength: DATA.maxLineLength,
  };
}

let defaultGlued: Glued | undefined;

interface Glued {
  any?: RegExp;
  start?: RegExp;
  kinds: { re: RegExp; kind: Kind }[];
}

/** A run of glued phrases at the start, or at the end, of a text. */
function compileGlued(patterns: { pattern: string; kind: Kind }[], user = false): Glued {
  if (!patterns.length) return { kinds: [] };
  const one = `(?:${patterns.map((p) => `(?:${p.pattern})`).join('|')})`;
  // With the user's patterns, the joined alternation runs on RE2 (the built-in glued phrases are RE2-compatible).
  return {
    any: regExp(`${one}(?:[\\s\u3000]*${one})*`, 'gu', user),
    start: regExp(`^${one}(?:[\\s\u3000]*${one})*`, 'u', user),
    kinds: patterns.map((p) => ({ re: regExp(`^(?:${p.pattern})`, 'u', 'user' in p), kind: p.kind })),
  };
}

/** A user's pattern runs on RE2 (linear time), the rule's own on JavaScript's engine. */
function regExp(source: string, flags: string, user: boolean): RegExp {
  return user ? compileUserPattern(source, flags) : new RegExp(source, flags);
}

/** The glued chrome at the end of a paragraph (…建设。扫一扫在手机打开当前页): its offset in text, or text.length. */
export function gluedChromeStart(text: string, glued?: Glued): number {
  // A forward scan consumes each run once; an end-anchored regex would retry from every phrase of a long run.
  const any = (glued ?? (defaultGlued ??= compile(undefined).glued)).any;
  if (!any) return text.length;
  let runStart = text.length;
  let previousEnd = -1;
  for (const m of text.matchAll(any)) {
    // Runs the scan split (overlapping phrases) still join when only white space lies between.
    if (previousEnd < 0 || !/^[\s\u3000]*$/.test(text.slice(previousEnd, m.index))) runStart = m.index!;
    previousEnd = m.index! + m[0].length;
  }
  return previousEnd === text.length ? runStart : text.length;
}

interface Hit {
  start: number;
  end: number;
  kind: Kind;
  text: string;
}

const rule: Rule = {
  id: 'conversion-artifact',
  severity: 'error',
  tags: ['conversion'],
  // Not local: page chrome is found over the whole text (engine/extent.ts: a line before the title, next to other
  // chrome, a run of page markers from the first line), not from a line and its neighbours.
  docs: {
    description: '报告中残留了来源网页、Word 或编码转换带来的非正文内容：网页导航与页脚、页面元数据、范文或文库网站的包装文字、新闻电头、文库分页标记、被篡改网页插入的广告词、书签标记、乱码、HTML 实体。',
    why: '从网站或 Word 复制的报告常带有“您当前的位置”“[ 索引号 ] …”“来源：… 发布时间：…”“无障碍 简体 繁体”“扫一扫在手机打开当前页”、网站链接列表、“下面是小编为大家整理的……”、[bookmark: _GoBack] 等内容，它们不是报告的一部分，公开发布会显得粗糙，乱码还意味着原文字符已丢失。',
    ...cite(['gongwen-19']),
    howToFix: '删除整行残留（快速修复连同换行一起删除，不留多余空行）；粘连在段落中的网页外壳、文库分页标记只删去其本身；插入正文的广告词须对照原件删除（快速修复只作为建议）；HTML 实体替换为对应字符；乱码须对照原件补正。',
  },
  extendSchema: {
    description: '数组：整行的字面短语；对象：phrases（整行字面短语）、lines（整行正则）、glued（粘连在段首段尾的正则）、inline（行内正则）。An array of whole-line phrases, or { phrases, lines, glued, inline }.',
    errorMessage: '应为字符串数组（整行短语）或对象 { phrases, lines, glued, inline }（expected an array of phrases or an object { phrases, lines, glued, inline }）',
    anyOf: [
      stringList('整行的字面短语。Whole-line phrases.'),
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          phrases: stringList('整行的字面短语。Whole-line phrases.'),
          lines: stringList('整行的正则表达式。Regular expressions of whole lines.', { regex: true }),
          glued: stringList('粘连在段首或段尾的短语的正则表达式。Regular expressions of glued phrases.', { regex: true }),
          inline: stringList('行内残留的正则表达式。Regular expressions of inline debris.', { regex: true }),
        },
      },
    ],
  },
  check(context) {
    const { doc, options, memo } = context;
    const compiled = memo(`compiled:${JSON.stringify(options.extend ?? null)}`, () => compile(options.extend));
    const inline = collectInline(doc, compiled);
    // Whole-line artifacts, grouped with neighbouring artifact lines into one finding. The page chrome the
    // engine found by shape (doc.extent) first; then the lines this rule's patterns (and the user's) match.
    const lineKinds = new Map<number, Kind>();
    for (const span of doc.extent.chrome) {
      if (span.blocks) for (let i = span.blocks.first; i <= span.blocks.last; i++) lineKinds.set(i, span.kind);
      else reportPart(context, span.start, span.end, span.kind);
    }
    reportSpam(context);
    let hitIndex = 0;
    for (const block of doc.blocks) {
      if (lineKinds.has(block.index)) continue;
      while (hitIndex < inline.length && inline[hitIndex].end <= block.start) hitIndex++;
      const inBlock: Hit[] = [];
      for (let i = hitIndex; i < inline.length && inline[i].start < block.end; i++) inBlock.push(inline[i]);
      const kind = lineKind(block, compiled, inBlock);
      if (!kind) continue;
      lineKinds.set(block.index, kind === 'breadcrumb' ? 'web' : kind);
      // The site's name printed above the breadcrumb at the top of the page (潼南区小渡镇人民政府 / 您当前的位置…).
      const above = doc.blocks[block.index - 1];
      if (kind === 'breadcrumb' && above && above.index <= 1 && isSiteName(doc, above)) lineKinds.set(above.index, 'web');
    }
    let group: Block[] = [];
    const flush = (): void => {
      if (group.length) reportLines(context, group, lineKinds);
      group = [];
    };
    for (const block of doc.blocks) {
      if (lineKinds.has(block.index)) group.push(block);
      else flush();
    }
    flush();
    for (const hit of inline) {
      const block = doc.blockAt(hit.start);
      if (block && lineKinds.has(block.index)) continue;
      reportInline(context, hit);
    }
    for (const block of doc.blocks) if (!lineKinds.has(block.index)) reportGlued(context, block, compiled.glued);
  },
};

/**
 * Chrome the extent found inside a line (a page marker 2、 cutting a word, a news dateline, metadata or controls
 * glued to a title): the fix deletes it and the white space joining it to the text, nothing else.
 */
function reportPart(context: RuleContext, start: number, end: number, kind: Kind): void {
  const { text } = context.doc;
  const shown = text.slice(start, end).trim();
  const lineEnd = end === text.length || text[end] === '\n' || text[end] === '\r';
  let from = start;
  let to = end;
  if (lineEnd) while (from > 0 && /[ \t\u3000]/.test(text[from - 1])) from--;
  else while (to < text.length && /[ \t\u3000]/.test(text[to])) to++;
  const where = lineEnd ? '粘连在段落末尾' : '粘连在段落开头';
  const why = kind === 'page' ? '是转换文档时留下的页码，截断了正文' : `${where}，不属于报告正文`;
  context.report({
    start,
    end,
    message: `${KIND_NAMES[kind]}“${shown}”${why}，应删除。`,
    data: { kind, text: shown, glued: lineEnd ? 'end' : 'start' },
    fix: { title: `删除“${shown}”`, edits: [{ start: from, end: to, newText: '' }] },
  });
}

/** Advertising of a hacked page spliced into report prose: a suggestion (deleting words a person should confirm), never applied in bulk. */
function reportSpam(context: RuleContext): void {
  const { doc } = context;
  if (!SPAM.spam.length) return;
  for (const m of doc.text.matchAll(SPAM_RE)) {
    // The name before 娱乐 is matched from the earliest place: the report's own word before it (县政府) is not spam.
    const own = /^(?:人民政府|政府|部门|单位|机关|党委|政务)/.exec(m[0])?.[0].length ?? 0;
    const start = m.index! + own;
    const end = m.index! + m[0].length;
    const word = doc.text.slice(start, end);
    if (doc.isIgnored(start, end) || SPAM_GUARD.test(doc.text.slice(Math.max(0, start - 8), start))) continue;
    context.report({
      start,
      end,
      message: `${KIND_NAMES.spam}“${word}”：网页被篡改后插入的内容，不属于报告正文，应删除并核对原件。`,
      data: { kind: 'spam', text: word },
      suggestions: [{ title: `删除“${word}”`, edits: [{ start, end, newText: '' }] }],
    });
  }
}

/** Chrome glued into a paragraph (…建设。扫一扫在手机打开当前页): the fix deletes it and the white space joining it, nothing else. */
function reportGlued(context: RuleContext, block: Block, glued: Glued): void {
  if (!glued.any) return;
  const { doc } = context;
  const text = doc.text.slice(block.start, block.end);
  for (const m of text.matchAll(glued.any)) {
    const chrome = m[0];
    const start = block.start + m.index!;
    const end = start + chrome.length;
    if (doc.isIgnored(start, end)) continue;
    const where = start === block.start ? 'start' : end === block.end ? 'end' : 'middle';
    const kind = glued.kinds.find((k) => k.re.test(chrome))?.kind ?? 'web';
    let from = start;
    let to = end;
    if (where !== 'start') while (from > block.start && /[ \t\u3000]/.test(doc.text[from - 1])) from--;
    if (where !== 'end') while (to < block.end && /[ \t\u3000]/.test(doc.text[to])) to++;
    context.report({
      start,
      end,
      message: `${KIND_NAMES[kind]}“${chrome}”${WHERE[where]}，不属于报告正文，应删除。`,
      data: { kind, text: chrome, glued: where },
      fix: { title: `删除“${chrome}”`, edits: [{ start: from, end: to, newText: '' }] },
    });
  }
}

const WHERE = { start: '粘连在段落开头', end: '粘连在段落末尾', middle: '夹在段落中' } as const;

function collectInline(doc: ReportDocument, compiled: Compiled): Hit[] {
  const hits: Hit[] = [];
  for (const { re, kind } of compiled.inline) {
    // Some patterns open with a lookbehind: matchAllFast tries them only where a match can start.
    for (const m of matchAllFast(doc.text, re)) {
      if (m[0].length === 0) continue;
      const start = m.index!;
      const end = start + m[0].length;
      if (doc.isIgnored(start, end)) continue;
      hits.push({ start, end, kind, text: m[0] });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping matches of different patterns: keep the first (longest at that start).
  const out: Hit[] = [];
  for (const h of hits) if (!out.length || h.start >= out[out.length - 1].end) out.push(h);
  return out;
}

/** The artifact kind of a whole block, if the block is nothing but an artifact. */
function lineKind(block: Block, compiled: Compiled, inBlock: Hit[]): Kind | 'breadcrumb' | undefined {
  const text = block.text.trim();
  if (text.length <= compiled.maxLineLength && !block.isHeading) {
    const head = compiled.glued.start?.exec(text)?.[0].length ?? 0;
    if (head === text.length) return 'web'; // 扫一扫在手机打开当前页【打印本页】
    // 字体：【大 中 小】 before prose: only the glued chrome goes, not the line (the 字体 pattern ends in .*).
    const rest = text.slice(head).trim();
    for (const { re, kind, breadcrumb } of compiled.lines) if (re.test(rest)) return breadcrumb ? 'breadcrumb' : kind;
  }
  // A line made only of inline artifacts ([bookmark: _GoBack]) and white space.
  if (inBlock.length && inBlock.every((h) => h.kind === 'word')) {
    let covered = 0;
    for (const h of inBlock) covered += Math.min(h.end, block.end) - Math.max(h.start, block.start);
    const rest = block.text.replace(/[\s\u3000]/g, '').length;
    if (covered >= rest) return 'word';
  }
  return undefined;
}

function reportLines(context: RuleContext, group: Block[], kinds: Map<number, Kind>): void {
  const { doc } = context;
  const first = group[0];
  const last = group[group.length - 1];
  const texts = group.map((b) => b.text.trim());
  const kindSet = new Set(group.map((b) => kinds.get(b.index)!));
  const kindName = kindSet.size === 1 ? KIND_NAMES[[...kindSet][0]] : '网页或文档转换残留';
  const shown = texts.slice(0, 3).map((t) => `“${t}”`).join('');
  const message =
    group.length === 1
      ? `${kindName}${shown}不属于报告正文，应删除整行。`
      : `${kindName}${shown}${group.length > 3 ? '等' : ''}共${group.length}行不属于报告正文，应删除。`;
  context.report({
    start: first.start,
    end: last.end,
    message,
    data: { kind: [...kindSet].join(','), lines: group.length, text: texts },
    fix: { title: group.length === 1 ? '删除此行' : `删除这${group.length}行`, edits: [lineDeletion(doc, first, last)] },
  });
}

/** A short plain line without sentence punctuation that is not the report's title: a site name. */
function isSiteName(doc: ReportDocument, block: Block): boolean {
  if (block.isHeading || block.markdownDepth > 0 || doc.meta.titleBlocks.includes(block)) return false;
  return block.text.length <= 30 && !/[，。；：、,;:!?！？]/.test(block.text) && !/报告|報告/.test(block.text);
}

/** Deletes the lines of first..last with their line breaks, leaving no extra blank line behind. */
function lineDeletion(doc: ReportDocument, first: Block, last: Block): OffsetEdit {
  const { lines, blocks } = doc;
  const next = blocks[last.index + 1];
  const prev = blocks[first.index - 1];
  if (next) {
    // Keep one blank line between prev and next if the artifacts were separated from next only.
    const keepBlank = prev && !first.blankBefore && next.blankBefore;
    const end = lines.lineStart(keepBlank ? next.line - 1 : next.line);
    return { start: lines.lineStart(first.line), end, newText: '' };
  }
  if (prev) return { start: lines.lineEnd(prev.line), end: lines.lineEnd(last.line), newText: '' };
  return { start: lines.lineStart(first.line), end: lines.lineEnd(last.line), newText: '' };
}

function reportInline(context: RuleContext, hit: Hit): void {
  const { doc } = context;
  const name = KIND_NAMES[hit.kind];
  if (hit.kind === 'mojibake') {
    context.report({
      start: hit.start,
      end: hit.end,
      message: `${name}“${hit.text}”：原文字符已在转换中丢失，请对照原件补正。`,
      data: { kind: hit.kind, text: hit.text },
    });
    return;
  }
  if (hit.kind === 'entity') {
    const decoded = decodeEntity(hit.text);
    // A non-breaking space next to Chinese text or at a line end is no space at all in 公文.
    const edge = (c: string | undefined): boolean => c === undefined || c === '\n' || c === '\r' || isCjk(c);
    const between = decoded === ' ' && (edge(doc.text[hit.start - 1]) || edge(doc.text[hit.end]));
    const newText = between ? '' : decoded;
    context.report({
      start: hit.start,
      end: hit.end,
      message: newText ? `${name}“${hit.text}”，应为“${newText}”。` : `${name}“${hit.text}”，应删除。`,
      data: { kind: hit.kind, text: hit.text, decoded },
      fix: { title: newText ? `替换为“${newText}”` : `删除“${hit.text}”`, edits: [{ start: hit.start, end: hit.end, newText }] },
    });
    return;
  }
  context.report({
    start: hit.start,
    end: hit.end,
    message: `${name}“${hit.text}”不属于报告正文，应删除。`,
    data: { kind: hit.kind, text: hit.text },
    fix: { title: `删除“${hit.text}”`, edits: [{ start: hit.start, end: hit.end, newText: '' }] },
  });
}

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return ENTITIES[body] ?? entity;
}

const isCjk = (c: string | undefined): boolean => !!c && /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(c);

export default rule;
