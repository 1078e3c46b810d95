// The review pages' stylesheet, inlined in every page (no network, no CDN). Chinese fonts come from
// the reader's system: the usual families of Windows, macOS and Linux, then the generic family.
export const SANS = `"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif`;
export const SERIF = `"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", "STSong", "FangSong", "仿宋", "AR PL UMing CN", serif`;

export const CSS = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --hint: #607d8b; --ok: #2e7d32; --line: #e0e0e0; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 ${SANS}; color: #212121; background: #fafafa; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
a { color: #0b57d0; }
.muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
.sev-error { --sev: var(--error); } .sev-warning { --sev: var(--warning); } .sev-info { --sev: var(--info); } .sev-hint { --sev: var(--hint); }
.count-error { color: var(--error); font-weight: 600; } .count-warning { color: var(--warning); font-weight: 600; } .count-info { color: var(--info); }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; font-weight: 600; white-space: nowrap; }
table.reports { width: 100%; font-size: 13px; }
#summary main { max-width: 1760px; }
table.reports td.file { min-width: 12em; max-width: 22em; overflow-wrap: anywhere; }
table.reports td.unit { min-width: 6em; }
table.reports td.title { min-width: 16em; }
table.reports td.nowrap { white-space: nowrap; }
button.rule-id { border: 0; background: none; padding: 0; color: #0b57d0; cursor: pointer; text-decoration: underline; }
table.reports th.sortable { cursor: pointer; user-select: none; }
table.reports th.sortable::after { content: " ↕"; color: #aaa; }
table.reports th[aria-sort="ascending"]::after { content: " ▲"; color: #333; }
table.reports th[aria-sort="descending"]::after { content: " ▼"; color: #333; }
table.reports tr.filters th { background: #fff; padding: 2px; }
table.reports tr.filters input { width: 100%; min-width: 3em; font: inherit; font-size: 12px; padding: 2px 4px; border: 1px solid #ccc; border-radius: 3px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.part { text-align: center; white-space: nowrap; }
.p-ok { color: var(--ok); } .p-missing { color: var(--error); font-weight: 700; } .p-problem { color: var(--warning); font-weight: 600; }
.late { color: var(--error); font-weight: 600; } .ontime { color: var(--ok); }
.toolbar { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
.toolbar input { font: inherit; padding: 4px 8px; min-width: 260px; }
.chart { display: grid; grid-template-columns: minmax(180px, 28%) 1fr 4em; gap: 4px 10px; align-items: center; max-width: 980px; }
.chart .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chart .bar { height: 16px; background: var(--sev, #888); border-radius: 2px; min-width: 2px; cursor: pointer; }
.chart .n { font-variant-numeric: tabular-nums; text-align: right; }
.problems li { color: var(--error); }
/* A report page */
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
.facts dt { color: var(--muted); } .facts dd { margin: 0; }
table.parts td, table.parts th { text-align: center; }
details.findings { margin: 12px 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
details.findings summary { cursor: pointer; font-weight: 600; }
ol.finding-list { padding-left: 3.2em; margin: 6px 0; }
ol.finding-list li { margin: 2px 0; }
.rule-id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.sev-tag { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 3px; color: #fff; background: var(--sev); }
.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 0; font-family: ${SERIF}; font-size: 16px; line-height: 1.9; }
.ln { display: grid; grid-template-columns: 3.6em minmax(0, 1fr); }
.ln .no { color: #aaa; text-align: right; padding-right: 10px; font: 12px/2.4 ${SANS}; user-select: none; }
.ln .tx { white-space: pre-wrap; overflow-wrap: anywhere; padding-right: 16px; min-height: 1.9em; }
.ln.blank .tx { min-height: 0; line-height: 0.9; }
.ln.blank .no { font-size: 9px; line-height: 1.3; }
.ln .notes { display: none; }
mark.f { background: color-mix(in srgb, var(--sev) 16%, transparent); color: inherit; border-bottom: 2px solid var(--sev); cursor: pointer; border-radius: 2px; }
mark.f:focus { outline: 2px solid var(--sev); }
mark.f.pin::before { content: "◆"; color: var(--sev); font-size: 11px; padding: 0 2px; }
mark.f.pin { background: none; border: 0; }
sup.fn { display: none; }
.tooltip { position: absolute; z-index: 10; max-width: 460px; background: #fff; border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; font: 13px/1.5 ${SANS}; }
.tooltip[hidden] { display: none; }
.tooltip .item + .item { border-top: 1px solid var(--line); margin-top: 6px; padding-top: 6px; }
.tooltip .fix { color: var(--ok); }
.rule-docs dt { font-weight: 600; margin-top: 10px; } .rule-docs dd { margin: 2px 0 0 0; }
.rule-docs :target { background: #fff8c4; }
[data-hidden] { display: none !important; }
@page { size: A4; margin: 16mm 12mm 16mm 14mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .no-print, .toolbar, details.findings, .tooltip, nav { display: none !important; }
  .doc { border: 0; padding: 0; font-size: 11pt; line-height: 1.7; }
  /* Numbered margin notes: the text on the left, each line's findings beside it on the right. */
  .ln { grid-template-columns: 2.4em minmax(0, 1fr) 36%; column-gap: 3mm; }
  .ln.blank { display: none; }
  .ln .notes { display: block; font: 7.5pt/1.35 ${SANS}; border-left: 1px solid #bbb; padding-left: 2mm; }
  .ln .notes ol { margin: 0; padding-left: 2.4em; }
  .ln .notes li { break-inside: avoid; color: var(--sev); }
  .ln .notes li span { color: #222; }
  mark.f { background: none; border-bottom: 1.5px solid var(--sev); }
  sup.fn { display: inline; font: 7pt ${SANS}; color: var(--sev); vertical-align: super; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  table.reports { font-size: 8pt; } table.reports tr.filters { display: none; }
  table.parts { width: 100%; table-layout: fixed; font-size: 8pt; }
  h1 { font-size: 15pt; }
}
`;
