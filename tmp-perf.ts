import { RULES } from './server/src/rules/index.ts';
import { buildDocument } from './server/src/engine/document.ts';
import { readFileSync } from 'node:fs';
const mine = ['mixed-script','pinyin-residue','conversion-artifact','broken-paragraph','placeholder','date-format'];
const seeds = process.argv.slice(2);
for (const seed of seeds) {
  const t = readFileSync(`test/fixtures/corpus/${seed}.txt`, 'utf8');
  const big = (t + '\n').repeat(Math.ceil(10 * 1024 * 1024 / Buffer.byteLength(t + '\n')));
  console.log(seed, 'bytes', Buffer.byteLength(big), 'chars', big.length);
  let t0 = performance.now(); const doc = buildDocument(big, { script: (process.env.SCRIPT as any) ?? 'simplified', profile: 'auto' }); console.log(' buildDocument', Math.round(performance.now() - t0));
  let sum = 0;
  for (const id of mine) {
    const rule = RULES.find((x) => x.id === id)!;
    const cache = new Map(); let n = 0; let edits = 0;
    t0 = performance.now();
    rule.check({ doc, options: { severity: rule.severity }, memo: (k, b) => { if (!cache.has(k)) cache.set(k, b()); return cache.get(k); }, report: (r) => { n++; doc.lines.position(r.start); doc.lines.position(r.end); if (r.fix) for (const e of r.fix.edits) { edits++; doc.lines.position(e.start); doc.lines.position(e.end); } } });
    const ms = performance.now() - t0; sum += ms;
    console.log(' ', id, Math.round(ms), 'ms; findings', n, 'edits', edits);
  }
  console.log(' total of my rules', Math.round(sum), 'ms');
}
