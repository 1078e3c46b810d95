// matchAll for data-driven patterns that open with a lookbehind, such as
// (?<=参加|参与)(?<hit>级) or (?:^|(?<=[^\u4e00-\u9fff]))(?<hit>委…政府): the regex
// engine tests such an assertion at every position of the text, which makes
// these few patterns cost more than all the others together. When every match
// must begin with a character of a known set (the pattern's first consuming
// atom, after its leading assertions), the text is scanned for those characters
// and the pattern is tried (sticky) only there. The matches are exactly those
// of text.matchAll(re): a match can only start at such a character, candidates
// are tried left to right, and each search resumes where the last match ended.
// Patterns this small analysis does not understand use matchAll unchanged.

/** (?<=…)… or (?:^|(?<=…))…: V8 is fast with other openers (a negative lookbehind, a literal) but tries these everywhere. */
const OPENS_WITH_ASSERTION = /^\((?:\?<=|\?:\^\|\(\?<=)/;
const cache = new WeakMap<RegExp, { first: RegExp; sticky: RegExp } | null>();

/** The matches of the global regex `re` in `text`, as text.matchAll(re) would return them. */
export function matchAllFast(text: string, re: RegExp): Iterable<RegExpMatchArray> {
  let plan = cache.get(re);
  if (plan === undefined) {
    // Only patterns that open with an assertion gain: others are already scanned efficiently by the engine.
    const first = re.global && OPENS_WITH_ASSERTION.test(re.source) ? firstCharClass(re.source) : undefined;
    plan = first ? { first: new RegExp(first, 'g' + (re.unicode ? 'u' : '') + (re.ignoreCase ? 'i' : '')), sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y') } : null;
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
  for (let c = first.exec(text); c; c = first.exec(text)) {
    sticky.lastIndex = c.index;
    const m = sticky.exec(text);
    if (!m) {
      first.lastIndex = c.index + 1;
      continue;
    }
    yield m;
    // A match is never empty here (its first atom is required), so the search goes on at its end.
    first.lastIndex = m.index + m[0].length;
  }
}

/**
 * A character class (regex source) containing the first character of every match of `source`, or undefined
 * when the pattern does not start, after zero-width assertions only, with one required literal character or
 * positive character class (possibly inside groups). Conservative: anything unusual gives undefined.
 */
export function firstCharClass(source: string): string | undefined {
  const alternatives = splitTop(source);
  if (!alternatives) return undefined;
  const classes: string[] = [];
  for (const alt of alternatives) {
    const c = firstOfSequence(alt);
    if (!c) return undefined;
    classes.push(c);
  }
  return classes.length === 1 ? classes[0] : `(?:${classes.join('|')})`;
}

/** The first-character class of a sequence without top-level `|`. */
function firstOfSequence(seq: string): string | undefined {
  let i = 0;
  for (;;) {
    if (i >= seq.length) return undefined;
    const ch = seq[i];
    if (ch === '^') {
      i++;
      continue;
    }
    if (ch === '(') {
      const close = groupEnd(seq, i);
      if (close < 0) return undefined;
      const head = /^\((\?<[=!]|\?[=!]|\?:|\?<[A-Za-z_$][\w$]*>|(?!\?))/.exec(seq.slice(i, close + 1));
      if (!head) return undefined;
      const kind = head[1];
      const inner = seq.slice(i + head[0].length, close);
      if (kind === '?<=' || kind === '?<!' || kind === '?=' || kind === '?!') {
        // A lookaround consumes nothing; a quantifier on it would be odd: give up.
        if (quantifierAt(seq, close + 1)) return undefined;
        i = close + 1;
        continue;
      }
      if (kind === '?:' && assertionsOnly(inner)) {
        if (quantifierAt(seq, close + 1)) return undefined;
        i = close + 1;
        continue;
      }
      if (optionalQuantifierAt(seq, close + 1)) return undefined;
      return firstCharClass(inner);
    }
    if (ch === '[') {
      const end = classEnd(seq, i);
      if (end < 0 || seq[i + 1] === '^') return undefined;
      if (optionalQuantifierAt(seq, end + 1)) return undefined;
      return seq.slice(i, end + 1);
    }
    if (ch === '\\') {
      const next = seq[i + 1];
      // Only an escaped punctuation character is a plain literal (\d, \b, \u… and the like are not handled).
      if (!next || !/[\\^$.*+?()[\]{}|/\-]/.test(next)) return undefined;
      if (optionalQuantifierAt(seq, i + 2)) return undefined;
      return `[\\${next}]`;
    }
    if ('.$*+?{}|)]'.includes(ch)) return undefined;
    if (optionalQuantifierAt(seq, i + 1)) return undefined;
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return undefined; // surrogate pairs: not handled
    return `[${ch}]`;
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
      if (close < 0 || quantifierAt(alt, close + 1)) return false;
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

function quantifierAt(source: string, i: number): boolean {
  return i < source.length && (source[i] === '?' || source[i] === '*' || source[i] === '+' || source[i] === '{');
}

/** A quantifier that allows zero repetitions (?, *, {0…}); + and {n≥1…} keep the atom required. */
function optionalQuantifierAt(source: string, i: number): boolean {
  if (i >= source.length) return false;
  if (source[i] === '?' || source[i] === '*') return true;
  if (source[i] === '{') return !/^\{[1-9]\d*(?:,\d*)?\}/.test(source.slice(i));
  return false;
}
