// The server's check thread runs a bundle of its own (dist/server-thread.cjs, lsp/thread-main.ts): the checker
// without the protocol libraries, started through the code cache without keeping the source it read
// (node/cached-thread.ts). Both server bundles are ASCII-only (scripts/ascii-only.mjs) so that V8 keeps their source
// as one byte a character.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { asciiOnly } from '../../scripts/ascii-only.mjs';
import { startCachedThread } from '../../server/src/node/cached-thread.js';
import { threadFile } from '../../server/src/lsp/thread-start.js';
import { readSeed } from '../helpers/corpus.js';
import { diagnosticKeys, engineKeys, ROOT, startClient } from './client.js';

const THREAD_BUNDLE = path.join(ROOT, 'dist/server-thread.cjs');
const ascii = (text: string) => asciiOnly(text, ts) as string | undefined;
/** Evaluates a script (as the bundle is evaluated) and returns its value. */
const run = (code: string) => new Function(`return (${code});`)();

describe('the check thread bundle: ASCII-only', () => {
  it('a regular expression literal with Chinese becomes new RegExp with the same source, flags and matches', () => {
    const code = String.raw`/^（(\d{1,2})）\s*第一责任人|[①-⑳]/gi`;
    const out = ascii(code)!;
    assert.doesNotMatch(out, /[^\x00-\x7f]/);
    assert.match(out, /^new RegExp\(/);
    const [before, after] = [run(code), run(out)] as RegExp[];
    // The rules read `source` (required-section converts it to traditional script; fast-match analyses it).
    assert.equal(after.source, before.source);
    assert.equal(after.flags, before.flags);
    for (const t of ['（12） 第一责任人', '②', '（1）', 'abc']) assert.equal(after.test(t), before.test(t), t);
  });

  it('keeps escaped characters, surrogate pairs in u-mode and literals after a keyword', () => {
    const cases = [String.raw`/\（(\d)\\）/`, '/[😀①]{2}/u', '/^😀+$/u'];
    for (const code of cases) {
      const [before, after] = [run(code), run(ascii(code)!)] as RegExp[];
      assert.equal(after.source, before.source, code);
      for (const t of ['（1\\）', '（1）', '😀😀', '😀①', '😀', '①①']) assert.equal(after.test(t), before.test(t), `${code} on ${t}`);
    }
    // `return/中/` must not become `returnnew RegExp(…)`.
    const fn = ascii('(function () { return/中/.test("\\u4E2D"); })()')!;
    assert.equal(run(fn), true);
  });

  it('a String.raw template becomes the call it stands for: the same string, raw text and substitutions included', () => {
    // The review's browser script is such a template (review/html/script.ts), in the server's bundle.
    const code = 'String.raw`第 ${1 + 1} 行\\n（${JSON.stringify({ a: "b" })}）\\u`';
    const out = ascii(code)!;
    assert.doesNotMatch(out, /[^\x00-\x7f]/);
    assert.equal(run(out), run(code));
    assert.equal(run(ascii('String.raw`中\\d`')!), run('String.raw`中\\d`'));
    // A substitution holding a non-ASCII character is not rewritten: refused.
    assert.equal(ascii('String.raw`中${"中"}`'), undefined);
  });

  it('escapes comments, leaves ASCII code alone, and refuses a string or another template holding a non-ASCII character', () => {
    assert.equal(ascii('x = 1; // 注释\n/* 块 */ y = 2;'), 'x = 1; // \\u6CE8\\u91CA\n/* \\u5757 */ y = 2;');
    assert.equal(ascii('a / b / c; // plain'), 'a / b / c; // plain');
    assert.equal(ascii('x = tag`中`;'), undefined);
    assert.equal(ascii("x = '中';"), undefined);
    assert.equal(ascii('x = `${1}中`;'), undefined);
  });

  it('the built server and thread bundles are ASCII-only; the thread\'s holds no protocol library', function () {
    if (!existsSync(THREAD_BUNDLE)) this.skip();
    for (const bundle of [THREAD_BUNDLE, path.join(ROOT, 'dist/server.cjs')]) assert.doesNotMatch(readFileSync(bundle, 'utf8'), /[^\x00-\x7f]/, bundle);
    const sources = (JSON.parse(readFileSync(`${THREAD_BUNDLE}.map`, 'utf8')) as { sources: string[] }).sources;
    assert.deepEqual(sources.filter((s) => /node_modules\/vscode-(languageserver|jsonrpc)/.test(s)), []);
    assert.ok(sources.some((s) => s.endsWith('server/src/rules/index.ts')), 'the rules are in it');
  });
});

describe('the check thread bundle: started by the server', function () {
  this.timeout(30000);

  it('a bundled server runs its thread from server-thread.cjs beside it; from the sources, the file given', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-thread-'));
    try {
      const server = path.join(dir, 'server.cjs');
      assert.equal(threadFile(server), server, 'no thread bundle: the server bundle itself');
      writeFileSync(path.join(dir, 'server-thread.cjs'), '');
      assert.equal(threadFile(server), path.join(dir, 'server-thread.cjs'));
      assert.equal(threadFile('/src/lsp/worker.ts'), '/src/lsp/worker.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the server process checks in the thread bundle (its code cache is written under its name) and publishes what the engine finds', async () => {
    const cacheDir = path.join(ROOT, 'dist/.code-cache-server');
    const c = await startClient({ settings: { debounce: 0 } });
    try {
      const uri = 'untitled:seed.txt';
      const text = readSeed('003_1ada4594c569a830.txt');
      c.open(uri, text);
      const p = await c.diagnostics(uri, { version: 1, timeout: 20000 });
      assert.deepEqual(diagnosticKeys(p), engineKeys(text));
      // The cache of the thread's bundle, written once the thread has done a job (already there after an earlier run).
      let names: string[] = [];
      for (let i = 0; i < 100 && !names.some((n) => n.startsWith('server-thread-')); i++) {
        await new Promise((r) => setTimeout(r, 50));
        names = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
      }
      assert.ok(names.some((n) => n.startsWith('server-thread-')), `no code cache of server-thread.cjs in ${names.join(', ')}`);
    } finally {
      await c.stop();
    }
  });

  it('a cached thread does not keep the source it read nor the cache bytes (top-level bindings of the loader)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-cached-'));
    try {
      const file = path.join(dir, 'probe.cjs');
      // The loader's bindings would be visible to any script of the thread had they been top-level consts.
      writeFileSync(file, "require('node:worker_threads').parentPort.postMessage(require('node:vm').runInThisContext('[typeof source, typeof cachedData, typeof script]').join())");
      const worker = startCachedThread(file, path.join(dir, 'cache'));
      const seen = await new Promise<string>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
      assert.equal(seen, 'undefined,undefined,undefined');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
