// The hover's message: VS Code (and code-server, VSCodium) show the diagnostic's own message in the hover, so
// the server's hover does not repeat it there; Neovim and Emacs/eglot show only what the server sends, so
// there the hover starts with each finding's message. Decided by the client's name at initialize.
import assert from 'node:assert/strict';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-protocol';
import { check } from '../../server/src/index.js';
import { SEVERITY_LABELS, type Finding } from '../../server/src/engine/types.js';
import { RULES } from '../../server/src/rules/index.js';
import { hoverAt, hoverRepeatsMessages } from '../../server/src/lsp/hover.js';
import { CORPUS_DIR, readSeed } from '../helpers/corpus.js';
import { fileUri, startClient, type TestClient } from './client.js';

const value = (hover: Hover | null) => (hover?.contents as { value: string }).value;

describe('lsp hover: the finding\'s message for clients that do not show diagnostics in hovers', () => {
  it('decides by the client\'s name: VS Code and its kin show the diagnostic themselves, others do not', () => {
    for (const name of ['Visual Studio Code', 'Visual Studio Code - Insiders', 'VSCodium', 'Code - OSS', 'code-server']) assert.equal(hoverRepeatsMessages(name), false, name);
    for (const name of ['Neovim', 'Eglot', 'emacs', 'helix', undefined]) assert.equal(hoverRepeatsMessages(name), true, String(name));
  });

  const text = readSeed('000_6895dad6e85ea9c9.txt');
  const doc = TextDocument.create('file:///seed-000.txt', 'plaintext', 1, text);
  const findings = check(text);
  const pinyin = findings.find((f) => f.rule === 'pinyin-residue' && text.slice(f.start, f.end).includes('zhèn'))!;
  const cursor = pinyin.start + 2;
  const here = findings.filter((f) => f.start <= cursor && cursor <= f.end);

  it('puts each message under the cursor, with its severity, before its rule\'s explanation', () => {
    const v = value(hoverAt(doc, findings, doc.positionAt(cursor), RULES, { messages: true }));
    assert.ok(here.length >= 2, 'several findings under the cursor');
    for (const f of here) {
      const at = v.indexOf(f.message);
      assert.ok(at >= 0, `message of ${f.rule} in the hover`);
      assert.ok(at < v.indexOf(`**\`${f.rule}\`**`), `message of ${f.rule} before its explanation`);
    }
    assert.ok(v.startsWith(`${SEVERITY_LABELS[pinyin.severity]}：${pinyin.message}\n`), v.slice(0, 80));
    // Without: the explanation alone (what VS Code gets).
    const plain = value(hoverAt(doc, findings, doc.positionAt(cursor), RULES));
    for (const f of here) assert.ok(!plain.includes(f.message), `message of ${f.rule} not repeated`);
  });

  it('escapes Markdown in a message (text quoted from the report)', () => {
    const d = TextDocument.create('file:///x.md', 'markdown', 1, 'abc');
    const f: Finding = { rule: 'typo', severity: 'warning', message: '“a*b_c`d`[e](f)<g>”有误', start: 0, end: 3, line: 1, column: 1, endLine: 1, endColumn: 4, data: {} };
    const v = value(hoverAt(d, [f], { line: 0, character: 1 }, RULES, { messages: true }));
    assert.ok(v.startsWith('警告：“a\\*b\\_c\\`d\\`\\[e\\](f)\\<g\\>”有误'), v.slice(0, 60));
  });

  describe('over LSP, per client', () => {
    const file = '000_6895dad6e85ea9c9.txt';
    const uri = fileUri(path.join(CORPUS_DIR, file));
    const clients: TestClient[] = [];
    after(async () => {
      for (const c of clients) await c.stop();
    });

    async function hoverOf(clientInfo: { name: string } | undefined): Promise<{ message: string; hover: string }> {
      const c = await startClient({ inProcess: true, clientInfo });
      clients.push(c);
      c.open(uri, readSeed(file));
      const d = (await c.diagnostics(uri)).diagnostics.find((x) => x.code === 'required-section')!;
      const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
      return { message: String(d.message), hover: value(hover) };
    }

    it('Neovim, Emacs and an unnamed client get the message; VS Code and code-server do not', async () => {
      for (const name of ['Neovim', 'Eglot', undefined]) {
        const { message, hover } = await hoverOf(name ? { name } : undefined);
        assert.ok(hover.includes(message), `${name}: ${hover.slice(0, 120)}`);
        assert.match(hover, /怎样修改/);
      }
      for (const name of ['Visual Studio Code', 'code-server']) {
        const { message, hover } = await hoverOf({ name });
        assert.ok(!hover.includes(message), `${name}: ${hover.slice(0, 120)}`);
        assert.match(hover, /怎样修改/);
      }
    });
  });
});
