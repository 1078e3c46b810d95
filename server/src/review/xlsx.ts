// review.xlsx: the summary as an Office Open XML workbook (ECMA-376), written directly (zip.ts) instead of
// with exceljs and its nine runtime dependencies, for two plain sheets. Sheet 1 is one row per report
// (filter buttons, frozen header), sheet 2 the counts per rule. Strings are inline (t="inlineStr"),
// escaped, with the characters XML forbids removed.
import { zip } from './zip.js';
import { PART_IDS, SEVERITY_LABELS, type Rule } from '../engine/types.js';
import type { ReviewJson } from './protocol.js';

type Cell = string | number | null | { v: number; style: number };

const STYLE_HEADER = 1;
const STYLE_PERCENT = 2;

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column name of a 0-based index. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function cellXml(value: Cell, ref: string, style = 0): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return '';
  if (typeof value === 'object') return `<c r="${ref}" s="${value.style}"><v>${value.v}</v></c>`;
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  // Excel caps a cell at 32 767 characters.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xml(value.slice(0, 32767))}</t></is></c>`;
}

function sheetXml(header: string[], rows: Cell[][], widths: number[], filter: boolean): string {
  const last = columnName(header.length - 1);
  const all = [header as Cell[], ...rows];
  const body = all
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cellXml(v, `${columnName(c)}${r + 1}`, r === 0 ? STYLE_HEADER : 0)).join('')}</row>`)
    .join('');
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="A1:${last}${all.length}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${body}</sheetData>` +
    (filter ? `<autoFilter ref="A1:${last}${all.length}"/>` : '') +
    '</worksheet>'
  );
}

export function summaryRows(review: ReviewJson): { header: string[]; rows: Cell[][] } {
  const header = [
    '文件',
    '单位',
    '级别',
    '年度',
    '标题',
    ...PART_IDS.map((p) => review.reports[0]?.parts[p].name ?? p),
    '错误',
    '警告',
    '信息',
    '提示',
    '成文日期',
    '按期（不晚于次年4月1日）',
    '与上年重复',
    '上年报告',
    '问题最多的规则',
  ];
  const rows = review.reports.map((r): Cell[] => {
    const topRules = Object.entries(r.rules)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([rule, n]) => `${rule}（${n}）`)
      .join('、');
    return [
      r.path,
      r.unit,
      r.levelLabel,
      r.year,
      r.title,
      ...PART_IDS.map((p) => r.parts[p].label),
      r.counts.errors,
      r.counts.warnings,
      r.counts.infos,
      r.counts.hints,
      r.reportDate?.text ?? null,
      r.reportDate?.yearMatches === false ? '年份不符' : r.reportDate?.onTime === true ? '是' : r.reportDate?.onTime === false ? '否' : null,
      r.copiedShare === null ? null : { v: r.copiedShare, style: STYLE_PERCENT },
      r.previous,
      topRules,
    ];
  });
  return { header, rows };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="审核汇总" sheetId="1" r:id="rId1"/><sheet name="各规则问题数" sheetId="2" r:id="rId2"/></sheets>' +
  '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">FILTER_RANGE</definedName></definedNames>' +
  '</workbook>';

const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>';

// Style 0: default; 1: bold header with a grey fill; 2: percent (built-in format 9, "0%").
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EDF3"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export function reviewXlsx(review: ReviewJson, rules: readonly Rule[]): Uint8Array {
  const { header, rows } = summaryRows(review);
  const widths = [28, 22, 12, 7, 40, 12, 12, 12, 12, 12, 7, 7, 7, 7, 14, 10, 10, 24, 40];
  const perRuleHeader = ['规则', '说明', '默认级别', '问题数', '涉及报告'];
  const perRule: Cell[][] = review.rules.map((c) => [
    c.rule,
    rules.find((r) => r.id === c.rule)?.docs.description ?? '',
    c.severity ? SEVERITY_LABELS[c.severity] : null,
    c.findings,
    c.reports,
  ]);
  const range = `'审核汇总'!$A$1:$${columnName(header.length - 1)}$${rows.length + 1}`;
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK.replace('FILTER_RANGE', xml(range)) },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/styles.xml', data: STYLES },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(header, rows, widths, true) },
    { name: 'xl/worksheets/sheet2.xml', data: sheetXml(perRuleHeader, perRule, [24, 60, 10, 8, 8], false) },
  ]);
}
