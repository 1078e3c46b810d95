// Configuration: the nearest .fazhi-lint.json / .fazhi-lint.jsonc up the tree
// from each file, --config, --no-config, --rule on top, `ignores`; and
// invalid configs (unknown rule id, wrong type, malformed JSON, missing
// file) stop the run with exit code 2 and a clear message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLEAN_DIR, cleanupTemp, parseJson, runCli, tempDir, writeTree } from './helpers.js';

const complete = readFileSync(path.join(CLEAN_DIR, '002_0376ecbf1b3a9eef.txt'), 'utf8');
// 其他需要报告的情况 removed (a warning) and 第一责任人 removed (an error).
const report = complete
  .slice(0, complete.indexOf('五、其他需要报告的情况'))
  .replace(/三、党政主要负责人[^\n]*\n[^\n]*\n/, '')
  .replace('四、2024年', '三、2024年');

const severities = (json: ReturnType<typeof parseJson>, file: string) =>
  json.files.find((f) => f.path === file)!.findings.filter((f) => f.rule === 'required-section').map((f) => `${f.data.part}:${f.severity}`).sort();

describe('cli: configuration', function () {
  this.timeout(60000);
  let dir: string;
  before(async () => {
    dir = tempDir();
    writeTree(dir, {
      'root/.fazhi-lint.json': JSON.stringify({ rules: { 'required-section': 'warning' }, ignores: ['drafts/**'] }),
      'root/a/report.txt': report,
      'root/a/b/.fazhi-lint.jsonc': '// nearer config wins\n{\n  "rules": { "required-section": "off", }, /* trailing comma allowed */\n}\n',
      'root/a/b/report.txt': report,
      'root/drafts/draft.txt': report,
      'root/custom.json': JSON.stringify({ rules: { 'required-section': 'info' } }),
      'plain/report.txt': report,
      'bad/unknown-rule/.fazhi-lint.json': JSON.stringify({ rules: { 'no-such-rule': 'error' } }),
      'bad/unknown-rule/r.txt': report,
      'bad/wrong-type/.fazhi-lint.json': JSON.stringify({ script: 42, rules: { typo: 'loud' } }),
      'bad/wrong-type/r.txt': report,
      'bad/malformed/.fazhi-lint.json': '{ "rules": { "typo": "off" ',
      'bad/malformed/r.txt': report,
      'bad/extend-without-list/.fazhi-lint.json': JSON.stringify({ rules: { 'cjk-spacing': { severity: 'warning', extend: ['x'] } } }),
      'bad/extend-without-list/r.txt': report,
      'bad/extend-wrong-shape/.fazhi-lint.json': JSON.stringify({ rules: { typo: { extend: { 错字: 1 } }, placeholder: { extend: { a: 'b' } } } }),
      'bad/extend-wrong-shape/r.txt': report,
      'extend/.fazhi-lint.jsonc': '{\n  "rules": {\n    "typo": { "severity": "error", "extend": { "错字": "正字" } },\n    "placeholder": { "extend": ["（单位名称）"] },\n    "conversion-artifact": { "extend": { "glued": ["【本站由[^】]+维护】"] } },\n  },\n}\n',
      'extend/r.txt': report.replace('。', '。错字（单位名称）'),
    });
  });
  after(cleanupTemp);

  it('without a config file the defaults apply', async () => {
    const json = parseJson(await runCli(['--format', 'json', 'plain'], { cwd: dir }));
    assert.deepEqual(severities(json, 'plain/report.txt'), ['first-responsible:error', 'other:warning']);
  });

  it('each file gets the nearest config up the tree', async () => {
    const r = await runCli(['--format', 'json', 'root'], { cwd: dir });
    const json = parseJson(r);
    assert.deepEqual(severities(json, 'root/a/report.txt'), ['first-responsible:warning', 'other:warning']);
    assert.deepEqual(severities(json, 'root/a/b/report.txt'), []);
    assert.equal(r.code, 0, 'no errors left');
  });

  it('the config is found from the file, not from the working directory', async () => {
    const json = parseJson(await runCli(['--format', 'json', 'report.txt'], { cwd: path.join(dir, 'root', 'a', 'b') }));
    assert.deepEqual(severities(json, 'report.txt'), []);
  });

  it('ignores: files matching the config\'s globs are skipped in folders, checked when named', async () => {
    const inFolder = parseJson(await runCli(['--format', 'json', 'root'], { cwd: dir }));
    assert.ok(!inFolder.files.some((f) => f.path.includes('drafts')));
    const named = parseJson(await runCli(['--format', 'json', 'root/drafts/draft.txt'], { cwd: dir }));
    assert.deepEqual(named.files.map((f) => f.path), ['root/drafts/draft.txt']);
  });

  it('--config replaces discovery; --no-config uses none', async () => {
    const json = parseJson(await runCli(['--format', 'json', '--config', 'root/custom.json', 'root/a'], { cwd: dir }));
    assert.deepEqual(severities(json, 'root/a/report.txt'), ['first-responsible:info', 'other:info']);
    assert.deepEqual(severities(json, 'root/a/b/report.txt'), ['first-responsible:info', 'other:info']);
    const none = parseJson(await runCli(['--format', 'json', '--no-config', 'root/a/b'], { cwd: dir }));
    assert.deepEqual(severities(none, 'root/a/b/report.txt'), ['first-responsible:error', 'other:warning']);
  });

  it('--rule overrides the config file', async () => {
    const json = parseJson(await runCli(['--format', 'json', '--rule', 'required-section=hint', 'root/a'], { cwd: dir }));
    assert.deepEqual(severities(json, 'root/a/report.txt'), ['first-responsible:hint', 'other:hint']);
    assert.deepEqual(severities(json, 'root/a/b/report.txt'), ['first-responsible:hint', 'other:hint']);
  });

  for (const [name, pattern] of [
    ['unknown-rule', /未知的规则 "no-such-rule"/],
    ['wrong-type', /配置无效.*script.*typo|配置无效.*typo.*script/],
    ['malformed', /不是有效的 JSON.*第 1 行/],
    ['extend-without-list', /配置无效.*rules\.cjk-spacing\.extend: 规则 cjk-spacing 没有可扩展的词表，不接受 extend（rule cjk-spacing has no list to extend）/],
    ['extend-wrong-shape', /^(?=.*rules\.typo\.extend\["错字"\]: 应为字符串.*实际为（got）1)(?=.*rules\.placeholder\.extend: 应为数组（expected an array），实际为（got）\{"a":"b"\})/m],
  ] as const) {
    it(`an invalid config (${name}) stops with exit code 2 and says what is wrong`, async () => {
      const r = await runCli(['bad/' + name], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, pattern);
      assert.ok(r.stderr.includes('.fazhi-lint.json'), 'names the config file');
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    });
  }

  it('extend lists of the right shape are used (typo, placeholder, conversion-artifact)', async () => {
    const json = parseJson(await runCli(['--format', 'json', 'extend'], { cwd: dir }));
    const found = json.files[0].findings;
    assert.ok(found.some((f) => f.rule === 'typo' && f.severity === 'error' && f.message.includes('正字')), 'the typo entry');
    assert.ok(found.some((f) => f.rule === 'placeholder' && f.message.includes('单位名称')), 'the placeholder pattern');
  });

  it('several problems in one config: one message each, on one line', async () => {
    const r = await runCli(['bad/extend-wrong-shape'], { cwd: dir });
    assert.equal(r.code, 2);
    const line = r.stderr.trim();
    assert.ok(!line.includes('\n'), line);
    assert.equal(line.split('；').length, 2, line);
    assert.ok(!/must be|must match|oneOf|anyOf/.test(line), line);
  });

  it('a missing --config file is exit code 2', async () => {
    const r = await runCli(['--config', 'nope.json', 'plain'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /无法读取配置文件/);
  });
});
