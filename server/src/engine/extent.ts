// The report's extent: what of the text is the report (title or addressee → 落款 and date) and what is page
// chrome around it or cut into it — site headers, toolbars, breadcrumbs, CMS metadata blocks, essay-site and
// doc-share wrappers, news datelines, doc-site page markers. Recognised by shape (short label–value lines of
// CMS field names, lines made only of controls, position before the title or after the 落款), with the
// vocabularies as data (rules/conversion-artifact.json, key "extent"). Computed once per document: the
// outline, the meta and every text rule look past the chrome (doc.isIgnored covers it); conversion-artifact
// reports it.
import type { Block } from './document.js';
import type { LineIndex } from './line-index.js';
import { parseNumbering } from './numbering.js';
import { toSimplified } from './script.js';
import {
  candidateOf, isTitleLike, metadataFields, strength, DATELINE, FIELD_NEXT, GLUED_RUN, GLUED_TAIL, SENTENCE, type Candidate,
} from './chrome-lines.js';

export { metadataFields } from './chrome-lines.js';

export type ChromeKind = 'web' | 'metadata' | 'watermark' | 'essay' | 'news' | 'page' | 'spam';

export interface ChromeSpan {
  start: number;
  end: number;
  kind: ChromeKind;
  /** Whole blocks (first..last index) that are chrome; absent for chrome inside a block (page marker, dateline). */
  blocks?: { first: number; last: number };
}

export interface Extent {
  /** Chrome, sorted and non-overlapping; whole-block spans run from the first line's start to the last line's end. */
  chrome: ChromeSpan[];
  /** The document's other ignored ranges (code, URLs…) with the chrome added, sorted and merged. */
  ignored: { start: number; end: number }[];
  /** The text starts after a cut (……（开头部分已省略650字）): its first headings need not be 一、 or （一）. */
  startsMidway: boolean;
  /** Index of the first and last block of the report itself (−1 when every block is chrome). */
  first: number;
  last: number;
}

/** A line of the report that ends a sentence (page markers cut words: the line before one does not). */
const SENTENCE_END = /[。！？；：…!?;:”"）)】》]$/;
const TITLE_WORD = /报告|總結|总结|報告|情况|情況|工作|方案/;

const BYLINE = /^[\u4e00-\u9fa5]{2,30}(?:政府|局|委|办|办公室|中心|网|科|股|处|室|所|站|厅)[\s\u3000]+\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** A page number glued after a line's text (司法局“两率一度”活动方案 第3页). */
const PAGE_TAIL = /[\s\u3000]+第\s*\d{1,3}\s*页$/;

/** The 成文日期 line: a date alone (2024年3月20日, 二〇二四年三月二十日), right after a short signature line. */
const DATE_ALONE = /^[（(]?(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[）)]?$/;
const SIGNATURE_LINE = /^[\u4e00-\u9fa5（）()·\s\u3000]{2,40}$/;
/** A row of keywords under an article's title: three short words at least, commas between them, nothing else. */
const KEYWORDS = /^[^，,。；;：:、\s]{1,8}(?:[，,][^，,。；;：:、\s]{1,8}){2,}$/;
/** A document's name (镇巴县人民政府工作规则, 2023年工作总结): the title, never a column name beside the chrome. */
const DOCUMENT_TITLE = /(?:报告|報告|总结|總結|规则|規則|方案|办法|辦法|意见|意見|通知|规定|規定|细则|細則|纲要|綱要|规划|規劃)$/;
/** Lines a 公文 carries above its title: 附件2, its number (红政发〔2024〕3号), 特急, a secrecy mark. */
const DOCUMENT_HEAD = /^附\s*件|〔\s*\d{4}\s*〕\s*\d+\s*号$|^(?:特急|加急|平急|特提|秘密|机密|绝密)/;
/** A line that is a body's name (东安县应急管理局, 红星镇人民政府, masked XX县教育局): above the title it belongs to the title. */
const BODY_NAME = /^[\u4e00-\u9fa5（）()XxＸｘ×*＊]{2,24}(?:人民政府|政府|委员会|管委会|办事处|办公室|局|委|办|厅|署|部|镇|乡|街道|县|区|旗|市|州|盟|省|中心|院|所|站|队)$/;
/** What follows the date and is still the document's: 版记, 附注, contact. */
const REPORT_TAIL = /^(?:抄\s*送|抄\s*报|主\s*送|[（(]此件|联系人|联系电话|[\u4e00-\u9fa5]{2,30}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发)/;

/** Index of the date line after the 落款, after the last prose of the report, or −1. */
function signatureDate(blocks: Block[], lastProse: number): number {
  if (lastProse < 0) return -1;
  for (let i = lastProse + 1; i < blocks.length && i <= lastProse + 6; i++) {
    if (DATE_ALONE.test(blocks[i].text) && SIGNATURE_LINE.test(blocks[i - 1].text)) return i;
  }
  return -1;
}

/** Prose of the report: a sentence-bearing line, not a candidate. */
function isProse(block: Block): boolean {
  return block.text.length >= 30 && SENTENCE.test(block.text);
}

/** A short plain line naming the site (天津市静海区人民政府) at the very top, above other chrome. */
function isSiteName(block: Block): boolean {
  return block.text.length <= 30 && !SENTENCE.test(block.text) && !/[:：]/.test(block.text) && !TITLE_WORD.test(block.text);
}

/** Finds the chrome; moves the content of blocks past a page marker or dateline at their start (see Block.start). */
export function findExtent(text: string, lines: LineIndex, blocks: Block[], ignored: readonly { start: number; end: number }[]): Extent {
  const kinds = new Map<number, ChromeKind>();
  const candidates: (Candidate | undefined)[] = blocks.map((b) => candidateOf(b, lines.lineText(b.line)));
  // The value of a field given on the line below its label (• 发文字号： ⏎ 镇政发〔2024〕7号).
  candidates.forEach((c, i) => {
    const next = blocks[i + 1];
    if (c?.valueBelow && next && !candidates[i + 1] && next.text.length <= 40 && !SENTENCE.test(next.text) && !isTitleLike(next.text)) {
      candidates[i + 1] = { kind: 'metadata', strength: 'weak' };
    }
  });
  // A notice's list goes on in the next numbered item (5、试题试卷类文档… after 4、本站资源下载后…).
  for (let i = 1; i < blocks.length; i++) {
    const prev = candidates[i - 1];
    const a = blocks[i - 1].numbering;
    const b = blocks[i].numbering;
    if (prev?.notice && !candidates[i] && a && b && a.style === b.style && b.value === a.value + 1 && blocks[i].text.length <= 160) {
      candidates[i] = { kind: prev.kind, strength: 'weak', notice: true, generic: true };
    }
  }
  const firstProse = blocks.findIndex((b, i) => !candidates[i] && isProse(b));
  // A publisher and post date above the report (清水县人民政府 2024年01月08日): the same line after the report is
  // its 落款, so only before the report's first sentence.
  for (let i = 0; i < firstProse; i++) if (!candidates[i] && BYLINE.test(blocks[i].text)) candidates[i] = { kind: 'web', strength: 'weak' };
  let lastProse = -1;
  for (let i = blocks.length - 1; i >= 0; i--) if (!candidates[i] && isProse(blocks[i])) { lastProse = i; break; }
  const outside = (i: number) => firstProse < 0 || i < firstProse || i > lastProse;
  const proseStart = firstProse < 0 ? blocks.length : firstProse;
  // The title: the first title-like line before the prose.
  let titleAt = -1;
  for (let i = 0; i < proseStart; i++) if (!candidates[i] && isTitleLike(blocks[i].text)) { titleAt = i; break; }
  // The report's own lines after its text (抄送, 联系人：…, 主送) may look like fields: never chrome by a field's shape alone.
  const tail = (i: number) => REPORT_TAIL.test(blocks[i].text);
  // Fields under unknown labels are chrome only in a run of other chrome (a form's 报告单位：… is the report's).
  candidates.forEach((c, i) => {
    if (c && (c.strength === 'strong' || (outside(i) && !c.generic) || (c.dated && i < proseStart))) kinds.set(i, c.kind);
  });
  // Weak candidates (大 / 中 / 小 one per line, a lone 首页, 时间：…) next to chrome are chrome too: a sweep each way
  // carries chrome along a run of them (upwards never into the report's own closing lines).
  // Fields under unknown labels only outside the prose: inside it they are the report's (主要做法：…, under a page number).
  const sweeps = (i: number) => candidates[i] !== undefined && !kinds.has(i) && (!candidates[i]!.generic || outside(i));
  for (let i = 1; i < blocks.length; i++) if (sweeps(i) && kinds.has(i - 1)) kinds.set(i, candidates[i]!.kind);
  for (let i = blocks.length - 2; i >= 0; i--) if (sweeps(i) && kinds.has(i + 1) && !tail(i)) kinds.set(i, candidates[i]!.kind);
  // Before the prose, short lines in a run of chrome are the page's too (目录 ⏎ 目录X, a column name, a widget's
  // label): not the title, not a body's name beside it (东安县应急管理局 ⏎ 2025年法治政府建设报告), not a date, not
  // the addressee (区委、区政府：).
  const shortPageLine = (i: number) => {
    const t = blocks[i].text;
    // An article's keywords (镇政府,工作报告,2023): short words and commas only.
    if (t.length <= 40 && KEYWORDS.test(t) && t.split(/[，,]/).some((w) => w.length <= 4)) return true;
    return t.length <= 12 && !SENTENCE.test(t) && !/[:：]$/.test(t) && !blocks[i].numbering && !isTitleLike(t) && !DOCUMENT_TITLE.test(t) && !DATE_ALONE.test(t)
      && !DOCUMENT_HEAD.test(t)
      && !(BODY_NAME.test(t) && [blocks[i - 1], blocks[i + 1]].some((b) => b && isTitleLike(b.text)));
  };
  // One sweep down and one up carry chrome along a run of them (linear: no pass depends on a later one).
  const shortRun = (i: number, from: number) => !kinds.has(i) && i !== titleAt && kinds.has(from) && shortPageLine(i);
  for (let i = 1; i < proseStart; i++) if (shortRun(i, i - 1)) kinds.set(i, 'web');
  for (let i = proseStart - 2; i >= 0; i--) if (shortRun(i, i + 1)) kinds.set(i, 'web');
  // The page's head: when the title comes after the first chrome, the short lines above that chrome are the page's
  // (政府信息公开 规章库 ⏎ 湛江市廉江市良垌镇人民政府信息公开 above the fields) — all of them, or none.
  let firstChrome = 0;
  while (firstChrome < proseStart && !kinds.has(firstChrome)) firstChrome++;
  if (titleAt > firstChrome && firstChrome < proseStart) {
    const head = blocks.slice(0, firstChrome);
    if (head.every((b) => b.text.length <= 30 && !SENTENCE.test(b.text) && !/[:：]$/.test(b.text) && !isTitleLike(b.text) && !DOCUMENT_HEAD.test(b.text) && !DATE_ALONE.test(b.text))) {
      for (let i = 0; i < firstChrome; i++) kinds.set(i, 'web');
    }
  }
  // After the 落款 and its date the report has ended: short unpunctuated lines there are the page's (footer links,
  // related titles), unless they read as the report's own (附件, 抄送, （此件公开发布）, 联系人).
  const dated = signatureDate(blocks, lastProse);
  if (dated >= 0) {
    for (let j = dated + 1; j < blocks.length; j++) {
      const t = blocks[j].text;
      // Attachments follow as pages of the document: everything from there on is the report's (a download link
      // to a file, 附件：….docx, is the page's).
      if (/^附\s*件/.test(t) && !kinds.has(j)) break;
      if (!kinds.has(j) && t.length <= 60 && !SENTENCE.test(t) && !blocks[j].numbering && !REPORT_TAIL.test(t)) kinds.set(j, 'web');
    }
  }
  // After the report's text, short lines under other chrome are the page's (二审：…, 我说两句…, a counter), unless
  // they read as the report's closing (落款 date, 抄送, 联系人).
  const closed = Math.max(lastProse, dated);
  if (lastProse >= 0) {
    for (let j = closed + 1; j < blocks.length; j++) {
      const t = blocks[j].text;
      if (!kinds.has(j) && kinds.has(j - 1) && t.length <= 20 && !SENTENCE.test(t) && !DATE_ALONE.test(t) && !tail(j) && !/^附\s*件/.test(t)) kinds.set(j, 'web');
    }
  }
  // A related-articles list after the report: its heading and the short lines under it.
  candidates.forEach((c, i) => {
    if (!c?.list || !kinds.has(i) || i < lastProse) return;
    for (let j = i + 1; j < blocks.length && blocks[j].text.length <= 60 && !/[。；;]$/.test(blocks[j].text); j++) kinds.set(j, 'web');
  });
  // A column name between two pieces of chrome above the title (今天是…星期三 ⏎ 工作报告 ⏎ 您所在的位置:…).
  for (let i = 1; i + 1 < blocks.length && (firstProse < 0 || i < firstProse); i++) {
    if (!kinds.has(i) && kinds.has(i - 1) && kinds.has(i + 1) && blocks[i].text.length <= 10 && !SENTENCE.test(blocks[i].text)) kinds.set(i, 'web');
  }
  // The site's name at the top of the page, above other chrome.
  const top = blocks[0];
  if (top && !kinds.has(0) && kinds.has(1) && isSiteName(top) && (candidates[1]?.breadcrumb || candidates[1]?.kind !== 'news')) kinds.set(0, 'web');

  const chrome: ChromeSpan[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const kind = kinds.get(i);
    if (!kind) continue;
    let j = i;
    while (j + 1 < blocks.length && kinds.has(j + 1)) j++;
    // One span per run of one kind keeps conversion-artifact's grouping by kind.
    for (let k = i; k <= j; ) {
      let e = k;
      while (e + 1 <= j && kinds.get(e + 1) === kinds.get(k)) e++;
      chrome.push({ start: lines.lineStart(blocks[k].line), end: lines.lineEnd(blocks[e].line), kind: kinds.get(k)!, blocks: { first: k, last: e } });
      k = e + 1;
    }
    i = j;
  }
  for (const [i, kind] of kinds) blocks[i].chrome = kind;

  const report = blocks.filter((b) => !b.chrome);
  chrome.push(...pageMarkers(text, report), ...datelines(text, report), ...gluedMetadata(text, report), ...gluedControls(text, report));
  chrome.sort((a, b) => a.start - b.start);

  const startsMidway = chrome.some(
    (c) => c.blocks && c.kind === 'essay' && (firstProse < 0 || c.blocks.first < firstProse) && /已省略/.test(text.slice(c.start, c.end)),
  );
  const firstBlock = blocks.findIndex((b) => !b.chrome);
  let lastBlock = -1;
  for (let i = blocks.length - 1; i >= 0; i--) if (!blocks[i].chrome) { lastBlock = i; break; }
  return { chrome, ignored: merge([...ignored, ...chrome]), startsMidway, first: firstBlock, last: lastBlock };
}

/**
 * Doc-site page markers: the pages of a converted document, each on one long line, numbered 1、 2、 3、 at
 * the line start (cutting a word: …强化行政权力的制约和监督、依 ⏎ 2、法有效化解…). The report's first line
 * starts 1、, the lines are long, the numbers run 1, 2, 3 with no other line between, and a line before a
 * marker ends mid-sentence (or, on a single page, a title is glued after 1、).
 */
function pageMarkers(text: string, blocks: Block[]): ChromeSpan[] {
  const run: Block[] = [];
  for (const b of blocks) {
    const m = /^(\d{1,3})、/.exec(b.text);
    // Pages are long; the last may be short (the text was cut there).
    if (!m || Number(m[1]) !== run.length + 1 || (b.text.length < 150 && !(run.length > 0 && b === blocks[blocks.length - 1]))) break;
    run.push(b);
  }
  if (run.length === 0) return [];
  const cut = run.some((b, i) => i > 0 && !SENTENCE_END.test(run[i - 1].text));
  const gluedTitle = /^\d{1,3}、[^。，,：:；;]{4,60}?(?:报告|总结|方案)/.test(run[0].text);
  if (!(cut || (run.length === 1 && gluedTitle && blocks.length === 1))) return [];
  return run.map((b) => {
    const marker = /^\d{1,3}、/.exec(b.text)![0];
    const span: ChromeSpan = { start: b.start, end: b.start + marker.length, kind: 'page' };
    moveStart(text, b, marker.length);
    return span;
  });
}

/**
 * A reposting site's news lead glued before the report's opening (4月1日,《海关总署关于2020年度…的报告》正式发布。2020年,…):
 * a date and the report's own title announced as published, then the report's text.
 */
const NEWS_LEAD = /^\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]?\s*[^。，,]{0,20}《[^。《]{4,80}?(?:报告|总结)》?\s*(?:正式|已)?(?:发布|公布|印发|出炉|公开发布)[。.]\s*(?=\S)/;

/** A news agency's dateline before a report reposted as news (中新网 3月29日电 …): only the dateline is chrome. */
function datelines(text: string, blocks: Block[]): ChromeSpan[] {
  const out: ChromeSpan[] = [];
  for (const b of blocks.slice(0, 3)) {
    // Read in simplified script where the conversion keeps the length (發佈 of a mirrored page is 发布).
    const simplified = b.text.length <= 400 ? toSimplified(b.text) : b.text;
    const m = DATELINE.exec(b.text) ?? NEWS_LEAD.exec(simplified.length === b.text.length ? simplified : b.text);
    if (!m) continue;
    out.push({ start: b.start, end: b.start + m[0].length, kind: 'news' });
    moveStart(text, b, m[0].length);
  }
  return out;
}

/**
 * Metadata glued after the text of a line (XX镇2023年法治政府建设情况报告 发布时间：2024-03-28 来源：司法局): the
 * fields from the first label after white space to the line's end, when they are metadata on their own.
 */
function gluedMetadata(text: string, blocks: Block[]): ChromeSpan[] {
  const out: ChromeSpan[] = [];
  for (const b of blocks) {
    if (b.text.length > 200 || !/[:：\]】|｜]/.test(b.text)) continue;
    const s = b.text.length <= 160 ? toSimplified(b.text) : b.text;
    // Offsets are read off the simplified text: only where the conversion kept the length.
    if (s.length !== b.text.length) continue;
    FIELD_NEXT.lastIndex = 0;
    for (let m = FIELD_NEXT.exec(s); m; m = FIELD_NEXT.exec(s)) {
      if (m.index < 4) continue;
      const fields = metadataFields(s.slice(m.index));
      if (!fields || strength(fields.labels) !== 'strong') continue;
      const label = b.start + m.index + (m[0].length - m[0].trimStart().length);
      let start = label;
      while (start > b.start && /[\s\u3000]/.test(text[start - 1])) start--;
      // What the fields follow is the page's too when it reads as chrome on its own (湘潭县人民政府门户网站
      // www.yqfq.com.cn 发布时间:…): the whole line goes.
      const head = text.slice(b.start, start);
      if (head.length <= 40 && candidateOf({ ...b, text: head, numbering: undefined }, head)) {
        out.push({ start: b.start, end: b.end, kind: 'metadata', blocks: { first: b.index, last: b.index } });
        b.chrome = 'metadata';
        break;
      }
      out.push({ start: label, end: b.end, kind: 'metadata' });
      b.end = start;
      b.text = text.slice(b.start, b.end);
      break;
    }
  }
  return out;
}

/**
 * A site's advertisement spliced into a sentence at a line's end (…的《政府信息公开条例》,是 免费论文检测软件http://www.…
 * ⏎ 第一个全国范围内…): a few words and a web address after a space, the sentence unfinished before them.
 */
const SPLICED_AD = /[\s\u3000]+([\u4e00-\u9fa5]{2,12}(?:https?:\/\/|www\.)[\w./\-?=&%]+)$/;
/** What such an advertisement sells (a report names its own site, 县政府网站www.…, in a finished sentence). */
const AD_WORD = /免费|软件|下载|检测|查重|范文|文库|论文|资料|课件|模板|代写|教程/;

/** Controls glued at the start or end of a line of report text (…情况报告【字体：大 中 小】): cut from the block. */
function gluedControls(text: string, blocks: Block[]): ChromeSpan[] {
  const out: ChromeSpan[] = [];
  if (!GLUED_RUN || !GLUED_TAIL) return out;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const ad = b.text.length >= 40 && /(?:https?:\/\/|www\.)/.test(b.text) ? SPLICED_AD.exec(b.text) : null;
    // It sells something, and the sentence goes on in the next line: the advertisement was cut into it.
    const next = blocks[i + 1];
    if (ad && AD_WORD.test(ad[1]) && !SENTENCE_END.test(b.text.slice(0, ad.index)) && next && !next.numbering) {
      out.push({ start: b.start + ad.index + (ad[0].length - ad[1].length), end: b.end, kind: 'watermark' });
      b.end = b.start + ad.index;
      b.text = text.slice(b.start, b.end);
    }
    if (!/[【[扫打字页]/.test(b.text)) continue;
    // Only the line's last characters: an end-anchored pattern retried over a long line would cost its square.
    const from = Math.max(0, b.text.length - 80);
    const tail = GLUED_TAIL.exec(b.text.slice(from));
    if (tail && from + tail.index > 0) {
      const cut = from + tail.index;
      out.push({ start: b.start + cut + (tail[0].length - tail[0].trimStart().length), end: b.end, kind: 'web' });
      b.end = b.start + cut;
      b.text = text.slice(b.start, b.end);
    }
    const page = PAGE_TAIL.exec(b.text);
    if (page && b.text.length <= 80) {
      out.push({ start: b.start + page.index + (page[0].length - page[0].trimStart().length), end: b.end, kind: 'page' });
      b.end = b.start + page.index;
      b.text = text.slice(b.start, b.end);
    }
    const head = GLUED_RUN.exec(b.text);
    if (head && head[0].length < b.text.length) {
      out.push({ start: b.start, end: b.start + head[0].length, kind: 'web' });
      moveStart(text, b, head[0].length);
    }
  }
  return out;
}

/** Moves a block's content start past chrome at its start (and the white space after it); its numbering is read again. */
function moveStart(text: string, block: Block, length: number): void {
  let s = block.start + length;
  while (s < block.end && /[\s\u3000]/.test(text[s])) s++;
  block.start = s;
  block.text = text.slice(s, block.end);
  const numbering = parseNumbering(block.text);
  block.numbering = numbering && numbering.style !== 'cn-part' ? numbering : undefined;
  block.contentStart = s + (block.numbering ? block.numbering.marker.length : 0);
}

function merge(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = ranges.map((r) => ({ start: r.start, end: r.end })).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push(r);
  }
  return out;
}
