// terminology: more wording from before 2014 (法制观念, 法制意识, 法制轨道, 法制教育, 健全社会主义法制), each only
// from the year its replacement became the norm; institution names (法制教育基地) and 法制审核 stay; 行政首长出庭应诉
// is a habit of speech still common in real reports (an annotator of the real set did not mark it): info.
import assert from 'node:assert/strict';
import { assertIdempotent, coveredAll, findings } from './helpers.js';

const RULE = 'terminology';

describe('terminology: wording from before 2014 (more)', () => {
  it('法制观念, 法制意识, 法制轨道, 法制教育, 健全社会主义法制 in a 2023 report', () => {
    const text = '增强干部群众法制观念和法制意识，把各项工作纳入法制轨道，开展青少年法制教育，健全社会主义法制。';
    const fs = findings(RULE, text, { year: 2023 });
    assert.deepEqual(coveredAll(text, fs), ['法制观念', '法制意识', '法制轨道', '法制教育', '健全社会主义法制']);
    assert.ok(fs.every((f) => f.severity === 'warning'));
    assert.match(fs[4].message, /2018年《宪法修正案》/);
    assert.equal(
      assertIdempotent(RULE, text, { year: 2023 }),
      '增强干部群众法治观念和法治意识，把各项工作纳入法治轨道，开展青少年法治教育，健全社会主义法治。',
    );
  });

  it('not before the year the new wording became the norm, nor in institution names (法制教育基地, 法制审核)', () => {
    const text = '增强干部群众法制观念，纳入法制轨道，开展法制教育，健全社会主义法制。';
    assert.deepEqual(findings(RULE, text, { year: 2015 }).map((f) => f.message), []);
    assert.deepEqual(coveredAll(text, findings(RULE, text, { year: 2018 })), ['法制观念', '法制轨道', '法制教育']);
    const names = '参观青少年法制教育基地和县法制教育中心，落实重大执法决定法制审核制度。';
    assert.deepEqual(findings(RULE, names, { year: 2023 }).map((f) => f.message), []);
  });

  it('行政首长出庭应诉 is info with the statutory wording as its fix', () => {
    const text = '推行行政首长出庭应诉制度。';
    const fs = findings(RULE, text, { year: 2022 });
    assert.deepEqual(fs.map((f) => [text.slice(f.start, f.end), f.severity]), [['行政首长出庭应诉', 'info']]);
    assert.equal(assertIdempotent(RULE, text, { year: 2022 }), '推行行政机关负责人出庭应诉制度。');
  });
});
