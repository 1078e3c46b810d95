import { readFileSync, readdirSync } from 'node:fs';
import { lint, resolve, RULES } from './server/src/index.js';
import { parseMarkdown } from './server/src/engine/markdown.js';
const reports: string[] = [];
for (const sub of ['corpus','clean']) { const d=`test/fixtures/${sub}/`; for (const f of readdirSync(d).filter(f=>f.endsWith('.txt')).sort()) reports.push(readFileSync(d+f,'utf8')); }
function documentOf(size:number){const parts=[];let n=0;for(let i=0;n<size;i++){const t=reports[i%reports.length].trimEnd();parts.push(t);n+=Buffer.byteLength(t)+2;}const buf=Buffer.from(parts.join('\n\n')).subarray(0,size);return buf.subarray(0,buf.lastIndexOf(10)+1).toString('utf8');}
const now=()=>{const u=process.cpuUsage();return (u.user+u.system)/1000;};
const small=documentOf(100*1024), large=documentOf(1000*1024);
const time=(fn:()=>void,runs:number)=>{const xs=[];for(let i=0;i<runs;i++){const t=now();fn();xs.push(now()-t);}return Math.min(...xs);};
const offRules = Object.fromEntries(RULES.map(r=>[r.id,'off'])); const allOff = resolve({ rules: offRules });
const rows:[string,number,number][]=[];
const measure=(name:string, fn:(t:string)=>void)=>{fn(large); const s=time(()=>fn(small),8), l=time(()=>fn(large),3); rows.push([name,s,l]);};
measure('parseMarkdown', t=>parseMarkdown(t));
measure('model', t=>lint(t, allOff));
measure('all', t=>lint(t, resolve()));
const model = rows[1];
for (const r of RULES) { const only = resolve({ rules: { ...offRules, [r.id]: r.severity } }); measure(r.id, t=>lint(t, only)); }
for (const [n,s,l] of rows) console.log(n.padEnd(24), s.toFixed(1).padStart(7), l.toFixed(1).padStart(8), (l/s).toFixed(1).padStart(6)+'×', n.startsWith('model')||n==='all'||n==='parseMarkdown' ? '' : `  rule: ${(s-model[1]).toFixed(1)} ${(l-model[2]).toFixed(1)}`);
