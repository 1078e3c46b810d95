// Reliability of the command line (issue 14): never lose a report, never hang, never read or
// echo what it should not. Each case reproduces a defect found by a bad-input battery and
// failed before its fix. Disk-full runs on a real 64 KB tmpfs where this machine lets us mount
// one (root, Linux), and always through an injected write failure (the writer's I/O seam).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import path from 'node:path';
import { RULES, type Rule } from '../../server/src/index.js';
import { CLEAN_DIR, cleanupTemp, parseJson, runCli, tempDir, writeTree } from '../cli/helpers.js';
import type { WriteFs } from '../../server/src/node/write-file.js';

const posix = process.platform !== 'win32';
const isRoot = posix && process.getuid?.() === 0;
const clean = fs.readFileSync(path.join(CLEAN_DIR, '000_6895dad6e85ea9c9.txt'), 'utf8');
/** A report with many safe fixes (half-width commas): --fix has something to write. */
const fixable = clean.replace(/，/g, ',');

/** node:fs with writeSync failing like a full disk once `limit` bytes have been written. */
function fullDisk(limit: number): WriteFs {
  let written = 0;
  return {
    ...fs,
    writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null) => {
      const room = limit - written;
      if (room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const n = fs.writeSync(fd, buffer, offset, Math.min(length, room), position);
      written += n;
      return n;
    }) as unknown as typeof fs.writeSync,
  };
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('reliability: the command line', function () {
  this.timeout(60000);
  after(cleanupTemp);

  describe('--fix never loses a report', () => {
    it('a write failing part-way (disk full) leaves the report byte for byte, says so, exits 1', async () => {
      const dir = tempDir();
      writeTree(dir, { 'r.md': fixable });
      const before = fs.readFileSync(path.join(dir, 'r.md'));
      const r = await runCli(['--fix', '--no-config', 'r.md'], { cwd: dir, fs: fullDisk(4096) });
      assert.ok(fs.readFileSync(path.join(dir, 'r.md')).equals(before), 'the report is unchanged');
      assert.match(r.stderr, /r\.md: 无法写回修复结果，文件未改动.*磁盘空间不足/);
      assert.ok(!r.stderr.includes('已修复'));
      assert.equal(r.code, 1);
      assert.deepEqual(leftovers(dir), [], 'no temporary file left behind');
    });

    it('on a real full disk (a 64 KB tmpfs) the report is unchanged', async function () {
      if (!isRoot || process.platform !== 'linux') this.skip();
      const mount = tempDir();
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { stdio: 'ignore' });
      } catch {
        this.skip(); // no permission to mount here (a container without CAP_SYS_ADMIN)
      }
      try {
        const report = fixable.slice(0, 12000);
        fs.writeFileSync(path.join(mount, 'r.md'), report);
        // Fill the rest of the disk, so that the fixed text (longer: ， is 3 bytes, , is 1) cannot be written.
        const fill = fs.openSync(path.join(mount, 'fill'), 'w');
        try {
          for (;;) fs.writeSync(fill, Buffer.alloc(1024));
        } catch {
          // full
        }
        fs.closeSync(fill);
        const r = await runCli(['--fix', '--no-config', 'r.md'], { cwd: mount });
        assert.equal(fs.readFileSync(path.join(mount, 'r.md'), 'utf8'), report);
        assert.match(r.stderr, /无法写回修复结果，文件未改动.*磁盘空间不足/);
        assert.deepEqual(leftovers(mount), []);
      } finally {
        execFileSync('umount', [mount]);
      }
    });

    it('an edit saved while --fix runs is kept: the fix is not written, with a message', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'r.md');
      writeTree(dir, { 'r.md': fixable });
      // The user saves a new line between the check and the write (when the temporary file is created).
      const editing: WriteFs = {
        ...fs,
        openSync: ((p: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
          if (String(p).endsWith('.tmp')) fs.appendFileSync(file, '新增的一行。\n');
          return fs.openSync(p, flags, mode);
        }) as unknown as typeof fs.openSync,
      };
      const r = await runCli(['--fix', '--no-config', 'r.md'], { cwd: dir, fs: editing });
      assert.equal(fs.readFileSync(file, 'utf8'), `${fixable}新增的一行。\n`);
      assert.match(r.stderr, /r\.md: 无法写回修复结果，文件未改动.*文件在检查期间被修改过/);
      assert.equal(r.code, 1);
      assert.deepEqual(leftovers(dir), []);
    });

    it('keeps the mode, writes through a symbolic link, and keeps hard links linked', async function () {
      if (!posix) this.skip();
      const dir = tempDir();
      writeTree(dir, { 'r.md': fixable, 'target.md': fixable, 'linked.md': fixable });
      fs.chmodSync(path.join(dir, 'r.md'), 0o640);
      fs.symlinkSync('target.md', path.join(dir, 'alias.md'));
      fs.linkSync(path.join(dir, 'linked.md'), path.join(dir, 'other-name.md'));
      const r = await runCli(['--fix', '--no-config', 'r.md', 'alias.md', 'linked.md'], { cwd: dir });
      assert.equal(r.stderr.match(/已修复/g)?.length, 3, r.stderr);
      assert.equal(fs.statSync(path.join(dir, 'r.md')).mode & 0o777, 0o640);
      assert.ok(fs.lstatSync(path.join(dir, 'alias.md')).isSymbolicLink(), 'the link is still a link');
      assert.notEqual(fs.readFileSync(path.join(dir, 'target.md'), 'utf8'), fixable, 'its target was fixed');
      const linked = fs.readFileSync(path.join(dir, 'linked.md'), 'utf8');
      assert.notEqual(linked, fixable);
      assert.equal(fs.readFileSync(path.join(dir, 'other-name.md'), 'utf8'), linked, 'both names show the fixed text');
      assert.equal(fs.statSync(path.join(dir, 'linked.md')).nlink, 2);
      assert.deepEqual(leftovers(dir), []);
    });

    it('a hard-linked file whose rewrite fails gets its old text back; the fixed text is kept aside and named', async function () {
      if (!posix) this.skip();
      const dir = tempDir();
      writeTree(dir, { 'linked.md': fixable });
      fs.linkSync(path.join(dir, 'linked.md'), path.join(dir, 'other-name.md'));
      // The disk fills up half-way through the in-place rewrite (the temporary copy was written); rewriting the
      // old bytes within the file's old size needs no new space and succeeds.
      const inPlace = new Set<number>();
      let failed = false;
      const failing: WriteFs = {
        ...fs,
        openSync: ((p: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
          const fd = fs.openSync(p, flags, mode);
          if (flags === 'r+') inPlace.add(fd);
          return fd;
        }) as unknown as typeof fs.openSync,
        writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null) => {
          if (inPlace.has(fd) && !failed) {
            if (position === 0) return fs.writeSync(fd, buffer, offset, Math.floor(length / 2), position);
            failed = true;
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          return fs.writeSync(fd, buffer, offset, length, position);
        }) as unknown as typeof fs.writeSync,
      };
      const r = await runCli(['--fix', '--no-config', 'linked.md'], { cwd: dir, fs: failing });
      assert.ok(failed, 'the in-place rewrite was tried');
      assert.equal(fs.readFileSync(path.join(dir, 'linked.md'), 'utf8'), fixable, 'old text restored');
      const kept = /修复后的全文保存在 (\S+?)（/.exec(r.stderr)?.[1];
      assert.ok(kept && fs.existsSync(kept), r.stderr);
      assert.notEqual(fs.readFileSync(kept, 'utf8'), fixable);
      assert.equal(r.code, 1);
    });

    it('a file that is not a report, named explicitly, is checked but never rewritten', async () => {
      const dir = tempDir();
      const meta = '{"title": "x", "note": "2023 年,"}\n';
      writeTree(dir, { 'meta.json': meta, 'r.md': fixable });
      const r = await runCli(['--fix', '--no-config', 'meta.json', 'r.md'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'), meta);
      assert.match(r.stderr, /meta\.json: 不是报告文件（\.md、\.markdown、\.txt、\.text），--fix 不改写它/);
      assert.notEqual(fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), fixable, 'the report next to it is fixed');
    });
  });

  describe('a config cannot hang the checker or slip in unseen', () => {
    it('a catastrophic pattern ((a+)+$ on a line of 34 "a") runs in linear time and still matches', async () => {
      const dir = tempDir();
      writeTree(dir, {
        '.fazhi-lint.json': JSON.stringify({ rules: { placeholder: { extend: ['(a+)+$'] }, 'broken-paragraph': { extend: ['(a+)+$'] }, 'conversion-artifact': { extend: { lines: ['(a+)+$'], inline: ['(a+)+!'], glued: ['(a+)+$'] } }, typo: { extend: [{ pattern: '(a+)+b', right: 'c' }] } } }),
        'r.md': `${clean}\n${'a'.repeat(34)}!\n\n${'a'.repeat(34)}\n`,
      });
      // Backtracking would take minutes (2^34 steps): mocha's timeout fails a hang (how fast: test/bench/hostile.ts).
      const r = await runCli(['--format', 'json', 'r.md'], { cwd: dir });
      const placeholders = parseJson(r).files[0].findings.filter((f) => f.rule === 'placeholder' && f.data.text === 'a'.repeat(34));
      assert.equal(placeholders.length, 1, 'the line of a alone matches (a+)+$');
    });

    it('a pattern the linear-time engine cannot run is refused, naming the config file and the path in it', async () => {
      const dir = tempDir();
      for (const [pattern, why] of [
        ['单位(?=名称)', /不支持前瞻断言/],
        ['(某)\\1', /不支持反向引用/],
        ['(?<=(某))某', /后顾断言 \(\?<=…\) 中不能有捕获分组/],
      ] as const) {
        writeTree(dir, { '.fazhi-lint.json': JSON.stringify({ rules: { placeholder: { extend: ['（单位名称）', pattern] } } }), 'r.md': clean });
        const r = await runCli(['r.md'], { cwd: dir });
        assert.equal(r.code, 2, pattern);
        assert.match(r.stderr, /\.fazhi-lint\.json: 配置无效.*rules\.placeholder\.extend\[1\]: 不是有效的正则表达式/, pattern);
        assert.match(r.stderr, why);
        assert.match(r.stderr, /RE2/);
      }
    });

    it('__proto__, constructor and prototype keys are unknown options, at any depth', async () => {
      const dir = tempDir();
      for (const [config, where] of [
        ['{"__proto__": {"script": "traditional"}}', '__proto__'],
        ['{"rules": {"typo": {"constructor": {"severity": "off"}}}}', 'rules.typo.constructor'],
        ['{"rules": {"__proto__": {"typo": "off"}}}', 'rules.__proto__'],
      ]) {
        writeTree(dir, { '.fazhi-lint.json': config, 'r.md': clean });
        const r = await runCli(['r.md'], { cwd: dir });
        assert.equal(r.code, 2, config);
        assert.ok(r.stderr.includes(`${where}: 未知的配置项`), r.stderr);
      }
    });

    it('a 100 000-deep config: the file and the depth are named, no stack overflow', async () => {
      const dir = tempDir();
      writeTree(dir, { '.fazhi-lint.json': `{"rules": {"typo": {"extend": ${'['.repeat(100000)}${']'.repeat(100000)}}}}`, 'r.md': clean });
      const r = await runCli(['r.md'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\.fazhi-lint\.json: 配置文件嵌套过深：第 1 行已有 65 层数组或对象，最多允许 64 层/);
      assert.doesNotMatch(r.stderr, /call stack/);
    });

    it('a config in a parent folder owned by another user is not applied, and says so; trusted, it is', async function () {
      if (!isRoot) this.skip(); // only root can give a file to another user
      const dir = tempDir();
      writeTree(dir, { '.fazhi-lint.json': JSON.stringify({ rules: { 'required-section': 'off' } }), 'sub/r.md': clean.slice(0, 400) });
      const config = path.join(dir, '.fazhi-lint.json');
      fs.chownSync(config, 12345, 12345);
      const r = await runCli(['--format', 'json', 'r.md'], { cwd: path.join(dir, 'sub') });
      assert.ok(parseJson(r).files[0].findings.some((f) => f.rule === 'required-section'), 'the foreign config was not applied');
      assert.match(r.stderr, /未使用配置文件 .*\.fazhi-lint\.json：它属于另一个用户（uid 12345）/);
      assert.match(r.stderr, /FAZHI_LINT_TRUSTED_CONFIGS/);
      const shown = JSON.parse((await runCli(['--print-config', 'r.md'], { cwd: path.join(dir, 'sub') })).stdout);
      assert.equal(shown.configFile, null);
      assert.equal(shown.ignoredConfigFiles.length, 1);
      const trusted = await runCli(['--format', 'json', 'r.md'], { cwd: path.join(dir, 'sub'), env: { FAZHI_LINT_TRUSTED_CONFIGS: config } });
      assert.ok(!parseJson(trusted).files[0].findings.some((f) => f.rule === 'required-section'), 'trusted: applied');
      const printed = JSON.parse((await runCli(['--print-config', 'r.md'], { cwd: path.join(dir, 'sub'), env: { FAZHI_LINT_TRUSTED_CONFIGS: config } })).stdout);
      assert.equal(printed.configFile, '../.fazhi-lint.json');
      assert.equal(printed.rules['required-section'].severity, 'off');
    });
  });

  describe('nothing from a file name or a document reaches the terminal raw', () => {
    const name = 'a\u001b]0;x\u0007\u202eb.md';
    // Without its title: the title finding quotes the opening text, controls included.
    const rtl = `\u202e\u001b[31m${fixable.slice(fixable.indexOf('\n') + 1)}`;
    let dir: string;
    before(() => {
      dir = tempDir();
      if (posix) writeTree(dir, { [name]: rtl });
    });

    for (const format of ['text', 'github', 'json', 'sarif']) {
      it(`${format}: ESC and bidi controls are escaped`, async function () {
        if (!posix) this.skip();
        const r = await runCli(['--no-config', '--format', format, '.'], { cwd: dir });
        assert.ok(r.stdout.length > 0);
        assert.doesNotMatch(r.stdout, /[\u001b\u0007\u202e]/, 'no raw ESC, BEL or U+202E');
        if (format === 'json' || format === 'sarif') {
          // Escaped in the JSON text, the same value for a program reading it.
          assert.ok(JSON.stringify(JSON.parse(r.stdout)).includes('\u202e'));
        } else {
          assert.match(r.stdout, /\\x1b/);
          assert.match(r.stdout, /\\u202E/);
        }
      });
    }
  });

  describe('output a reviewer and a tool can rely on', () => {
    const suggesting: Rule = {
      id: 'test-suggestion',
      severity: 'warning',
      tags: [],
      docs: { description: '测试用', why: '测试用', basis: '—', howToFix: '—' },
      check({ doc, report }) {
        const at = doc.text.indexOf('一、');
        report({ start: at, end: at + 2, message: '测试建议', suggestions: [{ title: '删除', edits: [{ start: at, end: at + 2, newText: '' }] }] });
      },
    };

    it('json: suggestions as the contract says (array, shape of fix); --fix never applies them; SARIF leaves them out', async () => {
      const dir = tempDir();
      writeTree(dir, { 'r.md': clean });
      const json = parseJson(await runCli(['--no-config', '--format', 'json', 'r.md'], { cwd: dir, rules: [...RULES, suggesting] }));
      const f = json.files[0].findings.find((x) => x.rule === 'test-suggestion') as unknown as Record<string, unknown>;
      assert.deepEqual(f.suggestions, [{ title: '删除', edits: [{ line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, newText: '' }] }]);
      assert.equal(f.fix, undefined);
      await runCli(['--no-config', '--fix', 'r.md'], { cwd: dir, rules: [...RULES, suggesting] });
      assert.equal(fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), clean, 'a suggestion is not a fix');
      const sarif = JSON.parse((await runCli(['--no-config', '--format', 'sarif', 'r.md'], { cwd: dir, rules: [...RULES, suggesting] })).stdout);
      const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'test-suggestion');
      assert.equal(result.fixes, undefined);
    });

    it('sarif: every rule has a helpUri to its page (docs/rules/<id>.md), which exists', async () => {
      const dir = tempDir();
      writeTree(dir, { 'r.md': clean });
      const sarif = JSON.parse((await runCli(['--no-config', '--format', 'sarif', 'r.md'], { cwd: dir })).stdout);
      for (const rule of sarif.runs[0].tool.driver.rules) {
        assert.match(rule.helpUri, new RegExp(`^(file|https):.*/docs/rules/${rule.id}\\.md$`));
        if (rule.helpUri.startsWith('file:')) assert.ok(fs.existsSync(new URL(rule.helpUri)), rule.helpUri);
      }
    });

    it('one severity vocabulary: 错误 警告 信息 提示 (SEVERITY_LABELS) in findings and the summary', async () => {
      const dir = tempDir();
      writeTree(dir, { 'r.md': fixable });
      const r = await runCli(['--no-config', '--rule', 'end-punctuation=info', '--rule', 'section-order=hint', 'r.md'], { cwd: dir });
      for (const line of r.stdout.split('\n').filter((l) => /^ {4}\d/.test(l))) assert.match(line, /\s(错误|警告|信息|提示)\s/);
      assert.match(r.stdout, /个错误，\d+ 个警告，\d+ 个信息，\d+ 个提示/);
      assert.doesNotMatch(r.stdout, /建议/);
    });

    it('exit codes: 1 when some inputs are unreadable while others were checked, 2 when none could be', async () => {
      const dir = tempDir();
      writeTree(dir, { 'ok.md': clean });
      assert.equal((await runCli(['--no-config', 'ok.md', 'missing.md'], { cwd: dir })).code, 1);
      assert.equal((await runCli(['--no-config', '--format', 'json', 'ok.md', 'missing.md'], { cwd: dir })).code, 1);
      assert.equal((await runCli(['--no-config', 'missing.md', 'also-missing.md'], { cwd: dir })).code, 2);
    });
  });
});
