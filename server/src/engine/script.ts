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
