// What the report says about itself: its title, the reporting body (单位)
// and the year reported on. Several rules need them (title, foreign-entity,
// year-consistency, outdated-reference).
import type { Block, DocumentSettings } from './document.js';
import type { Outline } from './outline.js';
import { toSimplified } from './script.js';
import { PINYIN_ANNOTATION } from './pinyin.js';

export type BodyLevel = 'town' | 'county' | 'city' | 'province' | 'department';

export interface ReportMeta {
  /** The title block(s): a body line such as "王鲍镇" above the title line belongs to the title. */
  titleBlocks: Block[];
  /** The title as written (blocks joined), or undefined when the report has no title. */
  title?: string;
  /**
   * Where the title is: its blocks' range, or the start of the first line when the title is glued to the body
   * on one line (某县2025年度法治政府建设情况报告2025年，全县…; titleBlocks is then empty, the line being body).
   */
  titleRange?: { start: number; end: number };
  /** The reporting body as written in simplified script, e.g. 重庆市潼南区小渡镇, 如皋市司法局. */
  body?: string;
  /** The body's own name: the last administrative unit, e.g. 小渡镇. */
  bodyShort?: string;
  bodyLevel?: BodyLevel;
  /** Where the body was found. */
  bodySource?: 'title' | 'opening' | 'config';
  /** The year reported on. */
  year?: number;
  yearSource?: 'title' | 'opening' | 'config';
  /** The 成文日期 (date line after the 落款, after the body), else the page metadata's 成文日期 field; offsets into the text. */
  reportDate?: ReportDate;
  reportDateSource?: 'signature' | 'metadata';
}

export interface ReportDate {
  year: number;
  month: number;
  day: number;
  start: number;
  end: number;
  text: string;
}

// 法治 alone: titles such as ××镇2023年度法治工作情况报告 name the topic that way too.
const TITLE_TOPIC = /法治|法制|依法行政|依法治/;
const TITLE_KIND = /报告|情况|总结|综述|自查|自评|述职/;
const CHROME = /[:：>|]|首页|当前的?位置|来源|发布时间|浏览/;
const BODY_SUFFIX = '(?:人民政府|政府|海关|联合会|联合社|街道办事处|管委会|行政公署|行署|街道|街(?=[\\s\\u3000]*(?:关于|\\d))|镇|乡|苏木|农场|林场|县|区|市|州|盟|旗|省|自治区|局|委员会|委|办公室|办事处|办|厅|署|部|中心|院|所|站|处|队|馆)';
/** A body's name, masked where a site hid it (XX镇, ×× 县, *区): placeholder reports the mask, the title still names a body. */
const NAME_CHAR = '[\\u4e00-\\u9fa5XxＸｘ×*＊]';
/** A title (simplified) that names its body: 如皋市司法局关于…, 王鲍镇2023年度…, 2023年度王鲍镇法治政府…. */
export const BODY_IN_TITLE = new RegExp(
  `^(?:\\d{4}\\s*(?:年度|年(?!度)))?(?:关于)?(?!(?:乡镇|城镇|[全本我各](?:镇|乡|县|区|市))(?:关于|\\s*\\d|法治|依法|年度|$))${NAME_CHAR}{1,30}?${BODY_SUFFIX}(?=[\\s\\u3000]*关于|\\s*\\d|法治|依法|年度|人民政府|发布|$)`,
);
const LEADING_ISSUER = new RegExp(`^${NAME_CHAR}{1,30}?${BODY_SUFFIX}[\\s\\u3000]+`);

/**
 * The title without the co-issuers before the last one: a joint report (中共××镇委员会 ××镇人民政府关于…)
 * names its issuers separated by white space, the last one (the government) being the reporting body.
 */
export function withoutCoIssuers(title: string): string {
  // An aside in brackets (XX县卫生健康局（县中医药管理局）2023年…) is not part of the name.
  let t = title.replace(/[（(][^（）()]{1,20}[）)]/g, '');
  for (let m = LEADING_ISSUER.exec(t); m; m = LEADING_ISSUER.exec(t)) {
    const rest = t.slice(m[0].length);
    if (!BODY_IN_TITLE.test(rest)) break;
    t = rest;
  }
  return t;
}

/** An attachment's label above a document (附件, 附件1, 附件 2：). */
const ATTACHMENT_LABEL = /^附\s*件\s*\d{0,2}\s*[:：]?$/;

/** A title at the start of a long line, the body text following it: a year, an addressee (区政府：), 根据…. */
const GLUED_TITLE = /^([^。，,；;：:！？!?]{4,70}?(?:报告|報告|报告》|報告》|总结|總結|汇报|匯報|方案))(?=[\s\u3000]*(?:\d{4}\s*年|[\u4e00-\u9fa5]{1,12}[:：]|根据|按照|今年|近年来|[一二三四五六七八九十]、))/;

const OPENING_BODY = new RegExp(
  `^(?:\\d{4}\\s*年(?:以来|度|，|,)?[，,]?\\s*)?(?:在[^，,。]{0,40}?下[，,]\\s*)?` +
    `([\\u4e00-\\u9fa5]{2,20}?${BODY_SUFFIX})` +
    '(?=坚持|高度重视|深入|认真|全面|紧紧|紧扣|始终|围绕|按照|以|在|积极|严格|把|持续|不断|立足|着力|扎实|切实|紧密)',
);

/** A year as a point in time: not an end of a range such as 2021—2025年 (the 纲要's years are not the report's). */
const REPORT_YEAR = /(?<![\d—–\-~～至到])(\d{4})\s*年(?!\s*[—–\-~～至到])/;
/** In the opening: a year that is neither a range's end nor a date's (2024年1月). */
const OPENING_YEAR = /(?<![\d—–\-~～至到])(\d{4})\s*年(?!\s*[—–\-~～至到\d])/;

function simplifiedProse(text: string): string {
  return toSimplified(text.replace(PINYIN_ANNOTATION, ''));
}

/** A title as matched: simplified, without pinyin, and without 《》 around the whole of it (《××镇2023年…报告》). */
export function titleText(text: string): string {
  // A title broken over two lines in Markdown with an HTML line break (…2023年<br>法治政府…) is one title.
  const t = simplifiedProse(text.replace(/<br\s*\/?>/gi, '')).trim();
  const m = /^《([^《》]+)》$/.exec(t);
  return m ? m[1] : t;
}

/** A line above the title that belongs to it: the body's name(s), its year, or both. */
const TITLE_HEAD_LINE = new RegExp(
  `^(?=\\S)(?:(?:${NAME_CHAR}{1,20}?${BODY_SUFFIX}[\\s\\u3000]+)*${NAME_CHAR}{1,20}?${BODY_SUFFIX})?[\\s\\u3000]*(?:\\d{4}\\s*年度?)?$`,
);

/** The line above a title block names a body (王鲍镇; 广元市人力资源和社会保障局): the title's own head line. */
export function namesBodyAbove(blocks: Block[], title: Block): boolean {
  const above = blocks[title.index - 1];
  if (!above || above.chrome) return false;
  const name = simplifiedProse(above.text).trim();
  return name.length >= 2 && name.length <= 40 && TITLE_HEAD_LINE.test(name) && ENDS_WITH_BODY.test(name);
}
const ENDS_WITH_BODY = new RegExp(`${BODY_SUFFIX}(?:[\\s\\u3000]*\\d{4}\\s*年度?)?$`);

export function levelOf(name: string): BodyLevel | undefined {
  if (/(局|委员会|管委会|委|办公室|办事处|办|厅|署|部|中心|院|所|站|处|队|馆|海关|联合会|联合社)$/.test(name) && !/街道办事处$/.test(name)) return 'department';
  if (/(镇|乡|苏木|农场|林场|街道|街道办事处)(人民政府|政府)?$/.test(name)) return 'town';
  if (/(县|区|旗)(人民政府|政府)?$/.test(name)) return 'county';
  if (/(市|州|盟)(人民政府|政府)?$/.test(name)) return 'city';
  if (/(省|自治区)(人民政府|政府)?$/.test(name)) return 'province';
  return undefined;
}

/** 重庆市潼南区小渡镇人民政府 → 小渡镇; 如皋市司法局 → 如皋市司法局. */
export function shortBodyName(name: string): string {
  // 新市街道办事处 → 新市街道: the unit, not its office.
  let n = name.replace(/(?:人民)?政府$/, '').replace(/(街道)办事处$/, '$1');
  if (levelOf(n) === 'department') return n;
  // Strip enclosing units (重庆市, 潼南区) while what remains is still a unit of its own.
  for (;;) {
    const m = /^[\u4e00-\u9fa5]+?(?:省|自治区|市|州|盟|县|区|旗)/.exec(n);
    if (!m) return n;
    const rest = n.slice(m[0].length);
    // 新市街道: "新市" is part of the name, not an enclosing city (what remains must still have a name).
    if (rest.length < 2 || !levelOf(rest) || /^(?:街道|镇|乡|县|区|旗|市|州|盟)$/.test(rest)) return n;
    n = rest;
  }
}

/** The first line of a title broken after 关于 or the year: it cannot end a title. */
const CUT_TITLE_HEAD = /(?:关于|(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?)$/;

export function inferMeta(text: string, blocks: Block[], outline: Outline, settings: DocumentSettings): ReportMeta {
  const meta: ReportMeta = { titleBlocks: [] };
  // By offset: a one-line report's first heading is inline, in the line that also holds its title.
  const firstSectionStart = outline.sections[0]?.heading.start ?? Infinity;
  // The report's opening: page chrome (site header, metadata, banners) is not looked at.
  const head = blocks.filter((b) => !b.chrome && b.start < firstSectionStart).slice(0, 10);

  // Title: a short line naming the topic and the kind of document, not web chrome, not a sentence. A title
  // broken over two lines (××镇关于2023年法治政府建设 ⏎ 情况的报告), neither a title alone, counts as one.
  const isTitle = (t: string) =>
    t.length <= 80 && TITLE_TOPIC.test(t) && TITLE_KIND.test(t) && !CHROME.test(t) && !/[。；]$/.test(t) && !/^\d{4}\s*年[，,]/.test(t);
  let best: Block[] | undefined;
  let bestScore = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    let t = titleText(b.text);
    let blocksOfTitle = [b];
    if (!isTitle(t)) {
      const next = head[i + 1];
      if (!next || b.text.length > 60 || next.text.length > 30 || /[。；;，,：:！？!?]$/.test(b.text)) continue;
      const joined = titleText(b.text + next.text);
      // A line that cannot end a title (…司法局关于2023年度 ⏎ 法治政府建设情况的报告) joins the next one even when that
      // one reads as a title alone.
      const cutHead = CUT_TITLE_HEAD.test(b.text.trim());
      if ((!cutHead && isTitle(titleText(next.text))) || !isTitle(joined)) continue;
      t = joined;
      blocksOfTitle = [b, next];
    }
    let score = 1;
    if (/报告$/.test(t)) score += 2;
    if (/关于/.test(t)) score += 1;
    if (b.markdownDepth === 1) score += 2;
    // The report's own title names its body; a page heading over the chrome often does not (2023年法治政府建设
    // 工作报告 ⏎ 发布时间… ⏎ ××县司法局关于2023年度法治政府建设情况的报告). The same title given twice is one title
    // and its repetition (duplicate-text's), whichever names the body.
    if (!(best && titleText(best.map((x) => x.text).join('')) === t) && (BODY_IN_TITLE.test(withoutCoIssuers(t)) || namesBodyAbove(blocks, b))) score += 1;
    if (score > bestScore) {
      best = blocksOfTitle;
      bestScore = score;
    }
  }
  if (best) {
    // A line above the title that names the body (王鲍镇; 中共××镇委员会 ××镇人民政府 for a joint report), its
    // year, or both (王鲍镇2023年 ⏎ 法治政府建设情况报告) belongs to the title.
    const above = blocks[best[0].index - 1];
    const prev = above && !above.chrome ? above : undefined;
    const prevName = prev ? simplifiedProse(prev.text) : '';
    if (prev && prevName.length <= 40 && TITLE_HEAD_LINE.test(prevName)) meta.titleBlocks.push(prev);
    meta.titleBlocks.push(...best);
    meta.title = meta.titleBlocks.map((b) => b.text).join('');
    meta.titleRange = { start: meta.titleBlocks[0].start, end: meta.titleBlocks[meta.titleBlocks.length - 1].end };
  } else {
    // A title glued to the body on one line (one-line layouts, doc-site pages): 某县2025年度…报告2025年，全县…, under
    // an attachment's label if any (附件1 ⏎ 某县…报告2025年，…).
    const first = head[0] && ATTACHMENT_LABEL.test(head[0].text) ? head[1] : head[0];
    const glued = first && first.text.length > 80 ? GLUED_TITLE.exec(first.text) : null;
    if (first && glued && isTitle(titleText(glued[1]))) {
      meta.title = glued[1];
      meta.titleRange = { start: first.start, end: first.start + glued[1].length };
    }
  }

  // Body.
  if (settings.body) {
    meta.body = settings.body;
    meta.bodySource = 'config';
  } else {
    const titleBody = withoutCoIssuers(titleText(meta.title ?? ''));
    const fromTitle = new RegExp(`^(${NAME_CHAR}{1,30}?${BODY_SUFFIX})(?=[\\s\\u3000]*关于|\\s*\\d|20|法治|依法|年度|发布|$)`).exec(titleBody);
    if (fromTitle && !/^关于/.test(fromTitle[1])) {
      meta.body = fromTitle[1];
      meta.bodySource = 'title';
    } else {
      for (const b of head.slice(0, 8)) {
        if (meta.titleBlocks.includes(b)) continue;
        const m = OPENING_BODY.exec(simplifiedProse(b.text));
        if (m && !/^我/.test(m[1])) {
          meta.body = m[1];
          meta.bodySource = 'opening';
          break;
        }
      }
    }
  }
  if (meta.body) {
    meta.bodyShort = shortBodyName(meta.body);
    meta.bodyLevel = levelOf(meta.body.replace(/(?:人民)?政府$/, ''));
  }

  // Year reported on.
  if (settings.year) {
    meta.year = settings.year;
    meta.yearSource = 'config';
  } else {
    const titleYear = REPORT_YEAR.exec(meta.title ?? '');
    if (titleYear) {
      meta.year = Number(titleYear[1]);
      meta.yearSource = 'title';
    } else {
      for (const b of head) {
        // Not a date (2024年1月，按照…要求，现将我镇2023年度…报告如下): the report is written early the next year.
        const y = OPENING_YEAR.exec(blankBookTitles(b.text));
        if (y) {
          meta.year = Number(y[1]);
          meta.yearSource = 'opening';
          break;
        }
      }
    }
  }
  const found = findReportDate(text, blocks);
  if (found) {
    meta.reportDate = found.date;
    meta.reportDateSource = found.source;
  }
  return meta;
}

// The 成文日期 is found by its shape, not by listed strings: a line that is only a date (2025年3月20日,
// 二〇二五年三月二十日), or a signature and a date on one line, among the last lines of the report and right after
// a short line (the 落款, the body's name), after the body (a date under the title or in the page chrome is not
// it). Failing that, the 成文日期 field of the page's metadata (| 成文日期 | 2025-03-20 |, [ 成文日期 ] 2025-03-20) —
// what a CMS records as the document's date when the report's own date line was lost; never a publication,
// post or page date (发布时间：…), which is the site's, not the report's.
const YEAR_PART = '[0-9０-９]{4}|[0-9０-９]{2}(?=\\s*年)|[〇零○Ｏ〇一二三四五六七八九]{4}';
const NUM_PART = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}';
const DATE_TEXT = `(${YEAR_PART})\\s*年\\s*(${NUM_PART})\\s*月\\s*(${NUM_PART})\\s*[日号]`;
const DATE_LINE = new RegExp(`^[（(]?(${DATE_TEXT})[）)]?$`);
const SIGNED_DATE_LINE = new RegExp(`^[\\u4e00-\\u9fa5（）()·\\s\\u3000]{2,60}?${BODY_SUFFIX}[\\s\\u3000]+[（(]?(${DATE_TEXT})[）)]?$`);
/** A metadata field whose label names a date or time, and its value: 2025-03-28, 2025/3/28, 2025年03月28日. */
const METADATA_DATE = /(?:^|[|｜\s[【［])成文(?:日期|時間|时间)\s*[\]】］]?(?:\s*[:：|｜]\s*|\s+)((\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?)/;
const SIGNATURE = new RegExp(`^[\\u4e00-\\u9fa5（）()·\\s\\u3000]{2,40}$`);

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 2025, ２０２５, 二〇二五 → 2025; 25 → 2025; 十二 → 12, 二十一 → 21, 03 → 3. */
function numberOf(s: string, isYear: boolean): number {
  const t = s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(t)) return isYear && t.length === 2 ? 2000 + Number(t) : Number(t);
  if (isYear) return Number([...t].map((c) => CN_DIGITS[c] ?? 0).join(''));
  const ten = t.indexOf('十');
  if (ten < 0) return CN_DIGITS[t] ?? NaN;
  const tens = ten === 0 ? 1 : CN_DIGITS[t.slice(0, ten)] ?? NaN;
  const ones = ten === t.length - 1 ? 0 : CN_DIGITS[t.slice(ten + 1)] ?? NaN;
  return tens * 10 + ones;
}

function dateOf(text: string, start: number, y: string, m: string, d: string): ReportDate | undefined {
  const year = numberOf(y, true);
  const month = numberOf(m, false);
  const day = numberOf(d, false);
  if (!(year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return { year, month, day, start, end: start + text.length, text };
}

export function findReportDate(text: string, allBlocks: Block[]): { date: ReportDate; source: 'signature' | 'metadata' } | undefined {
  // The report's own lines: page chrome (footers, related articles, post dates) is not its 落款.
  const blocks = allBlocks.filter((b) => !b.chrome);
  const firstProse = blocks.findIndex((b) => b.text.length >= 30 && /[。；;，,]/.test(b.text));
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 12, firstProse + 1); i--) {
    const b = blocks[i];
    if (b.text.length > 60) continue;
    let m = DATE_LINE.exec(b.text);
    const signed = m ? undefined : SIGNED_DATE_LINE.exec(b.text);
    if (!m && !signed) continue;
    const prev = blocks[i - 1];
    if (m && !(prev && prev.text.length <= 40 && SIGNATURE.test(prev.text))) continue;
    m ??= signed!;
    const at = b.start + b.text.indexOf(m[1]);
    const date = dateOf(m[1], at, m[2], m[3], m[4]);
    if (date) return { date, source: 'signature' };
  }
  // Metadata sits above the title or below the report (CMS layouts), never inside the body.
  for (const b of [...allBlocks.slice(0, 15), ...allBlocks.slice(Math.max(15, allBlocks.length - 15))]) {
    if (b.text.length > 200) continue;
    const m = METADATA_DATE.exec(b.text);
    if (!m) continue;
    const date = dateOf(m[1], b.start + m.index + m[0].length - m[1].length, m[2], m[3], m[4]);
    if (date) return { date, source: 'metadata' };
  }
  void text;
  return undefined;
}

/**
 * The text with each 《…》 (from a 《 to the next 》) blanked, as `text.replace(/《[^》]*》/g, spaces)` gives, in one
 * pass: that regex rescans to the end of the text from every 《 once no 》 follows (quadratic on a run of 《).
 */
function blankBookTitles(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  for (let open = text.indexOf('《'); open >= 0; ) {
    const close = text.indexOf('》', open + 1);
    if (close < 0) break;
    (out ??= []).push(text.slice(copied, open), ' '.repeat(close + 1 - open));
    copied = close + 1;
    open = text.indexOf('《', copied);
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}
