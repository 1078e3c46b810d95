// The structure rules' data files match their JSON Schemas, and users can extend the lists via config.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import sections from '../../rules/sections.json';
import sectionsSchema from '../../rules/schema/sections.schema.json';
import duplicate from '../../rules/duplicate-text.json';
import duplicateSchema from '../../rules/schema/duplicate-text.schema.json';
import foreign from '../../rules/foreign-entity.json';
import foreignSchema from '../../rules/schema/foreign-entity.schema.json';
import artifacts from '../../rules/conversion-artifact.json';
import artifactsSchema from '../../rules/schema/conversion-artifact.schema.json';
import { CLEAN_TOWN, run } from './helpers.js';

describe('structure rule data', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const [name, data, schema] of [
    ['sections', sections, sectionsSchema],
    ['duplicate-text', duplicate, duplicateSchema],
    ['foreign-entity', foreign, foreignSchema],
    ['conversion-artifact', artifacts, artifactsSchema],
  ] as const) {
    it(`rules/${name}.json matches its schema`, () => {
      const validate = ajv.compile(schema);
      assert.ok(validate(data), JSON.stringify(validate.errors));
    });
  }

  it('every part heading inserted by required-section is recognised as that part', async () => {
    const { partOfTitle, normalizeTitle } = await import('../../server/src/engine/outline.js');
    for (const [part, info] of Object.entries(sections.parts)) assert.equal(partOfTitle(normalizeTitle(info.heading)), part);
  });

  it('foreign-entity: extend adds names that are not bodies', () => {
    const text = CLEAN_TOWN.replace('定期听取法治建设工作汇报。', '定期听取法治建设工作汇报，把依法行政作为岩头寨镇开展各项工作的首要前提。');
    assert.equal(run('foreign-entity', text).length, 1);
    assert.deepEqual(run('foreign-entity', text, { rules: { 'foreign-entity': { extend: ['岩头寨镇'] } } }), []);
  });

  it('duplicate-text: extend adds stock phrases that may repeat', () => {
    const phrase = '全面落实行政执法公示制度执法全过程记录制度，重大执法决定法制审核制度。';
    const text = CLEAN_TOWN.replace('（一）进一步提高依法行政能力。', `（一）进一步提高依法行政能力。${phrase}`).replace('二是普法形式较为单一。', `二是普法形式较为单一。${phrase}`);
    assert.equal(run('duplicate-text', text).length, 1);
    const extend = ['全面落实行政执法公示制度执法全过程记录制度', '重大执法决定法制审核制度'];
    assert.deepEqual(run('duplicate-text', text, { rules: { 'duplicate-text': { extend } } }), []);
  });
});
