// Citations are data (rules/citations.json): every rule cites by id, every cited id exists, and the article's
// text — as found, with its source — really says what the rule relies on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { RULES } from '../../server/src/index.js';
import { CITATIONS, citationLabel } from '../../server/src/rules/shared/citations.js';

const data = JSON.parse(readFileSync(new URL('../../rules/citations.json', import.meta.url), 'utf8'));
const schema = JSON.parse(readFileSync(new URL('../../rules/schema/citations.schema.json', import.meta.url), 'utf8'));
const rule = (id: string) => RULES.find((r) => r.id === id)!;

describe('citations', () => {
  it('rules/citations.json matches its schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });

  it('every citation\'s text contains each point a rule relies on', () => {
    for (const [id, c] of Object.entries(CITATIONS)) for (const point of c.relies) assert.ok(c.text.includes(point), `${id}: “${point}” not in its text`);
  });

  it('every rule cites by id (or says why it cites nothing), every id exists, and basis is built from the data', () => {
    for (const r of RULES) {
      const ids = r.docs.citations;
      assert.ok(Array.isArray(ids), `${r.id}: docs.citations missing`);
      for (const id of ids) assert.ok(CITATIONS[id], `${r.id}: unknown citation ${id}`);
      if (ids.length) assert.equal(r.docs.basis, ids.map(citationLabel).join('；'), r.id);
      else assert.match(r.docs.basis, /^无/, `${r.id}: cites nothing and must say why`);
    }
  });

  it('the articles that were cited wrongly before', () => {
    // Publication before 1 April is 第二十六条 (第二十五条 lists the contents).
    const publication = CITATIONS['supervision-26'];
    assert.equal(publication.article, '第二十六条');
    assert.ok(publication.text.includes('4月1日') && publication.text.includes('公开') && publication.text.includes('除涉及党和国家秘密的'));
    assert.ok(rule('report-date').docs.citations!.includes('supervision-26'));
    assert.ok(rule('publication-safety').docs.citations!.includes('supervision-26'));
    assert.ok(!CITATIONS['supervision-25'].text.includes('4月1日'));
    // Paired punctuation: 4.8 引号, 4.9 括号, 4.15 书名号 — not 4.3 (叹号).
    assert.deepEqual(rule('unpaired-punctuation').docs.citations, ['gbt15834-4.8', 'gbt15834-4.9', 'gbt15834-4.15']);
    assert.match(CITATIONS['gbt15834-4.8'].article!, /引号/);
    assert.match(CITATIONS['gbt15834-4.9'].article!, /括号/);
    assert.match(CITATIONS['gbt15834-4.15'].article!, /书名号/);
    // A title's parts: 公文处理工作条例 第九条（七）, not 第二十五条; wording: 第十九条 / 第二十条.
    assert.deepEqual(rule('title').docs.citations, ['gongwen-9-7']);
    assert.ok(CITATIONS['gongwen-9-7'].text.includes('发文机关名称、事由和文种'));
    for (const id of ['title', 'terminology', 'duplicate-text', 'typo', 'placeholder']) {
      assert.ok(!rule(id).docs.citations!.includes('supervision-25'), `${id} is not governed by 第二十五条`);
    }
    // GB/T 15835 says nothing about spaces between Chinese and digits: cjk-spacing cites nothing.
    assert.deepEqual(rule('cjk-spacing').docs.citations, []);
    assert.doesNotMatch(rule('cjk-spacing').docs.basis, /^《/);
    // Numbers: GB/T 15835-2011 writes 15%～30%, not 15～30%.
    assert.ok(CITATIONS['gbt15835-range'].text.includes('15%～30%（不写为15～30%）'));
  });

  it('every rule\'s text (description, why, how to fix) names no article its citations do not hold', () => {
    for (const r of RULES) {
      const prose = `${r.docs.description}${r.docs.why}${r.docs.howToFix}`;
      for (const m of prose.matchAll(/第([一二三四五六七八九十]+)条/g)) {
        const cited = (r.docs.citations ?? []).some((id) => (CITATIONS[id].article ?? '').startsWith(m[0]));
        assert.ok(cited, `${r.id}: its docs name ${m[0]} but cite ${r.docs.citations?.join(', ')}`);
      }
    }
  });
});
