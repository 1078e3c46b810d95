// matchAllFast and withFirstCharGuard (server/src/rules/shared/fast-match.ts) only make patterns faster: on
// real text they must give exactly the matches of text.matchAll. The text: the seed and clean reports, and
// every string literal of the rule tests (the positive and negative examples written for each pattern).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstCharClass, matchAllFast, withFirstCharGuard } from '../../server/src/rules/shared/fast-match.js';
import { compileDictionary, dictionaryEntries, findMatches, matchPrefixed, type DictionaryFile } from '../../server/src/rules/shared/dictionary.js';
import { lint } from '../../server/src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function corpusText(): string {
  const parts: string[] = [];
  for (const dir of ['test/fixtures/corpus', 'test/fixtures/clean']) {
    for (const f of readdirSync(path.join(ROOT, dir)).sort()) if (f.endsWith('.txt')) parts.push(read(`${dir}/${f}`));
  }
  for (const f of readdirSync(path.join(ROOT, 'test/rules')).sort()) {
    if (!f.endsWith('.ts')) continue;
    for (const m of read(`test/rules/${f}`).matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) parts.push((m[1] ?? m[2]).replace(/\\n/g, '\n'));
  }
  return parts.join('\n');
}

/** Every "pattern" string of the rule data (rules/*.json). */
function dataPatterns(): { file: string; pattern: string }[] {
  const out: { file: string; pattern: string }[] = [];
  const walk = (file: string, v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(file, x));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'pattern' && typeof x === 'string') out.push({ file, pattern: x });
        else walk(file, x);
      }
    }
  };
  for (const f of readdirSync(path.join(ROOT, 'rules')).sort()) if (f.endsWith('.json')) walk(f, JSON.parse(read(`rules/${f}`)));
  return out;
}

const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ index: m.index, text: m[0], groups: m.groups ? { ...m.groups } : undefined }));

describe('rules/shared/fast-match', () => {
  const text = corpusText();

  it('the first-character class of patterns with leading assertions and optional atoms', () => {
    assert.equal(firstCharClass('(?<=参加|参与)(?<hit>级)'), '[级]');
    assert.equal(firstCharClass('(?<!原[\\u4e00-\\u9fa5]{0,16})(?<!国务院)(?:政府)?法制办'), '[政法]');
    assert.equal(firstCharClass('(?<=贯彻)《?法治'), '[《法]');
    assert.equal(firstCharClass('(?<=a)[“"]?八五'), '[“"八]');
    assert.equal(firstCharClass('x*?y'), '[xy]');
    // A match that may be empty, or may start anywhere: no class.
    assert.equal(firstCharClass('a?'), undefined);
    assert.equal(firstCharClass('(?:a|b?)c'), undefined);
    assert.equal(firstCharClass('.a'), undefined);
    assert.equal(firstCharClass('[^a]b'), undefined);
    assert.equal(firstCharClass('\\bword'), undefined);
  });

  it('withFirstCharGuard adds a lookahead only to patterns that open with an assertion', () => {
    assert.equal(withFirstCharGuard('(?<=参加)级'), '(?=[级])(?:(?<=参加)级)');
    assert.equal(withFirstCharGuard('截止(?=20)'), '截止(?=20)');
    assert.equal(withFirstCharGuard('(?<=a)(?:b|c?)'), '(?<=a)(?:b|c?)');
  });

  // The patterns these functions change (those opening with an assertion); the others are left to matchAll.
  const patterns = dataPatterns().filter((p) => withFirstCharGuard(p.pattern) !== p.pattern);
  it(`the ${patterns.length} patterns of the rule data that open with an assertion: matchAllFast and the guarded pattern give text.matchAll's matches`, () => {
    let compared = 0;
    let matched = 0;
    for (const { file, pattern } of patterns) {
      let re: RegExp;
      try {
        re = new RegExp(pattern, 'gmu');
      } catch {
        continue; // not a JavaScript pattern with these flags (a rule may compile it otherwise)
      }
      const expected = shape(text.matchAll(re));
      assert.deepEqual(shape(matchAllFast(text, new RegExp(pattern, 'gmu'))), expected, `${file}: ${pattern}`);
      assert.deepEqual(shape(text.matchAll(new RegExp(withFirstCharGuard(pattern), 'gmu'))), expected, `${file}: guarded ${pattern}`);
      compared++;
      matched += expected.length;
    }
    assert.ok(compared >= 20 && matched >= 20, `${compared} patterns, ${matched} matches`);
  });

  it('two scans of one pattern interleaved (nested loops) each give all their matches', () => {
    // The scans share the pattern's cached regexes: neither may move the other (the bug that once made a CMS
    // table row loop forever was a global regex reset by a nested use, engine/chrome-lines.ts).
    const re = /(?<=推进)法治|(?<![\u4e00-\u9fa5])法制/gu;
    const text = '推进法治建设，法制宣传；推进法治政府，又推进法治社会。';
    const alone = shape(text.matchAll(re));
    assert.equal(alone.length, 4);
    const outer: RegExpMatchArray[] = [];
    const inner: ReturnType<typeof shape>[] = [];
    for (const m of matchAllFast(text, re)) {
      outer.push(m);
      inner.push(shape(matchAllFast(text, re)));
    }
    assert.deepEqual(shape(outer), alone);
    for (const each of inner) assert.deepEqual(each, alone);
  });

  for (const rule of ['typo', 'terminology', 'outdated-reference']) {
    it(`${rule}: the dictionary's joined, guarded patterns find what the plain alternation finds`, () => {
      const data = JSON.parse(read(`rules/${rule}.json`)) as DictionaryFile;
      for (const script of ['simplified', 'traditional'] as const) {
        const dict = compileDictionary(dictionaryEntries(data, undefined), script);
        // The entries opening with two literal characters are looked for apart (matchPrefixed), each group alike.
        const prefixedSources = new Set(dict.prefixed.flatMap((g) => g.sticky.source.split(/\|(?=\(\?<p\d+>)/)));
        const joined = dict.patternEntries.map((e, i) => `(?<p${i}>${e.pattern})`).filter((g) => !prefixedSources.has(g));
        if (joined.length) assert.deepEqual(shape(matchAllFast(text, dict.patterns!)), shape(text.matchAll(new RegExp(joined.join('|'), 'gmu'))));
        const withStray = `${text}全面贯彻实落实，坚持依法依行政，化解矛盾纠纠纷，公布行政权利事项。`;
        for (const group of dict.prefixed) {
          assert.deepEqual(shape(matchPrefixed(withStray, group)), shape(withStray.matchAll(new RegExp(group.sticky.source, 'gmu'))), group.prefix);
        }
        if (rule === 'typo') assert.ok(dict.prefixed.some((g) => matchPrefixed(withStray, g).length > 0));
      }
    });
  }
  it('literal entries: found alike by indexOf over few openings and by the scan over every character (pairs table)', () => {
    // One dictionary, searched both ways: FEW_OPENINGS decides by the number of openings, so the same entries are
    // compiled once alone (few) and once among many unrelated ones (a scan), with one-character entries among them.
    const entries = [
      { wrong: '布署', right: '部署', exceptPreceding: '发' },
      { wrong: '截止目前', right: '截至目前' },
      { wrong: '截止', right: '截至' },
      { wrong: '的', right: '地' },
      { wrong: '政', right: '正' },
      { wrong: '工做', right: '工作' },
    ];
    const filler = Array.from({ length: 80 }, (_, i) => ({ wrong: `\u{4e00}${String.fromCharCode(0x9000 + i)}${String.fromCharCode(0x9100 + i)}`, right: '甲乙丙' }));
    const few = compileDictionary(entries);
    const many = compileDictionary([...filler, ...entries]);
    assert.ok(few.openings.length <= 64 && many.openings.length > 64);
    const text = '截止目前，发布署名的布署工做已完成；截止2023年底，认真的落实政务公开。布署\n的';
    const { document } = lint(text);
    const shape = (ms: ReturnType<typeof findMatches>) => ms.map((m) => `${m.start}-${m.end}:${m.wrong}→${m.right}`);
    const got = shape(findMatches(document, few));
    assert.deepEqual(shape(findMatches(document, many)), got);
    assert.deepEqual(got.filter((m) => !m.includes('甲')), got);
    for (const wanted of ['截止目前→截至目前', '布署→部署', '工做→工作', '截止→截至', '的→地', '政→正']) assert.ok(got.some((m) => m.endsWith(wanted)), wanted);
    assert.equal(got.filter((m) => m.endsWith('布署→部署')).length, 2, '发布署名 is left alone, the two others found');
  });
});
