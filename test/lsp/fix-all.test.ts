// Fix-all in the editor is --fix: the code action source.fixAll.fazhi-lint (as editor.codeActionsOnSave
// runs it: its edit on codeAction/resolve, or the fix-all command for a client that does not resolve) gives,
// on every seed report, byte for byte the text `fazhi-lint --fix` writes — and never applies a suggestion.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, RULES, type Rule } from '../../server/src/index.js';
import { fixAll, applyPass, editsOf } from '../../server/src/lsp/fix-all.js';
import { readSeed, seedFiles, CORPUS_DIR } from '../helpers/corpus.js';
import { cliFix } from './cli-fix.js';
import { applyTextEdits, fileUri, startClient, type TestClient } from './client.js';

const FIX_ALL = 'source.fixAll.fazhi-lint';
const everywhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

async function fixAllAction(c: TestClient, uri: string): Promise<CodeAction> {
  const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: everywhere, context: { diagnostics: [], only: [FIX_ALL] } })) as CodeAction[];
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
  assert.equal(actions[0].kind, FIX_ALL);
  return actions[0];
}

describe('fix all in the editor = fazhi-lint --fix', function () {
  this.timeout(120000);
  let plain: TestClient;
  let resolving: TestClient;
  before(async () => {
    plain = await startClient({ inProcess: true });
    resolving = await startClient({ inProcess: true, capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } } });
  });
  after(async () => {
    await plain.stop();
    await resolving.stop();
  });

  for (const file of seedFiles()) {
    it(`seed ${file}: code action, resolved code action and command all give the --fix text`, async () => {
      const full = path.join(CORPUS_DIR, file);
      const uri = fileUri(full);
      const text = readSeed(file);
      const expected = await cliFix(text, full);
      assert.notEqual(expected, text, 'the seed has fixable findings');

      // A client without codeAction/resolve gets the fix-all command; running it applies the edit.
      plain.open(uri, text);
      const action = await fixAllAction(plain, uri);
      assert.equal(action.edit, undefined);
      assert.deepEqual(action.command?.arguments, [uri]);
      const applied = plain.applied.length;
      const r = (await plain.conn.sendRequest('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments })) as { applied: boolean; fixed: number };
      assert.ok(r.applied && r.fixed > 0);
      assert.equal(applyTextEdits(text, plain.applied[applied].changes![uri]), expected, 'command');
      plain.close(uri);

      resolving.open(uri, text);
      const lazy = await fixAllAction(resolving, uri);
      assert.equal(lazy.edit, undefined, 'the edit is computed on resolve');
      const resolved = (await resolving.conn.sendRequest('codeAction/resolve', lazy)) as CodeAction;
      assert.equal(applyTextEdits(text, (resolved.edit as WorkspaceEdit).changes![uri]), expected, 'resolved code action');
      resolving.close(uri);
    });
  }

  it('never applies a suggestion, and offers it as a quick fix that is not preferred', async () => {
    // A rule with a fix and a suggestion on each 某某: fix-all takes the fix, the suggestion stays a choice.
    const both: Rule = {
      id: 'test-fix-and-suggestion',
      severity: 'warning',
      tags: ['test'],
      docs: { description: '测试', why: '测试', basis: '测试', howToFix: '测试' },
      check({ doc, report }) {
        for (const m of doc.text.matchAll(/某某/g)) {
          report({
            start: m.index,
            end: m.index + 2,
            message: '测试',
            fix: { title: '改为本单位', edits: [{ start: m.index, end: m.index + 2, newText: '本镇' }] },
            suggestions: [{ title: '删除', edits: [{ start: m.index, end: m.index + 2, newText: '' }] }],
          });
        }
      },
    };
    const onlySuggestion: Rule = {
      ...both,
      id: 'test-suggestion-only',
      check({ doc, report }) {
        const at = doc.text.indexOf('重复的句子。');
        if (at >= 0) report({ start: at, end: at + 6, message: '测试', suggestions: [{ title: '删除重复', edits: [{ start: at, end: at + 6, newText: '' }] }] });
      },
    };
    const c = await startClient({ inProcess: true, rules: [both, onlySuggestion, ...RULES], capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } } });
    try {
      const uri = 'untitled:suggestions.md';
      const text = '# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n某某坚持依法行政。重复的句子。\n';
      const since = c.published.length;
      c.open(uri, text, 'markdown');
      const p = await c.diagnostics(uri, { since });
      const resolved = (await c.conn.sendRequest('codeAction/resolve', await fixAllAction(c, uri))) as CodeAction;
      const after = applyTextEdits(text, resolved.edit!.changes![uri]);
      assert.ok(after.includes('本镇坚持依法行政'), 'the fix is applied');
      assert.ok(after.includes('重复的句子。'), 'the suggestion is not');
      const d = p.diagnostics.find((x) => x.code === 'test-suggestion-only')!;
      const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      const suggestion = actions.find((a) => a.title === '删除重复')!;
      assert.ok(suggestion?.edit, 'the suggestion is a quick fix');
      assert.ok(!suggestion.isPreferred, 'never preferred');
      assert.ok(!actions.some((a) => a.isPreferred), 'a finding without a fix leaves nothing preferred');
      const d2 = p.diagnostics.find((x) => x.code === 'test-fix-and-suggestion')!;
      const actions2 = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d2.range, context: { diagnostics: [d2] } })) as CodeAction[];
      assert.deepEqual(
        actions2.filter((a) => a.title === '改为本单位' || a.title === '删除').map((a) => [a.title, !!a.isPreferred]),
        [
          ['改为本单位', true],
          ['删除', false],
        ],
      );
    } finally {
      await c.stop();
    }
  });
});

describe('fix all: edits of the original text', () => {
  it('composes the passes into small edits of the original text that give the fixed text', () => {
    // Seed 001: scattered fixes (seed 000 is converted to simplified as a whole).
    const text = readSeed('001_59b600c439da888f.txt');
    const r = fixAll(text, {}, RULES);
    assert.ok(r.edits.length > 1, 'several edits, not one replacement of everything');
    assert.equal(applyEdits(text, r.edits), r.text);
    const changed = r.edits.reduce((n, e) => n + e.end - e.start, 0);
    assert.ok(changed < text.length / 2, `edits cover ${changed} of ${text.length} units`);
  });

  it('maps edits of a later pass through the earlier ones, inside and around inserted text', () => {
    const original = 'abcdef';
    // Pass 1: replace "cd" by "XYZ" → abXYZef; pass 2: replace "YZe" by "-" → abX-f.
    let pieces = applyPass([{ from: 0, to: 6 }], [{ start: 2, end: 4, newText: 'XYZ' }]);
    pieces = applyPass(pieces, [{ start: 3, end: 6, newText: '-' }]);
    const edits = editsOf(pieces, original.length);
    assert.equal(applyEdits(original, edits), 'abX-f');
    assert.deepEqual(edits, [{ start: 2, end: 5, newText: 'X-' }]);
    // Insertions at both ends and a deletion.
    pieces = applyPass([{ from: 0, to: 6 }], [{ start: 0, end: 0, newText: '<' }, { start: 1, end: 2, newText: '' }, { start: 6, end: 6, newText: '>' }]);
    assert.equal(applyEdits(original, editsOf(pieces, 6)), '<acdef>');
    assert.deepEqual(editsOf(applyPass([{ from: 0, to: 0 }], []), 0), []);
  });
});
