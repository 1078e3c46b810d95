import { check, applyFixes } from './server/src/index.ts';
import { readFileSync } from 'node:fs';
const t = readFileSync('test/fixtures/corpus/001_59b600c439da888f.txt', 'utf8');
const fixed = applyFixes(t, check(t).filter(f => f.rule === 'conversion-artifact')).text;
console.log(JSON.stringify(fixed.slice(0, 80))); console.log(JSON.stringify(fixed.slice(-60)));
const t2 = readFileSync('test/fixtures/corpus/002_0376ecbf1b3a9eef.txt', 'utf8');
console.log(JSON.stringify(applyFixes(t2, check(t2).filter(f => f.rule === 'conversion-artifact')).text.slice(0, 60)));
for (const s of ['推进&nbsp;法治，A&amp;B，完成&#12290;', '依法行政[bookmark: _Toc123]工作。', '信息公开��工作。', '强化政府网站与政务新媒体的运用。', '国务院部门网站', '第一段。\n国务院部门网站\n\n第二段。', '第一段。\n\n打印本页 关闭窗口\n第二段。', '第一段。\n\n字体：【大 中 小】\n\n浏览次数：1234\n\n第二段。\n']) {
  const fs = check(s).filter(f => f.rule === 'conversion-artifact');
  console.log(JSON.stringify(s), fs.map(f => [s.slice(f.start, f.end), f.message]), JSON.stringify(applyFixes(s, fs).text));
}
