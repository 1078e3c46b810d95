// User patterns (engine/user-pattern.ts) run on RE2 and must match what JavaScript's engine matches for every
// pattern both accept — positions in UTF-16 code units, groups, empty matches, lookbehind, \s with U+3000 —
// while taking linear time on the patterns that make JavaScript backtrack for minutes.
import assert from 'node:assert/strict';
import { compileUserPattern, userPatternError, UserPattern } from '../../server/src/engine/user-pattern.js';
import { matchAllFast } from '../../server/src/rules/shared/fast-match.js';
import { check } from '../../server/src/index.js';
import type { ConfigObject } from '../../server/src/engine/config.js';

const TEXT = '某某镇2024年法治政府建设\u3000工作报告：XX单位、××局，(zhèn)鎮😀 【请填写：单位名称】\n第二行 20XX年 ____\n\n委、政府';
const PATTERNS = [
  'XX|××', '【请填写[^】]*】', '\\s+', '[\\s\\S]{2}', '20XX年', '^第.行', '政府$', '(?<=委、)政府', '(?<!区)委', '(?<name>某+)镇',
  '\\p{Script=Han}{2}', '\\p{sc=Han}+', '😀', '_{2,}', '', 'a*', '(?:单位|局)', '[\\u4e00-\\u9fa5]{4,}',
];

const shape = (m: RegExpMatchArray) => ({ index: m.index, groups: [...m], named: m.groups ? { ...m.groups } : undefined });

describe('reliability: user patterns on RE2', () => {
  for (const source of PATTERNS) {
    it(`${JSON.stringify(source)}: the same matches as JavaScript (flags gmu)`, () => {
      assert.equal(userPatternError(source), undefined);
      const js = [...TEXT.matchAll(new RegExp(source, 'gmu'))].map(shape);
      const re2 = [...TEXT.matchAll(compileUserPattern(source, 'gmu'))].map(shape);
      assert.deepEqual(re2, js);
      assert.deepEqual([...matchAllFast(TEXT, compileUserPattern(source, 'gmu'))].map(shape), js, 'through matchAllFast');
      assert.equal(compileUserPattern(source).test(TEXT), new RegExp(source, 'u').test(TEXT));
    });
  }

  it('is a RegExp whose exec runs RE2: exec, test and lastIndex as JavaScript has them', () => {
    const re = compileUserPattern('X+', 'g');
    assert.ok(re instanceof RegExp && re instanceof UserPattern);
    assert.equal(re.exec(TEXT)?.index, TEXT.indexOf('XX'));
    assert.equal(re.lastIndex, TEXT.indexOf('XX') + 2);
    assert.equal(re.exec(TEXT)?.index, TEXT.indexOf('20XX') + 2);
    assert.equal(re.exec(TEXT), null);
    assert.equal(re.lastIndex, 0);
    assert.equal(TEXT.replace(compileUserPattern('X', 'g'), 'Y').includes('X'), false);
  });

  it('(a+)+$ and friends: end, with the answer JavaScript gives, on the inputs that make backtracking explode', () => {
    // Backtracking on 5000 "a" would not end in years: mocha's timeout fails a hang (how fast: test/bench/hostile.ts).
    const line = `${'a'.repeat(5000)}!`;
    for (const source of ['(a+)+$', '(a|a)+$', '(a|aa)+b', '(.*a){20}$', '^(\\w+\\s?)*$']) {
      assert.equal(compileUserPattern(source, 'gmu').test(line), false, source); // the line ends in !: no match
      assert.equal(compileUserPattern(source, 'mu').test(line.slice(0, 30)), new RegExp(source, 'mu').test(line.slice(0, 30)), source);
    }
  });

  it('every rule that takes patterns still finds with them: placeholder, conversion-artifact, typo', () => {
    const text = '# 张八桥镇2024年法治政府建设工作报告\n\n本镇依法行政（本单位）。\n\n本站由党政办维护\n\n推进执法规范化，开展执法规化建设[#记号]。\n';
    const found = (rule: string, config: object) => check(text, { rules: { [rule]: config } } as ConfigObject).filter((f) => f.rule === rule).map((f) => text.split('\n')[f.line - 1].slice(f.column - 1, f.endColumn - 1));
    assert.deepEqual(found('placeholder', { extend: ['（本\\S{2}）'] }), ['（本单位）']);
    assert.deepEqual(found('conversion-artifact', { extend: { lines: ['本站由\\S+维护'], inline: ['\\[#[^\\]]*\\]'] } }).sort(), ['[#记号]', '本站由党政办维护'].sort());
    assert.ok(found('typo', { extend: [{ pattern: '执法规(?:范)?化建设', right: '执法规范化建设' }] }).includes('执法规化建设'));
    assert.throws(() => found('typo', { extend: [{ pattern: '执法规(?=化)', right: '执法规范' }] }), /rules\.typo\.extend\[0\]\.pattern: .*不支持前瞻断言/);
  });

  it('refuses, with the reason in Chinese and English, what RE2 cannot run', () => {
    assert.match(userPatternError('a(?=b)')!, /不支持前瞻断言.*lookahead/);
    assert.match(userPatternError('a(?!b)')!, /不支持前瞻断言/);
    assert.match(userPatternError('(a)\\1')!, /不支持反向引用.*backreferences/);
    assert.match(userPatternError('(?<x>a)\\k<x>')!, /不支持反向引用/);
    assert.equal(userPatternError('[(?=]\\(?=x'), undefined, 'not a lookahead: a class and an escaped parenthesis');
    assert.match(userPatternError('(?<=(a))b')!, /后顾断言.*捕获分组/);
    assert.match(userPatternError('a{1001}')!, /重复次数不能超过 1000/);
    assert.match(userPatternError('(')!, /Invalid regular expression/);
    assert.throws(() => compileUserPattern('a(?=b)'), /不支持前瞻断言/);
  });
});
