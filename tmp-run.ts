import { check, applyFixes } from './server/src/index.ts';
import { readFileSync, readdirSync } from 'node:fs';
const rules = process.argv[2].split(',');
const dir = process.argv[3] ?? 'test/fixtures/corpus';
const verbose = process.argv[4];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt') || f.endsWith('.md'))) {
  const t = readFileSync(`${dir}/${f}`, 'utf8');
  const fs = check(t).filter((x) => rules.includes(x.rule));
  const counts: Record<string, number> = {};
  for (const x of fs) counts[x.rule] = (counts[x.rule] ?? 0) + 1;
  console.log(f, JSON.stringify(counts));
  if (verbose) for (const x of fs.slice(0, Number(verbose))) console.log('  ', x.rule, x.severity, `${x.line}:${x.column}-${x.endLine}:${x.endColumn}`, x.message.slice(0, 150), x.fix ? JSON.stringify(x.fix.edits.slice(0,3).map(e=>[e.start,e.end,e.newText.slice(0,20)])) : '');
}
