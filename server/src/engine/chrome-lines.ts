// One line of a web page read on its own: is it page chrome, and of which kind? CMS metadata (label–value
// fields in any layout), toolbars and navigation made only of controls, wrappers of essay, doc-share and news
// sites, breadcrumbs, site names. The vocabularies are data (rules/conversion-artifact.json, key "extent");
// engine/extent.ts decides from these candidates and their place in the text what is chrome.
import data from '../../../rules/conversion-artifact.json';
import type { Block } from './document.js';
import type { ChromeKind } from './extent.js';
import { toSimplified } from './script.js';
import { PINYIN_ANNOTATION } from './pinyin.js';

interface LinePattern {
  pattern: string;
  kind: string;
  maxLength?: number;
  breadcrumb?: boolean;
  list?: boolean;
}

interface ExtentData {
  fieldLabels: string[];
  genericLabels: string[];
  controls: string[];
  weakControls: string[];
  /** Verbs a control's label starts with (打印整页, 返回首页): a short token made of one reads as a control. */
  controlVerbs?: string[];
  wrappers: LinePattern[];
  newsDateline: string;
  /** Advertising words of hacked pages (rules/conversion-artifact.json). */
  spam?: string[];
  siteName?: string;
  /** Words of a doc-sharing site's notices to its users (rules/conversion-artifact.json). */
  siteNotice?: { words: string[]; strong: string[] };
}

const ARTIFACTS = data as unknown as { maxLineLength: number; lines: LinePattern[]; glued?: LinePattern[]; extent: ExtentData };
const DATA = ARTIFACTS.extent;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Tables space labels out to a column's width (索 引 号 | 11620300013909010R/2025-48086 |, 名       称:).
const LABELS = [...DATA.fieldLabels].sort((a, b) => b.length - a.length).map((l) => [...l].map(escapeRe).join('[ \u3000]{0,8}')).join('|');
/** A second name before or after a label, one field under two names (• 有效性/截止日期：2021-12-14, • 备注/文号：…). */
const ALSO = '(?:[/／][\\u4e00-\\u9fa5]{2,6})?';
const ALSO_BEFORE = '(?:[\\u4e00-\\u9fa5]{2,4}[/／])?';
/** A field label at the start: 来源： / [ 索引号 ] / 【字体： / 发文机关 | (a table cell). */
const FIELD_AT = new RegExp(`^[\\[【［]?\\s*${ALSO_BEFORE}(${LABELS})${ALSO}\\s*(?:[\\]】］]\\s*[:：]?|[:：]|(?=[|｜]))`);
/**
 * A further field label, after white space or a cell/bracket boundary: a known one, or any short word with a
 * colon (信息时效期：长期) — a line of fields names some known labels, not necessarily all of them.
 */
export const FIELD_NEXT = new RegExp(`(?<=[\\s|｜\\]】］])[\\[【［]?\\s*(${LABELS}|[\\u4e00-\\u9fa5]{2,6}(?=\\s*[:：]))${ALSO}\\s*(?:[\\]】］]\\s*[:：]?|[:：]|(?=[|｜]))`, 'g');
// metadataFields' own copy: its callers may be iterating FIELD_NEXT (a global regex keeps its position in lastIndex),
// and resetting theirs made gluedMetadata loop forever on a line of two table fields (索引号: | x | 主题分类: | y,z |).
const FIELDS_AFTER_FIRST = new RegExp(FIELD_NEXT.source, 'g');
export const GENERIC = new Set(DATA.genericLabels);
const LABEL_SET = new Set(DATA.fieldLabels);
const CONTROLS = new Set(DATA.controls);
const WEAK_CONTROLS = new Set(DATA.weakControls);
const CONTROL_VERB = DATA.controlVerbs?.length ? new RegExp(`^(?:${DATA.controlVerbs.map(escapeRe).join('|')})[\\u4e00-\\u9fa5]{0,4}$`) : undefined;
/** A toolbar's token: a listed control, or a short one starting with a control's verb (打印整页, 返回首页). */
const isControl = (t: string): boolean => CONTROLS.has(t) || (CONTROL_VERB?.test(t) ?? false);
const CONTROL_SEPARATORS = /[\s|｜丨/·•\-【】[\]「」:：,，]+/;
export const SENTENCE = /[。；;！？!?，,]/;
const LEADING_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=\S)/;
/** Navigation: 3+ short items separated by | or wide spaces (首页 | 走进静海 | 政务公开 | 政务服务). */
const NAV_SEPARATORS = /\s*[|｜丨]\s*|[\s\u3000]{2,}/;
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const LIST_MARKERS = /^(?:[-*+•·|｜]\s*)+/;
export const DATELINE = new RegExp(`^(?:${DATA.newsDateline})`);
const SITE_NAME = DATA.siteName ? new RegExp(`^(?:${DATA.siteName})$`) : undefined;
const NOTICE_WORD = DATA.siteNotice?.words.length ? new RegExp(DATA.siteNotice.words.map(escapeRe).join('|'), 'g') : undefined;
const NOTICE_STRONG = new Set(DATA.siteNotice?.strong ?? []);
const WRAPPERS = DATA.wrappers.map((w) => ({ re: new RegExp(`^(?:${w.pattern})$`), kind: w.kind as ChromeKind, maxLength: w.maxLength ?? ARTIFACTS.maxLineLength, list: w.list === true }));
const DATA_LINES = [...ARTIFACTS.lines, ...(ARTIFACTS.glued ?? [])].map((p) => ({ re: new RegExp(`^(?:${p.pattern})$`, 'u'), kind: p.kind as ChromeKind, breadcrumb: p.breadcrumb === true }));
// One alternation of each list rules most lines out with one match; the single patterns then say which applies.
const ANY_WRAPPER = new RegExp(`^(?:${DATA.wrappers.map((w) => `(?:${w.pattern})`).join('|')})$`);
const ANY_DATA_LINE = new RegExp(`^(?:${[...ARTIFACTS.lines, ...(ARTIFACTS.glued ?? [])].map((p) => `(?:${p.pattern})`).join('|')})$`, 'u');
const GLUED_ONE = `(?:${(ARTIFACTS.glued ?? []).map((p) => `(?:${p.pattern})`).join('|')})`;
export const GLUED_RUN = ARTIFACTS.glued?.length ? new RegExp(`^${GLUED_ONE}(?:[\\s\u3000]*${GLUED_ONE})*`, 'u') : undefined;
/** The same run at the end of a line (…情况报告【字体：大 中 小】【打印】). */
export const GLUED_TAIL = ARTIFACTS.glued?.length ? new RegExp(`[\\s\u3000]*[【[]?${GLUED_ONE}(?:[\\s\u3000]*[【[]?${GLUED_ONE})*$`, 'u') : undefined;

export type Strength = 'strong' | 'weak';
export interface Candidate {
  kind: ChromeKind;
  strength: Strength;
  /** A related-articles heading: the short lines after it are its list. */
  list?: boolean;
  /** A doc-sharing site's notice to its users (本站不支持迅雷下载…): a numbered item after it continues the notice. */
  notice?: boolean;
  breadcrumb?: boolean;
  /** A metadata line whose last field's value is on the next line. */
  valueBelow?: boolean;
  /**
   * Label–value fields under labels no list knows (- 发文时间:2026年01月21日, 二审:董之震): chrome only in a run of
   * other chrome or above the title, never merely for standing outside the report's prose.
   */
  generic?: boolean;
  /** A field whose value is a date: chrome above the report's first sentence even alone (below it, the 落款's date may be written so). */
  dated?: boolean;
}

/**
 * The CMS metadata fields of a line made only of them (来源：… 发布时间：…, [ 索引号 ] …, | 发文机关: | … |),
 * and whether the last one has no value on the line (• 索引号： ⏎ 6107280000/2024-001005: the value follows).
 */
export function metadataFields(line: string): { labels: string[]; valueBelow: boolean } | undefined {
  // A post date may come first (2024-03-28 09:18 来源：…). ?? is a space the page's encoding lost (2016-01-07 ??来源:).
  // A field set in brackets under a headline ((发布于:2023-12-08 18:00)) is read without them.
  const s = line.trim().replace(LIST_MARKERS, '').trim().replace(/^[(（]\s*([^()（）]+?)\s*[)）]$/, '$1').replace(/\?{2,}/g, ' ').replace(LEADING_DATE, '');
  if (s.length > 160) return undefined;
  const first = FIELD_AT.exec(s);
  if (!first) return undefined;
  const marks: { start: number; end: number; label: string }[] = [{ start: 0, end: first[0].length, label: first[1] }];
  FIELDS_AFTER_FIRST.lastIndex = marks[0].end;
  for (let m = FIELDS_AFTER_FIRST.exec(s); m; m = FIELDS_AFTER_FIRST.exec(s)) marks.push({ start: m.index, end: m.index + m[0].length, label: m[1] });
  let value = '';
  for (let i = 0; i < marks.length; i++) {
    value = s.slice(marks[i].end, i + 1 < marks.length ? marks[i + 1].start : s.length).replace(/[|｜[\]【】［］\s\u3000]/g, '');
    // A title field holds a document's title (名称：…关于印发《…》的通知), the others short values.
    if (value.length > (TITLE_FIELDS.has(normalLabel(marks[i].label)) ? 80 : 40) || SENTENCE.test(value)) return undefined;
  }
  const last = normalLabel(marks[marks.length - 1].label);
  // In a table row (| 文号： | | |) an empty cell is the value: nothing of the row is on the next line.
  const inCell = /[|｜]/.test(s.slice(marks[marks.length - 1].end));
  return { labels: marks.map((m) => m.label), valueBelow: value === '' && !inCell && !VALUELESS.has(last) };
}

/**
 * A table laid out with spaces, no colons, its labels letter-spaced to a column's width (齐齐哈尔市政府网:
 * 索   引   号 20191202-189769 分        类 其他; 市人民政府办公室;): the fields when it starts with a known label and
 * names known labels only as labels, values short and without sentence punctuation.
 */
export function spacedFields(line: string): string[] | undefined {
  const s = line.trim().replace(LIST_MARKERS, '').trim();
  if (s.length > 160 || /[:：|｜\]】，,。！？!?]/.test(s)) return undefined;
  // 索 引 号 → 索引号: a run of single characters between spaces is one word spaced out.
  const tokens: string[] = [];
  let run = '';
  for (const t of s.split(/[\s\u3000]+/)) {
    if (/^[\u4e00-\u9fa5]$/.test(t)) { run += t; continue; }
    if (run) tokens.push(run);
    run = '';
    tokens.push(t);
  }
  if (run) tokens.push(run);
  if (!LABEL_SET.has(tokens[0]) || tokens.length < 2) return undefined;
  const labels: string[] = [];
  let value = 0;
  for (const t of tokens) {
    if (LABEL_SET.has(t)) {
      if (labels.length && value === 0) return undefined;
      labels.push(t);
      value = 0;
    } else if ((value += t.length) > 80) return undefined;
  }
  return value > 0 ? labels : undefined;
}

/** Any label of a CMS field: a short word (its characters may be spaced out to a column's width: 索 引 号). */
const ANY_LABEL = '[\\u4e00-\\u9fa5](?:[ \\u3000]?[\\u4e00-\\u9fa5]){1,5}';
const GENERIC_FIELD = new RegExp(`^(${ANY_LABEL})[ \\u3000]*[:：][ \\u3000]*([^:：]*?)(?=[ \\u3000]+${ANY_LABEL}[ \\u3000]*[:：]|$)`);

/**
 * Label–value fields whatever their labels (- 发文时间:2026年01月21日, 二审:董之震 终审:史莹): the labels, when the
 * line is made only of such fields, every value short and without sentence punctuation, at least one given.
 */
export function genericFields(line: string): string[] | undefined {
  let s = line.trim().replace(LIST_MARKERS, '').trim();
  if (s.length > 80) return undefined;
  const labels: string[] = [];
  let filled = false;
  while (s) {
    const m = GENERIC_FIELD.exec(s);
    if (!m) return undefined;
    const value = m[2].trim();
    if (value.length > 30 || SENTENCE.test(value) || /^[\u4e00-\u9fa5]{12,}$/.test(value)) return undefined;
    if (value) filled = true;
    labels.push(m[1]);
    s = s.slice(m[0].length).trim();
  }
  return filled ? labels : undefined;
}

const TITLE_FIELDS = new Set(['标题', '名称', '题名', '信息名称', '文件名称', '文章标题']);

/** Known labels make a line metadata: two of them, or one no report sentence starts with (索引号, 浏览次数). */
export function strength(labels: string[]): Strength {
  const known = labels.map(normalLabel).filter((l) => LABEL_SET.has(l));
  return known.length >= 2 || known.some((l) => !GENERIC.has(l)) ? 'strong' : 'weak';
}

/** 索 引 号 → 索引号. */
function normalLabel(label: string): string {
  return label.replace(/[ \u3000]/g, '');
}

/** Labels of controls rather than fields: nothing of theirs is on the next line. */
const VALUELESS = new Set(['分享', '分享到', '字体', '字号', '字体大小', '扫一扫']);

/** The controls of a toolbar line (无障碍 简体| 繁体, 字号 大 中 小, 【打印】【关闭】), or undefined. */
function controlsOf(line: string): string[] | undefined {
  if (line.length > 60) return undefined;
  const tokens = line.split(CONTROL_SEPARATORS).filter(Boolean);
  return tokens.length && tokens.every(isControl) ? tokens : undefined;
}

export function candidateOf(block: Block, raw: string): Candidate | undefined {
  // A blockquote marker is Markdown syntax for the model, a breadcrumb's separator here (> 政务公开 > 政务专题).
  // So is a list bullet before a page number (- 2 -).
  const text = /^\s*(?:[>＞]|-\s*\d{1,3}\s*-\s*$)/.test(raw) ? raw.trim() : block.text;
  // A heading of the report (一、 （一）) is never chrome; 1、 page markers are found apart (pageMarkers).
  if (text.length > 400 || (block.numbering && block.numbering.level <= 2)) return undefined;
  // Read in simplified script and without pinyin annotations (索引號(hào): of a mirrored page is 索引号:).
  const s = text.length <= 160 ? toSimplified(text.replace(PINYIN_ANNOTATION, '')) : text;
  const bare = s.replace(LIST_MARKERS, '').trim();
  // Nothing but separators or a bracket (-, |, 】 left by a broken 【责任编辑：…】, a ? left for an icon): chrome next to chrome.
  if (/^[\s|｜\-—=_*·•【】[\]()（）<>《》?？]*$/.test(bare) || TABLE_RULE.test(raw.trim())) return { kind: 'web', strength: 'weak' };
  // A post's time and its author or source (2021-11-30 18:20:34夏正林): no report line starts with a clock time.
  if (POST_TIME.test(s)) return { kind: 'metadata', strength: 'strong' };
  // A post's date and its author without the time (2019-02-21王振宇, as fx361.cc lays out an article): outside the prose.
  if (DATED_BYLINE.test(s)) return { kind: 'metadata', strength: 'weak' };
  // Keywords stuffed into a hacked page (亚洲免费av电影一区二区三区,日韩…,…): a row of short phrases, advertising among them.
  if (isSpamRow(s)) return { kind: 'spam', strength: 'strong' };
  if (ANY_WRAPPER.test(s)) for (const w of WRAPPERS) if (s.length <= w.maxLength && w.re.test(s)) return { kind: w.kind, strength: 'strong', list: w.list };
  if (s.length <= ARTIFACTS.maxLineLength) {
    const head = GLUED_RUN?.exec(s)?.[0].length ?? 0;
    if (head === s.length) return { kind: 'web', strength: 'strong' };
    const rest = s.slice(head).trim();
    if (ANY_DATA_LINE.test(rest)) for (const p of DATA_LINES) if (p.re.test(rest)) return { kind: p.kind, strength: 'strong', breadcrumb: p.breadcrumb };
  }
  // A label alone on its line (索引号 ⏎ 11500229768895163R/2026-00004): its value is below.
  const label = bare.replace(/[\s\u3000:：【】[\]]/g, '');
  if (LABEL_SET.has(label)) return { kind: 'metadata', strength: GENERIC.has(label) ? 'weak' : 'strong', valueBelow: !VALUELESS.has(label) };
  const fields = metadataFields(s);
  if (fields) {
    return { kind: 'metadata', strength: strength(fields.labels), valueBelow: fields.valueBelow };
  }
  const spaced = spacedFields(s);
  if (spaced) return { kind: 'metadata', strength: strength(spaced) };
  // A field whose value is a date (- 发文时间:2022年02月28日, • 公开发布日期:2023-01-10): the page's above the report's text.
  if (DATED_FIELD.test(bare)) return { kind: 'metadata', strength: 'weak', generic: true, dated: true };
  if (genericFields(s)) return { kind: 'metadata', strength: 'weak', generic: true };
  const controls = controlsOf(bare);
  if (controls) return { kind: 'web', strength: controls.length >= 2 || !WEAK_CONTROLS.has(controls[0]) ? 'strong' : 'weak' };
  if (isByline(bare)) return { kind: 'essay', strength: 'weak' };
  const nav = bare.length <= 100 ? bare.split(NAV_SEPARATORS).filter(Boolean) : [];
  if (nav.length >= 3 && nav.every((t) => t.length <= 8 && !SENTENCE.test(t)) && nav.some(isControl)) return { kind: 'web', strength: 'weak' };
  // A toolbar or a row of links spaced by single spaces (无障碍阅读 关怀版 返回首页; 中国政府网 黑龙江省政府网 English
  // …): short words, half of them at least controls, sites' names or words of another script.
  const words = bare.length <= 80 ? bare.split(/[\s\u3000]+/) : [];
  if (words.length >= 3 && words.every((t) => t.length <= 8 && !SENTENCE.test(t))) {
    const links = words.filter((t) => isControl(t) || (SITE_NAME?.test(t) ?? false)).length;
    const foreign = words.filter((t) => /^[A-Za-z\u0400-\u04ff]{2,}$/.test(t)).length;
    if (links >= 2 && (links + foreign) * 2 >= words.length) return { kind: 'web', strength: 'weak' };
  }
  // A menu letter-spaced character by character (首     页 政 务 公 开 网 上 办 事): two controls in it at least.
  if (words.length >= 6 && words.every((t) => /^[\u4e00-\u9fa5]$/.test(t))) {
    const joined = words.join('');
    let found = 0;
    for (const c of CONTROLS) if (c.length >= 2 && joined.includes(c) && ++found >= 2) return { kind: 'web', strength: 'weak' };
  }
  // A doc-sharing site's notice (2、PDF文件下载后,可能会被浏览器默认打开…; 三方登录下载:): chrome only in a run of chrome
  // outside the report's prose (a report may mention its site's downloads).
  if (isSiteNotice(bare)) return { kind: 'essay', strength: 'weak', notice: true, generic: true };
  // A site's name or slogan (更全的杂志信息网): outside the report only.
  if (SITE_NAME && s.length <= 30 && SITE_NAME.test(s)) return { kind: 'web', strength: 'weak' };
  const dateline = DATELINE.exec(s);
  // The agency's intro (中新网 3月29日电 据司法部网站消息，…具体报告如下：) is chrome as a whole; report text after a
  // dateline is not (the dateline alone is cut, below).
  if (dateline && s.length <= 200 && (/如下[:：]?$/.test(s) || /^\s*据[^，。,]{0,30}(?:消息|报道)/.test(s.slice(dateline[0].length)))) {
    return { kind: 'news', strength: 'strong' };
  }
  return undefined;
}

/**
 * An essay site's byline (好学生 分享 时间:): a poster's name, a control and an empty field, a few short words and
 * nothing else.
 */
function isByline(s: string): boolean {
  if (s.length > 40) return false;
  const words = s.split(/[\s\u3000]+/);
  if (words.length < 2 || words.length > 5 || words.some((w) => w.length > 12 || SENTENCE.test(w))) return false;
  const field = (w: string) => /[:：]$/.test(w) && LABEL_SET.has(normalLabel(w.slice(0, -1)));
  return words.some(isControl) && words.some(field) && words.filter((w) => !isControl(w) && !field(w)).length <= 1;
}

/**
 * Two distinct words of a doc-sharing site's notices to its users (下载, 浏览器, 本站, 登录…), one of them a word no report
 * sentence uses of itself (本站, 浏览器, 迅雷, 水印…) where the line is more than a short label.
 */
function isSiteNotice(s: string): boolean {
  if (!NOTICE_WORD || s.length > 160) return false;
  const found = new Set(s.match(NOTICE_WORD) ?? []);
  return found.size >= 2 && (s.length <= 12 || [...found].some((w) => NOTICE_STRONG.has(w)));
}

const DATED_FIELD = /^[\u4e00-\u9fa5]{2,8}\s*[:：]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DATED_BYLINE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*[\u4e00-\u9fa5·]{2,4}$/;
const POST_TIME = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[\u4e00-\u9fa5A-Za-z·]{1,12})?$/;
const SPAM_WORD = DATA.spam?.length ? new RegExp(DATA.spam.map(escapeRe).join('|'), 'i') : undefined;
/** Six comma-separated short phrases at least, no sentence, one of them advertising of a hacked page. */
function isSpamRow(s: string): boolean {
  if (!SPAM_WORD || s.length > 400 || /[。；;！？!?：:]/.test(s)) return false;
  const items = s.split(/[,，、|｜]/).map((t) => t.trim());
  return items.length >= 6 && items.every((t) => t.length >= 2 && t.length <= 16) && SPAM_WORD.test(s);
}

/** A line that reads as the report's title (a repeated title is duplicate-text's, not chrome). */
export function isTitleLike(text: string): boolean {
  return /法治|依法/.test(text) && /报告|報告|总结|總結|情况|情況/.test(text);
}
