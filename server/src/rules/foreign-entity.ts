// The name of another body of the same level as the reporting body, used where the report speaks of
// itself (把依法行政作为岩头寨镇开展各项工作的首要前提 in 张八桥镇's report): a paragraph copied from
// another body's report. Conservative: only names in a self-describing context, never superior bodies,
// villages, institutions (××镇派出所) or exchanges (赴××镇学习). Town and county reports: other places of
// the same level; department reports: the same department of another region (扬州市司法局 in 南通市司法局's
// report), in a stricter context, since the superior department of the same name is often mentioned.
import data from '../../../rules/foreign-entity.json';
import type { Rule, RuleContext } from '../engine/types.js';
import type { BodyLevel } from '../engine/meta.js';
import { toSimplified, toTraditional } from '../engine/script.js';
import { topSectionOf } from '../engine/outline.js';
import { stringList } from '../engine/config-schema.js';
import { cite } from './shared/citations.js';

type Level = keyof typeof data.levels;
const BEFORE = 8;
const AFTER = 12;

interface Compiled {
  suffix: RegExp;
  generic: Set<string>;
}

const rule: Rule = {
  id: 'foreign-entity',
  severity: 'warning',
  tags: ['text', 'copy-paste'],
  // Not `local`: a name is left alone when the whole report uses it as often as the body's own name.
  docs: {
    description: '在叙述本单位工作的句子中出现了其他同级单位的名称（如张八桥镇的报告中写“岩头寨镇开展各项工作”），多为照抄其他单位报告的痕迹。',
    why: '年度报告应当如实反映本单位的工作。照抄其他单位的报告而漏改单位名称，公开后一望即知，督察中会被认定为弄虚作假、敷衍应付。',
    ...cite(['gongwen-19']),
    howToFix: '核实该段内容是否属于本单位；是的，把名称改为本单位名称（名称起点确定时快速修复可替换），不是的，删除或重写该段。',
  },
  extendSchema: stringList('追加的不是报告主体的通用名称（字面），如 "岩头寨镇"。Names that are not other bodies.'),
  check(context) {
    const { doc, report, options, memo } = context;
    const { meta, prose } = doc;
    if ((doc.settings.profile !== 'auto' ? doc.settings.profile : meta.bodyLevel) === 'department') {
      checkDepartment(context);
      return;
    }
    const level = levelOf(doc.settings.profile, meta.bodyLevel);
    if (!level || !meta.bodyShort) return;
    const own = meta.bodyShort;
    const body = meta.body ?? own;
    const compiled = memo(`level:${level}`, (): Compiled => {
      const suffixes = data.levels[level];
      const forms = [...new Set(suffixes.flatMap((s) => [s, toTraditional(s)]))].sort((a, b) => b.length - a.length);
      const extra = Array.isArray(options.extend) ? (options.extend as string[]) : [];
      return { suffix: new RegExp(forms.join('|'), 'g'), generic: new Set([...data.genericNames, ...extra]) };
    });
    const text = prose.text;
    // One conversion of the whole text when it keeps offsets (it almost always does); else per window.
    // The conversion is the document's (doc.proseIn), shared with mixed-script.
    const whole = doc.proseIn('simplified');
    const simplified = whole.length === text.length ? whole : undefined;
    const seen = new Set<number>();
    const mentions = new Map<string, number>();
    const pending: { name: string; start: number; end: number; certain: boolean }[] = [];
    for (const m of text.matchAll(compiled.suffix)) {
      const at = m.index!;
      const from = Math.max(0, at - BEFORE);
      const to = Math.min(text.length, at + m[0].length + AFTER);
      const raw = text.slice(from, to);
      const window = simplified ? simplified.slice(from, to) : toSimplified(raw);
      if (window.length !== raw.length) continue; // conversion changed lengths: offsets would not map back
      const suffixAt = at - from;
      const suffixEnd = suffixAt + m[0].length;
      // The proper name: Han characters before the suffix, up to a stop character.
      let s = suffixAt;
      while (s > 0 && suffixAt - s < data.maxNameLength && isHan(window.charCodeAt(s - 1)) && !data.stopChars.includes(window[s - 1])) s--;
      const bounded = s === 0 ? from === 0 : !isHan(window.charCodeAt(s - 1)) || data.stopChars.includes(window[s - 1]);
      let moved = false;
      // A stop word only moves s forward, so a name already too short stays too short, and a name that is
      // the body's own stays its own (the checks below hold for every suffix of it): the common case ends here.
      if (suffixAt - s < 2 || isOwn(window.slice(s, suffixEnd), own, body)) continue;
      // "形成镇党委", "进一步完善镇政府": 镇 abbreviates the body itself after a verb; the name starts after it.
      for (const k of stopWordCandidates(window, s, suffixAt)) {
        const w = STOP_WORDS[k];
        const i = window.lastIndexOf(w, suffixAt - w.length);
        if (i >= s - w.length + 1 && i + w.length > s) {
          s = i + w.length;
          moved = true;
        }
      }
      if (suffixAt - s < 2) continue;
      const name = window.slice(s, suffixEnd);
      const notAfter = (data.notNameAfter as Record<string, string>)[window.slice(suffixAt, suffixEnd)];
      if (notAfter && suffixEnd < window.length && notAfter.includes(window[suffixEnd])) continue;
      if (compiled.generic.has(name) || data.genericEndings.some((e) => name.endsWith(e))) continue;
      if (compiled.generic.has(name.slice(-2)) || compiled.generic.has(name.slice(-3))) continue; // 老城区, 各街道
      if (isOwn(name, own, body)) continue;
      mentions.set(name, (mentions.get(name) ?? 0) + 1);
      const before = window.slice(0, s);
      const after = window.slice(suffixEnd);
      if (data.institutions.some((w) => after.startsWith(w))) continue;
      if (/^[、和及与]/.test(after) || /[、]$/.test(before)) continue; // a list of places
      const clauseBefore = before.split(/[，,。；;：:！？!?\n]/).pop()!;
      const clauseAfter = after.split(/[，,。；;：:！？!?\n]/)[0];
      const ctxBefore = clauseBefore.replaceAll('同时', ''); // 同 (同××镇) is an exchange, 同时 is not
      if (data.legitimateContext.some((w) => ctxBefore.includes(w) || clauseAfter.includes(w))) continue;
      // The start is certain after a known word, or after a boundary when the span is too short to also hold a
      // verb (聚力青石 fills the limit, 力岩头寨 was cut by it): else no fix, as replacing the span would eat the verb.
      const certain = moved || (bounded && (suffixAt - s < data.maxNameLength || data.selfBefore.some((w) => clauseBefore.endsWith(w))));
      if (!data.selfBefore.some((w) => clauseBefore.endsWith(w))) {
        // Only a noun after the name (××县政府, ××镇经济社会) says it is the subject of a clause about the body:
        // after a verb (审核县政府, 担任镇政府法律顾问) it is an object, and its start is only a guess.
        const after = data.selfAfter.filter((w) => clauseAfter.startsWith(w));
        if (after.length === 0) continue;
        if (after.every((w) => SUBJECT_ONLY.has(w)) && !CLAUSE_OPENING.test(clauseBefore.replace(NOT_HAN_OR_DIGIT, ''))) continue;
      }
      const range = prose.rangeToSource(from + s, from + suffixEnd);
      if (doc.isIgnored(range.start, range.end) || seen.has(range.start)) continue;
      seen.add(range.start);
      pending.push({ name, ...range, certain });
    }
    if (pending.length === 0) return;
    // A name used as often as the body's own is more likely the real body (a wrong title) or a place the
    // report is about: not a leftover of copying.
    const haystack = simplified ?? text;
    let ownCount = 0;
    for (let i = haystack.indexOf(own); i >= 0; i = haystack.indexOf(own, i + own.length)) ownCount++;
    for (const { name, start, end, certain } of pending) {
      if ((mentions.get(name) ?? 0) >= ownCount) continue;
      report({
        start,
        end,
        message: `“${name}”不是本报告的单位（${own}），疑为照抄其他单位报告时漏改。`,
        data: { name, body: own, ...partAt(doc.outline, start) },
        ...(certain && { fix: { title: `改为“${own}”`, edits: [{ start, end, newText: own }] } }),
      });
    }
  },
};

const SUBJECT_ONLY = new Set<string>(data.subjectOnlyAfter);
/** What may stand before a clause's subject: a list marker, a time phrase (（一）, 一是, 2023年以来, 同时). */
const CLAUSE_OPENING = /^(?:[一二三四五六七八九十]+是?|\d{1,2})?(?:\d{4}年(?:以来|度)?|今年以来|近年来|同时|此外|另外|其中|目前)?$/;
const NOT_HAN_OR_DIGIT = /[^\u3400-\u9fff\d]/g;

const DEPARTMENT = data.department;
const REGION_SUFFIX = new Set(DEPARTMENT.regionSuffixes);
/** 扬州市, 张家港市: longer regions after a boundary may begin with a verb (助力扬州市). */
const CERTAIN_REGION_LENGTH = 4;
/** Characters that end a region name read backwards: the stop characters other than the level characters (市, 县 …). */
const REGION_STOP = new Set([...data.stopChars].filter((c) => !'省市县区州盟旗镇乡村'.includes(c)));

/** 南通市司法局 → { region: 南通市, unit: 司法局 }: the shortest region prefix leaving a unit of two or more characters. */
function splitRegion(body: string): { region: string; unit: string } | undefined {
  for (let i = 2; i <= Math.min(DEPARTMENT.maxRegionLength, body.length - 2); i++) {
    if (REGION_SUFFIX.has(body[i - 1])) return { region: body.slice(0, i), unit: body.slice(i) };
  }
  return undefined;
}

/** The same department of another region, where the report states its own record (扬州市司法局未发生…). */
function checkDepartment({ doc, report }: RuleContext): void {
  const body = doc.meta.body;
  const own = body && splitRegion(body);
  if (!own) return;
  const text = doc.prose.text;
  const simplified = doc.proseIn('simplified');
  if (simplified.length !== text.length) return; // offsets would not map back
  let ownCount = 0;
  for (let i = simplified.indexOf(body); i >= 0; i = simplified.indexOf(body, i + body.length)) ownCount++;
  const found = new Map<string, { start: number; end: number; certain: boolean }[]>();
  const mentions = new Map<string, number>();
  for (let at = simplified.indexOf(own.unit); at >= 0; at = simplified.indexOf(own.unit, at + own.unit.length)) {
    let s = at;
    while (s > 0 && at - s < DEPARTMENT.maxRegionLength && isHan(simplified.charCodeAt(s - 1)) && !REGION_STOP.has(simplified[s - 1])) s--;
    let region = simplified.slice(s, at);
    // 坚持扬州市司法局: a verb before the name is not part of it.
    let trimmed = false;
    for (const w of STOP_WORDS) {
      const i = region.lastIndexOf(w);
      if (i >= 0) {
        region = region.slice(i + w.length);
        trimmed = true;
      }
    }
    s = at - region.length;
    // Only a region bounded by a known word, or short enough to hold no verb (助力扬州市), is certain: else no fix.
    const certain = trimmed || (region.length <= CERTAIN_REGION_LENGTH && (s === 0 || !isHan(simplified.charCodeAt(s - 1)) || REGION_STOP.has(simplified[s - 1])));
    if (region.length < 2 || !REGION_SUFFIX.has(region[region.length - 1])) continue; // 市司法局: the own body, abbreviated
    if (region.endsWith(own.region) || own.region.endsWith(region)) continue; // 江苏省南通市司法局
    const name = region + own.unit;
    mentions.set(name, (mentions.get(name) ?? 0) + 1);
    const end = at + own.unit.length;
    const clauseBefore = simplified.slice(Math.max(0, s - BEFORE), s).split(/[，,。；;：:！？!?\n]/).pop()!;
    const clauseAfter = simplified.slice(end, end + AFTER).split(/[，,。；;：:！？!?\n]/)[0];
    if (data.legitimateContext.some((w) => clauseBefore.replaceAll('同时', '').includes(w))) continue;
    const self = DEPARTMENT.selfBefore.some((w) => clauseBefore.endsWith(w)) || DEPARTMENT.selfAfter.some((w) => clauseAfter.startsWith(w));
    if (!self) continue;
    const range = doc.prose.rangeToSource(s, end);
    if (doc.isIgnored(range.start, range.end)) continue;
    found.set(name, [...(found.get(name) ?? []), { ...range, certain }]);
  }
  for (const [name, ranges] of found) {
    if ((mentions.get(name) ?? 0) >= ownCount) continue;
    for (const { start, end, certain } of ranges) {
      report({
        start,
        end,
        message: `“${name}”不是本报告的单位（${body}），疑为照抄其他单位报告时漏改。`,
        data: { name, body, ...partAt(doc.outline, start) },
        ...(certain && { fix: { title: `改为“${body}”`, edits: [{ start, end, newText: body }] } }),
      });
    }
  }
}

const STOP_WORDS: string[] = data.stopWords;
const MAX_STOP_WORD = Math.max(0, ...STOP_WORDS.map((w) => w.length));
/** Indices of the stop words by their last code unit. */
const STOP_WORDS_BY_LAST = new Map<number, number[]>();
STOP_WORDS.forEach((w, k) => {
  if (!w) return;
  const c = w.charCodeAt(w.length - 1);
  if (!STOP_WORDS_BY_LAST.has(c)) STOP_WORDS_BY_LAST.set(c, []);
  STOP_WORDS_BY_LAST.get(c)!.push(k);
});
const ALL_STOP_WORDS = STOP_WORDS.map((_, k) => k);

/**
 * The stop words, in list order, that can move the name start s: only a word ending inside the name
 * (its last character in window[s, suffixAt)) can, since s only grows. Near the window start (s small) the
 * not-found case (-1) can pass the test too, so every word is tried there, as a plain loop would.
 */
function stopWordCandidates(window: string, s: number, suffixAt: number): number[] {
  if (s <= MAX_STOP_WORD) return ALL_STOP_WORDS;
  let out: number[] | undefined;
  for (let p = s; p < suffixAt; p++) {
    const ks = STOP_WORDS_BY_LAST.get(window.charCodeAt(p));
    if (ks) out = out ? [...out, ...ks] : ks;
  }
  if (!out) return [];
  return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

/** The reporting body itself, also when the boundary guess took a character too many or too few. */
const isOwn = (name: string, own: string, body: string): boolean => name.endsWith(own) || own.endsWith(name) || body.includes(name);

const isHan = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

function partAt(outline: Parameters<typeof topSectionOf>[0], offset: number): { part?: string } {
  const part = topSectionOf(outline, offset)?.part;
  return part ? { part } : {};
}

function levelOf(profile: string, bodyLevel: BodyLevel | undefined): Level | undefined {
  const l = profile !== 'auto' ? profile : bodyLevel;
  return l === 'town' || l === 'county' ? l : undefined;
}

export default rule;
