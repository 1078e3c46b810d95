import assert from 'node:assert/strict';
import { applyFixes, fixUntilStable, lint } from '../../server/src/index.js';
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

// Parts a real report has without a top-level heading of its own are not missing (issue 10): the
// 第一责任人 part given as a sub-item of the measures, the measures of an excerpt or of a text whose
// headings were lost, and a report on one line with its headings inline.
describe('required-section (parts present without a top-level heading)', () => {
  it('the first-responsible part as a numbered sub-item (dev 016, 036, 039, 043, 045, 049) is present; section-order says where it belongs', () => {
    for (const sub of [
      '（一）履行法治第一责任人职责，推进法治政府建设',
      '(二)切实履行推进法治建设第一责任人职责。充分发挥街道党委在推进法治建设中的领导核心作用。',
      '2.落实第一责任人职责。严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》。',
    ]) {
      const lines = CLEAN_TOWN.split('\n');
      const start = lines.findIndex((l) => l.includes('三、党政主要负责人'));
      lines.splice(start, 2);
      lines.splice(3, 0, sub);
      const text = lines.join('\n').replace('四、2024年', '三、2024年').replace('五、其他', '四、其他');
      assert.deepEqual(run('required-section', text), [], sub);
      const order = run('section-order', text);
      assert.deepEqual(order.map((f) => [f.data.part, f.data.nested, f.severity]), [['first-responsible', true, 'hint']], sub);
      assert.match(order[0].message, /写成了“推进法治政府建设的主要举措和成效”之下的小标题/);
    }
  });

  it('a part missing elsewhere is still reported', () => {
    const text = CLEAN_TOWN.replace(/四、2024年[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n/, '').replace('五、其他', '四、其他');
    assert.deepEqual(run('required-section', text).map((f) => f.data.part), ['next-year']);
  });

  it('an excerpt starting mid-report (dev 037): sub-items before 二、存在的问题 are the measures', () => {
    const text = [
      '2021年上半年法治政府建设工作情况报告(乡镇版)',
      '……(开头部分已省略650字)',
      '(三)规范执法,提高行政执法工作效能。',
      'x镇持续规范行政执法行为,加强程序制度建设,细化执法流程,明确执法环节和步骤,规范取证活动,坚持文明执法。',
      '(四)广泛宣传,营造依法治镇浓厚氛围。',
      'x镇按照年初制定的普法工作计划,着力营造依法治镇的浓厚氛围,在辖区内深入开展丰富多彩的群众性普法文化活动。',
      '二、法治政府建设工作存在的问题及原因',
      '一是极少数党员干部依法行政的意识不强,没有真正把依法办事落实到具体的行政管理工作中。',
      '',
    ].join('\n');
    const parts = run('required-section', text).map((f) => f.data.part);
    assert.ok(!parts.includes('measures') && !parts.includes('shortcomings'), parts.join());
    assert.deepEqual(run('heading-numbering', text), []);
  });

  it('a report on one line with its headings inline after a full stop (dev 010) has its measures', () => {
    const text = `张八桥镇2023年度法治政府建设情况报告2023年，张八桥镇坚持以习近平新时代中国特色社会主义思想为指导，${'统筹推进依法行政、公正执法、全民守法各项工作，'.repeat(10)}为全镇高质量发展提供了坚实法治保障。一、以思想引领为先导，在深学笃行中凝聚法治共识（一）强化理论武装，筑牢法治根基。${'镇党委理论学习中心组开展习近平法治思想专题学习，'.repeat(3)}覆盖干部80余人。（二）加强统筹谋划，压实法治责任。${'将法治建设纳入全镇发展总体规划，'.repeat(3)}同部署、同推进。二、存在的不足和原因。一是法治宣传形式单一，二是执法力量不足。原因在于人员少、任务重。\n`;
    const { outline } = lint(text).document;
    assert.deepEqual(outline.sections.map((s) => [s.heading.numbering?.marker, s.part]), [['一、', 'measures'], ['二、', 'shortcomings']]);
    assert.deepEqual(outline.sections[0].children.map((s) => s.heading.numbering?.marker), ['（一）', '（二）']);
    const parts = run('required-section', text).map((f) => f.data.part);
    assert.ok(!parts.includes('measures') && !parts.includes('shortcomings'), parts.join());
    assert.deepEqual(run('heading-numbering', text), []);
  });

  it('a text whose headings were all lost (dev 015) reports its work: the measures are not missing; an opening line before 一、存在的问题 is not enough', () => {
    const lost = `${'2022年，司法部坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，深入学习贯彻习近平法治思想。'.repeat(3)}\n统筹推进法治政府建设高质量发展\n${'坚持把学习宣传贯彻党的二十大精神作为首要政治任务，切实贯彻落实到推进法治政府建设全过程和各方面。'.repeat(3)}\n`;
    assert.ok(!run('required-section', lost).some((f) => f.data.part === 'measures'));
    const onlyOpening = CLEAN_TOWN.replace(/一、推进法治政府建设的主要举措和成效\n(?:（[一二三]）[^\n]*\n){3}/, '').replace('二、推进', '一、推进').replace('三、党政', '二、党政').replace('四、2024', '三、2024').replace('五、其他', '四、其他');
    assert.deepEqual(run('required-section', onlyOpening).map((f) => f.data.part), ['measures']);
  });
});

describe('required-section (skeletons in a one-line report)', () => {
  it('inserts a missing part before an inline heading on lines of its own, without copying the line before it', () => {
    const text = `张八桥镇2023年度法治政府建设情况报告2023年，张八桥镇坚持以习近平新时代中国特色社会主义思想为指导，${'统筹推进依法行政、公正执法、全民守法各项工作，'.repeat(10)}提供了坚实法治保障。一、主要举措和成效。镇党委定期研究法治工作。二、存在的不足和原因。一是宣传形式单一。原因是人员少。三、2024年工作安排。继续加强法治建设。四、其他需要报告的情况。无。\n`;
    const found = run('required-section', text);
    assert.deepEqual(found.map((f) => f.data.part), ['first-responsible']);
    const fixed = applyFixes(text, found).text;
    assert.ok(fixed.includes(`原因是人员少。\n三、${FR_HEADING}\n${FR_SKELETON}\n四、2024年工作安排。`), fixed.slice(400, 700));
    assert.equal(fixed.split('张八桥镇2023年度').length, 2, 'the line before the heading is not copied');
  });
});

describe('required-section (第一责任人 first, as many reports since 2020 put it)', () => {
  it('thematic headings after a first-responsible part put first are the measures (dev 000, 024, 060, 061 layout)', () => {
    const text = [
      '静海区2023年度法治政府建设情况报告',
      '2023年，静海区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平法治思想。',
      '一、区政府主要负责同志履行推进法治建设第一责任人职责情况',
      '严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》，坚持高位推动法治政府建设工作。',
      '二、深入推进依法行政，持续优化法治化营商环境',
      '全面推行行政执法三项制度，执法案卷评查合格率100%。',
      '三、存在的不足和原因',
      '执法力量不足。原因是人员少。',
      '',
    ].join('\n');
    const { outline } = lint(text).document;
    assert.deepEqual(outline.sections.map((s) => s.part), ['first-responsible', 'measures', 'shortcomings']);
    assert.ok(!run('required-section', text).some((f) => f.data.part === 'measures'));
    // After the shortcomings, a thematic heading is still not a measures part.
    const lines = text.split('\n');
    const after = [...lines.slice(0, 4), '二、存在的不足和原因', lines[7], '三、深入推进依法行政，持续优化法治化营商环境', lines[5], ''].join('\n');
    assert.equal(lint(after).document.outline.parts.get('measures')!.length, 0);
  });

  it('after a setext heading (a line underlined with --- or ===) the skeleton headings are Markdown headings of its depth, inserted once', () => {
    // The unmarked heading copied from a setext heading was a paragraph: the part stayed missing and --fix appended
    // “其他需要报告的情况” on each of its ten passes.
    for (const [underline, hashes] of [['---', '## '], ['===', '# ']]) {
      const text = `某县2023年法治政府建设情况报告\n\n一、主要举措和成效\n\n全年开展活动。\n\n结束语\n${underline}\n`;
      const only = (t: string) => ({ findings: lint(t).findings.filter((f) => f.rule === 'required-section') });
      const { text: fixed, outcome } = fixUntilStable(text, only(text), only);
      assert.deepEqual(outcome.findings, [], underline);
      assert.equal(fixed.split('其他需要报告的情况\n').length - 1, 1, fixed);
      assert.ok(fixed.includes(`\n${hashes}其他需要报告的情况\n`) && fixed.includes(`\n${hashes}${FR_HEADING}\n`), fixed);
      assert.deepEqual(lint(fixed).document.outline.sections.map((s) => s.part), ['measures', 'measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
    }
    // Inserted before a setext heading, which keeps its underline and takes the next number.
    const before = '某县2023年法治政府建设情况报告\n\n一、主要举措和成效\n---\n\n全年开展活动。\n\n二、下一年度工作安排\n---\n\n继续努力。\n';
    const only = (t: string) => ({ findings: lint(t).findings.filter((f) => f.rule === 'required-section') });
    const fixed = fixUntilStable(before, only(before), only).text;
    assert.ok(fixed.includes('\n## 二、推进法治政府建设存在的不足和原因\n') && fixed.includes('\n\n四、下一年度工作安排\n---\n'), fixed);
  });

  it('after bold headings (**一、主要举措和成效**) the skeleton headings are bold too, each part inserted once', () => {
    // The copy took the opening ** but not the closing one: an unclosed ** line was no heading, and --fix inserted the
    // shortcomings part on each of its ten passes.
    const text = '某县2023年法治政府建设情况报告\n\n**一、主要举措和成效**\n\n全年开展活动。\n';
    const only = (t: string) => ({ findings: lint(t).findings.filter((f) => f.rule === 'required-section') });
    const { text: fixed, outcome } = fixUntilStable(text, only(text), only);
    assert.deepEqual(outcome.findings, []);
    assert.ok(fixed.includes('\n**二、推进法治政府建设存在的不足和原因**\n') && fixed.includes('\n**五、其他需要报告的情况**\n'), fixed);
    assert.deepEqual(lint(fixed).document.outline.sections.map((s) => s.part), ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
  });

  it('a skeleton that did not become a part (swallowed by an HTML block left open) is inserted once: the part is still reported, without a fix', () => {
    const text = '某县2023年法治政府建设情况报告\n一、主要举措和成效\n全年开展活动。\n<div class="footer">\n';
    const only = (t: string) => ({ findings: lint(t).findings.filter((f) => f.rule === 'required-section') });
    const { text: fixed, outcome } = fixUntilStable(text, only(text), only);
    assert.equal(fixed.split('【请填写存在的不足】').length - 1, 1, fixed);
    assert.deepEqual(outcome.findings.map((f) => [f.data.part, f.fix]), [['shortcomings', undefined], ['first-responsible', undefined], ['next-year', undefined], ['other', undefined]]);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'required-section',
  defect: '删去“五、其他需要报告的情况”整节',
  inject: (t) => t.replace(recall.between(t, '## 五、', '宁远县人民政府\n\n2025年'), ''),
  part: 'other',
});

describe('required-section: heading wordings of real reports', () => {
  // Probe battery (PROBE, 4 Dec): 短板与不足, 差距和不足, 面临的困难和挑战 (shortcomings) and 下步打算 (next-year) were
  // reported missing although the report has them.
  const P = '全年开展相关工作，取得明显成效，群众满意度不断提升。';
  const report = (short: string, next: string) => `红星镇2023年法治政府建设情况报告\n2023年，红星镇全面推进依法行政。\n一、主要举措和成效\n${P}\n二、${short}\n一是学法不够深入。原因是培训不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n${P}\n四、${next}\n${P}\n五、其他需要报告的情况\n无。\n`;
  it('reads 短板与不足, 差距和不足, 面临的困难和挑战 as the shortcomings and 下步打算 as the next year\'s plans', () => {
    for (const [short, next] of [['短板与不足', '下步打算'], ['差距和不足及原因', '2024年工作安排'], ['面临的困难和挑战', '下步工作打算']]) {
      assert.deepEqual(run('required-section', report(short, next)), [], short);
    }
  });

  it('a thematic measures heading naming 短板 is not the shortcomings part', () => {
    const text = report('存在的不足和原因', '2024年工作安排').replace('一、主要举措和成效', '一、坚持问题导向，补齐短板与不足，全面推进依法行政');
    const parts = lint(text).document.outline.sections.map((s) => s.part);
    assert.deepEqual(parts, ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
  });
});
