import assert from 'node:assert/strict';
import { CLEAN_TOWN, CLEAN_TOWN_MD, covered, fixOnce, lineOf, run } from './helpers.js';

const RULE = 'section-incomplete';
const NO_CAUSES = CLEAN_TOWN.replace('二、推进法治政府建设存在的不足和原因', '二、推进法治政府建设存在的不足').replace('究其原因，一是宣传投入不足，二是专业人才缺乏。\n', '');

describe('section-incomplete', () => {
  it('accepts a shortcomings part with causes (in the body, or causal wording under a heading naming them)', () => {
    assert.deepEqual(run(RULE, CLEAN_TOWN), []);
    assert.deepEqual(run(RULE, CLEAN_TOWN_MD), []);
    assert.deepEqual(run(RULE, NO_CAUSES.replace('普法形式较为单一。', '普法形式较为单一，主要原因是投入不足。')), []);
    const named = NO_CAUSES.replace('存在的不足', '存在的不足和原因');
    assert.deepEqual(run(RULE, named.replace('普法形式较为单一。', '普法形式较为单一，导致群众参与度不高。')), []);
    assert.deepEqual(run(RULE, named.replace('普法形式较为单一。', '受疫情影响，普法形式较为单一。')), []);
    // Causal wording alone, under a heading that does not name the causes, is not an analysis.
    assert.equal(run(RULE, NO_CAUSES.replace('普法形式较为单一。', '普法形式较为单一，导致群众参与度不高。')).length, 1);
  });

  it('suggests (info) the analysis when the heading names the causes but the body gives none', () => {
    const named = NO_CAUSES.replace('存在的不足', '存在的不足和原因');
    const found = run(RULE, named);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.equal(covered(named, found[0]), '推进法治政府建设存在的不足和原因');
    assert.match(found[0].message, /标题写明了原因，但正文只列了不足/);
    assert.equal(fixOnce(RULE, named), named.replace('普法形式较为单一。', '普法形式较为单一。\n产生上述问题的原因：【请填写原因】'));
  });

  it('flags a shortcomings part without causes, on its heading, and inserts a cause paragraph', () => {
    const found = run(RULE, NO_CAUSES);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, lineOf(NO_CAUSES, '二、推进'));
    assert.equal(covered(NO_CAUSES, found[0]), '推进法治政府建设存在的不足');
    assert.equal(found[0].data.part, 'shortcomings');
    assert.match(found[0].message, /“推进法治政府建设存在的不足”.*原因/);
    const fixed = fixOnce(RULE, NO_CAUSES);
    assert.equal(fixed, NO_CAUSES.replace('普法形式较为单一。', '普法形式较为单一。\n产生上述问题的原因：【请填写原因】'));
  });

  it('reads traditional script with pinyin residue', () => {
    const text = NO_CAUSES.replace('存在的不足', '存在的問題與不足').replace('普法形式', '普法形(xíng)式');
    const [f] = run(RULE, text);
    assert.equal(covered(text, f), '推进法治政府建设存在的問題與不足');
    assert.deepEqual(run(RULE, text.replace('较为单一。', '较为单一，其原因在於投入不足。')), []);
  });

  it('the cause skeleton already glued to a line the engine ignores (page chrome): reported, with no fix to insert another', () => {
    // A one-line report's cause skeleton landed after 仅展示628字… (chrome), so it was not read and --fix added one per pass.
    const text = '某镇2021年法治政府建设情况报告\n一、主要举措和成效\n全年开展普法活动12场。\n二、存在的问题\n一是极少数党员干部依法行政的意识不强。\n仅展示628字，全文共2000字产生上述问题的原因：【请填写原因】\n';
    const found = run(RULE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].fix, undefined);
    // Without it, the skeleton is offered as before.
    assert.ok(run(RULE, text.replace('产生上述问题的原因：【请填写原因】', ''))[0].fix);
  });
});

describe('section-incomplete (a heading naming two parts)', () => {
  const base = CLEAN_TOWN.replace('二、推进法治政府建设存在的不足和原因', '二、存在的问题和下一步打算');

  it('asks for the causes in a combined 存在的问题和下一步打算 part that gives none', () => {
    const text = base.replace('究其原因，一是宣传投入不足，二是专业人才缺乏。', '下一步，张八桥镇将加强普法队伍建设。');
    const found = run('section-incomplete', text);
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), '存在的问题和下一步打算');
    assert.equal(found[0].data.part, 'shortcomings');
  });

  it('accepts a combined part that gives the causes', () => {
    assert.deepEqual(run('section-incomplete', base), []);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({
  rule: 'section-incomplete',
  defect: '不足部分删去“究其原因”段，标题只写“存在的不足”',
  inject: (t) => recall.replaceOnce(t.replace(/究其原因，[^\n]*\n\n/, ''), '建设存在的不足和原因', '建设存在的不足'),
  match: '2024年推进法治政府建设存在的不足',
});
