// The outline: which blocks are headings, at which level, and which statutory part each top-level
// section is — for the ways real reports number and phrase their headings.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/index.js';
import { parseNumbering } from '../../server/src/engine/numbering.js';
import { partOfTitle, partsOfTitle, normalizeTitle } from '../../server/src/engine/outline.js';

const outlineOf = (text: string) => lint(text).document.outline;
const tops = (text: string) => outlineOf(text).sections.map((s) => [s.title, s.parts ?? []]);

const BODY = [
  '2023年以来，青山镇坚持依法行政。',
  '一、主要举措和成效',
  '镇党委定期研究法治工作。',
  '二、存在的不足和原因',
  '执法不规范。原因是人员不足。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记认真履职。',
  '四、2024年主要安排',
  '加强队伍建设。',
  '五、其他需要报告的情况',
  '无。',
];
const report = (lines: string[]) => ['青山镇关于2023年法治政府建设情况的报告', ...lines, ''].join('\n');

describe('outline: 第一部分, 第二部分… above 一、', () => {
  const text = report([
    '2023年以来，青山镇坚持依法行政。',
    '第一部分 2023年法治政府建设主要工作及成效',
    '一、加强组织领导。镇党委定期研究法治工作。',
    '二、推进依法决策。全年合法性审查文件18件。',
    '第二部分：存在的问题及原因',
    '一、存在的问题。执法力量不足。',
    '二、原因分析。编制有限。',
    '第三部分、党政主要负责人履行推进法治建设第一责任人职责情况',
    '镇党委书记认真履职。',
    '第四部分 2024年工作安排',
    '一、加强队伍建设。',
    '第五部分 其他需要报告的情况',
    '无。',
  ]);

  it('makes 第X部分 the top level, 一、 the level below, and maps the parts', () => {
    const outline = outlineOf(text);
    assert.deepEqual(
      outline.sections.map((s) => [s.heading.numbering?.marker, s.title, s.part]),
      [
        ['第一部分', '2023年法治政府建设主要工作及成效', 'measures'],
        ['第二部分', '存在的问题及原因', 'shortcomings'],
        ['第三部分', '党政主要负责人履行推进法治建设第一责任人职责情况', 'first-responsible'],
        ['第四部分', '2024年工作安排', 'next-year'],
        ['第五部分', '其他需要报告的情况', 'other'],
      ],
    );
    assert.deepEqual(outline.sections[1].children.map((c) => [c.title, c.level]), [['存在的问题', 2], ['原因分析', 2]]);
    // 一、 starting again under each 第X部分 is no restart, and nothing is missing.
    const findings = lint(text).findings.filter((f) => ['heading-numbering', 'required-section'].includes(f.rule));
    assert.deepEqual(findings.map((f) => f.message), []);
  });

  it('does not take a sentence starting with 第一部分 for a heading', () => {
    assert.equal(parseNumbering('第一部分是')?.style, 'cn-part');
    const prose = text.replace('一、加强组织领导。', '第一部分是本镇的主要做法，具体如下。\n一、加强组织领导。');
    const block = lint(prose).document.blocks.find((b) => b.text.startsWith('第一部分是'))!;
    assert.equal(block.numbering, undefined);
    assert.equal(block.isHeading, false);
    assert.equal(parseNumbering('第一部分。'), undefined);
  });

  it('still flags a 第X部分 sequence that skips', () => {
    const skipped = text.replace('第三部分、', '第四部分、').replace('第四部分 2024', '第五部分 2024').replace('第五部分 其他', '第六部分 其他');
    const found = lint(skipped).findings.filter((f) => f.rule === 'heading-numbering');
    assert.deepEqual(found.map((f) => f.message), ['序号跳号：“第二部分”之后是“第四部分”。']);
  });
});

describe('outline: 一． / 一. (dot after a Chinese numeral)', () => {
  it('reads 一．/一. as a level-1 heading and flags it among 一、 with a fix to 一、', () => {
    const text = report(BODY.map((l) => l.replace(/^一、/, '一．').replace(/^二、/, '二.')));
    assert.deepEqual(
      outlineOf(text).sections.map((s) => s.part),
      ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other'],
    );
    const found = lint(text).findings.filter((f) => f.rule === 'heading-numbering');
    assert.deepEqual(found.map((f) => [f.message, f.fix?.edits[0].newText]), [
      ['序号“一．”与同级序号样式不一致，应为“一、”。', '一、'],
      ['序号“二.”与同级序号样式不一致，应为“二、”。', '二、'],
    ]);
  });

  it('accepts a report numbered 一．二．三． throughout (四．2024年… too), and leaves an ellipsis alone', () => {
    const text = report(BODY.map((l) => l.replace(/^([一二三四五])、/, '$1．')));
    assert.equal(outlineOf(text).sections.length, 5);
    assert.deepEqual(lint(text).findings.filter((f) => f.rule === 'heading-numbering'), []);
    assert.equal(parseNumbering('四．2024年主要安排')?.value, 4);
    assert.equal(parseNumbering('一...'), undefined);
  });
});

describe('outline: a heading naming two parts', () => {
  it('maps 存在的问题和下一步打算 to both shortcomings and next-year', () => {
    for (const title of ['存在的问题和下一步打算', '存在的问题、原因及下一步工作打算', '存在的不足及2024年工作计划']) {
      assert.deepEqual(partsOfTitle(normalizeTitle(title)), ['shortcomings', 'next-year'], title);
    }
    assert.deepEqual(partsOfTitle(normalizeTitle('2023年工作开展情况及2024年工作计划')), ['next-year', 'measures']);
  });

  it('keeps one part for a heading whose joined phrases name the same part or none', () => {
    for (const [title, parts] of [
      ['存在的不足和原因', ['shortcomings']],
      ['主要举措和成效', ['measures']],
      ['党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况', ['first-responsible']],
      ['2024年工作思路和目标举措', ['next-year']],
      ['坚持依法决策、科学决策、民主决策', []],
    ] as const) {
      assert.deepEqual(partsOfTitle(normalizeTitle(title)), parts, title);
    }
  });
});

describe('outline: part headings as real reports phrase them', () => {
  const cases: [string, string | undefined][] = [
    ['2023年法治政府建设主要工作及成效', 'measures'],
    ['工作开展情况', 'measures'],
    ['主要做法', 'measures'],
    ['存在的差距和不足', 'shortcomings'],
    ['下一步工作计划', 'next-year'],
    ['2024年工作思路', 'next-year'],
    ['今后工作打算', 'next-year'],
    ['2024年工作重点', 'next-year'],
    ['2024年工作要点', 'next-year'],
    ['工作展望', 'next-year'],
    ['下一步努力方向', 'next-year'],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', 'first-responsible'],
    ['主要负责人履职情况', 'first-responsible'],
    ['党政主要领导履行法治建设职责情况', 'first-responsible'],
    ['其他事项', 'other'],
    ['其他需要说明的情况', 'other'],
    ['其他', 'other'],
  ];
  it('maps each to its part', () => {
    for (const [title, part] of cases) assert.equal(partOfTitle(normalizeTitle(title)), part, title);
  });

  it('leaves thematic headings unnamed (they count as measures before the shortcomings part)', () => {
    for (const title of ['聚焦重点工作，推进依法决策', '强化工作重点领域执法', '加强组织领导', '下沉执法力量', '其他部门协同联动']) {
      assert.equal(partOfTitle(normalizeTitle(title)), undefined, title);
    }
  });

  it('finds the first-responsible part under 主要负责人履职情况 (no required-section finding)', () => {
    const text = report(BODY.map((l) => (l.startsWith('三、') ? '三、主要负责人履职情况' : l)));
    assert.deepEqual(tops(text).map((t) => t[1][0]), ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
    assert.deepEqual(lint(text).findings.filter((f) => f.rule === 'required-section'), []);
  });
});

describe('outline: Markdown title below depth 1', () => {
  const md = (title: string, sectionDepth: string) =>
    [`${title}`, '', '2023年以来，青山镇坚持依法行政。', '', ...BODY.slice(1).map((l) => (/^[一二三四五]、/.test(l) ? `${sectionDepth} ${l}` : l)), ''].join('\n\n');

  it('takes ## ××镇关于2023年…的报告 over ### 一、… (or ## 一、…) for the title, not a section', () => {
    for (const depth of ['###', '##']) {
      const text = md('## 青山镇关于2023年法治政府建设情况的报告', depth);
      const { outline, meta } = lint(text).document;
      assert.equal(meta.title, '青山镇关于2023年法治政府建设情况的报告', depth);
      assert.deepEqual(outline.sections.map((s) => s.part), ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other'], depth);
      assert.deepEqual(lint(text).findings.filter((f) => f.rule === 'title'), [], depth);
    }
  });

  it('does not take a deeper heading for the title after a numbered heading, or a part heading naming 报告', () => {
    const after = md('## 一、青山镇法治政府建设情况报告', '##').replace('## 一、主要举措和成效', '## 六、主要举措和成效');
    assert.ok(lint(after).document.outline.sections.some((s) => s.title === '青山镇法治政府建设情况报告'));
    const part = ['## 其他需要报告的情况', '', '无。', '', '### 一、主要举措和成效', '', '镇党委定期研究法治工作。', ''].join('\n');
    assert.deepEqual(lint(part).document.outline.sections.map((s) => s.title), ['其他需要报告的情况', '主要举措和成效']);
  });
});

describe('outline: bold run-in heading after a list number (1. **加强组织领导。**正文)', () => {
  it('takes the bold words for the heading title', () => {
    const text = report(BODY.map((l) => (l === '镇党委定期研究法治工作。' ? '1. **加强组织领导。**镇党委定期研究法治工作。' : l)));
    const sub = lint(text).document.outline.sections[0].children[0];
    assert.equal(sub.title, '加强组织领导');
  });

  it('keeps the heading of a run-in paragraph with bold text later on as it was', () => {
    const text = report(BODY.map((l) => (l === '镇党委定期研究法治工作。' ? '1. 加强组织领导。镇党委**定期**研究法治工作。' : l)));
    assert.equal(lint(text).document.outline.sections[0].children[0].title, '加强组织领导');
  });
});

// Layouts of published reports (issue 10): headings spaced out by a paste, a report on one line, parts given as
// sub-items or as a heading that lost its number.
describe('outline: layouts of published reports', () => {
  it('reads markers and headings spaced out by a paste (一 、 （ 一 ） 第 一 部 分; 第一责任人 职责情况)', () => {
    assert.equal(parseNumbering('一 、主要举措和成效')?.value, 1);
    assert.equal(parseNumbering('（ 二 ）加强组织领导')?.level, 2);
    assert.deepEqual([parseNumbering('第 一 部 分 主要举措和成效')?.style, parseNumbering('第 一 部 分 主要举措和成效')?.value], ['cn-part', 1]);
    assert.equal(partOfTitle(normalizeTitle('党政主要负责人履行推进法治建设第一责任人 职责情况')), 'first-responsible');
    assert.equal(partOfTitle(normalizeTitle('存在的 不足 和原因')), 'shortcomings');
    // Not a marker: 一、 inside a sentence, or a year.
    assert.equal(parseNumbering('一 年来，全镇…'), undefined);
  });

  it('splits a one-line report at its inline headings (…保障。一、…（一）…。（二）…。二、…) and leaves long paragraphs of ordinary reports whole', () => {
    const oneLine = `青山镇2023年度法治政府建设情况报告2023年，青山镇${'统筹推进依法行政、公正执法、全民守法各项工作，'.repeat(10)}提供了坚实法治保障。一、以思想引领为先导，凝聚法治共识（一）强化理论武装。${'开展习近平法治思想专题学习，'.repeat(4)}覆盖干部80余人。（二）压实法治责任。${'将法治建设纳入发展总体规划，'.repeat(4)}同部署。二、存在的不足和原因。一是宣传形式单一。原因是人员少。\n`;
    const outline = outlineOf(oneLine);
    assert.deepEqual(tops(oneLine), [['以思想引领为先导，凝聚法治共识', ['measures']], ['存在的不足和原因', ['shortcomings']]]);
    assert.deepEqual(outline.sections[0].children.map((s) => s.title), ['强化理论武装', '压实法治责任']);
    // The segments are the line's: same line number, offsets into the text.
    assert.ok(outline.all.every((s) => s.heading.line === 0 && oneLine.slice(s.heading.start, s.heading.end) === s.heading.text));
    const ordinary = report([...BODY.slice(0, 2), `镇党委定期研究法治工作。${'按照要求推进各项工作，'.repeat(30)}主要做法如下：一、健全制度；二、压实责任。`, ...BODY.slice(2)]);
    assert.deepEqual(tops(ordinary).map((t) => t[1][0]), ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other']);
  });

  it('keeps parts given as a sub-item or as a heading without its number in `nested` (present, out of place)', () => {
    const sub = report(['2023年以来，青山镇坚持依法行政。', '一、主要举措和成效', '（一）履行推进法治建设第一责任人职责。镇党委书记带头学法述法。', '（二）完善普法工作计划。', '二、存在的不足和原因', '执法不规范。']);
    const o = outlineOf(sub);
    assert.deepEqual([...o.nested.keys()], ['first-responsible']);
    assert.equal(o.nested.get('first-responsible')![0].title, '履行推进法治建设第一责任人职责');
    // 完善普法工作计划 does not name the next-year part.
    assert.equal(o.nested.has('next-year'), false);
    const unnumbered = report(['2023年以来，青山镇坚持依法行政。', '一、主要举措和成效', '镇党委定期研究法治工作。', '存在的问题和不足', '执法不规范，原因是人员不足。']);
    assert.equal(outlineOf(unnumbered).nested.get('shortcomings')?.[0].heading.text, '存在的问题和不足');
  });

  it('counts as measures what comes before the first part heading of an excerpt or a text whose 一、 was lost', () => {
    const lostFirst = report(['2023年以来，青山镇坚持依法行政，全面推进法治政府建设。', '镇党委定期研究法治工作，开展习近平法治思想专题学习12次，覆盖干部300余人次。行政执法人员持证上岗率100%。', '全年办理行政复议案件3件，行政诉讼案件2件，无败诉；主动公开政府信息128条，办理依申请公开3件，全部按期答复。', '二、存在的不足和原因', '执法不规范。原因是人员不足。']);
    assert.deepEqual([...outlineOf(lostFirst).implicit], ['measures']);
    const noMeasures = report(['2023年以来，青山镇坚持依法行政。', '一、存在的不足和原因', '执法不规范。原因是人员不足。']);
    assert.deepEqual([...outlineOf(noMeasures).implicit], []);
  });
});

describe('outline: a doc-site text, one page per line (dev 004)', () => {
  it('finds 一、 on page 1 and 二、（一） on page 2 after the page markers; no numbering complaint', async () => {
    const { readReal } = await import('../helpers/expectations.js');
    const text = readReal('004_changzheng-town-docsite.txt');
    const { document, findings } = lint(text);
    assert.deepEqual(document.outline.sections.map((s) => s.heading.numbering?.marker), ['一、', '二、']);
    assert.deepEqual(document.outline.sections[1].children.map((s) => s.heading.numbering?.marker), ['(一)']);
    assert.deepEqual(findings.filter((f) => ['heading-numbering', 'number-format', 'required-section'].includes(f.rule) && f.severity !== 'hint' && f.data.part !== 'shortcomings' && f.data.part !== 'first-responsible' && f.data.part !== 'next-year' && f.data.part !== 'other'), []);
    assert.equal(document.meta.title, '2023年度乡镇法治政府建设情况报告及2023年工作方案');
  });
});

describe('numbering: markers of pasted and typed reports', () => {
  // Probe battery of heading layouts (PROBE, 4 Dec): 4.2024年工作安排 and full-width １． were not read as markers,
  // so the next-year part (or every part) was reported missing.
  it('an arabic marker before a year (4.2024年工作安排) and full-width digits (１． ２、（３）) are markers', () => {
    assert.deepEqual(parseNumbering('4.2024年工作安排'), { style: 'arabic-dot', level: 3, value: 4, marker: '4.' });
    assert.deepEqual(parseNumbering('１．主要举措和成效'), { style: 'arabic-dot', level: 3, value: 1, marker: '１．' });
    assert.equal(parseNumbering('１２、存在的不足')?.value, 12);
    assert.equal(parseNumbering('（３）规范执法')?.value, 3);
    // Still not a decimal or a date.
    assert.equal(parseNumbering('4.5亿元用于…'), undefined);
    assert.equal(parseNumbering('2023.3.1召开会议'), undefined);
    assert.equal(parseNumbering('1.2万人次参加'), undefined);
  });

  it('a report numbered 1. 2. 3. 4.2024年… has its four parts', () => {
    const P = '全年开展相关工作，取得明显成效，群众满意度不断提升。';
    const text = `红星镇2023年法治政府建设情况报告\n2023年，红星镇全面推进依法行政。\n1.主要举措和成效\n${P}\n2.存在的不足和原因\n一是学法不够深入。原因是培训不足。\n3.党政主要负责人履行推进法治建设第一责任人职责情况\n${P}\n4.2024年工作安排\n${P}\n`;
    const parts = lint(text).document.outline.sections.map((s) => s.part);
    assert.deepEqual(parts, ['measures', 'shortcomings', 'first-responsible', 'next-year']);
  });
});
