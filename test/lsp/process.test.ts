// The bundle a user installs (dist/server.cjs), as a process over stdio: what only a real process shows —
// the bundle starts, answers like the sources, writes its rule pages, survives malformed traffic and a
// 10 MB document, and exits when its input closes. The bundle must be current (test/lsp/bundle.ts).
// The behaviour itself is tested in process (server.test.ts, editor.test.ts, units.test.ts).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../server/src/rules/index.js';
import { readSeed, seedFiles, CORPUS_DIR } from '../helpers/corpus.js';
import { staleBundleReason } from './bundle.js';
import { diagnosticKeys, engineKeys, fileUri, SERVER, startClient, type TestClient } from './client.js';

describe('language server bundle (dist/server.cjs) as a process', function () {
  this.timeout(60000);
  let c: TestClient;
  before(async () => {
    c = await startClient();
  });
  after(async () => {
    await c?.stop();
  });

  it('publishes for every seed exactly what the engine finds', async () => {
    for (const file of seedFiles()) {
      const uri = fileUri(path.join(CORPUS_DIR, file));
      const since = c.published.length;
      c.open(uri, readSeed(file));
      const p = await c.diagnostics(uri, { since });
      assert.deepEqual(diagnosticKeys(p), engineKeys(readSeed(file)), file);
      c.close(uri);
    }
  });

  it('links every diagnostic code to an existing page about that rule', async () => {
    const uri = fileUri(path.join(CORPUS_DIR, '003_1ada4594c569a830.txt'));
    const since = c.published.length;
    c.open(uri, readSeed('003_1ada4594c569a830.txt'));
    const p = await c.diagnostics(uri, { since });
    for (const d of p.diagnostics) {
      const file = fileURLToPath(d.codeDescription!.href);
      assert.ok(existsSync(file), `${d.codeDescription!.href} exists`);
      assert.ok(readFileSync(file, 'utf8').startsWith(`# fazhi-lint 规则 \`${d.code}\``), `${file} is the page of ${d.code}`);
    }
    // Every rule has its page, not only the ones this seed triggers.
    const dir = path.dirname(fileURLToPath(p.diagnostics[0].codeDescription!.href));
    for (const rule of RULES) assert.ok(readFileSync(path.join(dir, `${rule.id}.md`), 'utf8').includes(rule.docs.description), rule.id);
    c.close(uri);
  });

  it('survives a malformed message, a bad request, binary content and a 10 MB document', async () => {
    // Not JSON at all, then JSON that is not a valid message.
    c.proc!.stdin.write('Content-Length: 9\r\n\r\n{garbage}');
    c.proc!.stdin.write('Content-Length: 2\r\n\r\n[]');
    await assert.rejects(c.conn.sendRequest('textDocument/hover', { nonsense: true }));
    const bin = 'untitled:binary.txt';
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1') + '\u0000\uFFFD\uD800';
    const binText = `法治政府建设报告\n${bytes}`;
    c.open(bin, binText);
    const big = 'untitled:big.md';
    c.open(big, `# 法治政府建设情况的报告\n\n${readSeed('001_59b600c439da888f.txt').repeat(Math.ceil(10_000_000 / 4127))}`, 'markdown');
    const since = c.published.length;
    const probe = 'untitled:probe.md';
    c.open(probe, '# 某镇2023年法治政府建设情况的报告\n\n正文。\n', 'markdown');
    const p = await c.diagnostics(probe, { since, timeout: 20000 });
    assert.ok(p.diagnostics.length > 0, 'the server still answers');
    // Binary content is text like any other: checked, and published as the engine finds it.
    const binDiag = await c.diagnostics(bin);
    assert.ok(binDiag.diagnostics.length > 0);
    assert.deepEqual(diagnosticKeys(binDiag), engineKeys(binText));
    for (const u of [bin, big, probe]) c.close(u);
    assert.equal(c.proc!.exitCode, null);
  });
});

describe('stale bundles', () => {
  it('a source newer than the bundle is named, so no test runs yesterday\'s server', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-stale-'));
    const bundle = path.join(dir, 'server.cjs');
    const source = path.join(dir, 'src');
    mkdirSync(source);
    writeFileSync(bundle, '');
    writeFileSync(path.join(source, 'rule.ts'), '');
    utimesSync(bundle, 1000, 1000);
    utimesSync(path.join(source, 'rule.ts'), 2000, 2000);
    assert.match(staleBundleReason(bundle, [source]) ?? '', /rule\.ts/);
    utimesSync(bundle, 3000, 3000);
    assert.equal(staleBundleReason(bundle, [source]), undefined);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the server process ends with its client', function () {
  this.timeout(20000);
  it('exits when stdin closes, 0 after shutdown', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const send = (m: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
      proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      proc.stdin.write(body);
    };
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    send({ id: 2, method: 'shutdown' });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    for (let i = 0; i < 200 && !out.includes('"id":2'); i++) await new Promise((r) => setTimeout(r, 25));
    proc.stdin.end();
    const code = await new Promise<number | null>((r) => proc.on('exit', r));
    assert.equal(code, 0);
  });
});
