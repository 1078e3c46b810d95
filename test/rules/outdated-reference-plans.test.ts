// outdated-reference: plans past their period (纲要（2021—2025年）, “八五”普法) cited as current in a later report.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { applyFixes } from '../../server/src/index.js';
import { cleanFiles, coveredAll, findings } from './helpers.js';

const RULE = 'outdated-reference';

describe('outdated-reference: expired plans', () => {
  const current = '深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，扎实推进“八五”普法规划实施。';

  it('in a report on 2026: info, with a suggestion only (the successor\'s name needs checking), never a bulk fix', () => {
    const fs = findings(RULE, current, { year: 2026 });
    assert.deepEqual(coveredAll(current, fs), ['《法治政府建设实施纲要（2021—2025年）》', '“八五”普法规划']);
    assert.ok(fs.every((f) => f.severity === 'info' && !f.fix && f.suggestions?.length === 1));
    assert.match(fs[0].message, /已于2025年到期/);
    assert.equal(applyFixes(current, fs).text, current);
  });

  it('within the plan\'s period, or looking back on it, nothing', () => {
    assert.deepEqual(findings(RULE, current, { year: 2025 }), []);
    const review = '全面总结《法治政府建设实施纲要（2021—2025年）》实施情况，“八五”普法规划顺利通过终期验收。';
    assert.deepEqual(findings(RULE, review, { year: 2026 }).map((f) => f.message), []);
  });

  // http://cqfj.gov.cn/xz_168/yfjd/zwgk_60938/zfxxgk/fzjsnd/202203/t20220331_10575242.html (鱼复街道 2021):
  // “结合“七五”普法规划,采取多种形式广泛宣传” in the report on 2021, when the 八五 plan (2021—2025) was current.
  it('“七五”普法 (2016—2020) cited as current in a report on 2021 or later: info with a suggestion', () => {
    const text = '以全民普法教育为主线,深入开展以宪法为核心的法治宣传教育,结合“七五”普法规划,采取多种形式广泛宣传与干部群众生产生活相关的法律法规。';
    const fs = findings(RULE, text, { year: 2021 });
    assert.deepEqual(coveredAll(text, fs), ['“七五”普法规划']);
    assert.ok(fs.every((f) => f.severity === 'info' && !f.fix && f.suggestions?.length === 1));
    assert.deepEqual(findings(RULE, text, { year: 2020 }), []);
    assert.deepEqual(findings(RULE, '“七五”普法规划顺利通过终期验收。', { year: 2021 }), []);
  });

  it('the report skeletons do not hard-code the plans of 2021—2025', () => {
    const dir = new URL('../../rules/skeletons/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      assert.doesNotMatch(text, /八五|2021—2025/, file);
    }
  });

  it('nothing on the clean fixtures', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.message}`), []);
  });
});
