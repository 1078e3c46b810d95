// review.xlsx: a valid package whatever the reports hold (markup, control characters, lone surrogates),
// one row per report in the summary's order, percentages as numbers.
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { lint, resolve, RULES } from '../../server/src/index.js';
import { reviewJson, reviewReport } from '../../server/src/review/model.js';
import { columnName, reviewXlsx } from '../../server/src/review/xlsx.js';
import { seed } from '../helpers/rules.js';

function review(texts: { path: string; text: string }[], copied?: number) {
  const config = resolve();
  const reports = texts.map((t, i) => reviewReport({ path: t.path, result: lint(t.text, config), config, previous: copied === undefined ? undefined : 'last.txt' }, i));
  if (copied !== undefined) reports[0].copiedShare = copied;
  return reviewJson(reports, [], (id) => RULES.find((r) => r.id === id)?.severity, { name: 'fazhi-lint', version: 'test' });
}

describe('review.xlsx', () => {
  it('names columns as Excel does', () => {
    assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes well-formed XML for any text: markup escaped, characters XML forbids removed', async () => {
    const nasty = `# <b>X&Y</b>镇"2023"年法治政府建设情况报告\u0001\u0008\u000b\ud800\n\n一、主要举措和成效\n\n正文。\n`;
    const json = review([{ path: `a<&>"'\u0007.md`, text: nasty }, { path: 'b.txt', text: seed('004') }], 0.375);
    const zip = await JSZip.loadAsync(reviewXlsx(json, RULES));
    const files = Object.keys(zip.files).sort();
    assert.deepEqual(files.filter((f) => !f.endsWith('/')), [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    assert.doesNotMatch(sheet, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    assert.doesNotMatch(sheet, /[\ud800-\udbff](?![\udc00-\udfff])/);
    assert.doesNotMatch(sheet, /&(?!amp;|lt;|gt;|quot;)/);
    for (const [, t] of sheet.matchAll(/<t xml:space="preserve">([^]*?)<\/t>/g)) assert.doesNotMatch(t, /[<>]/);
    assert.match(sheet, /a&lt;&amp;&gt;&quot;'\.md/);
    // Two reports and the header; the copied share a number with the percent style.
    assert.equal((sheet.match(/<row /g) ?? []).length, 3);
    assert.match(sheet, /<c r="Q2" s="2"><v>0\.375<\/v><\/c>/);
    assert.match(sheet, /<autoFilter ref="A1:S3"\/>/);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    assert.match(workbook, /'审核汇总'!\$A\$1:\$S\$3/);
  });

  it('carries no time of writing (the same input gives the same bytes on any day)', async () => {
    const json = review([{ path: 'b.txt', text: seed('002') }]);
    const zip = await JSZip.loadAsync(reviewXlsx(json, RULES));
    for (const entry of Object.values(zip.files)) assert.ok(entry.date.getTime() < Date.UTC(2000, 0, 3), `${entry.name}: ${entry.date.toISOString()}`);
  });
});
