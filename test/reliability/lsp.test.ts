// The language server under malformed traffic and hostile configs (issue 14, item 7 and item 2's editor
// half), as a real process over stdio (dist/server.cjs; the bundle must be current, test/lsp/bundle.ts):
// a bad frame header is rejected and the server reads on; a request before `initialize` is refused with
// ServerNotInitialized; hover and shutdown are answered whatever the config holds and while a check runs.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import { assertBundleCurrent } from '../lsp/bundle.js';
import { diagnosticKeys, engineKeys, SERVER, startClient } from '../lsp/client.js';
import { readSeed } from '../helpers/corpus.js';

interface Reply {
  id?: number;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
  params?: { message?: string; uri?: string; diagnostics?: unknown[] };
}

/** The server over raw stdio: we write bytes (well-formed or not) and read what it sends. */
class RawServer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly received: Reply[] = [];
  stderr = '';
  private waiters: (() => void)[] = [];

  constructor() {
    assertBundleCurrent();
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    new StreamMessageReader(this.proc.stdout).listen((m) => {
      this.received.push(m as Reply);
      // The server asks for settings and registrations: answer as a client would.
      const req = m as { id?: number; method?: string; params?: { items?: unknown[] } };
      if (req.id !== undefined && req.method) this.send({ id: req.id, result: req.method === 'workspace/configuration' ? (req.params?.items ?? []).map(() => ({})) : null });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  raw(text: string): void {
    this.proc.stdin.write(text);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  /** The first message received that satisfies `pred`, within `ms` (a generous bound: a hang, not a speed). */
  wait(pred: (m: Reply) => boolean, ms = 30000): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing matching within ${ms} ms; received ${JSON.stringify(this.received).slice(0, 600)}`)), ms);
      const look = () => {
        const m = this.received.find(pred);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        } else this.waiters.push(look);
      };
      look();
    });
  }

  async initialize(rootUri: string | null = null): Promise<void> {
    this.send({ id: 1, method: 'initialize', params: { processId: null, rootUri, capabilities: { workspace: { configuration: true } } } });
    await this.wait((m) => m.id === 1);
    this.send({ method: 'initialized', params: {} });
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

const HOVER = (id: number, uri: string) => ({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } });

describe('reliability: the language server', function () {
  this.timeout(60000);
  let s: RawServer;
  afterEach(async () => {
    await s?.stop();
  });

  it('rejects frames with a bad Content-Length ("-1", "abc"), logs each, and answers the next request and shutdown', async () => {
    s = new RawServer();
    await s.initialize();
    const rejected = () => s.received.filter((m) => m.method === 'window/logMessage' && !!m.params?.message?.includes('无效的 LSP 消息'));
    for (const [i, bad] of ['-1', 'abc'].entries()) {
      s.raw(`Content-Length: ${bad}\r\n\r\n{"jsonrpc":"2.0","id":${7 + i},"method":"shutdown"}`);
      s.send(HOVER(2 + i, 'untitled:none.md'));
      const hover = await s.wait((m) => m.id === 2 + i);
      assert.equal(hover.result, null, `${bad}: the request after the bad frame is answered`);
      await s.wait(() => rejected().some((m) => /Content-Length/.test(m.params!.message!) && m.params!.message!.includes(`"${bad}"`)));
      assert.ok(!s.received.some((m) => m.id === 7 + i), `${bad}: the rejected frame was not executed`);
    }
    s.send({ id: 4, method: 'shutdown' });
    assert.equal((await s.wait((m) => m.id === 4)).error, undefined);
    s.send({ method: 'exit' });
    assert.equal(await new Promise((r) => s.proc.on('exit', r)), 0);
  });

  it('refuses a request before initialize with ServerNotInitialized (-32002), and drops notifications', async () => {
    s = new RawServer();
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:early.md', languageId: 'markdown', version: 1, text: '# 某镇2023年法治政府建设情况的报告\n\nXX\n' } } });
    s.send(HOVER(5, 'untitled:early.md'));
    s.send({ id: 6, method: 'textDocument/codeAction', params: { textDocument: { uri: 'untitled:early.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } } });
    for (const id of [5, 6]) {
      const reply = await s.wait((m) => m.id === id);
      assert.equal(reply.error?.code, -32002, JSON.stringify(reply));
      assert.equal(reply.result, undefined);
    }
    await s.initialize();
    s.send(HOVER(8, 'untitled:early.md'));
    assert.equal((await s.wait((m) => m.id === 8)).result, null, 'the early didOpen was dropped: the document is unknown');
    assert.ok(!s.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === 'untitled:early.md'));
  });

  it('answers hover and shutdown with a catastrophic regular expression in the config', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lsp-redos-'));
    try {
      writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ rules: { placeholder: { extend: ['(a+)+$'] } } }));
      const file = path.join(dir, '某镇2023年法治政府建设情况报告.md');
      const text = `# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n${'a'.repeat(34)}!\n`;
      writeFileSync(file, text);
      const uri = pathToFileURL(file).href;
      s = new RawServer();
      await s.initialize(pathToFileURL(dir).href);
      s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
      s.send(HOVER(2, uri));
      // Answered at all: backtracking on 34 "a" would take hours. (How fast: test/bench/hostile.ts.)
      assert.equal((await s.wait((m) => m.id === 2)).error, undefined);
      s.send({ id: 3, method: 'shutdown' });
      assert.equal((await s.wait((m) => m.id === 3)).error, undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers hover and shutdown while a large document is being checked', async () => {
    s = new RawServer();
    await s.initialize();
    const big = `# 某镇2023年法治政府建设情况的报告\n\n${readSeed('001_59b600c439da888f.txt').repeat(250)}`;
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:big.txt', languageId: 'plaintext', version: 1, text: big } } });
    s.send(HOVER(2, 'untitled:other.md'));
    await s.wait((m) => m.id === 2);
    // The order shows it (how fast: test/bench/hostile.ts): the hover was answered before the large check ended.
    const done = s.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === 'untitled:big.txt' && (m.params.diagnostics?.length ?? 0) > 0);
    assert.ok(!done, 'answered before the full check of the large document was published');
    s.send({ id: 3, method: 'shutdown' });
    assert.equal((await s.wait((m) => m.id === 3)).error, undefined);
  });
});

describe('reliability: a check that takes too long', function () {
  this.timeout(60000);
  const slowWorker = fileURLToPath(new URL('./slow-check-worker.mjs', import.meta.url));
  const REPORT = '# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n我镇设立了XX台账。\n';

  it('hover, other documents and shutdown are answered while a check runs, and the check is stopped at its limit', async () => {
    const c = await startClient({ inProcess: true, workerFile: slowWorker, checkTimeout: 3000 });
    // The slow rule says on this channel when it starts keeping the check thread busy (slow-check-worker.mjs).
    const channel = new BroadcastChannel('fazhi-lint-test-slow-check');
    try {
      const busy = new Promise((resolve) => (channel.onmessage = resolve));
      const slow = 'untitled:slow.md';
      c.open(slow, `${REPORT}慢慢慢\n`, 'markdown');
      await busy;
      // The check thread is busy for 10 s; the server is not: the hover is answered before the check is stopped.
      assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:other.md' }, position: { line: 0, character: 0 } }), null);
      assert.ok(!c.shown.some((m) => m.message.includes('已停止')), 'answered while the check was running');
      // Stopped at the limit, said so once; the next document is checked by a new thread.
      await until(() => c.shown.some((m) => m.type === 1 && m.message.includes('已停止')), 10000);
      const next = 'untitled:next.md';
      const since = c.published.length;
      c.open(next, REPORT, 'markdown');
      const p = await c.diagnostics(next, { since, timeout: 20000 });
      assert.deepEqual(diagnosticKeys(p), engineKeys(REPORT));
      assert.ok(!c.published.some((x) => x.uri === slow && x.diagnostics.length), 'nothing published for the stopped check');
      assert.equal(await c.conn.sendRequest('shutdown'), null);
    } finally {
      channel.close();
      await c.stop();
    }
  });
});

async function until(pred: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
