// Edge cases of the command line found in an audit against the ESLint /
// markdownlint-cli2 bar: pipes and devices (no hang), dot-folders named in a
// glob, ! / # exclusions, symbolic links (followed, loops end, one check per
// real file), unreadable folders and read-only files (clear messages, the
// findings of the file as it is), CR-only line ends kept by --fix, config
// files with a BOM, .json next to .jsonc, folder patterns in `ignores`,
// FORCE_COLOR=0, what --quiet leaves out, control characters in the text
// output, and Chinese messages for malformed options.
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { CLI, CLEAN_DIR, cleanupTemp, assertBuilt, parseJson, runCli, runProcess, tempDir, writeTree, type CliRun } from './helpers.js';

const seed = readFileSync(path.join(CORPUS_DIR, '004_e2661321fbbd4b8b.txt'), 'utf8');
const clean = readFileSync(path.join(CLEAN_DIR, '003_1ada4594c569a830.txt'), 'utf8');
const paths = (r: CliRun) => parseJson(r).files.map((f) => f.path);
const noStack = (r: CliRun) => assert.ok(!/\n\s+at /.test(r.stderr), `no stack trace in: ${r.stderr}`);
const posix = process.platform !== 'win32';
const isRoot = posix && process.getuid?.() === 0;

/** Runs the CLI as an unprivileged user (nobody) when we are root, so that permissions apply; else as ourselves. */
function runUnprivileged(args: string[], cwd: string): CliRun {
  if (!isRoot) return runProcess(args, { cwd });
  assertBuilt();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    uid: 65534,
    gid: 65534,
    timeout: 60000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** In-process with an empty environment (no NO_COLOR), as a terminal would run it. */
const runInProcess = (args: string[], options: { cwd: string; env?: Record<string, string>; tty?: boolean }) =>
  runCli(args, { ...options, env: { NO_COLOR: undefined, ...options.env } });

describe('cli: edge cases', function () {
  this.timeout(120000);
  let dir: string;
  before(async () => {
    dir = tempDir();
    writeTree(dir, {
      'ok.md': seed,
      'tree/a.md': seed,
      'tree/drafts/d.md': seed,
      'tree/keep/k.md': seed,
      '.github/docs/gh.md': seed,
      'node_modules/pkg/readme.md': seed,
    });
  });
  after(async () => {
    // Let cleanup remove what was made unreadable.
    for (const p of ['closed']) {
      try {
        chmodSync(path.join(dir, p), 0o755);
      } catch {
        // not created on this platform
      }
    }
    cleanupTemp();
  });

  it('a FIFO or a device named on the command line is refused at once, not read forever', async function () {
    if (!posix) this.skip();
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const fifo = runProcess(['pipe.md'], { cwd: dir, timeout: 20000 });
    assert.notEqual(fifo.code, null, 'killed: the FIFO was opened and waited on');
    assert.equal(fifo.code, 2);
    assert.match(fifo.stderr, /pipe\.md: 这是一个管道（FIFO），不是普通文件.*--stdin/);
    const zero = runProcess(['/dev/zero', 'ok.md', '--format', 'json'], { cwd: dir, timeout: 20000 });
    assert.equal(zero.code, 1, 'the readable file is checked, the device is a problem');
    assert.match(zero.stderr, /dev\/zero: 不是普通文件/);
    assert.deepEqual(paths(zero), ['ok.md']);
    noStack(fifo);
  });

  it('a glob that names a dot-folder or node_modules reaches it; ** alone still skips them', async () => {
    assert.deepEqual(paths(await runCli(['--format', 'json', '.github/**/*.md'], { cwd: dir })), ['.github/docs/gh.md']);
    assert.deepEqual(paths(await runCli(['--format', 'json', 'node_modules/**/*.md'], { cwd: dir })), ['node_modules/pkg/readme.md']);
    assert.deepEqual(paths(await runCli(['--format', 'json', '**/*.md'], { cwd: dir })), ['ok.md', 'tree/a.md', 'tree/drafts/d.md', 'tree/keep/k.md']);
  });

  it('! and # exclude what they match (markdownlint-cli2 syntax), folders included', async () => {
    assert.deepEqual(paths(await runCli(['--format', 'json', '**/*.md', '!tree/drafts/**'], { cwd: dir })), ['ok.md', 'tree/a.md', 'tree/keep/k.md']);
    assert.deepEqual(paths(await runCli(['--format', 'json', 'tree', '#tree/drafts'], { cwd: dir })), ['tree/a.md', 'tree/keep/k.md']);
    const only = await runCli(['#tree'], { cwd: dir });
    assert.equal(only.code, 2);
    assert.match(only.stderr, /只有排除模式/);
  });

  it('symbolic links: followed in folders, a loop ends, each real file is checked once', async function () {
    if (!posix) this.skip();
    writeTree(dir, { 'links/real/r.md': seed, 'elsewhere/e.md': seed });
    symlinkSync('real/r.md', path.join(dir, 'links', 'alias.md'));
    symlinkSync('..', path.join(dir, 'links', 'real', 'loop'));
    symlinkSync('../elsewhere', path.join(dir, 'links', 'outside'));
    symlinkSync('missing.md', path.join(dir, 'links', 'dangling.md'));
    const folder = runProcess(['--format', 'json', 'links'], { cwd: dir, timeout: 30000 });
    // alias.md is met first (the walk is in name order) and shown by its real path.
    assert.deepEqual(paths(folder).sort(), ['links/outside/e.md', 'links/real/r.md']);
    const glob = runProcess(['--format', 'json', 'links/**/*.md'], { cwd: dir, timeout: 30000 });
    assert.deepEqual(paths(glob).sort(), ['links/outside/e.md', 'links/real/r.md']);
    const twice = await runCli(['--format', 'json', 'links/alias.md', 'links/real/r.md', './links/real/../real/r.md', 'links/real/r.md'], { cwd: dir });
    assert.deepEqual(paths(twice), ['links/real/r.md']);
  });

  it('an unreadable folder is named with the reason, not "no report files"; the rest is checked', async function () {
    if (!posix) this.skip();
    writeTree(dir, { 'perm/closed/c.md': seed, 'perm/open/o.md': seed });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'perm', 'closed'), 0o000);
    try {
      const alone = runUnprivileged(['perm/closed'], dir);
      assert.equal(alone.code, 2);
      assert.match(alone.stderr, /perm\/closed: 无法读取文件夹：没有读取权限（permission denied）/);
      assert.ok(!alone.stderr.includes('没有可检查的文件'), alone.stderr);
      const parent = runUnprivileged(['--format', 'json', 'perm'], dir);
      assert.equal(parent.code, 1, 'part of the input could not be checked');
      assert.deepEqual(paths(parent), ['perm/open/o.md']);
      assert.match(parent.stderr, /perm\/closed: 无法读取文件夹/);
    } finally {
      chmodSync(path.join(dir, 'perm', 'closed'), 0o755);
    }
  });

  it('--fix on a read-only file: says so, leaves it, and reports the findings of the file as it is', async function () {
    if (!posix) this.skip();
    writeTree(dir, { 'ro/report.md': seed });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'ro'), 0o755);
    chmodSync(path.join(dir, 'ro', 'report.md'), 0o444);
    const expected = parseJson(await runCli(['--format', 'json', '--no-config', 'ro/report.md'], { cwd: dir })).files[0].findings.map((f) => `${f.rule} ${f.line}:${f.column}`);
    const r = runUnprivileged(['--fix', '--no-config', '--format', 'json', 'ro/report.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /ro\/report\.md: 无法写回修复结果，文件未改动.*没有写入权限（permission denied）/);
    assert.ok(!r.stderr.includes('EACCES'), r.stderr);
    assert.equal(readFileSync(path.join(dir, 'ro', 'report.md'), 'utf8'), seed);
    assert.deepEqual(parseJson(r).files[0].findings.map((f) => `${f.rule} ${f.line}:${f.column}`), expected);
  });

  it('--fix keeps CR-only line ends (no LF inserted)', async () => {
    writeFileSync(path.join(dir, 'cr.md'), seed.replace(/\r?\n/g, '\r'));
    const r = await runCli(['--fix', '--no-config', 'cr.md'], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const fixed = readFileSync(path.join(dir, 'cr.md'), 'utf8');
    assert.notEqual(fixed, seed.replace(/\r?\n/g, '\r'), 'something was fixed');
    assert.ok(!fixed.includes('\n'), 'no LF in a CR-only file');
    const lf = path.join(dir, 'lf.md');
    writeFileSync(lf, seed);
    await runCli(['--fix', '--no-config', 'lf.md'], { cwd: dir });
    assert.equal(fixed, readFileSync(lf, 'utf8').replace(/\n/g, '\r'), 'the same fixes as with LF');
  });

  it('a config file with a UTF-8 BOM (Notepad) or UTF-16 with BOM is read', async () => {
    const config = JSON.stringify({ rules: { 'cjk-spacing': 'off' } });
    writeTree(dir, {
      'bom/.fazhi-lint.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(config)]),
      'bom/r.md': seed,
      'u16/.fazhi-lint.jsonc': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`// 注释\n${config}`, 'utf16le')]),
      'u16/r.md': seed,
    });
    for (const folder of ['bom', 'u16']) {
      const r = await runCli(['--format', 'json', folder], { cwd: dir });
      assert.ok(r.code === 0 || r.code === 1, `${folder}: ${r.stderr}`);
      assert.ok(!parseJson(r).files[0].findings.some((f) => f.rule === 'cjk-spacing'), folder);
    }
  });

  it('a config that is a folder: a clear message, exit 2', async () => {
    mkdirSync(path.join(dir, 'cfgdir'), { recursive: true });
    const r = await runCli(['--config', 'cfgdir', 'ok.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cfgdir: 无法读取配置文件.*这是一个文件夹/);
    assert.ok(!r.stderr.includes('EISDIR'), r.stderr);
  });

  it('.fazhi-lint.json next to .fazhi-lint.jsonc: the one used is named, the other is said to be ignored', async () => {
    writeTree(dir, {
      'both/.fazhi-lint.json': JSON.stringify({ rules: { 'cjk-spacing': 'off' } }),
      'both/.fazhi-lint.jsonc': '{ "rules": { "broken-paragraph": "off" } }',
      'both/r.md': seed,
      'both/s.md': seed,
    });
    const r = await runCli(['--format', 'json', 'both'], { cwd: dir });
    const rules = new Set(parseJson(r).files.flatMap((f) => f.findings.map((x) => x.rule)));
    assert.ok(!rules.has('cjk-spacing') && rules.has('broken-paragraph'), '.fazhi-lint.json is the one used');
    const notes = r.stderr.split('\n').filter((l) => l.includes('.fazhi-lint.jsonc'));
    assert.equal(notes.length, 1, r.stderr);
    assert.match(notes[0], /both\/\.fazhi-lint\.json: 同一文件夹中还有 \.fazhi-lint\.jsonc，它不会被使用/);
    assert.equal(r.code, (await runCli(['--format', 'json', '--config', 'both/.fazhi-lint.json', 'both'], { cwd: dir })).code, 'a notice, not a failure');
  });

  it('ignores: a folder name ("drafts", "drafts/") ignores the folder, as in markdownlint-cli2', async () => {
    for (const glob of ['drafts', 'drafts/', 'drafts/**']) {
      writeFileSync(path.join(dir, 'tree', '.fazhi-lint.json'), JSON.stringify({ ignores: [glob] }));
      assert.deepEqual(paths(await runCli(['--format', 'json', 'tree'], { cwd: dir })), ['tree/a.md', 'tree/keep/k.md'], glob);
    }
    writeFileSync(path.join(dir, 'tree', '.fazhi-lint.json'), '{}');
  });

  it('FORCE_COLOR=0 turns colours off even on a terminal; FORCE_COLOR=1 on in a pipe', async () => {
    writeTree(dir, { 'color/r.md': seed });
    const cwd = path.join(dir, 'color');
    const esc = /\u001b\[/;
    assert.match((await runInProcess(['r.md'], { cwd, tty: true })).stdout, esc);
    assert.doesNotMatch((await runInProcess(['r.md'], { cwd, tty: true, env: { FORCE_COLOR: '0' } })).stdout, esc);
    assert.doesNotMatch((await runInProcess(['r.md'], { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout, esc);
    assert.match((await runInProcess(['r.md'], { cwd, env: { FORCE_COLOR: '1' } })).stdout, esc);
    assert.doesNotMatch((await runInProcess(['r.md', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } })).stdout, esc);
  });

  it('--quiet with --fail-on warning: what was left out is said, never "no problems"', async () => {
    writeTree(dir, { 'quiet/r.md': clean.slice(0, clean.indexOf('五、')) });
    const cwd = path.join(dir, 'quiet');
    const all = parseJson(await runCli(['--format', 'json', '--no-config', 'r.md'], { cwd })).files[0].findings;
    const nonErrors = all.filter((f) => f.severity !== 'error').length;
    assert.ok(nonErrors > 0);
    const r = await runCli(['--quiet', '--fail-on', 'warning', '--no-config', '--rule', 'required-section=warning', '--rule', 'title=off', 'r.md'], { cwd });
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('未发现问题'), r.stdout);
    assert.match(r.stdout, /--quiet 未显示另外 \d+ 个问题/);
    assert.match(r.stderr, /--quiet 未显示 \d+ 个达到 --fail-on warning 级别的非错误问题，退出码仍为 1/);
  });

  it('control characters from the document are shown, not sent to the terminal', async () => {
    writeFileSync(path.join(dir, 'esc.md'), '\u001b]0;title\u0007\u001b[2J开头正文没有标题。\n');
    const r = await runCli(['--no-config', 'esc.md'], { cwd: dir });
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.stdout), JSON.stringify(r.stdout.slice(0, 300)));
    assert.match(r.stdout, /\\x1b\]0;title\\x07\\x1b\[/);
    const json = parseJson(await runCli(['--no-config', '--format', 'json', 'esc.md'], { cwd: dir }));
    assert.ok(json.files[0].findings.some((f) => f.message.includes('\u001b')), 'JSON keeps the text as it is');
  });

  it('malformed options get a Chinese message (with Node\'s English) and the usage', async () => {
    for (const [args, pattern] of [
      [['--bogus', 'ok.md'], /未知的选项 --bogus；以 - 开头的文件名请写在 -- 之后（Unknown option '--bogus'）/],
      [['--fix=yes', 'ok.md'], /选项 --fix 不接受取值/],
      [['ok.md', '--rule'], /选项 --rule 需要一个取值/],
      [['--config', '--fix', 'ok.md'], /选项 --config 的取值以 - 开头，像是漏写了取值/],
    ] as const) {
      const r = await runCli([...args], { cwd: dir });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, pattern);
      assert.match(r.stderr, /用法 Usage/);
      assert.equal(r.stdout, '');
    }
  });
});
