// Output formats of the CLI: text, json (the contract of docs/rules.md),
// sarif (SARIF 2.1.0 for GitHub code scanning) and github (workflow
// commands). The exit code must not depend on the format.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { CLEAN_DIR, cleanupTemp, parseJson, runCli, tempDir, writeTree, type JsonReport } from './helpers.js';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github.js';

const seed = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');
const clean = (name: string) => readFileSync(path.join(CLEAN_DIR, name), 'utf8');

describe('cli: output formats', function () {
  this.timeout(60000);
  let dir: string;
  let json: JsonReport;

  before(async () => {
    dir = tempDir();
    writeTree(dir, {
      'reports/a.txt': seed('002_0376ecbf1b3a9eef.txt'),
      'reports/sub/b.md': clean('001_59b600c439da888f.txt'),
      'odd,name:1.md': seed('004_e2661321fbbd4b8b.txt'),
    });
    json = parseJson(await runCli(['--format', 'json', 'reports', 'odd,name:1.md'], { cwd: dir }));
  });
  after(cleanupTemp);

  it('json: exactly the shape of the contract, paths relative to cwd', async () => {
    assert.deepEqual(Object.keys(json), ['version', 'files', 'summary']);
    assert.equal(json.version, 1);
    assert.deepEqual(json.files.map((f) => f.path), ['reports/a.txt', 'reports/sub/b.md', 'odd,name:1.md']);
    const required = ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'data'];
    for (const file of json.files) {
      assert.deepEqual(Object.keys(file), ['path', 'findings']);
      for (const f of file.findings) {
        assert.deepEqual(Object.keys(f).filter((k) => k !== 'fix'), required, `keys of ${JSON.stringify(f)}`);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity));
        for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(f[k]) && f[k] >= 1, `${k} of ${f.rule}`);
        assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column));
        if (f.fix) {
          assert.deepEqual(Object.keys(f.fix), ['title', 'edits']);
          for (const e of f.fix.edits) assert.deepEqual(Object.keys(e), ['line', 'column', 'endLine', 'endColumn', 'newText']);
        }
      }
    }
    const all = json.files.flatMap((f) => f.findings);
    const count = (s: string) => all.filter((f) => f.severity === s).length;
    assert.deepEqual(json.summary, { files: 3, errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') });
    assert.ok(json.files[0].findings.length > 0, 'the seed has findings');
  });

  it('json: columns are UTF-16 code units of the line', async () => {
    const text = seed('002_0376ecbf1b3a9eef.txt');
    const lines = text.split('\n');
    const bookmark = json.files[0].findings.find((f) => f.rule === 'conversion-artifact' && f.line === 2);
    assert.ok(bookmark, 'conversion-artifact on line 2');
    assert.equal(lines[1].slice(bookmark.column - 1, bookmark.endColumn - 1).trim(), '[bookmark: _GoBack]');
  });

  it('text: grouped by file, then by rule with counts and how many --fix repairs; line:column, Chinese severity, message', async () => {
    const run = await runCli(['reports', 'odd,name:1.md'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.ok(!run.stdout.includes('\u001b['), 'no ANSI colour when not a TTY');
    const blocks = run.stdout.split('\n\n');
    assert.equal(blocks[0].split('\n')[0], 'reports/a.txt');
    const findingLines = run.stdout.split('\n').filter((l) => l.startsWith('    '));
    const total = json.files.reduce((n, f) => n + f.findings.length, 0);
    assert.equal(findingLines.length, total);
    for (const l of findingLines) assert.match(l, /^ {4}\d+:\d+ +(错误|警告|信息|提示) +\S/);
    // One header per rule and file: the rule id, its count by severity, and the fixable count.
    for (const file of json.files) {
      const block = blocks.find((b) => b.startsWith(`${file.path}\n`))!;
      for (const rule of new Set(file.findings.map((f) => f.rule))) {
        const of = file.findings.filter((f) => f.rule === rule);
        const header = block.split('\n').find((l) => l.startsWith(`  ${rule}  `));
        assert.ok(header, `${file.path}: a header for ${rule}`);
        const counted = [...header.matchAll(/(\d+) 个(错误|警告|信息|提示)/g)].reduce((n, m) => n + Number(m[1]), 0);
        assert.equal(counted, of.length, header);
        const fixable = of.filter((f) => f.fix).length;
        if (fixable) assert.ok(header.endsWith(`${fixable} 个可用 --fix 自动修复`), header);
        else assert.ok(!header.includes('--fix'), header);
      }
    }
    const fixable = json.files.reduce((n, f) => n + f.findings.filter((x) => x.fix).length, 0);
    assert.match(run.stdout, /✖ \d+ 个问题/);
    assert.ok(run.stdout.includes(`其中 ${fixable} 个可用 --fix 自动修复`));
  });

  it('text: --max-per-rule N lists N findings of a rule per file and says how many were folded', async () => {
    const all = await runCli(['reports', 'odd,name:1.md'], { cwd: dir });
    const folded = await runCli(['--max-per-rule', '2', 'reports', 'odd,name:1.md'], { cwd: dir });
    assert.equal(folded.code, all.code, 'the exit code does not change');
    let hidden = 0;
    for (const file of json.files) {
      for (const rule of new Set(file.findings.map((f) => f.rule))) hidden += Math.max(0, file.findings.filter((f) => f.rule === rule).length - 2);
    }
    assert.ok(hidden > 0, 'the fixture has repeated findings');
    const listed = folded.stdout.split('\n').filter((l) => /^ {4}\d+:\d+ /.test(l)).length;
    const total = json.files.reduce((n, f) => n + f.findings.length, 0);
    assert.equal(listed, total - hidden);
    assert.ok(folded.stdout.includes(`--max-per-rule 2 折叠了 ${hidden} 个问题`), folded.stdout.slice(-300));
    assert.match(folded.stdout, /…… 另有 \d+ 个 [a-z-]+ 问题未列出/);
    const bad = await runCli(['--max-per-rule', '2', '--format', 'json', 'reports'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-per-rule 只用于 text 格式/);
  });

  it('text: colour with FORCE_COLOR, none with --no-color, none with NO_COLOR', async () => {
    assert.ok((await runCli(['reports'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout.includes('\u001b[31m'));
    assert.ok(!(await runCli(['--no-color', 'reports'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout.includes('\u001b['));
    assert.ok(!(await runCli(['reports'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout.includes('\u001b['));
  });

  it('sarif: a file outside the working folder gets an absolute file URI, not ../ under %SRCROOT%', async () => {
    const run = await runCli(['--format', 'sarif', '../odd,name:1.md', 'a.txt'], { cwd: path.join(dir, 'reports') });
    const locations = JSON.parse(run.stdout).runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation);
    const outside = locations.find((l: any) => l.uri.startsWith('file:'));
    assert.deepEqual(outside, { uri: pathToFileURL(path.join(dir, 'odd,name:1.md')).href });
    assert.ok(locations.some((l: any) => l.uri === 'a.txt' && l.uriBaseId === '%SRCROOT%'));
    assert.ok(!locations.some((l: any) => l.uri.startsWith('..')));
  });

  it('sarif: SARIF 2.1.0 with rules, results, UTF-16 columns and fixes', async () => {
    const run = await runCli(['--format', 'sarif', 'reports', 'odd,name:1.md'], { cwd: dir });
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const runObj = log.runs[0];
    assert.equal(runObj.columnKind, 'utf16CodeUnits');
    assert.equal(runObj.tool.driver.name, 'fazhi-lint');
    const rules = runObj.tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }[];
    assert.ok(rules.length >= 20);
    for (const r of rules) {
      assert.match(r.id, /^[a-z-]+$/);
      assert.ok(r.shortDescription.text && r.fullDescription.text, `descriptions of ${r.id}`);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
    }
    const flat = json.files.flatMap((f) => f.findings.map((x) => ({ ...x, path: f.path })));
    assert.equal(runObj.results.length, flat.length);
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
    runObj.results.forEach((res: any, i: number) => {
      const f = flat[i];
      assert.equal(res.ruleId, f.rule);
      assert.equal(rules[res.ruleIndex].id, f.rule);
      assert.equal(res.level, levels[f.severity]);
      assert.equal(res.message.text, f.message);
      const loc = res.locations[0].physicalLocation;
      assert.equal(decodeURIComponent(loc.artifactLocation.uri), f.path);
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(loc.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
      if (f.fix) {
        const change = res.fixes[0].artifactChanges[0];
        assert.equal(res.fixes[0].description.text, f.fix.title);
        assert.equal(change.replacements.length, f.fix.edits.length);
        assert.equal(change.replacements[0].insertedContent.text, f.fix.edits[0].newText);
        assert.equal(change.replacements[0].deletedRegion.startLine, f.fix.edits[0].line);
      } else assert.equal(res.fixes, undefined);
    });
    assert.match(runObj.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });

  it('github: one workflow command per finding, properties escaped', async () => {
    const run = await runCli(['--format', 'github', 'reports', 'odd,name:1.md'], { cwd: dir });
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const flat = json.files.flatMap((f) => f.findings.map((x) => ({ ...x, path: f.path })));
    assert.equal(lines.length, flat.length);
    const cmd: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
    lines.forEach((l, i) => {
      const f = flat[i];
      const file = f.path === 'odd,name:1.md' ? 'odd%2Cname%3A1.md' : f.path;
      assert.equal(
        l,
        `::${cmd[f.severity]} file=${file},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${f.rule}::${escapeData(f.message)}`,
      );
    });
  });

  it('github: escaping of %, CR, LF, ":" and ","', async () => {
    assert.equal(escapeData('100%\r\n好'), '100%25%0D%0A好');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('the exit code does not depend on the format', async () => {
    for (const [target, expected] of [['reports', 1], ['reports/sub', 0]] as const) {
      for (const format of ['text', 'json', 'sarif', 'github']) {
        assert.equal((await runCli(['--format', format, target], { cwd: dir })).code, expected, `${format} on ${target}`);
      }
    }
  });
});
