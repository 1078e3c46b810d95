// Cases that were once slow, timed here rather than in the unit tests (which assert what is found, never
// how fast): the structure rules on a long report, duplicate-text with thousands of repeats, and
// unpaired-punctuation on one paragraph of 50 000 openers. Each prints its time next to the bound the unit
// test used to assert; test/bench/bench.ts (the `engine` section of `npm run bench`) prints them after its tables.
import { readSeed } from '../helpers/corpus.js';
import { check, RULES, type ConfigObject } from '../../server/src/index.js';
import { CLEAN_TOWN } from '../rules/helpers.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Median CPU time of three runs. */
function time(f: () => void): number {
  const runs = [0, 1, 2].map(() => {
    const t = cpuMs();
    f();
    return cpuMs() - t;
  });
  return runs.sort((a, b) => a - b)[1];
}
const only = (ids: string[]): ConfigObject => ({ rules: Object.fromEntries(RULES.filter((r) => !ids.includes(r.id)).map((r) => [r.id, 'off' as const])) });

export function onceSlow(): { name: string; ms: string; bound: string; met: boolean }[] {
  const rows: { name: string; ms: string; bound: string; met: boolean }[] = [];

  const structure = only(['required-section', 'section-incomplete', 'section-order', 'heading-numbering', 'item-sequence', 'title', 'year-consistency', 'duplicate-text', 'foreign-entity']);
  const seed = readSeed('002_0376ecbf1b3a9eef.txt');
  check(seed.repeat(8), structure); // warm up (opencc dictionaries, JIT)
  const eight = time(() => check(seed.repeat(8), structure));
  const sixteen = time(() => check(seed.repeat(16), structure));
  rows.push({ name: 'structure rules, seed 002 ×8 → ×16', ms: `${eight.toFixed(0)} → ${sixteen.toFixed(0)}`, bound: '×16 < 3.2 × (×8) + 300 ms', met: sixteen < 3.2 * eight + 300 });

  const para = '认真开展行政执法工作，明确执法权限，镇行政执法人员年度法治培训参与率达100%。其他内容甲乙丙丁甲乙丙丁甲乙丙丁甲乙丙丁甲乙丙丁。\n';
  const repeats = CLEAN_TOWN + Array.from({ length: 3000 }, (_, i) => `第${i}段，${para}`).join('');
  const duplicates = time(() => check(repeats, only(['duplicate-text'])));
  rows.push({ name: 'duplicate-text, 3000 repeated paragraphs', ms: duplicates.toFixed(0), bound: '< 3000 ms', met: duplicates < 3000 });

  const openers = '开展“'.repeat(50_000) + '活动。';
  const unpaired = time(() => check(openers, only(['unpaired-punctuation'])));
  rows.push({ name: 'unpaired-punctuation, 50 000 openers in one paragraph', ms: unpaired.toFixed(0), bound: '< 5000 ms', met: unpaired < 5000 });
  return rows;
}
