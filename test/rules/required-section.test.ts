import assert from 'node:assert/strict';
import { applyFixes, lint } from '../../server/src/index.js';
import { CLEAN_TOWN, CLEAN_TOWN_MD, fixOnce, lineOf, run } from './helpers.js';

const FR_HEADING = '党政主要负责人履行推进法治建设第一责任人职责情况';
const FR_SKELETON = '【请填写党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况】';
const OTHER_SKELETON = '【请填写其他需要报告的情况；没有的，写明“无其他需要报告的情况”】';

/** CLEAN_TOWN without its 第一责任人 part, later parts renumbered (三、四、 instead of 四、五、). */
function withoutFirstResponsible(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('三、党政主要负责人'));
  lines.splice(start, 2);
  return lines.join('\n').replace('四、2024年', '三、2024年').replace('五、其他', '四、其他');
}

describe('required-section', () => {
  it('reports nothing on a complete report (plain and Markdown)', () => {
    assert.deepEqual(run('required-section', CLEAN_TOWN), []);
    assert.deepEqual(run('required-section', CLEAN_TOWN_MD), []);
  });

  it('recognises the shortcomings part under its common other names (存在的困难和问题, 存在问题, 存在的薄弱环节)', () => {
    for (const heading of ['二、存在的困难和问题', '二、存在问题及原因分析', '二、存在问题', '二、困难和问题', '二、存在的薄弱环节']) {
      const text = CLEAN_TOWN.replace('二、推进法治政府建设存在的不足和原因', heading);
      assert.deepEqual(run('required-section', text), [], heading);
    }
  });

  it('reports a missing part where it belongs, with data.part', () => {
    const text = withoutFirstResponsible(CLEAN_TOWN);
    const found = run('required-section', text);
    assert.deepEqual(found.map((f) => f.data.part), ['first-responsible']);
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].line, lineOf(text, '三、2024年'));
    assert.equal(found[0].column, 1);
    assert.match(found[0].message, /第一责任人/);
  });

  it('says so when the part is only mentioned in the body', () => {
    const text = withoutFirstResponsible(CLEAN_TOWN).replace('持续夯实基层法治建设基础', '主要负责人履行第一责任人职责');
    const [f] = run('required-section', text);
    assert.equal(f.data.mentionedInBody, true);
    assert.match(f.message, /正文中虽有提及/);
  });

  it('inserts the skeleton with the number of its place and renumbers the later parts in the same fix', () => {
    const text = withoutFirstResponsible(CLEAN_TOWN);
    const fixed = fixOnce('required-section', text);
    const expected = text
      .replace('三、2024年', `三、${FR_HEADING}\n${FR_SKELETON}\n四、2024年`)
      .replace('四、其他', '五、其他');
    assert.equal(fixed, expected);
    assert.deepEqual(run('required-section', fixed), []);
    // The inserted heading is a part heading the outline recognises, and numbering is unique.
    assert.deepEqual(run('heading-numbering', fixed), []);
  });

  it('appends a missing last part with the next number', () => {
    const text = CLEAN_TOWN.replace(/五、其他[^\n]*\n[^\n]*\n/, '');
    const found = run('required-section', text);
    assert.deepEqual(found.map((f) => [f.data.part, f.severity]), [['other', 'warning']]);
    const fixed = fixOnce('required-section', text);
    assert.equal(fixed, `${text}五、其他需要报告的情况\n${OTHER_SKELETON}\n`);
  });

  it('adds a line break before the appended part when the text does not end with one', () => {
    const text = CLEAN_TOWN.replace(/五、其他[^\n]*\n[^\n]*\n/, '').replace(/\n$/, '');
    const { text: fixed } = applyFixes(text, run('required-section', text));
    assert.equal(fixed, `${text}\n五、其他需要报告的情况\n${OTHER_SKELETON}\n`);
  });

  it('never gives two parts the same number when several are missing (one insertion per pass)', () => {
    const text = withoutFirstResponsible(CLEAN_TOWN).replace(/四、其他[^\n]*\n[^\n]*\n/, '');
    assert.deepEqual(run('required-section', text).map((f) => f.data.part), ['first-responsible', 'other']);
    let current = text;
    for (let pass = 0; pass < 3; pass++) current = applyFixes(current, run('required-section', current)).text;
    assert.deepEqual(run('required-section', current), []);
    const tops = current.split('\n').filter((l) => /^[一二三四五六]、/.test(l)).map((l) => l[0]);
    assert.deepEqual(tops, ['一', '二', '三', '四', '五']);
    assert.ok(current.indexOf(FR_HEADING) < current.indexOf('四、2024年'));
    assert.ok(current.trimEnd().endsWith(OTHER_SKELETON));
  });

  it('keeps Markdown heading prefixes and blank-line layout', () => {
    const text = withoutFirstResponsible(CLEAN_TOWN_MD);
    const fixed = fixOnce('required-section', text);
    const expected = text
      .replace('## 三、2024年', `## 三、${FR_HEADING}\n\n${FR_SKELETON}\n\n## 四、2024年`)
      .replace('## 四、其他', '## 五、其他');
    assert.equal(fixed, expected);
  });

  it('inserts traditional script where the configured script is traditional', () => {
    const text = withoutFirstResponsible(CLEAN_TOWN);
    const found = run('required-section', text, { script: 'traditional' });
    const insert = found[0].fix!.edits.map((e) => e.newText).join('');
    assert.match(insert, /黨政主要負責人/);
  });

  it('reads bold numbered lines as headings (**一、主要举措和成效**, **（一）…**正文), as Word → Markdown conversions write them', () => {
    const bold = CLEAN_TOWN_MD.replace(/^## (.*)$/gm, '**$1**').replace('（一）健全组织，明确责任。', '**（一）健全组织，明确责任** ');
    assert.deepEqual(run('required-section', bold), []);
    const { document, findings } = lint(bold);
    assert.deepEqual(document.outline.sections.map((sec) => sec.part), ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
    assert.equal(document.outline.sections[0].children[0].title, '健全组织，明确责任');
    assert.deepEqual(findings.map((f) => f.rule), []);
  });
});

describe('required-section (a heading naming two parts)', () => {
  /** CLEAN_TOWN with 不足 and 下一年度 joined under one heading 存在的问题和下一步打算 (as many reports do). */
  const combined = CLEAN_TOWN.replace('二、推进法治政府建设存在的不足和原因', '二、存在的问题和下一步打算')
    .replace('四、2024年推进法治政府建设的主要安排\n', '')
    .replace('五、其他', '四、其他');

  it('counts 存在的问题和下一步打算 as both parts: neither is missing', () => {
    assert.match(combined, /二、存在的问题和下一步打算/);
    assert.doesNotMatch(combined, /主要安排/);
    assert.deepEqual(run('required-section', combined), []);
  });

  it('still reports the next-year part missing under a heading that names the shortcomings only', () => {
    const text = combined.replace('二、存在的问题和下一步打算', '二、存在的问题');
    assert.deepEqual(run('required-section', text).map((f) => f.data.part), ['next-year']);
  });
});
