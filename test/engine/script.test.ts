// The line-skipping shortcut in engine/script.ts must give exactly what opencc gives.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { changingCodePoints, toSimplified, toTraditional } from '../../server/src/engine/script.js';
import { trieConverter } from '../../server/src/engine/opencc-tries.js';
import { openccDataText } from '../../server/src/engine/opencc-compile.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const texts: { name: string; text: string }[] = [];
for (const sub of ['corpus', 'clean', 'clean-md']) {
  for (const f of readdirSync(path.join(FIXTURES, sub)).filter((f) => /\.(txt|md)$/.test(f))) {
    texts.push({ name: `${sub}/${f}`, text: readFileSync(path.join(FIXTURES, sub, f), 'utf8') });
  }
}
const tricky = [
  '',
  '\n\n',
  '干部干涉，乾燥的头发\r\n下一行',
  '豈更車\n规范汉字', // CJK compatibility ideographs (U+F900…) normalised
  '𠀀𡃁𪚥\n𠮷野家', // astral characters
  '只有简体字的一行\n隻有繁體字的一行\n',
  '末行无换行的繁體',
  '⿰氵工程⿱艹⿰日月乾燥⿰', '⿰發髮後⿱⿰發髮後', // ideographic description sequences (one complete, one cut short)
  '\ud842半个代理对\udfb7乾隆', // lone surrogates
];

/** A deterministic pseudo-random text from dictionary words, their pieces, and awkward characters. */
function fuzzText(seed: number, words: string[], length: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff);
  const extra = ['⿰', '⿱', '⿲', '𠀀', '𪚥', '豈', '\n', '，', ' ', 'a', '干', '乾', '后', '後', '发', '髮', '發'];
  let out = '';
  while (out.length < length) {
    const r = next() % 10;
    if (r < 6) {
      const w = words[next() % words.length];
      out += r < 4 ? w : w.slice(0, 1 + (next() % w.length));
    } else out += extra[next() % extra.length];
  }
  return out;
}

describe('engine/script: conversion skipping unchanged lines', () => {
  const simplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const traditional = OpenCC.Converter({ from: 'cn', to: 't' });
  for (const { name, text } of [...texts, ...tricky.map((text, i) => ({ name: `tricky ${i}`, text }))]) {
    it(`${name}: same as opencc in both directions`, () => {
      assert.equal(toSimplified(text), simplified(text));
      assert.equal(toTraditional(text), traditional(text));
    });
  }
  it('matches opencc-js on fuzzed text made of dictionary words (both directions, 200 texts each)', () => {
    const words = (dict: string) =>
      readFileSync(fileURLToPath(new URL(`../../node_modules/opencc-js/dist/esm-lib/dict/${dict}.js`, import.meta.url)), 'utf8')
        .replace(/^export default "|";\s*$/g, '')
        .split('|')
        .flatMap((e) => e.split(' ').slice(0, 2))
        .filter((w, i) => i % 7 === 0);
    const t2sWords = [...words('TSPhrases'), ...words('TSCharacters')];
    const s2tWords = [...words('STPhrases'), ...words('STCharacters')];
    const t2s = trieConverter('t2s');
    const s2t = trieConverter('s2t');
    for (let seed = 1; seed <= 200; seed++) {
      const a = fuzzText(seed, t2sWords, 300);
      assert.equal(t2s(a), simplified(a), `t2s seed ${seed}`);
      const b = fuzzText(seed, s2tWords, 300);
      assert.equal(s2t(b), traditional(b), `s2t seed ${seed}`);
    }
  });
  it('segmenting configurations (cn→tw, cn→hk) match opencc-js on the fixtures and fuzzed text', function () {
    this.timeout(120_000);
    const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const hk = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const s2tw = trieConverter('s2tw');
    const s2hk = trieConverter('s2hk');
    const words = readFileSync(fileURLToPath(new URL('../../node_modules/opencc-js/dist/esm-lib/dict/STPhrases.js', import.meta.url)), 'utf8')
      .replace(/^export default "|";\s*$/g, '')
      .split('|')
      .flatMap((e) => e.split(' ').slice(0, 1))
      .filter((w, i) => i % 5 === 0);
    const samples = [...texts.map((t) => t.text), ...tricky, ...Array.from({ length: 100 }, (_, i) => fuzzText(i + 1, words, 300))];
    for (const text of samples) {
      assert.equal(s2tw(text), tw(text));
      assert.equal(s2hk(text), hk(text));
    }
  });
  it('the precomputed tries (server/src/engine/opencc-data.ts) are those of the installed opencc-js', function () {
    this.timeout(120_000);
    const file = fileURLToPath(new URL('../../server/src/engine/opencc-data.ts', import.meta.url));
    assert.ok(readFileSync(file, 'utf8') === openccDataText(), 'opencc-data.ts is stale: node --import tsx server/src/engine/opencc-compile.ts --write');
  });
  it('refuses configurations it has no tries for', () => {
    assert.throws(() => trieConverter('t2jp'), /unknown opencc configuration/);
  });
  it('knows which characters the dictionaries change', () => {
    const t2s = changingCodePoints('t2s');
    assert.ok(t2s.has('國'.codePointAt(0)!) && t2s.has('乾'.codePointAt(0)!) && t2s.has(0xf900));
    assert.ok(!t2s.has('国'.codePointAt(0)!) && !t2s.has('，'.codePointAt(0)!));
    const s2t = changingCodePoints('s2t');
    assert.ok(s2t.has('国'.codePointAt(0)!) && s2t.has('干'.codePointAt(0)!));
    assert.throws(() => changingCodePoints('nope'), /unknown opencc configuration/);
  });
});
