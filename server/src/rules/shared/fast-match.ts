// matchAll for data-driven patterns that open with a lookbehind, such as
// (?<=参加|参与)(?<hit>级) or (?:^|(?<=[^\u4e00-\u9fff]))(?<hit>委…政府), and for
// alternations of such patterns (the dictionaries join theirs into one regex):
// the regex engine tests such an assertion at every position of the text, which
// makes these few patterns cost more than all the others together. When every
// match must begin with a character of a known set (the first consuming atom of
// each alternative, after its leading assertions; an optional atom adds what may
// follow it), the text is scanned for those characters and the pattern is tried
// (sticky) only there. The matches are exactly those of text.matchAll(re): a
// match can only start at such a character, candidates are tried left to right,
// and each search resumes where the last match ended. Patterns this small
// analysis does not understand use matchAll unchanged.

import { UserPattern } from '../../engine/user-pattern.js';

/**
 * A lookaround at the start, after | or after a group's opening: a pattern without one has no alternative that
 * opens with an assertion (short of an optional atom before it, left alone), and is not analysed at all.
 */
const ASSERTION_AT_START = /(?:^|[|(^]|\(\?:|\(\?<[A-Za-z_$][\w$]*>)\(\?<?[=!]/;
const cache = new WeakMap<RegExp, { first: RegExp; sticky: RegExp } | null>();

/** The matches of the global regex `re` in `text`, as text.matchAll(re) would return them. */
export function matchAllFast(text: string, re: RegExp): Iterable<RegExpMatchArray> {
  let plan = cache.get(re);
  // A user pattern (RE2) must not be rebuilt as a native, backtracking RegExp.
  if (re instanceof UserPattern) plan = null;
  if (plan === undefined) {
    // Only patterns with an alternative that opens with an assertion gain: V8 scans the others efficiently itself.
    const first = re.global && ASSERTION_AT_START.test(re.source) ? analyse(re.source) : undefined;
    plan =
      first && first.assertionFirst
        ? { first: new RegExp(first.cls, 'g' + (re.unicode ? 'u' : '') + (re.ignoreCase ? 'i' : '')), sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y') }
        : null;
    cache.set(re, plan);
  }
  if (!plan) {
    re.lastIndex = 0;
    return text.matchAll(re);
  }
  return scan(text, plan.first, plan.sticky);
}

function* scan(text: string, first: RegExp, sticky: RegExp): Generator<RegExpMatchArray> {
  first.lastIndex = 0;
  // test, not exec: no match object per candidate. `first` matches one character (one code unit, or with the
  // u flag a surrogate pair), so the candidate is the character that ends at lastIndex.
  const unicode = first.unicode;
  while (first.test(text)) {
    const end = first.lastIndex;
    const at = unicode && end >= 2 && (text.charCodeAt(end - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(end - 2) & 0xfc00) === 0xd800 ? end - 2 : end - 1;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) {
      first.lastIndex = at + 1;
      continue;
    }
    yield m;
    // A match is never empty here (its first atom is required), so the search goes on at its end.
    first.lastIndex = m.index + m[0].length;
  }
}

/**
 * `source` behind a lookahead for its first character, `(?=[…])(?:source)`, when it opens with an assertion:
 * the same matches, but inside an alternation (a dictionary's patterns joined) the alternative is abandoned
 * at one character's test instead of after its lookbehinds, at each place another alternative is tried.
 */
export function withFirstCharGuard(source: string): string {
  // (Checked first: the analysis of every pattern of a dictionary is a few milliseconds of a small report's run.)
  if (!ASSERTION_AT_START.test(source)) return source;
  const first = analyse(source);
  return first?.assertionFirst ? `(?=${first.cls})(?:${source})` : source;
}

/**
 * A character class (regex source) containing the first character of every match of `source`, or undefined
 * when some alternative of the pattern does not start, after zero-width assertions only, with a literal
 * character or positive character class (possibly inside groups, possibly optional and followed by such an
 * atom). Conservative: anything unusual gives undefined.
 */
export function firstCharClass(source: string): string | undefined {
  return analyse(source)?.cls;
}

/** firstCharClass, and whether some alternative opens with an assertion (a lookaround before its first atom). */
function analyse(source: string): { cls: string; assertionFirst: boolean } | undefined {
  const state = { assertionFirst: false };
  const classes = firstOfAlternatives(source, state);
  if (!classes) return undefined;
  return { cls: joinClasses(classes), assertionFirst: state.assertionFirst };
}

/** One class from several: [ab] when the bodies can be concatenated safely, (?:[a]|[b]) otherwise. */
function joinClasses(classes: string[]): string {
  const unique = [...new Set(classes)];
  if (unique.length === 1) return unique[0];
  const bodies = unique.map((c) => c.slice(1, -1));
  // A body that starts or ends with a bare - would form a range with its neighbour.
  const safe = bodies.every((b) => b.length > 0 && b[0] !== '-' && !(b.endsWith('-') && !b.endsWith('\\-')));
  return safe ? `[${bodies.join('')}]` : `(?:${unique.join('|')})`;
}

interface State {
  assertionFirst: boolean;
}

function firstOfAlternatives(source: string, state: State): string[] | undefined {
  const alternatives = splitTop(source);
  if (!alternatives) return undefined;
  const classes: string[] = [];
  for (const alt of alternatives) {
    const c = firstOfSequence(alt, 0, state);
    if (!c) return undefined;
    classes.push(...c);
  }
  return classes;
}

/** The first-character classes of a sequence without top-level `|`, read from `i`. */
function firstOfSequence(seq: string, i: number, state: State): string[] | undefined {
  for (;;) {
    // A sequence that may match nothing: a match could begin anywhere.
    if (i >= seq.length) return undefined;
    const ch = seq[i];
    if (ch === '^') {
      i++;
      continue;
    }
    let atom: string[] | undefined;
    let after: number;
    if (ch === '(') {
      const close = groupEnd(seq, i);
      if (close < 0) return undefined;
      const head = /^\((\?<[=!]|\?[=!]|\?:|\?<[A-Za-z_$][\w$]*>|(?!\?))/.exec(seq.slice(i, close + 1));
      if (!head) return undefined;
      const kind = head[1];
      const inner = seq.slice(i + head[0].length, close);
      if (kind === '?<=' || kind === '?<!' || kind === '?=' || kind === '?!') {
        // A lookaround consumes nothing; a quantifier on it would be odd: give up.
        if (quantifierEnd(seq, close + 1) > close + 1) return undefined;
        state.assertionFirst = true;
        i = close + 1;
        continue;
      }
      if (kind === '?:' && assertionsOnly(inner)) {
        if (quantifierEnd(seq, close + 1) > close + 1) return undefined;
        state.assertionFirst = true;
        i = close + 1;
        continue;
      }
      atom = firstOfAlternatives(inner, state);
      after = close + 1;
    } else if (ch === '[') {
      const end = classEnd(seq, i);
      if (end < 0 || seq[i + 1] === '^') return undefined;
      atom = [seq.slice(i, end + 1)];
      after = end + 1;
    } else if (ch === '\\') {
      const next = seq[i + 1];
      // Only an escaped punctuation character is a plain literal (\d, \b, \u… and the like are not handled).
      if (!next || !/[\\^$.*+?()[\]{}|/\-]/.test(next)) return undefined;
      atom = [`[\\${next}]`];
      after = i + 2;
    } else {
      if ('.$*+?{}|)]'.includes(ch)) return undefined;
      const code = ch.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdfff) return undefined; // surrogate pairs: not handled
      atom = [`[${ch}]`];
      after = i + 1;
    }
    if (!atom) return undefined;
    const end = quantifierEnd(seq, after);
    if (end === after || !optionalQuantifier(seq.slice(after, end))) return atom;
    // An optional atom: a match begins with it or with what follows it.
    const rest = firstOfSequence(seq, end, state);
    return rest ? [...atom, ...rest] : undefined;
  }
}

/** A group (?:A|B) whose alternatives are made only of ^ and lookarounds. */
function assertionsOnly(inner: string): boolean {
  const alternatives = splitTop(inner);
  if (!alternatives) return false;
  return alternatives.every((alt) => {
    let i = 0;
    while (i < alt.length) {
      if (alt[i] === '^') {
        i++;
        continue;
      }
      if (alt[i] !== '(' || !/^\(\?<?[=!]/.test(alt.slice(i, i + 4))) return false;
      const close = groupEnd(alt, i);
      if (close < 0 || quantifierEnd(alt, close + 1) > close + 1) return false;
      i = close + 1;
    }
    return alt.length > 0;
  });
}

/** Top-level alternatives of a pattern, or undefined when it cannot be split safely. */
function splitTop(source: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      const end = classEnd(source, i);
      if (end < 0) return undefined;
      i = end;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0) return undefined;
    } else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  out.push(source.slice(from));
  return out;
}

/** Index of the ) closing the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      const end = classEnd(source, i);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the ] closing the class opened at `open`, or -1. */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/** The index after the quantifier (?, *, +, {n}, {n,}, {n,m}, each possibly lazy) at `i`; `i` when there is none. */
function quantifierEnd(source: string, i: number): number {
  if (i >= source.length) return i;
  let j = i;
  const ch = source[i];
  if (ch === '?' || ch === '*' || ch === '+') j = i + 1;
  else if (ch === '{') {
    const m = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i, i + 24));
    if (!m) return i;
    j = i + m[0].length;
  } else return i;
  return source[j] === '?' ? j + 1 : j;
}

/** A quantifier that allows zero repetitions (?, *, {0…}); + and {n≥1…} keep the atom required. */
function optionalQuantifier(q: string): boolean {
  return q[0] === '?' || q[0] === '*' || /^\{0+(?:,|\})/.test(q);
}
