// Script conversion with opencc-js (phrase-level dictionaries, so 干部 and
// 干涉 convert correctly). Converters are built lazily once per process.
import * as OpenCC from 'opencc-js';

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
