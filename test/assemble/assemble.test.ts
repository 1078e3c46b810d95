// `fazhi-lint assemble`: contributions put into the skeleton in statutory order, headings
// renumbered across contributions, variables replaced, findings traced to files and lines.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lint } from '../../server/src/index.js';
import { assemble } from '../../server/src/assemble/assemble.js';
import { parseManifest, ManifestError } from '../../server/src/assemble/manifest.js';
import { loadSkeleton } from '../../server/src/assemble/skeleton-files.js';
import { PART_IDS } from '../../server/src/engine/types.js';
import { FIXTURES, run } from './helpers.js';

const TOWN = path.join(FIXTURES, 'town');
const read = (file: string) => readFileSync(path.join(TOWN, file), 'utf8');
/** 1-based line and column of `needle` in a fixture file. */
function where(file: string, needle: string): { line: number; column: number } {
  const lines = read(file).split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

function assembleTown() {
  const manifestText = read('manifest.json');
  const manifest = parseManifest(manifestText);
  return assemble({ manifest, manifestPath: 'manifest.json', manifestText, skeleton: loadSkeleton('town'), read });
}

describe('assembly: fazhi-lint assemble', () => {
  const result = assembleTown();
  const doc = lint(result.markdown).document;
  const headings = doc.outline.all.map((s) => `${'  '.repeat(s.level - 1)}${s.heading.numbering?.marker ?? ''}${s.title}`);

  it('puts the parts in statutory order whatever the manifest order, under the skeleton headings', () => {
    assert.deepEqual(doc.outline.sections.map((s) => s.part), [...PART_IDS]);
    assert.deepEqual(
      doc.outline.sections.map((s) => s.heading.numbering?.marker),
      ['一、', '二、', '三、', '四、', '五、'],
    );
    assert.match(result.markdown, /^# 张八桥镇人民政府关于2025年法治政府建设情况的报告\n\n县委、县政府：\n\n2025年，张八桥镇人民政府在县委/);
    assert.match(result.markdown, /\n张八桥镇人民政府\n\n2026年3月20日\n$/);
  });

  it('renumbers headings consistently across contributions (一、 （一） 1. （1）)', () => {
    const measures = headings.slice(headings.indexOf('一、推进法治政府建设的主要举措和成效'), headings.findIndex((h) => h.startsWith('二、')));
    assert.deepEqual(measures, [
      '一、推进法治政府建设的主要举措和成效',
      '  （一）加强法治宣传教育', // 司法所.md: ## under its own # title
      '    1.推进“八五”普法规划实施',
      '      （1）领导干部学法',
      '    2.培养农村“法律明白人”',
      '  （二）推进矛盾纠纷多元化解',
      '  （三）严格规范公正文明执法', // 综合执法队.md: its （一） continues the sequence
      '    1.落实行政执法“三项制度”',
      '    2.开展执法案卷评查', // was "3." in the contribution
      '  （四）依法科学民主决策', // 党政办.md: its 一、 becomes a sub-section
      '    1.落实合法性审查',
      '    2.发挥法律顾问作用',
    ]);
    // A contribution's heading naming the part itself is not repeated.
    assert.equal(headings.filter((h) => /存在的不足和原因/.test(h)).length, 1);
    assert.ok(!doc.blocks.some((b) => b.text.includes('司法所报送材料')));
  });

  it('replaces {{单位}}, {{年度}} and {{下一年度}}', () => {
    assert.doesNotMatch(result.markdown, /\{\{/);
    assert.match(result.markdown, /（三）严格规范公正文明执法。2025年共办理/);
    assert.match(result.markdown, /（一）提升干部法治素养。2026年，张八桥镇人民政府将/);
  });

  it('traces every finding to the contributing file, line and column', () => {
    const placeholder = result.findings.find((f) => f.rule === 'placeholder');
    assert.ok(placeholder, 'the 20XX of 综合执法队.md is found');
    assert.deepEqual(placeholder.source, { file: '综合执法队.md', ...where('综合执法队.md', '20XX') });
    const artifact = result.findings.find((f) => f.rule === 'conversion-artifact');
    assert.ok(artifact, 'the Word bookmark of 下一年度安排.md is found');
    assert.deepEqual(artifact.source, { file: '下一年度安排.md', line: 1, column: 1 });
    // Every finding lands on a contribution (the frame is clean) and on the line that holds the text.
    for (const f of result.findings) {
      assert.notEqual(f.source.file, 'manifest.json', `${f.rule} ${f.message}`);
      const sourceLine = read(f.source.file).split('\n')[f.source.line - 1];
      const outputLine = result.markdown.split('\n')[f.line - 1];
      const found = outputLine.slice(f.column - 1, f.endLine === f.line ? f.endColumn - 1 : undefined);
      assert.ok(sourceLine.includes(found), `${f.rule}: "${found}" on ${f.source.file}:${f.source.line}`);
    }
  });

  it('keeps the skeleton prompts of a part without contributions, reported against the manifest', () => {
    const manifestText = read('manifest.json');
    const manifest = parseManifest(manifestText);
    delete manifest.parts.shortcomings;
    const r = assemble({ manifest, manifestPath: 'manifest.json', manifestText, skeleton: loadSkeleton('town'), read });
    const prompts = r.findings.filter((f) => f.rule === 'placeholder' && f.message.includes('不足'));
    assert.ok(prompts.length >= 1);
    for (const f of prompts) assert.equal(f.source.file, 'manifest.json');
    assert.deepEqual(lint(r.markdown).document.outline.sections.map((s) => s.part), [...PART_IDS]);
  });

  it('rejects an invalid manifest with a clear message', () => {
    assert.throws(() => parseManifest('{"body":"某镇","year":2025,"profile":"village","parts":{}}'), (e: Error) => e instanceof ManifestError && /profile/.test(e.message));
    assert.throws(() => parseManifest('{"body":"张八桥镇","year":2025,"profile":"town","parts":{"results":["a.md"]}}'), /results/);
  });

  it('runs from the command line: writes the report, lists findings by source, exit code 1 on errors', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'fazhi-asm-')), 'report.md');
    const r = await run('assemble', [path.join(TOWN, 'manifest.json'), '-o', out], TOWN);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(readFileSync(out, 'utf8'), result.markdown);
    const at = where('综合执法队.md', '20XX');
    assert.match(r.stdout, new RegExp(`^综合执法队\\.md:${at.line}:${at.column}  错误  .*\\[placeholder\\]`, 'm'));
    assert.match(r.stdout, /^下一年度安排\.md:1:1  错误  .*\[conversion-artifact\]/m);

    const json = await run('assemble', ['manifest.json', '-o', out, '--force', '--format', 'json'], TOWN);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.version, 1);
    const file = parsed.files.find((f: { path: string }) => f.path === '综合执法队.md');
    assert.equal(file.findings[0].rule, 'placeholder');
    assert.equal(file.findings[0].line, at.line);
    assert.equal(parsed.summary.errors, result.findings.filter((f) => f.severity === 'error').length);
  });

  it('names severities and takes --fail-on as the checking command does', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'fazhi-asm-')), 'report.md');
    const config = path.join(path.dirname(out), 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { placeholder: 'info', 'conversion-artifact': 'hint' } }));
    const r = await run('assemble', ['manifest.json', '-o', out, '--config', config], TOWN);
    assert.match(r.stdout, /^综合执法队\.md:\d+:\d+  信息  .*\[placeholder\]/m);
    assert.match(r.stdout, /^下一年度安排\.md:1:1  提示  .*\[conversion-artifact\]/m);
    const hint = await run('assemble', ['manifest.json', '-o', out, '--fail-on', 'hint'], TOWN);
    assert.equal(hint.code, 2);
    assert.match(hint.stderr, /--fail-on 应为 error\|warning\|info/);
  });

  it('exits 0 when the contributions are clean and 2 when a file is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-asm-'));
    for (const f of ['开头.md', '司法所.md', '党政办.md', '不足和原因.md', '第一责任人.md', '其他.md']) writeFileSync(path.join(dir, f), read(f));
    writeFileSync(path.join(dir, '综合执法队.md'), read('综合执法队.md').replace('20XX', '126'));
    writeFileSync(path.join(dir, '下一年度安排.md'), read('下一年度安排.md').replace('[bookmark: _GoBack]\n', ''));
    writeFileSync(path.join(dir, 'manifest.json'), read('manifest.json'));
    const clean = await run('assemble', ['manifest.json', '-o', 'report.md'], dir);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    writeFileSync(path.join(dir, 'manifest.json'), read('manifest.json').replace('其他.md', '没有.md'));
    const missing = await run('assemble', ['manifest.json', '-o', 'report.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /没有\.md/);
  });

  it('renumbers by each contribution’s own nesting, whatever numbering styles it skips or uses', () => {
    // Three contributions to one part, each numbered its own way; defects in each.
    const files: Record<string, string> = {
      'a.md': '# 一、综合执法队材料\n\n## 1、规范执法程序\n\n执法文书全部使用统一格式。\n\n## 2、加强队伍建设\n\n(1)开展执法培训。全年培训4期,参训120人次。\n\n(2)落实持证上岗。执法人员全部持证。\n',
      'b.md': '1.落实合法性审查\n\n全年审查合同41份，贯切落实审查制度。\n\n（1）重大决策审查\n\n审查重大决策事项7件。\n',
      'c.md': '### （一）推进政务公开\n\n主动公开政府信息【请填写：公开条数】条。\n\n#### 1.依申请公开\n\n办理依申请公开18件。\n',
    };
    const manifestText = JSON.stringify({ body: '张八桥镇人民政府', year: 2025, profile: 'town', addressee: '县委、县政府', date: '2026年3月20日', parts: { measures: ['a.md', 'b.md', 'c.md'] } }, null, 2);
    const r = assemble({ manifest: parseManifest(manifestText), manifestPath: 'manifest.json', manifestText, skeleton: loadSkeleton('town'), read: (f) => files[f] });
    const d = lint(r.markdown).document;
    const part = d.outline.sections.find((s) => s.part === 'measures')!;
    const tree = (s: typeof part, indent = ''): string[] => s.children.flatMap((c) => [`${indent}${c.heading.numbering?.marker}${c.title}`, ...tree(c, indent + '  ')]);
    assert.deepEqual(tree(part), [
      '（一）综合执法队材料', // a.md goes 一、 → 1、 → (1): nested one level each time
      '  1.规范执法程序',
      '  2.加强队伍建设',
      '    （1）开展执法培训',
      '    （2）落实持证上岗',
      '（二）落实合法性审查', // b.md's top level is 1.
      '  1.重大决策审查',
      '（三）推进政务公开', // c.md's top level is （一）: continues the sequence
      '  1.依申请公开',
    ]);
    assert.ok(!r.findings.some((f) => f.rule === 'heading-numbering'), r.findings.map((f) => f.message).join('\n'));
    // Each defect is reported in its own file, at its line and column.
    const at = (file: string, needle: string) => {
      const lines = files[file].split('\n');
      const line = lines.findIndex((l) => l.includes(needle));
      return { file, line: line + 1, column: lines[line].indexOf(needle) + 1 };
    };
    const traced = (rule: string) => r.findings.filter((f) => f.rule === rule && f.source.file !== 'manifest.json').map((f) => f.source);
    assert.deepEqual(traced('halfwidth-punctuation'), [at('a.md', ',')]);
    assert.deepEqual(traced('typo'), [at('b.md', '贯切')]);
    assert.deepEqual(traced('placeholder'), [at('c.md', '【请填写')]);
  });

  it('names every unreadable contribution at its place in the manifest, and where the JSON breaks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-asm-'));
    writeFileSync(path.join(dir, 'a.md'), '（一）落实合法性审查。全年审查合同41份。\n');
    const manifest = ['{', '  "body": "张八桥镇人民政府",', '  "year": 2025,', '  "profile": "town",', '  "parts": {', '    "measures": ["a.md", "缺一.md", "."],', '    "other": ["缺二.md"]', '  }', '}', ''].join('\n');
    writeFileSync(path.join(dir, 'manifest.json'), manifest);
    const r = await run('assemble', ['manifest.json', '-o', 'report.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /3 份材料无法读取/);
    assert.match(r.stderr, /^ {2}manifest\.json:6:26 {2}缺一\.md：文件不存在/m);
    assert.match(r.stderr, /^ {2}manifest\.json:6:35 {2}\.：(?:这是一个)?文件夹/m);
    assert.match(r.stderr, /^ {2}manifest\.json:7:15 {2}缺二\.md：文件不存在/m);
    assert.doesNotMatch(r.stderr, /at |TypeError|ENOENT/);

    writeFileSync(path.join(dir, 'manifest.json'), manifest.replace('"year": 2025,', '"year": 2025,,'));
    const broken = await run('assemble', ['manifest.json'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^fazhi-lint: manifest\.json:3:16：清单不是有效的 JSON/m);
    writeFileSync(path.join(dir, 'manifest.json'), manifest.slice(0, 20));
    const cut = await run('assemble', ['manifest.json'], dir);
    assert.match(cut.stderr, /^fazhi-lint: manifest\.json:2:\d+：清单不是有效的 JSON/m);
  });
});
