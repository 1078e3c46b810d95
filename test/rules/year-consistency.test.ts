import assert from 'node:assert/strict';
import { lint } from '../../server/src/index.js';
import { CLEAN_TOWN, CLEAN_TOWN_MD, covered, lineOf, run } from './helpers.js';

const RULE = 'year-consistency';

describe('year-consistency', () => {
  it('accepts consistent years: report year in the parts, year + 1 in the next-year part, ranges and cited titles', () => {
    assert.deepEqual(run(RULE, CLEAN_TOWN), []);
    assert.deepEqual(run(RULE, CLEAN_TOWN_MD), []);
    const text = CLEAN_TOWN.replace('（一）健全组织', '（一）落实《法治政府建设实施纲要（2021—2025年）》，健全组织').replace(
      '一、推进法治政府建设的主要举措和成效',
      '一、2023年推进法治政府建设的主要举措和成效',
    );
    assert.deepEqual(run(RULE, text), []);
  });

  it('flags a heading of another year (title 2025, heading 2024)', () => {
    const text = CLEAN_TOWN.replace(/2023年/g, '2025年').replace(/2024年/g, '2026年').replace('一、推进', '一、2024年推进');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, lineOf(text, '一、2024年'));
    assert.equal(covered(text, found[0]), '2024年');
    assert.equal(found[0].data.part, 'measures');
    assert.match(found[0].message, /“2024年”.*标题.*2025年/);
  });

  it('flags a next-year part that is not year + 1 (heading and opening sentence)', () => {
    const text = CLEAN_TOWN.replace(/2024年/g, '2023年');
    const found = run(RULE, text);
    assert.deepEqual(found.map((f) => [f.line, covered(text, f), f.data.part]), [
      [lineOf(text, '四、2023年'), '2023年', 'next-year'],
      [lineOf(text, '2023年，张八桥镇将'), '2023年', 'next-year'],
    ]);
    assert.match(found[0].message, /下一年度应为2024年/);
  });

  it('flags an opening year that disagrees with the title', () => {
    const text = CLEAN_TOWN.replace('2023年以来', '2022年以来');
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 2);
    assert.equal(covered(text, found[0]), '2022年');
    assert.match(found[0].message, /正文开头的“2022年”与标题的报告年度2023年不一致/);
  });

  it('flags a title year that disagrees with the configured year', () => {
    const found = run(RULE, CLEAN_TOWN, { year: 2024 });
    assert.ok(found.some((f) => f.line === 1 && /配置的报告年度2024年/.test(f.message)));
  });
});

describe('year-consistency (a heading naming two parts)', () => {
  const combined = CLEAN_TOWN.replace('二、推进法治政府建设存在的不足和原因', '二、存在的问题及下一步打算\n（一）存在的问题')
    .replace('究其原因', '（二）2024年工作打算\n2024年，张八桥镇将加强普法。究其原因');

  it('expects year + 1 in the subsection about next year (（二）2024年工作打算)', () => {
    assert.match(combined, /（二）2024年工作打算/);
    assert.deepEqual(run(RULE, combined), []);
  });

  it('flags a wrong year there, and the report year in the subsection about the shortcomings', () => {
    const wrong = combined.replace('（二）2024年工作打算', '（二）2025年工作打算').replace('（一）存在的问题', '（一）2022年存在的问题');
    const found = run(RULE, wrong);
    assert.deepEqual(found.map((f) => [covered(wrong, f), f.data.part, f.data.expected]), [
      ['2022年', 'shortcomings', 2023],
      ['2025年', 'next-year', 2024],
    ]);
  });
});

describe('year-consistency (report written in January of the next year)', () => {
  const opening = '2024年1月，按照县委全面依法治县委员会办公室要求，现将张八桥镇2023年度法治政府建设情况报告如下：';

  it('takes the report year, not the date, from an opening dated 2024年1月', () => {
    const text = CLEAN_TOWN.replace('张八桥镇关于2023年法治政府建设情况的报告', '张八桥镇法治政府建设情况报告')
      .replace(/^2023年以来，[^\n]*/m, opening)
      .replace('一、推进', '一、2023年推进');
    const doc = lint(text).document;
    assert.equal(doc.meta.year, 2023);
    assert.deepEqual(run(RULE, text), []);
  });

  it('still takes a leading year (2022年以来) as the report year when the title has none', () => {
    const text = CLEAN_TOWN.replace('张八桥镇关于2023年法治政府建设情况的报告', '张八桥镇法治政府建设情况报告')
      .replace('2023年以来', '2022年以来')
      .replace('一、推进', '一、2023年推进');
    assert.equal(lint(text).document.meta.year, 2022);
    assert.ok(run(RULE, text).some((f) => covered(text, f) === '2023年'));
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'year-consistency',
  defect: '下一年度部分写成2026年',
  inject: (t) => recall.replaceOnce(t, '## 四、2025年推进', '## 四、2026年推进'),
  match: '2026年',
});
