import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { applyFixes } from '../../server/src/index.js';
import { toSimplified, toTraditional } from '../../server/src/engine/script.js';
import { assertIdempotent, CLEAN_TOWN, cleanFiles, covered, findings, fixAll, lineOf, seed } from './helpers.js';

const RULE = 'mixed-script';

describe('mixed-script', () => {
  it('flags traditional characters in a simplified report as one span and converts exactly the span', () => {
    const text = '2023年，在市委、市政府的正確領導下，我镇坚持依法行政。';
    const [f, ...rest] = findings(RULE, text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(covered(text, f), '確領導');
    assert.equal(f.message, '繁体字“確領導”应为简体“确领导”。');
    assert.equal(applyFixes(text, [f]).text, '2023年，在市委、市政府的正确领导下，我镇坚持依法行政。');
  });

  it('reads through pinyin annotations and never edits them (so both fixes apply together)', () => {
    const text = '我镇设(shè)置專(zhuān)班，推进工作。';
    const [f] = findings(RULE, text);
    assert.equal(covered(text, f), '專');
    assert.match(f.message, /“專班”/);
    assert.equal(fixAll(text, [RULE, 'pinyin-residue']), '我镇设置专班，推进工作。');
  });

  it('converts phrase by phrase where the script is traditional: 干部 → 幹部, 干涉 and variants untouched', () => {
    const text = '我鎮堅持領導干部帶頭學法，不得干涉司法活動，提高群眾滿意度。';
    const fs = findings(RULE, text, { script: 'traditional' });
    assert.deepEqual(fs.map((f) => covered(text, f)), ['干']);
    assert.equal(fs[0].message, '简体字“干”（“干部”）应为繁体“幹”。');
    assert.equal(assertIdempotent(RULE, text, { script: 'traditional' }), '我鎮堅持領導幹部帶頭學法，不得干涉司法活動，提高群眾滿意度。');
  });

  it('does not flag simplified text, 干涉, or traditional characters inside code', () => {
    const text = '领导干部不得干涉司法活动。\n\n示例：`正確`为代码，不检查。\n';
    assert.deepEqual(findings(RULE, text), []);
  });

  it('users allow words written in the other script on purpose', () => {
    const text = '邀请香港律師公會代表参加座谈。';
    assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), ['師公會']);
    assert.deepEqual(findings(RULE, text, { rules: { [RULE]: { extend: ['香港律師公會'] } } }), []);
  });

  it('names whose character opencc converts wrongly are allowed (乾县, 乾安县, 昇腾, 濛溪河: 2026 provincial government work reports)', () => {
    const text = '支持乾县、乾安县发展特色产业，推广昇腾算力，治理濛溪河流域。乾坤朗朗，幹部带头。';
    assert.deepEqual(findings(RULE, text).map((f) => covered(text, f)), ['幹']);
    // An allowed word that runs past the other-script character is still found (the run is 濛, the word 濛溪).
    const user = '修复瀋陽路一带。';
    assert.deepEqual(findings(RULE, user, { rules: { [RULE]: { extend: ['瀋陽路'] } } }), []);
  });

  it('allowed words stay allowed in a traditional report when the same line has another finding', () => {
    const text = '邀請香港律师公会代表參加，領導干部帶頭。';
    const config = { script: 'traditional' as const, rules: { [RULE]: { extend: ['香港律师公会'] } } };
    assert.deepEqual(findings(RULE, text, config).map((f) => covered(text, f)), ['干']);
  });

  it('a text half converted (15–25% of its characters traditional) is said to have many, not to be traditional', () => {
    const simplified = CLEAN_TOWN.split('\n').slice(1, 7).join('\n');
    const half = simplified.split('\n').map((l, i) => (i % 3 ? toTraditional(l) : l)).join('\n');
    const doc = findings(RULE, half).filter((f) => f.data.scope === 'document');
    assert.equal(doc.length, 1);
    const share = (doc[0].data.characters as number) / (doc[0].data.han as number);
    assert.ok(share >= 0.15 && share < 0.25, String(share));
    assert.match(doc[0].message, /^全文有大量繁体字（\d+个汉字中\d+个为繁体字，占\d+%），而报告应使用简体字/);
  });

  for (const [prefix, match, line] of [['000', '正確領導', 1], ['003', '堅持', 1]] as const) {
    it(`seed ${prefix} (mostly traditional): one document finding plus one finding per line, fix converts the whole document`, () => {
      const text = seed(prefix);
      const fs = findings(RULE, text);
      const doc = fs.filter((f) => f.data.scope === 'document');
      const perLine = fs.filter((f) => f.data.scope === 'line');
      assert.equal(doc.length, 1);
      assert.equal(doc[0].line, 1);
      // About three Han characters in ten differ between the scripts: a wholly traditional text shows ~30%, said as such.
      assert.match(doc[0].message, /^全文几乎都是繁体（\d+个汉字中\d+个为繁体字，占\d+%；两种字形不同的汉字本就只占约三成/);
      assert.doesNotMatch(doc[0].message, /主要使用/);
      assert.equal(perLine.length + 1, fs.length);
      assert.equal(doc[0].severity, 'error');
      assert.ok(perLine.every((f) => f.severity === 'hint'), 'the lines are hints under the document finding');
      assert.equal(new Set(perLine.map((f) => f.line)).size, perLine.length, 'one finding per line');
      assert.ok(perLine.every((f) => f.line === f.endLine));
      const at = text.split('\n')[line - 1].indexOf(match);
      assert.ok(perLine.some((f) => f.line === line && f.column <= at + match.length + 1 && f.endColumn >= at + 1));
      // Applying the document fix (and the pinyin fixes, which never overlap it) gives the simplified text.
      const fixed = applyFixes(text, [...doc, ...findings('pinyin-residue', text)]).text;
      assert.deepEqual(findings(RULE, fixed), []);
      const expected = toSimplified(text.replace(/(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, ''));
      assert.equal(fixed, expected);
    });
  }

  it('seed 003: a line fix converts the line and keeps its pinyin annotations (pinyin-residue deletes them)', () => {
    const text = seed('003');
    const line2 = findings(RULE, text).find((f) => f.data.scope === 'line' && f.line === 2)!;
    const fixed = applyFixes(text, [line2]).text;
    assert.equal(fixed.split('\n')[1], '一、2023年推进法治政府建设(shè)的主要举措和成效');
    assert.deepEqual(fixed.split('\n').slice(2), text.split('\n').slice(2));
  });

  it('seed 000 line 3: the line finding covers 干部 (left in a traditional text)', () => {
    const text = seed('000');
    const at = text.indexOf('干部');
    assert.equal(lineOf(text, at), 3);
    assert.ok(findings(RULE, text).some((f) => f.data.scope === 'line' && f.start <= at && f.end >= at + 2));
  });

  it('seed 000 with script traditional: flags 干部 → 幹部 and 规范 → 規範, not 群眾/臺 variants', () => {
    const text = seed('000');
    const fs = findings(RULE, text, { script: 'traditional' });
    const spans = fs.map((f) => covered(text, f));
    assert.ok(fs.every((f) => f.data.scope === undefined), 'no document-level finding for a traditional text');
    assert.ok(spans.includes('干'));
    assert.ok(fs.some((f) => covered(text, f) === '干' && text.slice(f.start, f.start + 2) === '干部' && f.fix!.edits[0].newText === '幹'));
    assert.ok(spans.includes('范'));
    assert.ok(!spans.includes('群') && !spans.includes('臺'));
    assertIdempotent(RULE, text, { script: 'traditional' });
  });

  it('script traditional: correct traditional words whose simplified phrase is split are not flagged (干預, 鄰里界址, 觀念的)', () => {
    const config = { script: 'traditional' as const };
    const text = '嚴禁干預司法活動，妥善化解鄰里界址糾紛，高度重視機關幹部法治觀念的樹立。';
    assert.deepEqual(findings(RULE, text, config), []);
    // A simplified word left in the traditional text is still found, with the phrase-level conversion.
    const mixed = '嚴禁干预司法活動，領導干部帶頭學法。';
    assert.deepEqual(findings(RULE, mixed, config).map((f) => [covered(mixed, f), f.fix!.edits[0].newText]), [['预', '預'], ['干', '幹']]);
  });

  it('script traditional: the clean fixtures converted to Taiwan, Hong Kong and OpenCC traditional are clean', () => {
    const converters = (['tw', 'hk', 't'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
    for (const { file, text } of cleanFiles()) {
      for (const convert of converters) assert.deepEqual(findings(RULE, convert(text), { script: 'traditional' }).map((f) => f.message), [], file);
    }
  });

  it('於 as a surname in a simplified report (于 in a traditional one) is not reported; 关於 and 由於某些 are', () => {
    const text = '於姓村民於某某、姓於的老人和於家村村民参加调解，於氏宗祠得到保护。';
    assert.deepEqual(findings(RULE, text), []);
    const wrong = '关於进一步加强调解工作，由於某些原因，於某年完成。';
    assert.deepEqual(findings(RULE, wrong).map((f) => covered(wrong, f)), ['於', '於', '於']);
    const trad = '村民于某某與於某某發生糾紛，經調解，于家村與於家村達成協議，于是結案。';
    assert.deepEqual(findings(RULE, trad, { script: 'traditional' }).map((f) => covered(trad, f)), ['于']);
  });

  it('finds nothing in the simplified seeds and in the clean fixtures', () => {
    for (const prefix of ['001', '002', '004']) assert.deepEqual(findings(RULE, seed(prefix)), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text), [], file);
  });

  it('applying all fixes once leaves nothing fixable', () => {
    for (const prefix of ['000', '003']) assertIdempotent(RULE, seed(prefix));
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'mixed-script', defect: '繁体字“堅”', inject: (t) => recall.replaceOnce(t, '市政府的坚强领导', '市政府的堅强领导'), match: '堅' });
