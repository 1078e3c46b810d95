// Every literal entry of the typo dictionary is checked against a large word list for collisions: the 349,045
// words of jieba's dictionary (node_modules/@node-rs/jieba/dict.txt, a devDependency used only here). A wrong
// form W → R collides where correct text contains W:
// - inside a word: a listed word (frequency ≥ 5) contains W, the context exceptions of the entry do not exclude
//   it, and it is not just a misspelling of a word with R (震憾全球 → 震撼全球 is in the list too);
// - across a word boundary: W = P + S, a common word (frequency ≥ 1000, two characters or more) ends with P and
//   another starts with S, and neither exceptPreceding nor exceptFollowing excludes the pair (抽签|定位 for 签定
//   is excluded by 抽 in exceptPreceding).
// The collisions found must be exactly the reviewed ones below, each judged not to occur in a report: a new entry
// that collides fails this test until it gets its exceptions or is judged and listed here. The literal entries of
// terminology and outdated-reference are checked the same way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Entry = { wrong?: string; right: string; exceptPreceding?: string; exceptFollowing?: string };
const read = (name: string) => JSON.parse(readFileSync(new URL(`../../rules/${name}.json`, import.meta.url), 'utf8')) as { entries: Entry[] };
const data = read('typo');

const REVIEWED: Record<string, string> = {
  '幅射 一幅|射击': '“一幅射击…”“大幅射击”不是报告用语',
  '幅射 大幅|射击': '同上',
  '以致于 以致|于是': '“以致于是”不成句',
  '即然 当即|然后': '“当即然后”“立即然后”“随即然后”不成句',
  '即然 立即|然后': '同上',
  '即然 随即|然后': '同上',
  '暴光 风暴|光华': '“风暴光华”不是报告用语',
  '经济开展 国民经济|开展': '“围绕市场经济开展调研”之类由 exceptFollowing（调查检工专排督宣普摸清评研座走入帮结对服）排除；其余“经济开展”读作“经济发展”',
  '经济开展 市场经济|开展': '同上',
};

/** terminology and outdated-reference: the word list's splits that no report writes (法制|社会主义 for 法制社会). */
const REVIEWED_TERMINOLOGY: Record<string, string> = {
  '法制国家 法制|国家机关': '“法制国家机关”不成词组；“建设法制国家”读作“法治国家”',
  '法制社会 法制|社会主义': '“社会主义法制”写作“法制社会主义”的报告没有',
  '法制中国 法制|中国人民解放军': '不是报告用语',
  '法制化 法制|化合物': '不是报告用语',
};

const CONTAINED_MIN = 5;
const COMMON_MIN = 1000;

function loadWords(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@node-rs/jieba/dict.txt');
  const words = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) words.set(line.slice(0, sp), Number.parseInt(line.slice(sp + 1), 10));
  }
  return words;
}

describe('typo dictionary: collisions with a 349k-word list (jieba)', function () {
  this.timeout(60_000);
  const words = loadWords();

  it('the word list is the one expected (349,045 words)', () => {
    assert.ok(words.size > 340_000, String(words.size));
    assert.equal(words.get('部署'), 3333);
  });

  const collisions = (entries: readonly Entry[]): Set<string> => {
    const literal = entries.filter((e) => e.wrong);
    const byFirst = new Map<string, typeof literal>();
    for (const e of literal) {
      const list = byFirst.get(e.wrong![0]) ?? [];
      list.push(e);
      byFirst.set(e.wrong![0], list);
    }
    const found = new Set<string>();
    // Inside a word.
    for (const [word, freq] of words) {
      if (freq < CONTAINED_MIN) continue;
      for (let i = 0; i < word.length; i++) {
        for (const e of byFirst.get(word[i]) ?? []) {
          const w = e.wrong!;
          if (word === w || !word.startsWith(w, i)) continue;
          const before = word[i - 1];
          const after = word[i + w.length];
          if ((before && e.exceptPreceding?.includes(before)) || (after && e.exceptFollowing?.includes(after))) continue;
          if (words.has(word.slice(0, i) + e.right + word.slice(i + w.length))) continue;
          found.add(`${w} in:${word}`);
        }
      }
    }
    // Across a word boundary.
    const common = [...words].filter(([w, f]) => f >= COMMON_MIN && w.length >= 2).map(([w]) => w);
    const byLast = new Map<string, string[]>();
    const byStart = new Map<string, string[]>();
    for (const w of common) {
      (byLast.get(w.at(-1)!) ?? byLast.set(w.at(-1)!, []).get(w.at(-1)!)!).push(w);
      (byStart.get(w[0]) ?? byStart.set(w[0], []).get(w[0])!).push(w);
    }
    for (const e of literal) {
      const w = e.wrong!;
      for (let n = 1; n < w.length; n++) {
        const p = w.slice(0, n);
        const s = w.slice(n);
        const as = (byLast.get(p.at(-1)!) ?? []).filter((a) => a.endsWith(p) && (a.length === p.length || !e.exceptPreceding?.includes(a[a.length - p.length - 1])));
        const bs = (byStart.get(s[0]) ?? []).filter((b) => b.startsWith(s) && (b.length === s.length || !e.exceptFollowing?.includes(b[s.length])));
        for (const a of as) {
          const b = bs.find((x) => !(a === p && x === s));
          if (b) found.add(`${w} ${a}|${b}`);
        }
      }
    }
    return found;
  };

  for (const [name, entries, reviewed] of [
    ['typo', data.entries, REVIEWED],
    ['terminology and outdated-reference', [...read('terminology').entries, ...read('outdated-reference').entries], REVIEWED_TERMINOLOGY],
  ] as const) {
    it(`${name}: no entry collides with correct text, except the reviewed cases`, () => {
      const found = collisions(entries);
      const unreviewed = [...found].filter((k) => !(k in reviewed));
      const stale = Object.keys(reviewed).filter((k) => !found.has(k));
      assert.deepEqual(unreviewed, [], 'collisions not reviewed: add exceptPreceding/exceptFollowing, or judge and list them');
      assert.deepEqual(stale, [], 'reviewed collisions that no longer occur: remove them from REVIEWED');
    });
  }
});
