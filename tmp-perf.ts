import { lint } from './server/src/engine/check.ts';
import { RULES } from './server/src/rules/index.ts';
import { buildDocument } from './server/src/engine/document.ts';
import { readFileSync } from 'node:fs';
const mine = ['mixed-script','pinyin-residue','conversion-artifact','broken-paragraph','placeholder','date-format'];
for (const seed of ['000_6895dad6e85ea9c9','001_59b600c439da888f','004_e2661321fbbd4b8b']) {
  const t = readFileSync(`test/fixtures/corpus/${seed}.txt`, 'utf8');
  const big = (t + '\n').repeat(Math.ceil(10 * 1024 * 1024 / Buffer.byteLength(t + '\n')));
  console.log(seed, 'bytes', Buffer.byteLength(big), 'chars', big.length);
  let t0 = performance.now(); buildDocument(big, { script: 'simplified', profile: 'auto' }); console.log(' buildDocument', Math.round(performance.now() - t0));
  const t00 = performance.now();
  for (const id of mine) {
    const r = RULES.filter((x) => x.id === id);
    t0 = performance.now(); const res = lint(big, r); const total = performance.now() - t0;
    console.log(' ', id, 'lint(incl. build)', Math.round(total), 'findings', res.findings.length, res.errors.length ? res.errors : '');
  }
}
