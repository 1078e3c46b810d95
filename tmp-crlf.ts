import { check, applyFixes } from './server/src/index.ts';
const t = '一、主要举措和成效\r\n\r\n王鲍镇高度重视机关干部法治观念的树立，落实领导干部学法\r\n\r\n制度，扎实开展法治宣传教育活动。\r\n\r\n扫一扫在手机打开当前页\r\n\r\n国务院部门网站\r\n';
const fs = check(t).filter(f => ['broken-paragraph','conversion-artifact'].includes(f.rule));
console.log(fs.map(f => [f.rule, f.line, f.endLine]));
console.log(JSON.stringify(applyFixes(t, fs).text));
const md = '# 小渡镇关于2022年法治政府建设情况的报告\n\n> 您当前的位置：首页 > 政务公开\n\n**一、主要举措和成效**\n\n正文内容。&nbsp;\n\n```\n&nbsp; XX 某某 20212025年\n```\n';
const f2 = check(md).filter(f => ['conversion-artifact','placeholder','date-format'].includes(f.rule));
console.log(f2.map(f => [f.rule, f.line, md.slice(f.start, f.end)]));
console.log(JSON.stringify(applyFixes(md, f2).text));
