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
}

// 法治 alone: titles such as ××镇2023年度法治工作情况报告 name the topic that way too.
const TITLE_TOPIC = /法治|依法行政|依法治/;
const TITLE_KIND = /报告|情况|总结/;
const CHROME = /[:：>|]|首页|当前的?位置|来源|发布时间|浏览/;
const BODY_SUFFIX = '(?:人民政府|街道办事处|街道|镇|乡|县|区|市|州|盟|旗|省|自治区|局|委员会|委|办公室|办|厅|署|中心|院|所|站)';
/** A title (simplified) that names its body: 如皋市司法局关于…, 王鲍镇2023年度…, 2023年度王鲍镇法治政府…. */
export const BODY_IN_TITLE = new RegExp(
  `^(?:\\d{4}\\s*(?:年度|年(?!度)))?(?:关于)?(?!(?:乡镇|城镇|[全本我各](?:镇|乡|县|区|市))(?:关于|\\s*\\d|法治|依法|年度|$))[\\u4e00-\\u9fa5]{1,30}?${BODY_SUFFIX}(?=[\\s\\u3000]*关于|\\s*\\d|法治|依法|年度|人民政府|$)`,
);
const LEADING_ISSUER = new RegExp(`^[\\u4e00-\\u9fa5]{1,30}?${BODY_SUFFIX}[\\s\\u3000]+`);

/**
 * The title without the co-issuers before the last one: a joint report (中共××镇委员会 ××镇人民政府关于…)
 * names its issuers separated by white space, the last one (the government) being the reporting body.
 */
export function withoutCoIssuers(title: string): string {
  let t = title;
  for (let m = LEADING_ISSUER.exec(t); m; m = LEADING_ISSUER.exec(t)) {
    const rest = t.slice(m[0].length);
    if (!BODY_IN_TITLE.test(rest)) break;
    t = rest;
  }
  return t;
}

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
  const t = simplifiedProse(text).trim();
  const m = /^《([^《》]+)》$/.exec(t);
  return m ? m[1] : t;
}

/** A line above the title that belongs to it: the body's name(s), its year, or both. */
const TITLE_HEAD_LINE = new RegExp(
  `^(?=\\S)(?:(?:[\\u4e00-\\u9fa5]{1,20}?${BODY_SUFFIX}[\\s\\u3000]+)*[\\u4e00-\\u9fa5]{1,20}?${BODY_SUFFIX})?[\\s\\u3000]*(?:\\d{4}\\s*年度?)?$`,
);

export function levelOf(name: string): BodyLevel | undefined {
  if (/(局|委员会|委|办公室|办|厅|署|中心|院|所|站)$/.test(name)) return 'department';
  if (/(镇|乡|街道|街道办事处)(人民政府)?$/.test(name)) return 'town';
  if (/(县|区|旗)(人民政府)?$/.test(name)) return 'county';
  if (/(市|州|盟)(人民政府)?$/.test(name)) return 'city';
  if (/(省|自治区)(人民政府)?$/.test(name)) return 'province';
  return undefined;
}

/** 重庆市潼南区小渡镇人民政府 → 小渡镇; 如皋市司法局 → 如皋市司法局. */
export function shortBodyName(name: string): string {
  // 新市街道办事处 → 新市街道: the unit, not its office.
  let n = name.replace(/人民政府$/, '').replace(/(街道)办事处$/, '$1');
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

export function inferMeta(text: string, blocks: Block[], outline: Outline, settings: DocumentSettings): ReportMeta {
  const meta: ReportMeta = { titleBlocks: [] };
  const firstSection = outline.sections[0]?.heading.index ?? blocks.length;
  const head = blocks.slice(0, Math.min(firstSection, 10));

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
      if (isTitle(titleText(next.text)) || !isTitle(joined)) continue;
      t = joined;
      blocksOfTitle = [b, next];
    }
    let score = 1;
    if (/报告$/.test(t)) score += 2;
    if (/关于/.test(t)) score += 1;
    if (b.markdownDepth === 1) score += 2;
    if (score > bestScore) {
      best = blocksOfTitle;
      bestScore = score;
    }
  }
  if (best) {
    // A line above the title that names the body (王鲍镇; 中共××镇委员会 ××镇人民政府 for a joint report), its
    // year, or both (王鲍镇2023年 ⏎ 法治政府建设情况报告) belongs to the title.
    const prev = blocks[best[0].index - 1];
    const prevName = prev ? simplifiedProse(prev.text) : '';
    if (prev && prevName.length <= 40 && TITLE_HEAD_LINE.test(prevName)) meta.titleBlocks.push(prev);
    meta.titleBlocks.push(...best);
    meta.title = meta.titleBlocks.map((b) => b.text).join('');
  }

  // Body.
  if (settings.body) {
    meta.body = settings.body;
    meta.bodySource = 'config';
  } else {
    const titleBody = withoutCoIssuers(titleText(meta.titleBlocks.map((b) => b.text).join('')));
    const fromTitle = new RegExp(`^([\\u4e00-\\u9fa5]{1,30}?${BODY_SUFFIX})(?=[\\s\\u3000]*关于|\\s*\\d|20|法治|依法|年度|$)`).exec(titleBody);
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
    meta.bodyLevel = levelOf(meta.body.replace(/人民政府$/, ''));
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
        const y = OPENING_YEAR.exec(b.text.replace(/《[^》]*》/g, (m) => ' '.repeat(m.length)));
        if (y) {
          meta.year = Number(y[1]);
          meta.yearSource = 'opening';
          break;
        }
      }
    }
  }
  void text;
  return meta;
}
