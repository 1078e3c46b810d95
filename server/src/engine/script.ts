// Script conversion with opencc's phrase-level dictionaries (so 干部 and
// 干涉 convert correctly). Converters are set up lazily once per process from
// tries precomputed at build time (opencc-tries.ts, opencc-data.ts).
// A rule converts each line once and compares instead of testing characters;
// lines without a character the dictionaries change are not converted.
import { changingCodePointList, trieConverter } from './opencc-tries.js';
import type { Script } from './document.js';

type Convert = (text: string) => string;
let toSimplifiedFn: Convert | undefined;
let toTraditionalFn: Convert | undefined;

/** Traditional (Taiwan, Hong Kong or OpenCC standard) → mainland simplified 规范汉字 (what OpenCC.Converter({ from: 't', to: 'cn' }) gives). */
export function toSimplified(text: string): string {
  toSimplifiedFn ??= skippingUnchangedLines(trieConverter('t2s'), 't2s');
  return toSimplifiedFn(text);
}

/** Simplified → OpenCC standard traditional (what OpenCC.Converter({ from: 'cn', to: 't' }) gives). */
export function toTraditional(text: string): string {
  toTraditionalFn ??= skippingUnchangedLines(trieConverter('s2t'), 's2t');
  return toTraditionalFn(text);
}

/**
 * The code points that some entry of an opencc configuration's dictionaries
 * changes: the differing positions of a same-length entry, every character of
 * an entry that changes the length. A text without any of them converts to
 * itself (a match that changes nothing else leaves it as it is, and each
 * later dictionary group then sees the same text).
 */
export function changingCodePoints(configName: string): Set<number> {
  return new Set(changingCodePointList(configName));
}

/**
 * Wraps a converter so that it converts only the lines containing a character
 * its dictionaries change (no dictionary entry spans a line break): a
 * simplified report converted to simplified costs a scan instead of a trie
 * walk per character.
 */
function skippingUnchangedLines(convert: Convert, configName: string): Convert {
  const changing = changingCodePointList(configName);
  const bmp = new Uint8Array(0x10000);
  let astral = false;
  for (const cp of changing) {
    if (cp < 0x10000) bmp[cp] = 1;
    else astral = true;
  }
  // A high surrogate may start a changing astral character: check those lines the slow way.
  if (astral) for (let c = 0xd800; c < 0xdc00; c++) bmp[c] = 1;
  return (text) => {
    const parts: string[] = [];
    let copied = 0;
    let lineStart = 0;
    let lineChanges = false;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 10;
      if (c === 10) {
        if (lineChanges) {
          if (lineStart > copied) parts.push(text.slice(copied, lineStart));
          parts.push(convert(text.slice(lineStart, i)));
          copied = i;
          lineChanges = false;
        }
        lineStart = i + 1;
      } else if (bmp[c] === 1) lineChanges = true;
    }
    if (parts.length === 0) return text;
    parts.push(text.slice(copied));
    return parts.join('');
  };
}

/** Converts text into the given script. */
export function toScript(script: Script, text: string): string {
  return script === 'simplified' ? toSimplified(text) : toTraditional(text);
}

/**
 * toScript(script, text), given the conversion of an earlier text (`before.text` → `before.converted`, e.g. the same
 * document before an edit): the whole lines the two texts share at their start and at their end are taken from it,
 * only the lines between are converted (conversion is line by line: no dictionary entry spans a line break).
 */
export function toScriptReusing(script: Script, text: string, before: { text: string; converted: string }): string {
  const old = before.text;
  if (text === old) return before.converted;
  const max = Math.min(text.length, old.length);
  let p = 0;
  while (p < max && text.charCodeAt(p) === old.charCodeAt(p)) p++;
  // The lines wholly before the first difference (up to and with their line break).
  const head = p === 0 ? 0 : text.lastIndexOf('\n', p - 1) + 1;
  let s = 0;
  while (s < max - head && text.charCodeAt(text.length - 1 - s) === old.charCodeAt(old.length - 1 - s)) s++;
  // The lines wholly inside the common end (after a line break that is in it too).
  const nl = text.indexOf('\n', text.length - s);
  const tail = nl < 0 ? text.length : nl + 1;
  const oldTail = tail + (old.length - text.length);
  // The same lines in the earlier conversion (it has the lines of the earlier text, lengths aside).
  const headLines = countLineBreaks(old, 0, head);
  const tailLines = countLineBreaks(old, oldTail, old.length);
  const conv = before.converted;
  const convHead = afterLineBreaks(conv, headLines);
  const convTail = oldTail === old.length ? conv.length : afterLineBreaks(conv, countLineBreaks(conv, 0, conv.length) - tailLines);
  return conv.slice(0, convHead) + toScript(script, text.slice(head, tail)) + conv.slice(convTail);
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The offset after the n-th line break (0 for n = 0). */
function afterLineBreaks(text: string, n: number): number {
  let at = 0;
  for (let k = 0; k < n; k++) at = text.indexOf('\n', at) + 1;
  return at;
}

export const SCRIPT_NAMES: Record<Script, string> = { simplified: '简体', traditional: '繁体' };

let variantConverters: Convert[] | undefined;

/**
 * The line converted into `script`, for a position-by-position comparison:
 * out[i] !== line[i] marks a character of the other script. Undefined when
 * the conversion changes the length.
 */
export function convertForComparison(script: Script, line: string): string | undefined {
  const out = toScript(script, line);
  return out.length === line.length ? out : undefined;
}

/**
 * Narrows a traditional conversion to the characters that the Taiwan and Hong
 * Kong standards change too, so that variants valid in some traditional
 * standard (群/羣, 台/臺, 核/覈) are not reported as simplified. Only clauses
 * with a change are converted again, so the cost stays near one conversion.
 */
export function keepCommonTraditional(line: string, converted: string): string {
  // What OpenCC.Converter({ from: 'cn', to: 'tw' }) and ({ from: 'cn', to: 'hk' }) give.
  variantConverters ??= [trieConverter('s2tw'), trieConverter('s2hk')];
  let out: string[] | undefined;
  let i = 0;
  while (i < line.length) {
    if (converted.charCodeAt(i) === line.charCodeAt(i)) {
      i++;
      continue;
    }
    // The clause around the change: phrase conversion does not cross punctuation.
    let s = i;
    while (s > 0 && !CLAUSE_BREAK.has(line[s - 1])) s--;
    let e = i + 1;
    while (e < line.length && !CLAUSE_BREAK.has(line[e])) e++;
    const clause = line.slice(s, e);
    const variants = variantConverters.map((c) => c(clause));
    for (let j = i; j < e; j++) {
      if (converted[j] === line[j]) continue;
      if (variants.some((v) => v.length !== clause.length || v[j - s] === line[j])) (out ??= converted.split(''))[j] = line[j];
    }
    i = e;
  }
  return out ? out.join('') : converted;
}

const CLAUSE_BREAK = new Set('，。；：！？、,.;:!?“”‘’《》（）() \t\r\n\u3000');
