// Issue 14, items 3, 4, 8 and part of 9: the assembly commands never lose a file and never read what they
// should not. export/assemble/import/new refuse to overwrite without --force and never write over one of
// their own inputs; writes are atomic (a full disk leaves the old file whole); assemble keeps to the
// manifest's folder and refuses devices and FIFOs; a .docx zip bomb is refused in little memory. How fast each of
// these ends is the bench's (test/bench/hostile.ts); here a hang fails the test by mocha's timeout.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, openSync, rmSync, writeSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES, ROOT, run } from '../assemble/helpers.js';
import { CLI_BUNDLES, assertBundleCurrent } from '../lsp/bundle.js';
import { zipBombDocx } from '../assemble/zip-bomb.js';
import { readDocx } from '../../server/src/assemble/docx-import.js';

const TOWN = path.join(FIXTURES, 'town');

/** A copy of the town fixture (manifest and contributions) in a fresh folder. */
function townCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-asm-'));
  cpSync(TOWN, dir, { recursive: true });
  return dir;
}

const REPORT = `# 张八桥镇人民政府关于2025年法治政府建设情况的报告

县委、县政府：

2025年，我镇全面推进法治政府建设，现将有关情况报告如下。

## 一、推进法治政府建设的主要举措和成效

全年开展法治宣传活动36场。

张八桥镇人民政府

2026年3月20日
`;

function reportDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-exp-'));
  writeFileSync(path.join(dir, 'r.md'), REPORT);
  return dir;
}

describe('reliability: assembly commands never lose a file (issue 14.3, 14.9)', () => {
  it('export refuses to overwrite an existing .docx without --force, and replaces it with --force', async () => {
    const dir = reportDir();
    writeFileSync(path.join(dir, 'r.docx'), 'edited in Word');
    const refused = await run('export', ['r.md'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /r\.docx 已存在；要覆盖请加 --force/);
    assert.equal(readFileSync(path.join(dir, 'r.docx'), 'utf8'), 'edited in Word');
    const forced = await run('export', ['r.md', '--force'], dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(readFileSync(path.join(dir, 'r.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('export never writes over its own input, even with --force (export r.md -o r.md)', async () => {
    const dir = reportDir();
    for (const args of [['r.md', '-o', 'r.md'], ['r.md', '-o', 'r.md', '--force'], ['r.md', '-o', './sub/../r.md', '--force']]) {
      const r = await run('export', args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /是本命令的输入文件，不能用输出覆盖它/);
    }
    // A hard link to the input is the input.
    execFileSync('ln', [path.join(dir, 'r.md'), path.join(dir, 'link.docx')]);
    const linked = await run('export', ['r.md', '-o', 'link.docx', '--force'], dir);
    assert.equal(linked.code, 2);
    assert.equal(readFileSync(path.join(dir, 'r.md'), 'utf8'), REPORT);
  });

  it('assemble never writes over the manifest or a contribution, and needs --force for an existing output', async () => {
    const dir = townCopy();
    const before = readFileSync(path.join(dir, '司法所.md'), 'utf8');
    for (const target of ['司法所.md', 'manifest.json']) {
      const r = await run('assemble', ['manifest.json', '-o', target, '--force'], dir);
      assert.equal(r.code, 2, target);
      assert.match(r.stderr, /是本命令的输入文件/);
    }
    assert.equal(readFileSync(path.join(dir, '司法所.md'), 'utf8'), before);
    assert.equal((await run('assemble', ['manifest.json', '-o', 'report.md'], dir)).code, 1); // findings in the fixture
    const again = await run('assemble', ['manifest.json', '-o', 'report.md'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /report\.md 已存在；要覆盖请加 --force/);
    assert.equal((await run('assemble', ['manifest.json', '-o', 'report.md', '--force'], dir)).code, 1);
  });

  it('new and export never write over their skeleton or config, even with --force', async () => {
    const dir = reportDir();
    writeFileSync(path.join(dir, 'own.md'), readFileSync(path.join(ROOT, 'rules/skeletons/town.md'), 'utf8'));
    const skeleton = await run('new', ['--profile', 'town', '--skeleton', 'own.md', '-o', 'own.md', '--force'], dir);
    assert.equal(skeleton.code, 2);
    assert.match(skeleton.stderr, /own\.md 是本命令的输入文件/);
    writeFileSync(path.join(dir, 'c.json'), '{"rules":{}}');
    const config = await run('export', ['r.md', '--config', 'c.json', '-o', 'c.json', '--force'], dir);
    assert.equal(config.code, 2);
    assert.equal(readFileSync(path.join(dir, 'c.json'), 'utf8'), '{"rules":{}}');
  });

  it('import never writes over the .docx it reads', async () => {
    const dir = reportDir();
    assert.equal((await run('export', ['r.md'], dir)).code, 0);
    const bytes = readFileSync(path.join(dir, 'r.docx'));
    const r = await run('import', ['r.docx', '-o', 'r.docx', '--force'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(readFileSync(path.join(dir, 'r.docx')), bytes);
  });

  it('writes atomically: keeps the mode, writes through a symbolic link, leaves no temporary file', async () => {
    const dir = reportDir();
    writeFileSync(path.join(dir, 'out.docx'), 'old');
    chmodSync(path.join(dir, 'out.docx'), 0o640);
    symlinkSync('out.docx', path.join(dir, 'alias.docx'));
    assert.equal((await run('export', ['r.md', '-o', 'alias.docx', '--force'], dir)).code, 0);
    assert.ok(statSync(path.join(dir, 'alias.docx'), { throwIfNoEntry: true }) && readFileSync(path.join(dir, 'out.docx')).subarray(0, 2).toString() === 'PK');
    assert.equal(statSync(path.join(dir, 'out.docx')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).sort(), ['alias.docx', 'out.docx', 'r.md']);
  });

  it('export -o a folder says so in Chinese instead of a raw EISDIR', async () => {
    const dir = reportDir();
    mkdirSync(path.join(dir, 'somedir'));
    const r = await run('export', ['r.md', '-o', 'somedir', '--force'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /somedir 是文件夹，不能作为输出文件/);
    assert.doesNotMatch(r.stderr, /EISDIR/);
  });

  describe('on a small tmpfs (root only)', function () {
    let mnt: string | undefined;
    before(function () {
      mnt = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-tmpfs-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { stdio: 'ignore' });
      } catch {
        mnt = undefined;
        this.skip(); // not root, or no mount in this sandbox: the checks below need a real full disk
      }
    });
    after(() => {
      if (mnt) execFileSync('umount', [mnt]);
    });

    it('a full disk leaves the previous file whole and says why in Chinese', async () => {
      const src = reportDir();
      const old = path.join(mnt!, 'old.docx');
      writeFileSync(old, 'previous text');
      // Fill the disk: block by block until the file system refuses.
      const fd = openSync(path.join(mnt!, 'filler'), 'w');
      try {
        for (;;) writeSync(fd, Buffer.alloc(4096, 1));
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
      } finally {
        closeSync(fd);
      }
      const r = await run('export', ['r.md', '-o', old, '--force'], src);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /无法写入 .*old\.docx，原文件未改动：磁盘空间不足/);
      assert.equal(readFileSync(old, 'utf8'), 'previous text');
      assert.deepEqual(readdirSync(mnt!).sort(), ['filler', 'old.docx']);
      rmSync(path.join(mnt!, 'filler'));
    });

    it('a read-only file system gives a Chinese message, not a raw EROFS', async () => {
      const dir = mnt!;
      writeFileSync(path.join(dir, 'ro.md'), REPORT);
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      try {
        const r = await run('export', ['ro.md', '-o', 'ro.docx'], dir);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /无法写入 ro\.docx：文件系统只读/);
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', dir]);
      }
    });
  });
});

describe('reliability: assemble reads only the manifest’s folder (issue 14.4)', () => {
  const withManifest = (dir: string, files: string[]) =>
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ body: '张八桥镇人民政府', year: 2025, profile: 'town', parts: { measures: files } }, null, 2));

  it('refuses ../ paths, absolute paths and symbolic links leading out of the folder, each at its place', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-out-'));
    writeFileSync(path.join(outside, 'secret.md'), '机密内容不应进入报告。\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-in-'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
    withManifest(dir, [path.relative(dir, path.join(outside, 'secret.md')), '/etc/passwd', 'link.md']);
    const r = await run('assemble', ['manifest.json'], dir);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stdout, /机密|root:/);
    const lines = r.stderr.split('\n').filter((l) => /在清单所在文件夹之外/.test(l));
    assert.equal(lines.length, 3, r.stderr);
    assert.match(r.stderr, /manifest\.json:\d+:\d+ {2}link\.md：在清单所在文件夹之外（链接到 .*secret\.md）/);
    // The rare case: --allow-outside reads them.
    const allowed = await run('assemble', ['manifest.json', '--allow-outside'], dir);
    assert.match(allowed.stdout, /机密内容不应进入报告/);
  });

  it('keeps links that stay inside the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-in-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', '司法所.md'), '全年开展“法律进村居”活动36场。\n');
    symlinkSync(path.join('sub', '司法所.md'), path.join(dir, 'alias.md'));
    withManifest(dir, ['alias.md']);
    const r = await run('assemble', ['manifest.json'], dir);
    assert.match(r.stdout, /法律进村居/, r.stderr);
  });

  it('refuses devices and FIFOs at once, with a Chinese message (no hang on /dev/zero)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-in-'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    withManifest(dir, ['pipe.md', '/dev/zero']);
    const r = await run('assemble', ['manifest.json', '--allow-outside'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pipe\.md：这是一个管道（FIFO），不是普通文件/);
    assert.match(r.stderr, /\/dev\/zero：不是普通文件（设备或套接字）/);
  });
});

describe('reliability: .docx import caps decompression (issue 14.8)', () => {
  it('refuses an entry whose compression ratio no Word document reaches, naming the ratio', async () => {
    const bomb = zipBombDocx(20); // 20 MB of XML in about 60 KB
    assert.ok(bomb.length < 200_000);
    await assert.rejects(readDocx(bomb), /word\/document\.xml 解压后超过 \d+ MB（压缩比超过 100:1，正常 Word 文档不会如此）/);
    // A real export passes the same check.
    const dir = reportDir();
    assert.equal((await run('export', ['r.md'], dir)).code, 0);
    assert.match((await readDocx(readFileSync(path.join(dir, 'r.docx')))).markdown, /^# 张八桥镇人民政府/);
  });

  it('refuses a 2.5 MB zip holding an 840 MB document.xml in little memory, saying why', function () {
    this.timeout(60000);
    assertBundleCurrent(CLI_BUNDLES);
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-rel-bomb-'));
    const bomb = path.join(dir, 'bomb.docx');
    writeFileSync(bomb, zipBombDocx(840, 40_000)); // the central directory even lies about the size
    assert.ok(statSync(bomb).size < 3 * 1024 * 1024);
    const hook = path.join(dir, 'rss.cjs');
    writeFileSync(hook, "process.on('exit', () => process.stderr.write('MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));");
    for (const args of [[bomb], ['import', bomb, '-o', path.join(dir, 'bomb.md')]]) {
      // The built CLI, as a user runs it (a process: its peak memory is the point).
      const child = spawnSync(process.execPath, ['--require', hook, CLI_BUNDLES[0], ...args], { cwd: dir, encoding: 'utf8' });
      const rss = Number(/MAXRSS_KB (\d+)/.exec(child.stderr)?.[1]) / 1024;
      assert.equal(child.status, 2, child.stderr);
      assert.match(child.stderr, /word\/document\.xml 解压后超过.*上限.*疑为恶意构造的压缩包（zip bomb），拒绝读取/);
      // Measured: dist/cli.cjs peaks at ~140 MB; before the cap, 950 MB (and 15 s).
      assert.ok(rss < 400, `peak RSS ${rss.toFixed(0)} MB`);
      assert.equal(existsSync(path.join(dir, 'bomb.md')), false);
    }
  });
});
