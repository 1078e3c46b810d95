// Inline suppression comments, as markdownlint and cspell users expect:
//   <!-- fazhi-lint-disable-next-line placeholder -->
//   <!-- fazhi-lint-disable-line rule -->
//   <!-- fazhi-lint-disable rule-a rule-b --> … <!-- fazhi-lint-enable rule-a -->
// No rule names means every rule.
import type { LineIndex } from './line-index.js';

const DIRECTIVE_HEAD = /<!--\s*fazhi-lint-(disable-next-line|disable-line|disable|enable)\b/y;
const ALL = '*';

export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

export function parseSuppressions(text: string, lines: LineIndex): Suppressions {
  if (!text.includes('fazhi-lint-')) return { isSuppressed: () => false };
  // Per rule: sorted disjoint [fromLine, toLine] (0-based, inclusive) intervals.
  const intervals = new Map<string, [number, number][]>();
  const openSince = new Map<string, number>();
  const add = (rule: string, from: number, to: number) => {
    if (!intervals.has(rule)) intervals.set(rule, []);
    intervals.get(rule)!.push([from, to]);
  };
  for (const d of directives(text)) {
    const kind = d.kind;
    const names = d.names.split(/[\s,，]+/).filter(Boolean);
    const rules = names.length ? names : [ALL];
    const line = lines.lineOf(d.start);
    const endLine = lines.lineOf(d.end);
    for (const rule of rules) {
      if (kind === 'disable-next-line') add(rule, endLine + 1, endLine + 1);
      else if (kind === 'disable-line') add(rule, line, endLine);
      else if (kind === 'disable') {
        if (!openSince.has(rule)) openSince.set(rule, line);
      } else {
        const since = openSince.get(rule);
        if (since !== undefined) {
          add(rule, since, endLine);
          openSince.delete(rule);
        } else if (rule !== ALL) {
          // enable X inside disable-all: re-enabling one rule is not modelled; keep it simple and explicit.
        } else {
          for (const [r, s] of openSince) add(r, s, endLine);
          openSince.clear();
        }
      }
    }
  }
  for (const [rule, since] of openSince) add(rule, since, Number.MAX_SAFE_INTEGER);
  // Sorted and merged, so that each finding costs a binary search, not a walk over every directive.
  for (const [rule, list] of intervals) intervals.set(rule, mergeIntervals(list));
  const covered = (list: [number, number][] | undefined, line: number): boolean => {
    if (!list) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid][1] < line) lo = mid + 1;
      else if (list[mid][0] > line) hi = mid - 1;
      else return true;
    }
    return false;
  };
  return {
    isSuppressed(rule: string, line: number): boolean {
      return covered(intervals.get(ALL), line) || covered(intervals.get(rule), line);
    },
  };
}

/** The union of inclusive line intervals as sorted, disjoint intervals. */
function mergeIntervals(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * The directive comments, in order. Each `-->` is searched for once and shared by the openers before it:
 * a lazy `<!--…-->` regex would scan to the end of the text from every opener of an unclosed comment.
 */
function* directives(text: string): Generator<{ kind: string; names: string; start: number; end: number }> {
  let close = -1;
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 1)) {
    if (close < at + 4) {
      close = text.indexOf('-->', at + 4);
      if (close < 0) return;
    }
    DIRECTIVE_HEAD.lastIndex = at;
    const head = DIRECTIVE_HEAD.exec(text);
    if (!head || at + head[0].length > close) continue;
    yield { kind: head[1], names: text.slice(at + head[0].length, close), start: at, end: close + 3 };
    at = close + 2;
  }
}
