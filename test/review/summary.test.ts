// The reviewer's summary of a report, built from the engine's result on the real seed reports.
import assert from 'node:assert/strict';
import { check, lint, resolve, RULES, type Finding } from '../../server/src/index.js';
import { copiedShareOf, partsOf, reportDateOf, reviewReport, ruleCounts, summarize } from '../../server/src/review/model.js';
import { matchPrevious, type PreviousReport } from '../../server/src/review/collect.js';
import { seed } from '../helpers/rules.js';
import { readFileSync } from 'node:fs';

function review(text: string, config?: Parameters<typeof resolve>[0]) {
  const resolved = resolve(config);
  return reviewReport({ path: 'x.txt', result: lint(text, resolved), config: resolved }, 0);
}

function labels(text: string, config?: Parameters<typeof resolve>[0]): Record<string, string> {
  const r = review(text, config);
  return Object.fromEntries(Object.entries(r.parts).map(([id, p]) => [id, p.label]));
}

describe('review: parts checklist from the structure rules', () => {
  it('seed 003 (如皋市司法局) has no 第一责任人 part and no 其他 part; its 不足 part gives no causes', () => {
    const l = labels(seed('003'));
    assert.equal(l['first-responsible'], '✘');
    assert.equal(l.other, '✘');
    assert.equal(l.shortcomings, '缺原因');
    assert.equal(l.measures, '✔');
    assert.equal(l['next-year'], '✔');
  });

  it('seed 004 (王鲍镇) puts 第一责任人 out of order', () => {
    const l = labels(seed('004'));
    assert.equal(l['first-responsible'], '位置不对');
    assert.equal(l.shortcomings, '✔');
    assert.equal(l.measures, '✔');
  });

  it('the corrected example report has every part, and no error', () => {
    const r = review(readFileSync(new URL('../../examples/wangbao-2023-final.md', import.meta.url), 'utf8'));
    assert.deepEqual(Object.values(r.parts).map((p) => p.label), ['✔', '✔', '✔', '✔', '✔']);
    assert.equal(r.counts.errors, 0);
    assert.equal(r.first, null);
  });

  it('with required-section off, presence is read from the outline instead of being assumed', () => {
    const l = labels(seed('003'), { rules: { 'required-section': 'off' } });
    assert.equal(l['first-responsible'], '✘');
    assert.equal(l.measures, '✔');
    const result = lint(seed('003'), resolve({ rules: { 'required-section': 'off' } }));
    const parts = partsOf(result.findings, result);
    // Without the resolved config the rule is assumed on: no finding, so nothing reported missing.
    assert.equal(parts['first-responsible'].present, true);
  });
});

describe('review: unit, level, year, title and counts', () => {
  it('reads the body, level and year the engine infers (seed 003: a department without a title)', () => {
    const r = review(seed('003'));
    assert.equal(r.unit, '如皋市司法局');
    assert.equal(r.level, 'department');
    assert.equal(r.levelLabel, '部门');
    assert.equal(r.year, 2023);
    assert.equal(r.title, null);
  });

  it('seed 001: the town under its county, with its title', () => {
    const r = review(seed('001'));
    assert.equal(r.unit, '重庆市潼南区小渡镇');
    assert.equal(r.unitShort, '小渡镇');
    assert.equal(r.level, 'town');
    assert.equal(r.year, 2022);
    assert.match(r.title ?? '', /^重庆市潼南区小渡镇关于2022年法治政府建设情况的报告$/);
  });

  it('a configured profile wins over the inferred level', () => {
    assert.equal(review(seed('004'), { profile: 'county' }).level, 'county');
  });

  it('counts per severity and per rule are those of check(), and the findings keep its order', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seed(prefix);
      const findings = check(text);
      const r = review(text);
      assert.equal(r.counts.errors, findings.filter((f) => f.severity === 'error').length, prefix);
      assert.equal(r.counts.warnings, findings.filter((f) => f.severity === 'warning').length, prefix);
      assert.equal(r.counts.infos, findings.filter((f) => f.severity === 'info').length, prefix);
      assert.equal(r.counts.hints, findings.filter((f) => f.severity === 'hint').length, prefix);
      assert.equal(Object.values(r.rules).reduce((a, b) => a + b, 0), findings.length, prefix);
      assert.deepEqual(r.findings.map((f) => `${f.rule}@${f.line}:${f.column}`), findings.map((f) => `${f.rule}@${f.line}:${f.column}`), prefix);
      assert.deepEqual(r.findings.map((f) => f.n), findings.map((_, i) => i + 1));
    }
  });

  it('opens at the first error in document order', () => {
    const r = review(seed('002'));
    const firstError = check(seed('002')).find((f) => f.severity === 'error')!;
    assert.deepEqual(r.first, { line: firstError.line, column: firstError.column, severity: 'error' });
  });

  it('rule counts over several reports: findings and reports per rule, most frequent first', () => {
    const reports = ['000', '003', '004'].map((p) => review(seed(p)));
    const counts = ruleCounts(reports, (id) => RULES.find((r) => r.id === id)?.severity);
    for (let i = 1; i < counts.length; i++) assert.ok(counts[i - 1].findings >= counts[i].findings);
    const pinyin = counts.find((c) => c.rule === 'pinyin-residue')!;
    assert.equal(pinyin.findings, reports.reduce((n, r) => n + (r.rules['pinyin-residue'] ?? 0), 0));
    assert.equal(pinyin.reports, reports.filter((r) => r.rules['pinyin-residue']).length);
    assert.equal(pinyin.severity, 'error');
    const s = summarize(reports);
    assert.equal(s.reports, 3);
    assert.equal(s.complete, 0);
    assert.equal(s.errors, reports.reduce((n, r) => n + r.counts.errors, 0));
  });
});

describe('review: report date and copied share (fields other rules fill in)', () => {
  it('the date the engine found in the meta, or null (shown as —) when there is none', () => {
    const result = lint(seed('004'));
    const date = (result.document.meta as { reportDate?: { text: string } }).reportDate;
    assert.equal(reportDateOf(result, 2023)?.text ?? null, date?.text ?? null);
    delete (result.document.meta as { reportDate?: unknown }).reportDate;
    assert.equal(reportDateOf(result, 2023), null);
  });

  it('on time up to 4月1日 of the next year, late after it; another year is not “on time”', () => {
    const result = lint(seed('004'));
    const meta = result.document.meta as unknown as { reportDate?: object };
    const at = (year: number, month: number, day: number, config = resolve()) => {
      meta.reportDate = { year, month, day, start: 10, end: 20, text: `${year}年${month}月${day}日` };
      return reportDateOf(result, 2023, config);
    };
    assert.equal(at(2024, 3, 31)!.onTime, true);
    assert.equal(at(2024, 4, 1)!.onTime, true);
    assert.equal(at(2024, 4, 2)!.onTime, false);
    assert.equal(at(2024, 4, 2)!.deadline, '04-01');
    assert.equal(at(2025, 1, 5)!.yearMatches, false);
    assert.equal(at(2025, 1, 5)!.onTime, null);
    assert.equal(at(2023, 12, 30)!.yearMatches, false);
    assert.equal(at(2024, 2, 1)!.yearMatches, true);
    assert.equal(at(2024, 4, 2)!.line, result.document.lines.position(10).line);
    assert.equal(at(2024, 2, 1)!.text, '2024年2月1日');
    // The deadline report-date is configured with (a department reporting to its government earlier).
    const early = resolve({ rules: { 'report-date': { deadline: '03-01' } } } as never);
    assert.equal(at(2024, 3, 2, early)!.onTime, false);
    assert.equal(at(2024, 3, 1, early)!.onTime, true);
    assert.equal(at(2024, 3, 1, early)!.deadline, '03-01');
  });

  it('the copied share is copied-report’s data.copiedShare, only in 0..1', () => {
    const finding = (rule: string, data: Record<string, unknown>) => ({ rule, data }) as unknown as Finding;
    assert.equal(copiedShareOf([finding('typo', { copiedShare: 0.5 }), finding('copied-report', { copiedShare: 0.42 })]), 0.42);
    assert.equal(copiedShareOf([finding('copied-report', { copiedShare: 7 })]), null);
    assert.equal(copiedShareOf([finding('copied-report', {})]), null);
  });
});

describe('review: last year’s report of the same unit', () => {
  const previous: PreviousReport[] = [
    { display: 'last/xiaodu-2021.txt', text: '', unit: '小渡镇', year: 2021 },
    { display: 'last/xiaodu-2020.txt', text: '', unit: '小渡镇', year: 2020 },
    { display: 'last/wangbao.txt', text: '', unit: '王鲍镇', year: 2022 },
    { display: 'last/baipu.txt', text: '', unit: '白蒲镇' },
  ];

  it('matches by the unit the engine infers, preferring the year before', () => {
    assert.equal(matchPrevious('小渡镇', 2022, previous)?.display, 'last/xiaodu-2021.txt');
    assert.equal(matchPrevious('小渡镇', 2021, previous)?.display, 'last/xiaodu-2020.txt');
    assert.equal(matchPrevious('王鲍镇', 2023, previous)?.display, 'last/wangbao.txt');
  });

  it('no match for another unit, a later year only, or no unit; an undated one only when it is the only one', () => {
    assert.equal(matchPrevious('张八桥镇', 2023, previous), undefined);
    assert.equal(matchPrevious('小渡镇', 2020, previous), undefined);
    assert.equal(matchPrevious(undefined, 2023, previous), undefined);
    assert.equal(matchPrevious('白蒲镇', 2024, previous)?.display, 'last/baipu.txt');
    assert.equal(matchPrevious('王鲍镇', 2023, previous, 'last/wangbao.txt'), undefined);
  });

  it('the units of real reports match across the seed and the example of the same town', () => {
    const a = lint(seed('001')).document.meta;
    const b = lint(readFileSync(new URL('../../examples/xiaodu-2022-web-copy.txt', import.meta.url), 'utf8')).document.meta;
    assert.equal(a.bodyShort, b.bodyShort);
  });
});
