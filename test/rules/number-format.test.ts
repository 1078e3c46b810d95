import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { fixUntilStable, check } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'number-format';

describe('number-format', () => {
  it('a range keeps the sign or unit of its first number: 15～30% → 15%～30%, 9～16亿 → 9亿～16亿', () => {
    const text = '执法案卷评查优良率提高15～30%，带动社会投资9～16亿元，各村调解员3～5名。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['15～30%', '9～16亿']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /应写作“15%～30%”/);
    assert.equal(assertIdempotent(RULE, text), '执法案卷评查优良率提高15%～30%，带动社会投资9亿～16亿元，各村调解员3～5名。');
  });

  it('approximate numbers take no 顿号 (三、四次 → 三四次); ordinals and lists keep it', () => {
    const text = '每季度开展三、四次专项检查，每村配备一、两名法律明白人。';
    assert.equal(assertIdempotent(RULE, text), '每季度开展三四次专项检查，每村配备一、两名法律明白人。');
    const ordinals = '荣获一、二等奖各1项，三、四年级学生参加宪法晨读，第三、四次会议审议通过，在三、四月开展集中整治，分一、二、三次推进。';
    assert.deepEqual(findings(RULE, ordinals).map((f) => f.message), []);
  });

  it('heading markers: 1、 → 1. and （一）、 → （一）', () => {
    const text = ['一、主要举措和成效', '（一）、健全组织领导', '1、制定年度工作要点', '2、落实学法制度', ''].join('\n');
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => f.data.standard), ['（一）', '1.', '2.']);
    assert.equal(assertIdempotent(RULE, text), ['一、主要举措和成效', '（一）健全组织领导', '1.制定年度工作要点', '2.落实学法制度', ''].join('\n'));
  });

  it('with heading-numbering: applying both rules\' fixes until stable leaves neither with anything to fix', () => {
    const text = ['一、主要举措和成效', '（一）健全组织领导', '1、制定年度工作要点', '3、落实学法制度', '2.开展法治培训', ''].join('\n');
    const rules = ['number-format', 'heading-numbering'];
    const only = (t: string) => check(t).filter((f) => rules.includes(f.rule));
    const { text: out } = fixUntilStable(text, { findings: only(text) }, (t) => ({ findings: only(t) }));
    assert.deepEqual(only(out).filter((f) => f.fix).map((f) => `${f.rule} ${f.message}`), []);
    assert.match(out, /1\.制定年度工作要点\n2\.落实学法制度\n3\.开展法治培训/);
  });

  it('nothing on the seeds and the clean fixtures; its lists match their schema', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(RULE, seed(prefix)).map((f) => `${f.line} ${f.message}`), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.message}`), []);
    const data = JSON.parse(readFileSync(new URL('../../rules/number-format.json', import.meta.url), 'utf8'));
    const schema = JSON.parse(readFileSync(new URL('../../rules/schema/number-format.schema.json', import.meta.url), 'utf8'));
    assert.ok(new Ajv({ strict: false }).validate(schema, data));
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'number-format', defect: '百分数范围省略了前一个百分号', inject: (t) => recall.replaceOnce(t, '网上可办率达到98.6%', '网上可办率达到95～98.6%'), match: '95～98.6%' });
