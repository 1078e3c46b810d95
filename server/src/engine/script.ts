// Script conversion with opencc-js (phrase-level dictionaries, so 干部 and
// 干涉 convert correctly). Converters are built lazily once per process.
// Throughput (measured): about 8 M characters per second either way, so a
// rule converts each line once and compares instead of testing characters.
import * as OpenCC from 'opencc-js';
import type { Script } from './document.js';

type Convert = (text: string) => string;
let toSimplifiedFn: Convert | undefined;
let toTraditionalFn: Convert | undefined;

/** Traditional (Taiwan, Hong Kong or OpenCC standard) → mainland simplified 规范汉字. */
export function toSimplified(text: string): string {
  toSimplifiedFn ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplifiedFn(text);
}

/** Simplified → OpenCC standard traditional. */
export function toTraditional(text: string): string {
  toTraditionalFn ??= OpenCC.Converter({ from: 'cn', to: 't' });
  return toTraditionalFn(text);
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
  variantConverters ??= [OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];
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
