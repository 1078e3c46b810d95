import { readFileSync, readdirSync } from 'node:fs';
import { lint, resolve } from './server/src/index.js';
const reports: string[] = [];
for (const sub of ['corpus','clean']) { const d=`test/fixtures/${sub}/`; for (const f of readdirSync(d).filter(f=>f.endsWith('.txt')).sort()) reports.push(readFileSync(d+f,'utf8')); }
const cfg = resolve();
for (let i=0;i<3;i++) for (const r of reports) lint(r, cfg);
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
for (let i=0;i<100;i++) for (const r of reports) lint(r, cfg);
const { profile } = await s.post('Profiler.stop');
const fs = await import('node:fs'); fs.mkdirSync('/tmp/prof',{recursive:true}); fs.writeFileSync('/tmp/prof/p.cpuprofile', JSON.stringify(profile));
