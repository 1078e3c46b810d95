// Wrong → right dictionaries (typo, terminology, outdated-reference): the
// data lives in rules/<rule>.json; users extend it with options.extend
// ({"错字": "正字"} or a list of entries). Literal entries are compiled once
// per config (memo) into a trie keyed by the first character and scanned in
// one pass over doc.prose.text (pinyin annotations removed, positions mapped
// back with rangeToSource); regular-expression entries, few and anchored on
// literal prefixes, are joined into one alternation with a named group each.
// A rule that is nothing but such a dictionary is its data file plus one line,
// `export default substitutionRule(data)` (as Vale's `extends: substitution`).
import type { ReportDocument } from '../../engine/document.js';
import type { Report, Rule, RuleContext, RuleDocs, Severity } from '../../engine/types.js';
import { cite } from './citations.js';
import { toTraditional } from '../../engine/script.js';
import { compileUserPattern } from '../../engine/user-pattern.js';
import { matchAllFast, withFirstCharGuard } from './fast-match.js';

export interface DictionaryEntry {
  /** The wrong text, matched literally. */
  wrong?: string;
  /** Or a regular expression (no named groups of its own). */
  pattern?: string;
  /** The replacement: of the whole match, or of `target` inside it. */
  right: string;
  /** Part of a pattern match that is wrong (the finding's range and the fix's edit); the whole match by default. */
  target?: string;
  reason?: string;
  /** Characters that, right before the match, mean it is a correct word (发布署名 is not 布署). */
  exceptPreceding?: string;
  /** Characters that, right after the match, mean it is a correct word (确实加强了). */
  exceptFollowing?: string;
  /** Applies only to reports on this year or later / earlier (doc.meta.year); not at all when the year is unknown. */
  minYear?: number;
  maxYear?: number;
  /** Applies only inside the report's title. */
  scope?: 'title';
  /** A severity other than the rule's (a style preference among errors of wording: info). */
  severity?: Severity;
  /** The replacement needs a person's check (a plan's successor): offered as a quick fix only, never applied in bulk. */
  suggestion?: boolean;
  /** From the user's config: its pattern runs on RE2 (engine/user-pattern.ts), not on JavaScript's engine. */
  user?: true;
}

export interface DictionaryFile {
  $schema?: string;
  description?: string;
  entries: DictionaryEntry[];
}

interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: DictionaryEntry;
}

export interface CompiledDictionary {
  root: Map<number, TrieNode>;
  /** 1 for code units that start some entry, 2 when one entry is that character alone: most characters are rejected with one array read. */
  starts: Uint8Array;
  /** 1 at pairHash(first, second) of every entry's first two code units: most starts that lead nowhere are rejected too. */
  pairs: Uint8Array;
  /** Where an entry can start: its first two code units, or its one character (an entry of one character). */
  openings: string[];
  patterns?: RegExp;
  /**
   * The rule's own patterns that open with two literal Han characters (贯彻(?![…])[…]落实), by those two: found with
   * indexOf and tried there alone, instead of as alternatives tried at every common first character (依, 法, 行).
   */
  prefixed: { prefix: string; sticky: RegExp }[];
  /** The user's pattern entries (group p<i> of the same numbering), on RE2. */
  userPatterns?: RegExp;
  patternEntries: DictionaryEntry[];
}

const ENTRY_PROPERTIES = {
  right: { type: 'string', description: '正确写法；有 target 时只替换 target 部分。The replacement.' },
  target: { type: 'string', minLength: 1, description: 'pattern 匹配中需替换的部分，也是报告的范围。' },
  reason: { type: 'string', description: '简短说明（中文），附在提示信息之后。' },
  exceptPreceding: { type: 'string', description: '匹配前一个字符为其中之一时不报告（构成正确词语）。' },
  exceptFollowing: { type: 'string', description: '匹配后一个字符为其中之一时不报告（构成正确词语）。' },
  minYear: { type: 'integer', minimum: 1990, maximum: 2100, description: '只检查该年度及以后的报告（年度未知时不检查）。' },
  maxYear: { type: 'integer', minimum: 1990, maximum: 2100, description: '只检查该年度及以前的报告。' },
  scope: { enum: ['title'], description: 'title：只检查报告标题。' },
};

/**
 * What `extend` of a dictionary rule accepts (Rule.extendSchema; the entries as in rules/schema/substitution.schema.json):
 * an object wrong → right (a string, or an entry without wrong/pattern), or an array of entries.
 */
export function dictionaryExtendSchema(): { [keyword: string]: unknown } {
  return {
    description: '对象：错误写法 → 正确写法（字符串，或含 right、reason 等的对象）；或词条数组（每条含 wrong 或 pattern，以及 right）。An object wrong → right, or an array of entries.',
    errorMessage: '应为对象 { "错误写法": "正确写法" } 或词条数组 [{ wrong, right }]（expected an object wrong → right, or an array of entries）',
    anyOf: [
      {
        type: 'object',
        additionalProperties: {
          errorMessage: '应为字符串（正确写法）或对象 { right, reason, … }（expected a string, or an object { right, reason, … }）',
          anyOf: [
            { type: 'string' },
            { type: 'object', required: ['right'], additionalProperties: false, properties: ENTRY_PROPERTIES },
          ],
        },
      },
      {
        type: 'array',
        items: {
          type: 'object',
          required: ['right'],
          additionalProperties: false,
          allOf: [
            {
              errorMessage: '词条应有 wrong（字面）或 pattern（正则表达式）二者之一（an entry has either wrong or pattern）',
              oneOf: [{ required: ['wrong'] }, { required: ['pattern'] }],
            },
          ],
          properties: {
            wrong: { type: 'string', minLength: 1, description: '错误写法（字面匹配）。' },
            pattern: { type: 'string', minLength: 1, format: 'regex', description: '错误写法的正则表达式（不得含命名分组）。' },
            ...ENTRY_PROPERTIES,
          },
        },
      },
    ],
  };
}

/** Built-in entries plus the user's `extend` (an object wrong → right | entry, or an array of entries); later wins. */
export function dictionaryEntries(data: DictionaryFile, extend: unknown): DictionaryEntry[] {
  const entries = [...data.entries];
  if (Array.isArray(extend)) {
    for (const e of extend) if (isEntry(e)) entries.push({ ...e, user: true });
  } else if (extend && typeof extend === 'object') {
    for (const [wrong, value] of Object.entries(extend as Record<string, unknown>)) {
      if (typeof value === 'string') entries.push({ wrong, right: value, user: true });
      else if (value && typeof value === 'object' && typeof (value as DictionaryEntry).right === 'string') entries.push({ ...(value as DictionaryEntry), wrong, user: true });
    }
  }
  return entries;
}

function isEntry(e: unknown): e is DictionaryEntry {
  if (!e || typeof e !== 'object') return false;
  const x = e as DictionaryEntry;
  return typeof x.right === 'string' && (typeof x.wrong === 'string' || typeof x.pattern === 'string');
}

/**
 * For a report configured as traditional script, the simplified entries are
 * matched and replaced in their traditional form too (converted once per config).
 */
export function compileDictionary(entries: DictionaryEntry[], script: 'simplified' | 'traditional' = 'simplified'): CompiledDictionary {
  const root = new Map<number, TrieNode>();
  const patternEntries: DictionaryEntry[] = [];
  if (script === 'traditional') {
    // The context exceptions too (發佈署名 is 发布署名, 按裝機 按装机): both forms, since a traditional
    // report may keep characters common to both scripts in either.
    const both = (chars: string | undefined) => (chars ? [...new Set(chars + toTraditional(chars))].join('') : undefined);
    const converted = entries.map((e) => ({
      ...e,
      right: toTraditional(e.right),
      ...(e.wrong ? { wrong: toTraditional(e.wrong) } : {}),
      ...(e.exceptPreceding ? { exceptPreceding: both(e.exceptPreceding) } : {}),
      ...(e.exceptFollowing ? { exceptFollowing: both(e.exceptFollowing) } : {}),
    }));
    entries = [...entries.filter((e) => e.wrong), ...converted];
  }
  for (const entry of entries) {
    if (entry.pattern) {
      patternEntries.push(entry);
      continue;
    }
    const word = entry.wrong!;
    if (!word) continue;
    let level = root;
    let node: TrieNode | undefined;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      node = level.get(c);
      if (!node) {
        node = { next: new Map() };
        level.set(c, node);
      }
      level = node.next;
    }
    node!.entry = entry; // a later entry (the user's) replaces a built-in one
  }
  const starts = new Uint8Array(0x10000);
  const pairs = new Uint8Array(0x10000);
  const openings: string[] = [];
  for (const [c, node] of root) {
    starts[c] = node.entry ? 2 : 1;
    if (node.entry) openings.push(String.fromCharCode(c));
    for (const d of node.next.keys()) {
      pairs[pairHash(c, d)] = 1;
      openings.push(String.fromCharCode(c, d));
    }
  }
  // The rule's own patterns on JavaScript's engine (some use lookahead), the user's on RE2; group p<i> is patternEntries[i].
  patternEntries.sort((a, b) => Number(!!a.user) - Number(!!b.user));
  // The rule's own patterns guarded by their first character (the same matches, tried faster); the user's as written.
  const group = (e: DictionaryEntry, i: number) => `(?<p${i}>${e.user ? e.pattern : withFirstCharGuard(e.pattern!)})`;
  const byPrefix = new Map<string, string[]>();
  const own = patternEntries
    .map((e, i) => {
      if (e.user) return '';
      const prefix = LITERAL_PREFIX.exec(e.pattern!)?.[1];
      if (!prefix) return group(e, i);
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), `(?<p${i}>${e.pattern})`]);
      return '';
    })
    .filter(Boolean);
  const prefixed = [...byPrefix].map(([prefix, alternatives]) => ({ prefix, sticky: new RegExp(alternatives.join('|'), 'muy') }));
  const users = patternEntries.map((e, i) => (e.user ? group(e, i) : '')).filter(Boolean);
  const patterns = own.length ? new RegExp(own.join('|'), 'gmu') : undefined;
  const userPatterns = users.length ? compileUserPattern(users.join('|'), 'gmu') : undefined;
  return { root, starts, pairs, openings, patterns, prefixed, userPatterns, patternEntries };
}

/** The matches of one group of CompiledDictionary.prefixed: what a global regex of its alternatives finds. */
export function matchPrefixed(text: string, { prefix, sticky }: { prefix: string; sticky: RegExp }): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let at = text.indexOf(prefix); at >= 0; ) {
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m) out.push(m);
    at = text.indexOf(prefix, m ? at + Math.max(1, m[0].length) : at + 1);
  }
  return out;
}

/** Two literal Han characters opening a pattern, not made optional or repeated by what follows. */
const LITERAL_PREFIX = /^([\u4e00-\u9fff]{2})(?![?*+{])/;

/** A slot of CompiledDictionary.pairs for two code units (collisions only let a few more starts through). */
const pairHash = (first: number, second: number): number => ((first << 6) ^ second) & 0xffff;

export interface DictionaryMatch {
  entry: DictionaryEntry;
  /** Source range of the wrong text, and the text as written (prose view). */
  start: number;
  end: number;
  wrong: string;
  right: string;
  /** The minimal edit (common prefix and suffix of wrong and right left untouched). */
  edit: { start: number; end: number; newText: string };
}

/** Up to this many openings (CompiledDictionary.openings), the literal entries are looked for with indexOf. */
const FEW_OPENINGS = 64;

/** Every match in the document, in order; literal matches do not overlap each other. */
export function findMatches(doc: ReportDocument, dict: CompiledDictionary): DictionaryMatch[] {
  const text = doc.prose.text;
  const out: DictionaryMatch[] = [];
  const applies = (e: DictionaryEntry, s: number, t: number) => {
    if (e.minYear !== undefined || e.maxYear !== undefined) {
      const y = doc.meta.year;
      if (y === undefined || (e.minYear !== undefined && y < e.minYear) || (e.maxYear !== undefined && y > e.maxYear)) return false;
    }
    if (e.exceptPreceding && s > 0 && e.exceptPreceding.includes(text[s - 1])) return false;
    if (e.exceptFollowing && t < text.length && e.exceptFollowing.includes(text[t])) return false;
    if (e.scope === 'title') {
      const src = doc.prose.rangeToSource(s, t);
      if (!doc.meta.titleBlocks.some((b) => src.start >= b.start && src.end <= b.end)) return false;
    }
    return true;
  };

  /** The longest entry that applies at `i` is a match (pushed): its end, or 0. */
  const tryAt = (i: number): number => {
    let node = dict.root.get(text.charCodeAt(i));
    if (!node) return 0;
    let best: DictionaryEntry | undefined;
    let bestEnd = 0;
    let j = i + 1;
    for (;;) {
      if (node.entry && applies(node.entry, i, j)) {
        best = node.entry;
        bestEnd = j;
      }
      if (j >= text.length) break;
      const next: TrieNode | undefined = node.next.get(text.charCodeAt(j));
      if (!next) break;
      node = next;
      j++;
    }
    if (!best) return 0;
    const m = match(doc, best, i, bestEnd, best.right);
    if (m) out.push(m);
    return bestEnd;
  };
  if (dict.openings.length <= FEW_OPENINGS) {
    // Few openings: where they occur is found by indexOf (native), not by a loop over every character; no entry
    // starts anywhere else. (A position found twice, by a one-character entry and a longer one, is tried once.)
    const at: number[] = [];
    for (const opening of dict.openings) {
      for (let i = text.indexOf(opening); i >= 0; i = text.indexOf(opening, i + 1)) at.push(i);
    }
    let next = 0;
    let previous = -1;
    for (const i of Int32Array.from(at).sort()) {
      if (i === previous) continue;
      previous = i;
      if (i < next) continue; // inside the last match: matches do not overlap
      const end = tryAt(i);
      if (end) next = end;
    }
  } else {
    const { starts, pairs } = dict;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const start = starts[c];
      if (start === 0) continue;
      // No entry of this one character, none of these two (past the end, the pair hashes to slot c << 6 & 0xffff):
      if (start === 1 && pairs[pairHash(c, i + 1 < text.length ? text.charCodeAt(i + 1) : 0)] === 0) continue;
      const end = tryAt(i);
      if (end) i = end - 1;
    }
  }

  if (dict.patterns || dict.userPatterns || dict.prefixed.length) {
    // The rule's own patterns open with lookbehinds: matchAllFast tries them only where a match can start.
    const found = [dict.patterns, dict.userPatterns].flatMap((re) => (re ? [...matchAllFast(text, re)] : []));
    for (const group of dict.prefixed) found.push(...matchPrefixed(text, group));
    for (const m of found) {
      const groups = m.groups!;
      const k = dict.patternEntries.findIndex((_, i) => groups[`p${i}`] !== undefined);
      const entry = dict.patternEntries[k];
      let s = m.index!;
      let t = s + m[0].length;
      if (entry.target) {
        const at = m[0].lastIndexOf(entry.target);
        if (at < 0) continue;
        s += at;
        t = s + entry.target.length;
      }
      if (!applies(entry, s, t)) continue;
      const r = match(doc, entry, s, t, entry.right);
      if (r) out.push(r);
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function match(doc: ReportDocument, entry: DictionaryEntry, s: number, t: number, right: string): DictionaryMatch | undefined {
  const view = doc.prose;
  const src = view.rangeToSource(s, t);
  if (doc.isIgnored(src.start, src.end)) return undefined;
  const wrong = view.text.slice(s, t);
  if (wrong === right) return undefined;
  let p = 0;
  while (p < wrong.length && p < right.length && wrong[p] === right[p]) p++;
  let q = 0;
  while (q < wrong.length - p && q < right.length - p && wrong[wrong.length - 1 - q] === right[right.length - 1 - q]) q++;
  const editView = view.rangeToSource(s + p, t - q);
  const start = s + p === t - q ? view.toSource(s + p) : editView.start;
  const end = s + p === t - q ? start : editView.end;
  return { entry, start: src.start, end: src.end, wrong, right, edit: { start, end, newText: right.slice(p, right.length - q) } };
}

/** The whole check of a dictionary rule: compile (memo per config), match, report with a replace fix. */
export function checkDictionary(
  context: RuleContext,
  data: DictionaryFile,
  message: (m: DictionaryMatch) => string,
  fixTitle: (m: DictionaryMatch) => string = (m) => `改为“${m.right}”`,
): void {
  const { doc, options, memo, report } = context;
  const script = doc.settings.script;
  const dict = memo(`dictionary:${script}:${JSON.stringify(options.extend ?? null)}`, () =>
    compileDictionary(dictionaryEntries(data, options.extend), script),
  );
  for (const m of findMatches(doc, dict)) {
    const r: Report = {
      start: m.start,
      end: m.end,
      message: message(m),
      data: { wrong: m.wrong, right: m.right },
      fix: { title: fixTitle(m), edits: [m.edit] },
    };
    if (m.entry.severity) r.severity = m.entry.severity;
    if (m.entry.suggestion) {
      r.suggestions = [r.fix!];
      delete r.fix;
    }
    report(r);
  }
}

/** “X”应为“Y”。reason */
export function replaceMessage(m: DictionaryMatch, lead = ''): string {
  const reason = m.entry.reason ? m.entry.reason.replace(/[^。！？]$/, '$&。') : '';
  return `${lead}“${m.wrong}”应为“${m.right}”。${reason}`;
}

/** A substitution rule's data file (rules/<id>.json, rules/schema/substitution.schema.json): the rule and its entries. */
export interface SubstitutionRuleFile extends DictionaryFile {
  id: string;
  severity: Severity;
  tags: string[];
  /** How each message starts, before “X”应为“Y”。 */
  message: string;
  /** Instead of `message` for an entry with minYear when the report's year is known; {year} is that year. */
  yearMessage?: string;
  /** The rule's docs; `citations` (ids in rules/citations.json) build `basis` (then `basis` only says why none is cited), or `basis` is text. */
  docs: Omit<RuleDocs, 'basis'> & { basis?: string };
}

/** The Rule of a substitution data file: findings depend only on the matched words (and the report's year), so it is local. */
export function substitutionRule(data: SubstitutionRuleFile): Rule {
  const { citations, basis, ...docs } = data.docs;
  return {
    id: data.id,
    severity: data.severity,
    tags: data.tags,
    local: true,
    docs: { ...docs, ...(citations ? cite(citations, basis) : { basis: basis ?? '' }) },
    extendSchema: dictionaryExtendSchema(),
    check(context) {
      const year = context.doc.meta.year;
      checkDictionary(context, data, (m) =>
        replaceMessage(m, data.yearMessage && m.entry.minYear && year ? data.yearMessage.replace('{year}', String(year)) : data.message),
      );
    },
  };
}
