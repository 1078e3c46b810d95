// Config validation (server/src/engine/config.ts): the schema is built from the rules, each declaring what
// its `extend` accepts (Rule.extendSchema); rules/schema/config.schema.json is that schema for the built-in
// rules (kept current by test/generated.test.ts). Valid configs (the ones in README, docs and the rule tests) pass; every invalid one is one clear
// message per problem, in Chinese with English, naming the config path, what was given and what is allowed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { ConfigError, mergeConfigs, resolveConfig, validateConfig, type ConfigObject } from '../../server/src/engine/config.js';
import { configPath } from '../../server/src/engine/config-errors.js';
import { RULES } from '../../server/src/rules/index.js';
import { loadConfigFile } from '../../server/src/node/config-files.js';
import { ConfigFiles } from '../../server/src/lsp/settings.js';
import type { Rule } from '../../server/src/engine/types.js';

const ROOT = new URL('../../', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, ROOT), 'utf8');

/** The message validateConfig throws (against the rules' schema), or undefined when the config is valid. */
function problem(config: unknown, rules: readonly Rule[] = RULES): string | undefined {
  try {
    validateConfig(config, undefined, rules);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
}

const PREFIX = '配置无效（invalid config）：';
/** The single problem of an invalid config (asserts there is exactly one). */
function single(config: unknown): string {
  const message = problem(config);
  assert.ok(message, `expected ${JSON.stringify(config)} to be rejected`);
  assert.ok(message.startsWith(PREFIX), message);
  const problems = message.slice(PREFIX.length).split('；');
  // "；" also separates the list of allowed keys from the unknown key; a problem starts with a path or 未知.
  const starts = problems.filter((p) => /^(\(根\)|[\w$-]+(\.|\[|:)|未知)/.test(p));
  assert.equal(starts.length, 1, `one problem: ${message}`);
  return message.slice(PREFIX.length);
}

const SEVERITY_CHOICES = '"off"|"error"|"warning"|"info"|"hint"';

describe('engine: config validation', () => {
  describe('the schema', () => {
    it('every rule that reads options.extend declares its shape; the others declare none', () => {
      const dir = new URL('server/src/rules/', ROOT);
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
      for (const rule of RULES) {
        const file = files.find((f) => f === `${rule.id}.ts`);
        assert.ok(file, `server/src/rules/${rule.id}.ts`);
        const source = readFileSync(new URL(file, dir), 'utf8');
        const readsExtend = /options\.extend|checkDictionary\(|substitutionRule\(/.test(source);
        assert.equal(!!rule.extendSchema, readsExtend, `${rule.id}: extendSchema ${rule.extendSchema ? 'declared' : 'missing'}`);
      }
    });

    it('without the rules, validation uses rules/schema/config.schema.json and says the same', () => {
      for (const config of [{ rules: { 'cjk-spacing': { extend: ['x'] } } }, { rules: { typo: { extend: { 错字: 1 } } } }, { rules: { typo: 'loud' } }]) {
        let withoutRules: string | undefined;
        try {
          validateConfig(config);
        } catch (error) {
          withoutRules = (error as Error).message;
        }
        assert.equal(withoutRules, problem(config));
      }
    });
  });

  describe('valid configs stay valid', () => {
    const valid: [string, ConfigObject][] = [
      ['docs/rules.md: severities', { rules: { 'cjk-spacing': 'off', typo: 'error' } }],
      ['docs/rules.md: typo extend', { rules: { typo: { extend: { 错字: '正字' } } } }],
      ['typo: string or entry with reason', { rules: { typo: { extend: { 错字: '正字', 别子: { right: '别字', reason: '“别字”' } } } } }],
      ['typo: array of entries, wrong or pattern', { rules: { typo: { extend: [{ wrong: '错字', right: '正字' }, { pattern: '截止目前', right: '截至', target: '截止', minYear: 2020 }] } } }],
      ['terminology', { rules: { terminology: { extend: { 综治办: '平安建设办公室' } } } }],
      ['outdated-reference', { rules: { 'outdated-reference': { extend: { 旧办法: { right: '新办法', reason: '已废止' } } } } }],
      ['foreign-entity', { rules: { 'foreign-entity': { extend: ['岩头寨镇'] } } }],
      ['duplicate-text', { rules: { 'duplicate-text': { extend: ['全面落实行政执法公示制度执法全过程记录制度'] } } }],
      ['mixed-script', { script: 'traditional', rules: { 'mixed-script': { extend: ['香港律师公会'] } } }],
      ['conversion-artifact: array', { rules: { 'conversion-artifact': { extend: ['本站由小渡镇党政办维护'] } } }],
      ['conversion-artifact: object', { rules: { 'conversion-artifact': { extend: { glued: ['【本站由[^】]+维护】'], phrases: ['x'], lines: ['^a$'], inline: ['\\[bookmark\\]'] } } } }],
      ['placeholder', { rules: { placeholder: { extend: ['（单位名称）'] } } }],
      ['broken-paragraph', { rules: { 'broken-paragraph': { severity: 'info', extend: ['第[一二三]项'] } } }],
      ['date-format', { rules: { 'date-format': { extend: { rangeSeparators: ['~'], durationFollowers: ['天'] } } } }],
      ['a rule without a list, as an object', { rules: { 'cjk-spacing': { severity: 'hint' } } }],
      ['empty objects', { rules: { typo: {}, 'cjk-spacing': {} } }],
      // test/lsp/editor.test.ts: a rule's other options are kept (and allowed).
      ['other options of a rule', { rules: { terminology: { severity: 'warning', allow: ['三重一大'] } } as ConfigObject['rules'] }],
      ['top level', { $schema: './x.json', script: 'simplified', profile: 'town', body: '张八桥镇', year: 2023, files: ['**/*.md'], ignores: ['drafts/**'], skeletons: { town: 'a.md' } }],
    ];
    for (const [name, config] of valid) {
      it(name, () => {
        assert.equal(problem(config), undefined);
        assert.doesNotThrow(() => resolveConfig(config, RULES));
      });
    }

    it('the example in README.md ("Configuration")', () => {
      const readme = read('README.md');
      const section = readme.slice(readme.indexOf('## Configuration'));
      const block = /```jsonc\n([\s\S]*?)```/.exec(section)?.[1];
      assert.ok(block, 'the jsonc example');
      const config = parse(block, [], { allowTrailingComma: true });
      assert.ok(config.rules, 'the example has rules');
      assert.equal(problem(config), undefined);
    });

    it('every rule takes every severity, as a string and as { severity }', () => {
      for (const rule of RULES) {
        for (const severity of ['off', 'error', 'warning', 'info', 'hint'] as const) {
          assert.equal(problem({ rules: { [rule.id]: severity } }), undefined);
          assert.equal(problem({ rules: { [rule.id]: { severity } } }), undefined);
        }
      }
    });

    it('merged with --rule overrides, an extend stays valid', () => {
      const merged = mergeConfigs({ rules: { typo: { severity: 'error', extend: { 错字: '正字' } } } }, { rules: { typo: 'off' } });
      assert.deepEqual(merged.rules!.typo, { severity: 'off', extend: { 错字: '正字' } });
      const resolved = resolveConfig(merged, RULES);
      assert.deepEqual(resolved.rules.get('typo'), { severity: 'off', extend: { 错字: '正字' } });
    });
  });

  describe('invalid configs: one message per problem, with the path, what was given and what is allowed', () => {
    it('extend on a rule that has no list', () => {
      assert.equal(
        single({ rules: { 'cjk-spacing': { severity: 'warning', extend: ['x'] } } }),
        'rules.cjk-spacing.extend: 规则 cjk-spacing 没有可扩展的词表，不接受 extend（rule cjk-spacing has no list to extend）',
      );
      for (const rule of RULES.filter((r) => !r.extendSchema)) {
        assert.match(single({ rules: { [rule.id]: { extend: {} } } }), new RegExp(`^rules\\.${rule.id}\\.extend: .*没有可扩展的词表.*has no list to extend`));
      }
    });

    it('a dictionary entry whose right side is not a string', () => {
      assert.equal(
        single({ rules: { typo: { extend: { 错字: 1 } } } }),
        'rules.typo.extend["错字"]: 应为字符串（正确写法）或对象 { right, reason, … }（expected a string, or an object { right, reason, … }），实际为（got）1',
      );
      assert.equal(single({ rules: { terminology: { extend: { 旧说法: { reason: 'x' } } } } }), 'rules.terminology.extend["旧说法"]: 缺少 "right"（missing property "right"）');
      assert.match(single({ rules: { typo: { extend: { 错字: { right: '正字', reasn: 'x' } } } } }), /^rules\.typo\.extend\["错字"\]: 未知的键 "reasn"（unknown key）；可用的键（allowed）：right, target, reason/);
      assert.match(single({ rules: { typo: { extend: [{ right: 'x' }] } } }), /^rules\.typo\.extend\[0\]: 词条应有 wrong（字面）或 pattern（正则表达式）二者之一/);
      assert.match(single({ rules: { typo: { extend: [{ wrong: 'a', pattern: 'b', right: 'x' }] } } }), /^rules\.typo\.extend\[0\]: 词条应有 wrong/);
      assert.match(single({ rules: { typo: { extend: { 错字: { right: 'x', minYear: 1800 } } } } }), /^rules\.typo\.extend\["错字"\]\.minYear: 应在 1990 到 2100 之间.*实际为（got）1800/);
    });

    it('an extend of the wrong shape', () => {
      assert.equal(
        single({ rules: { typo: { extend: 'x' } } }),
        'rules.typo.extend: 应为对象 { "错误写法": "正确写法" } 或词条数组 [{ wrong, right }]（expected an object wrong → right, or an array of entries），实际为（got）"x"',
      );
      assert.equal(single({ rules: { placeholder: { extend: { a: 'b' } } } }), 'rules.placeholder.extend: 应为数组（expected an array），实际为（got）{"a":"b"}');
      assert.equal(single({ rules: { 'date-format': { extend: ['-'] } } }), 'rules.date-format.extend: 应为对象（expected an object），实际为（got）["-"]');
      assert.equal(single({ rules: { 'mixed-script': { extend: [''] } } }), 'rules.mixed-script.extend[0]: 不能为空字符串（must not be empty）');
      assert.equal(
        single({ rules: { 'conversion-artifact': { extend: 5 } } }),
        'rules.conversion-artifact.extend: 应为字符串数组（整行短语）或对象 { phrases, lines, glued, inline }（expected an array of phrases or an object { phrases, lines, glued, inline }），实际为（got）5',
      );
      assert.equal(
        single({ rules: { 'conversion-artifact': { extend: { phrase: ['x'] } } } }),
        'rules.conversion-artifact.extend: 未知的键 "phrase"（unknown key）；可用的键（allowed）：phrases, lines, glued, inline',
      );
      assert.equal(single({ rules: { 'conversion-artifact': { extend: { lines: 'x' } } } }), 'rules.conversion-artifact.extend.lines: 应为数组（expected an array），实际为（got）"x"');
      assert.match(single({ rules: { placeholder: { extend: ['(a'] } } }), /^rules\.placeholder\.extend\[0\]: 不是有效的正则表达式（Invalid regular expression: .*\(a/);
    });

    it('numbers instead of strings: one message per item', () => {
      assert.equal(
        problem({ rules: { 'foreign-entity': { extend: [1, '岩头寨镇', 2] } } }),
        `${PREFIX}rules.foreign-entity.extend[0]: 应为字符串（expected a string），实际为（got）1；rules.foreign-entity.extend[2]: 应为字符串（expected a string），实际为（got）2`,
      );
    });

    it('a rule setting of the wrong type or value', () => {
      const expected = `应为 ${SEVERITY_CHOICES} 或 { severity, extend }（expected a severity or an object { severity, extend }）`;
      assert.equal(single({ rules: { typo: 42 } }), `rules.typo: ${expected}，实际为（got）42`);
      assert.equal(single({ rules: { typo: 'loud' } }), `rules.typo: ${expected}，实际为（got）"loud"`);
      assert.equal(single({ rules: { typo: ['error'] } }), `rules.typo: ${expected}，实际为（got）["error"]`);
      assert.equal(single({ rules: { 'cjk-spacing': true } }), `rules.cjk-spacing: 应为 ${SEVERITY_CHOICES} 或 { severity }（expected a severity or an object { severity }），实际为（got）true`);
      assert.equal(single({ rules: { typo: { severity: 'loud' } } }), `rules.typo.severity: 应为 ${SEVERITY_CHOICES}（expected one of ${SEVERITY_CHOICES}），实际为（got）"loud"`);
      assert.equal(single({ rules: { typo: { severity: 'error', extnd: {} } } }), 'rules.typo: 未知的键 "extnd"，是否应为 "extend"？（unknown key; did you mean "extend"?）');
      assert.equal(single({ rules: { 'cjk-spacing': { Severty: 'off' } } }), 'rules.cjk-spacing: 未知的键 "Severty"，是否应为 "severity"？（unknown key; did you mean "severity"?）');
      // An option the rule declares (Rule.optionsSchema) is checked for near misses too.
      assert.equal(single({ rules: { 'report-date': { deadlin: '03-01' } } }), 'rules.report-date: 未知的键 "deadlin"，是否应为 "deadline"？（unknown key; did you mean "deadline"?）');
      assert.equal(single({ rules: [] }), 'rules: 应为对象（expected an object），实际为（got）[]');
    });

    it('unknown rule ids, with a suggestion when one is close', () => {
      assert.equal(single({ rules: { typos: 'off' } }), '未知的规则 "typos"，是否应为 "typo"？（unknown rule id; did you mean "typo"?）');
      assert.equal(single({ rules: { 'cjk-spaceing': 'off' } }), '未知的规则 "cjk-spaceing"，是否应为 "cjk-spacing"？（unknown rule id; did you mean "cjk-spacing"?）');
      const none = single({ rules: { 'no-such-rule': 'error' } });
      assert.ok(none.startsWith('未知的规则 "no-such-rule"（unknown rule id）；可用的规则（known rules）：required-section, '), none);
      for (const rule of RULES) assert.ok(none.includes(rule.id));
    });

    it('top-level keys and values', () => {
      assert.equal(single({ foo: 1 }), '未知的配置项 "foo"（unknown option）；可用的配置项（allowed）：$schema, script, profile, body, year, files, ignores, skeletons, export, rules');
      assert.equal(single({ script: 42 }), 'script: 应为 "simplified"|"traditional"（expected one of "simplified"|"traditional"），实际为（got）42');
      assert.equal(single({ year: 1800 }), 'year: 应在 1990 到 2100 之间（must be between 1990 and 2100），实际为（got）1800');
      assert.equal(single({ year: '2023' }), 'year: 应为整数（expected an integer），实际为（got）"2023"');
      assert.equal(single({ files: 'x' }), 'files: 应为数组（expected an array），实际为（got）"x"');
      assert.equal(single({ skeletons: { village: 'a.md' } }), 'skeletons: 未知的键 "village"（unknown key）；可用的键（allowed）：town, county, city, department');
    });

    it('several problems are listed once each, without Ajv\'s generic oneOf text', () => {
      const message = problem({ script: 42, rules: { typo: 'loud', 'cjk-spacing': { extend: [] }, placeholder: { extend: [1] } } })!;
      assert.equal(message.split('；').length, 4, message);
      for (const part of ['script: ', 'rules.typo: ', 'rules.cjk-spacing.extend: ', 'rules.placeholder.extend[0]: ']) assert.ok(message.includes(part), `${part} in ${message}`);
      assert.ok(!/must|match|schema|oneOf|anyOf/.test(message.replace(/\(expected[^)]*\)|（expected[^）]*）|（got）|\(got\)/g, '')), message);
    });

    it('resolveConfig rejects the same configs', () => {
      assert.throws(() => resolveConfig({ rules: { 'cjk-spacing': { extend: ['x'] } } } as ConfigObject, RULES), /rules\.cjk-spacing\.extend: .*没有可扩展的词表/);
    });
  });

  describe('the rules passed in decide, not a list in the engine', () => {
    const base = { severity: 'warning' as const, tags: [], docs: { description: '测试规则', why: '-', basis: '-', howToFix: '-' }, check() {} };
    const custom: Rule[] = [
      { ...base, id: 'with-list', extendSchema: { type: 'array', items: { type: 'string' } } },
      { ...base, id: 'without-list' },
    ];
    it('a rule declaring an extend schema gets it checked; one declaring none rejects extend', () => {
      assert.equal(problem({ rules: { 'with-list': { extend: ['a'] }, 'without-list': 'off' } }, custom), undefined);
      assert.match(problem({ rules: { 'with-list': { extend: [1] } } }, custom)!, /rules\.with-list\.extend\[0\]: 应为字符串/);
      assert.match(problem({ rules: { 'without-list': { extend: ['a'] } } }, custom)!, /rules\.without-list\.extend: 规则 without-list 没有可扩展的词表/);
      assert.match(problem({ rules: { typo: 'off' } }, custom)!, /未知的规则 "typo"/);
    });
  });

  it('config paths: dotted names, indexes and quoted keys', () => {
    assert.equal(configPath(''), '(根)（top level）');
    assert.equal(configPath('/rules/typo/extend/错字'), 'rules.typo.extend["错字"]');
    assert.equal(configPath('/rules/cjk-spacing/extend/0'), 'rules.cjk-spacing.extend[0]');
    assert.equal(configPath('/rules/typo/extend/a~1b c'), 'rules.typo.extend["a/b c"]');
  });

  describe('config files: the CLI and the language server read them with the same validation', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'fazhi-config-'));
      writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ rules: { 'cjk-spacing': { extend: ['x'] }, typo: { extend: { 错字: 1 } } } }));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('loadConfigFile and the language server\'s ConfigFiles give the same message, naming the file', () => {
      const file = path.join(dir, '.fazhi-lint.json');
      let message = '';
      try {
        loadConfigFile(file);
      } catch (error) {
        message = (error as Error).message;
      }
      assert.equal(
        message,
        `${file}: ${PREFIX}rules.cjk-spacing.extend: 规则 cjk-spacing 没有可扩展的词表，不接受 extend（rule cjk-spacing has no list to extend）；` +
          'rules.typo.extend["错字"]: 应为字符串（正确写法）或对象 { right, reason, … }（expected a string, or an object { right, reason, … }），实际为（got）1',
      );
      const lsp = new ConfigFiles().forFile(path.join(dir, 'report.md'));
      assert.equal(lsp.error, message);
      assert.deepEqual(lsp.config, {});
    });
  });
});
