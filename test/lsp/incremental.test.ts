// The incremental path for large documents in the bundle a user installs, exercised on a seed by lowering the
// "large" threshold (FAZHI_LINT_LARGE_DOCUMENT): the check thread (started through the code cache) answers an
// edit at once with its partial result (the local rules around it), and its complete result of the same version
// follows and matches the engine exactly. More in process: incremental-editing.test.ts.
import assert from 'node:assert/strict';
import { readSeed } from '../helpers/corpus.js';
import { diagnosticKeys, engineKeys, startClient } from './client.js';

describe('language server: partial re-check of large documents', function () {
  this.timeout(60000);

  it('publishes the partial result of the new version at once, then the complete one', async () => {
    const c = await startClient({ env: { FAZHI_LINT_LARGE_DOCUMENT: '1000' }, settings: { debounce: 0 } });
    try {
      const uri = 'untitled:large-002.txt';
      const text = readSeed('002_0376ecbf1b3a9eef.txt');
      c.open(uri, text);
      const first = await c.diagnostics(uri);
      assert.deepEqual(diagnosticKeys(first), engineKeys(text), 'the worker\'s full check equals the engine');
      // Type a pinyin residue into line 12 (0-based 11), after its first two characters.
      const line = 11;
      const insert = '鎮(zhèn)';
      const since = c.published.length;
      c.change(uri, 2, [{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: insert }]);
      const partial = await c.diagnostics(uri, { since, version: 2 });
      const pinyin = partial.diagnostics.find((d) => d.code === 'pinyin-residue' && d.range.start.line === line);
      assert.deepEqual(pinyin?.range, { start: { line, character: 3 }, end: { line, character: 3 + '(zhèn)'.length } });
      const lines = text.split('\n');
      lines[line] = lines[line].slice(0, 2) + insert + lines[line].slice(2);
      const edited = lines.join('\n');
      // Findings far from the edit keep their (shifted) positions.
      const before = diagnosticKeys(first).filter((k) => Number(k.split(' ')[1].split(':')[0]) < line - 3);
      assert.deepEqual(diagnosticKeys(partial).filter((k) => Number(k.split(' ')[1].split(':')[0]) < line - 3), before);
      const full = await c.diagnostics(uri, { since, version: 2, until: (p) => JSON.stringify(diagnosticKeys(p)) === JSON.stringify(engineKeys(edited)) });
      assert.deepEqual(diagnosticKeys(full), engineKeys(edited));
    } finally {
      await c.stop();
    }
  });
});
