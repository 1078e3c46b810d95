// The review's HTML: the summary (one row per report, sortable and filterable, the most frequent
// problems as a bar chart, counts per rule) and one page per report (the text with its findings in
// place, the parts checklist on top, numbered margin notes when printed). Self-contained pages.
import { PART_IDS, SEVERITIES, SEVERITY_LABELS, type Rule } from '../../engine/types.js';
import { countOf } from '../../engine/severity.js';
import type { ReviewJson, ReviewReport } from '../protocol.js';
import { CSS } from './style.js';
import { SCRIPT } from './script.js';
import { esc, href, jsonIsland } from './escape.js';

export interface PageContext {
  rules: readonly Rule[];
  /** Whether --previous was given (the copied-share column is shown). */
  previousGiven: boolean;
}

const CHART_BARS = 15;

export function htmlDocument(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="fazhi-lint review">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function dateCell(r: ReviewReport): { date: string; dateV: string; onTime: string; onTimeV: string } {
  const d = r.reportDate;
  if (!d) return { date: '—', dateV: '', onTime: '—', onTimeV: '' };
  const v = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const [m, day] = d.deadline.split('-').map(Number);
  if (d.yearMatches === false) return { date: esc(d.text), dateV: v, onTime: `<span class="late">年份不符（应为${r.year! + 1}年）</span>`, onTimeV: '0' };
  if (d.onTime === null) return { date: esc(d.text), dateV: v, onTime: '—', onTimeV: '' };
  return {
    date: esc(d.text),
    dateV: v,
    onTime: d.onTime ? '<span class="ontime">是</span>' : `<span class="late">否（晚于${m}月${day}日）</span>`,
    onTimeV: d.onTime ? '1' : '0',
  };
}

function partCell(label: string): string {
  const cls = label === '✔' ? 'p-ok' : label === '✘' ? 'p-missing' : 'p-problem';
  return `<td class="part ${cls}">${esc(label)}</td>`;
}

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

function describe(rules: readonly Rule[], id: string): string {
  return rules.find((r) => r.id === id)?.docs.description ?? '';
}

/** The summary as a page section; `link(report)` is the URL of a report's page. */
export function summarySection(review: ReviewJson, link: (r: ReviewReport) => string, ctx: PageContext): string {
  const s = review.summary;
  const partNames = PART_IDS.map((p) => review.reports[0]?.parts[p].name ?? p);
  const heads: { label: string; type?: 'number'; sortable?: boolean; title?: string }[] = [
    { label: '#', type: 'number' },
    { label: '文件' },
    { label: '单位' },
    { label: '级别' },
    { label: '年度', type: 'number' },
    { label: '标题' },
    ...PART_IDS.map((p, i) => ({ label: shortPart(p), title: partNames[i] })),
    { label: '错误', type: 'number' as const },
    { label: '警告', type: 'number' as const },
    { label: '信息', type: 'number' as const },
    { label: '成文日期' },
    { label: '4月1日前', title: '不晚于次年4月1日（督察工作规定第二十六条）' },
    ...(ctx.previousGiven ? [{ label: '与上年重复', type: 'number' as const, title: '与上年同一单位报告相同或近似的句子所占比例（copied-report）' }] : []),
  ];
  const headRow = heads
    .map((h) => `<th class="sortable" scope="col"${h.type ? ` data-type="${h.type}"` : ''}${h.title ? ` title="${esc(h.title)}"` : ''}>${esc(h.label)}</th>`)
    .join('');
  const filterRow = heads.map((h, i) => `<th><input type="search" data-col="${i}" aria-label="筛选：${esc(h.label)}" placeholder="${h.type ? '如 >0' : '筛选'}"></th>`).join('');
  const rows = review.reports.map((r, i) => {
    const d = dateCell(r);
    const cells = [
      `<td class="num" data-v="${i + 1}">${i + 1}</td>`,
      `<td class="file"><a href="${esc(link(r))}">${esc(r.path)}</a></td>`,
      `<td class="unit">${esc(r.unit ?? '—')}</td>`,
      `<td class="nowrap">${esc(r.levelLabel ?? '—')}</td>`,
      `<td class="num" data-v="${r.year ?? ''}">${r.year ?? '—'}</td>`,
      `<td class="title">${esc(r.title ?? '（无标题）')}</td>`,
      ...PART_IDS.map((p) => partCell(r.parts[p].label)),
      `<td class="num${r.counts.errors ? ' count-error' : ''}" data-v="${r.counts.errors}">${r.counts.errors}</td>`,
      `<td class="num${r.counts.warnings ? ' count-warning' : ''}" data-v="${r.counts.warnings}">${r.counts.warnings}</td>`,
      `<td class="num" data-v="${r.counts.infos}">${r.counts.infos}</td>`,
      `<td class="nowrap" data-v="${d.dateV}">${d.date}</td>`,
      `<td class="nowrap" data-v="${d.onTimeV}">${d.onTime}</td>`,
      ...(ctx.previousGiven
        ? [`<td class="num" data-v="${r.copiedShare ?? ''}"${r.previous ? ` title="${esc(`上年报告：${r.previous}`)}"` : ''}>${percent(r.copiedShare)}</td>`]
        : []),
    ];
    return `<tr data-rules="${esc(Object.keys(r.rules).join(' '))}">${cells.join('')}</tr>`;
  });

  const top = review.rules.slice(0, CHART_BARS);
  const max = Math.max(1, ...top.map((c) => c.findings));
  const chart = top
    .map((c) => {
      const sev = c.severity ?? 'hint';
      const width = ((c.findings / max) * 100).toFixed(1);
      return (
        `<div class="label" title="${esc(describe(ctx.rules, c.rule))}"><span class="rule-id">${esc(c.rule)}</span> ${esc(describe(ctx.rules, c.rule))}</div>` +
        `<div><div class="bar sev-${sev}" style="width:${width}%" data-filter-rule="${esc(c.rule)}" role="button" tabindex="0" aria-label="${esc(`只看有 ${c.rule} 问题的报告`)}"></div></div>` +
        `<div class="n">${c.findings}</div>`
      );
    })
    .join('\n');
  const perRule = review.rules
    .map(
      (c) =>
        `<tr><td><button type="button" class="rule-id" data-filter-rule="${esc(c.rule)}" title="只看有此问题的报告">${esc(c.rule)}</button></td><td>${esc(describe(ctx.rules, c.rule))}</td>` +
        `<td class="sev-${c.severity ?? 'hint'}"><span class="sev-tag">${esc(c.severity ? SEVERITY_LABELS[c.severity] : '—')}</span></td>` +
        `<td class="num">${c.findings}</td><td class="num">${c.reports}</td></tr>`,
    )
    .join('\n');
  const problems = review.problems.length
    ? `<h2>未能读取的文件（${review.problems.length}）</h2><ul class="problems">${review.problems.map((p) => `<li>${esc(p.path)}：${esc(p.message)}</li>`).join('')}</ul>`
    : '';

  return `<section class="page" id="summary"><main>
<h1>法治政府建设年度报告审核汇总</h1>
<p class="muted">${esc(review.tool.name)} ${esc(review.tool.version)} 依据《法治政府建设与责任落实督察工作规定》检查。点击列标题排序，在列标题下的输入框中筛选（数字列可写 &gt;0、&lt;3、=0）。</p>
<div class="cards">
<div class="card"><b>${s.reports}</b>份报告</div>
<div class="card"><b>${s.complete}</b>份五个部分齐全</div>
<div class="card"><b class="count-error">${s.errors}</b>个错误</div>
<div class="card"><b class="count-warning">${s.warnings}</b>个警告</div>
<div class="card"><b class="count-info">${s.infos}</b>条信息</div>
</div>
<div class="toolbar"><input type="search" id="search" placeholder="在所有列中查找" aria-label="在所有列中查找"><span>显示 <b id="shown">${review.reports.length}</b> / ${review.reports.length} 份</span>
<span id="rule-filter" data-hidden>只看有 <span class="rule-id"></span> 问题的报告 <button type="button" id="clear-rule">取消</button></span></div>
<div style="overflow-x:auto">
<table class="reports">
<thead><tr class="heads">${headRow}</tr><tr class="filters">${filterRow}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
${problems}
<h2>最常见的问题</h2>
<div class="chart">
${chart || '<div class="muted">没有发现问题。</div>'}
</div>
<h2>各规则问题数</h2>
<table class="per-rule"><thead><tr><th>规则</th><th>说明</th><th>默认级别</th><th>问题数</th><th>涉及报告</th></tr></thead>
<tbody>
${perRule}
</tbody></table>
</main></section>`;
}

function shortPart(part: string): string {
  return { measures: '举措和成效', shortcomings: '不足和原因', 'first-responsible': '第一责任人', 'next-year': '下一年度安排', other: '其他情况' }[part] ?? part;
}

export interface ReportPageInput {
  report: ReviewReport;
  text: string;
  /** Start and end offsets of each finding, in the order of report.findings (same numbering). */
  offsets: readonly (readonly [number, number])[];
  /** URL of the summary from this page. */
  back: string;
}

export function reportSection(input: ReportPageInput, ctx: PageContext): string {
  const { report: r, text, offsets } = input;
  const id = r.id;
  const d = dateCell(r);
  const facts: [string, string][] = [
    ['文件', esc(r.path) + (r.source === 'docx' ? '（Word 文档，按转换后的文本显示）' : '')],
    ['单位', esc(r.unit ?? '—')],
    ['级别', esc(r.levelLabel ?? '—')],
    ['年度', r.year === null ? '—' : String(r.year)],
    ['成文日期', d.date + (d.onTimeV ? `（${d.onTime}）` : '')],
  ];
  if (ctx.previousGiven) facts.push(['与上年重复', r.previous ? `${percent(r.copiedShare)}（上年报告：${esc(r.previous)}）` : '未找到同一单位的上年报告']);
  const parts = `<table class="parts"><thead><tr>${PART_IDS.map((p) => `<th>${esc(r.parts[p].name)}</th>`).join('')}</tr></thead>
<tbody><tr>${PART_IDS.map((p) => partCell(r.parts[p].label)).join('')}</tr></tbody></table>`;
  const counts = SEVERITIES.map((s) => `<span class="sev-${s}"><span class="sev-tag">${SEVERITY_LABELS[s]}</span> ${countOf(r.counts, s)}</span>`)
    .join('　');
  const used = [...new Set(r.findings.map((f) => f.rule))].sort();
  const docs = used
    .map((rule) => {
      const def = ctx.rules.find((x) => x.id === rule);
      if (!def) return `<dt id="${id}-rule-${esc(rule)}"><span class="rule-id">${esc(rule)}</span></dt>`;
      const dd = def.docs;
      return (
        `<dt id="${id}-rule-${esc(rule)}"><span class="rule-id">${esc(rule)}</span> ${esc(dd.description)}</dt>` +
        `<dd><b>为什么：</b>${esc(dd.why)}</dd><dd><b>依据：</b>${esc(dd.basis)}</dd><dd><b>怎样改：</b>${esc(dd.howToFix)}</dd>`
      );
    })
    .join('\n');
  // The text and the findings go to the page as data; its script builds the highlighted text, the list and the
  // margin notes (textContent only), so that rendering costs the review next to nothing (docs/review.md).
  const island = {
    text,
    findings: r.findings.map((f, i) => ({
      n: f.n,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      start: offsets[i][0],
      end: offsets[i][1],
      line: f.line,
      endLine: f.endLine,
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
    })),
  };
  return `<section class="page report" id="${id}"><main>
<nav><a href="${esc(input.back)}">← 返回审核汇总</a></nav>
<h1>${esc(r.title ?? r.unit ?? r.path)}</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>五个法定部分</h2>
${parts}
<p class="counts">${counts}</p>
${r.ruleErrors.length ? `<p class="late">规则 ${esc(r.ruleErrors.join('、'))} 运行出错，其结果缺失。</p>` : ''}
<details class="findings"${r.findings.length <= 30 ? ' open' : ''}><summary>问题清单（${r.findings.length}）</summary><ol class="finding-list"></ol></details>
<h2>报告全文</h2>
<div class="doc"><noscript>请允许本页运行脚本以显示报告全文（the page needs JavaScript to show the text）。</noscript></div>
${docs ? `<h2>规则说明</h2><dl class="rule-docs">\n${docs}\n</dl>` : ''}
<script type="application/json" class="report-data">${jsonIsland(island)}</script>
</main></section>`;
}

/** The file name of a report's page: its number and its own name, made safe for any file system. */
export function pageName(index: number, path: string): string {
  const base = path.split('/').pop()!.replace(/\.(md|markdown|txt|docx)$/i, '');
  const safe = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(0, 60) || 'report';
  return `${String(index + 1).padStart(3, '0')}-${safe}.html`;
}

export { href };
