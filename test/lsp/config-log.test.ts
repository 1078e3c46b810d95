// The server's output channel says which config file applies to a document and which were passed over and
// why (a config up the tree owned by another user, as `fazhi-lint` ignores it): once per document, and again
// after a config change (issue 14 item 9).
import assert from 'node:assert/strict';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSeed } from '../helpers/corpus.js';
import { fileUri, startClient, type TestClient } from './client.js';

describe('lsp: the config that applied, in the output channel', () => {
  let dir: string;
  let c: TestClient;
  const text = readSeed('002_0376ecbf1b3a9eef.txt');
  const logsAbout = (file: string) => c.logs.filter((l) => l.startsWith(`${file}：`));

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fazhi-config-log-'));
  });
  afterEach(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the config file applied, once per config change; says when there is none', async () => {
    const config = path.join(dir, '.fazhi-lint.json');
    writeFileSync(config, '{ "rules": { "typo": "off" } }');
    mkdirSync(path.join(dir, 'sub'));
    const file = path.join(dir, 'sub', '报告.txt');
    writeFileSync(file, text);
    c = await startClient({ inProcess: true, rootUri: fileUri(dir) });
    const uri = fileUri(file);
    c.open(uri, text);
    await c.diagnostics(uri);
    assert.deepEqual(logsAbout(file), [`${file}：使用配置文件 ${config}（config: ${config}）`]);
    // An edit re-checks but says nothing new.
    const since = c.published.length;
    c.change(uri, 2, [{ text: `${text}\n` }]);
    await c.diagnostics(uri, { since, version: 2 });
    assert.equal(logsAbout(file).length, 1);
    // The config file removed (the editor's file watcher tells the server): said again, now without a config.
    rmSync(config);
    const since2 = c.published.length;
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 3 }] });
    await c.diagnostics(uri, { since: since2 });
    assert.deepEqual(logsAbout(file).slice(1), [`${file}：没有找到配置文件，使用默认设置（no config file: defaults）`]);
  });

  it('says which config was passed over and why: owned by another user', async function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can give a file to another user
    const theirs = path.join(dir, '.fazhi-lint.json');
    writeFileSync(theirs, '{ "rules": { "typo": "off" } }');
    chownSync(theirs, 12345, 12345);
    mkdirSync(path.join(dir, 'mine'));
    const mine = path.join(dir, 'mine', '.fazhi-lint.jsonc');
    writeFileSync(mine, '{}');
    mkdirSync(path.join(dir, 'mine', 'deeper'));
    const file = path.join(dir, 'mine', 'deeper', '报告.txt');
    writeFileSync(file, text);
    // Another user's config above the document: passed over, the nearest own config above it applies.
    const other = path.join(dir, 'other');
    mkdirSync(other);
    const otherFile = path.join(other, '报告.txt');
    writeFileSync(otherFile, text);
    c = await startClient({ inProcess: true, rootUri: fileUri(dir) });
    c.open(fileUri(file), text);
    c.open(fileUri(otherFile), text);
    await c.diagnostics(fileUri(file));
    await c.diagnostics(fileUri(otherFile));
    assert.deepEqual(logsAbout(file), [`${file}：使用配置文件 ${mine}（config: ${mine}）`]);
    const [line] = logsAbout(otherFile);
    assert.match(line, /没有找到配置文件，使用默认设置/);
    assert.ok(line.includes(`未使用配置文件 ${theirs}：它属于另一个用户（uid 12345），而不是你或 root`), line);
    assert.match(line, /FAZHI_LINT_TRUSTED_CONFIGS/);
  });
});
