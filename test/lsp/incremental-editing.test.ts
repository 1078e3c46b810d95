// Editing a large document, in process (the server from the sources, its check thread running the sources too):
// the check thread keeps an incremental checker per large document (lsp/incremental.ts, engine/incremental.ts);
// an edit is answered with a partial result at once, then the complete one. The "large" threshold is lowered so
// that reports of a few thousand characters take that path. What must hold whatever the timing: the complete
// result equals a fresh check of the editor's text, no result of an older version is published after a newer one,
// a change of configuration gives a checker of the new configuration, and the server answers while a check runs.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { readSeed } from '../helpers/corpus.js';
import { diagnosticKeys, engineKeys, startClient, type TestClient } from './client.js';
import { largeReport } from './large-report.js';
import { SET_FILE_ENABLED_NOTIFICATION } from '../../server/src/lsp/protocol.js';
import { toScript } from '../../server/src/engine/script.js';
import { seededRandom } from '../helpers/random.js';

type Position = { line: number; character: number };
type Change = { range: { start: Position; end: Position }; text: string };

/** Applies one LSP change to a text, as the editor does (UTF-16 positions, clamped to the text). */
function applyChange(text: string, change: Change): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => {
    if (p.line >= starts.length) return text.length;
    const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] - 1 : text.length;
    return Math.min(starts[p.line] + p.character, lineEnd);
  };
  return text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end));
}

/** A position `offset` code units into the text. */
function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** An edit of the kinds an editor sends: typing, a pasted defect, a new line, a deletion, a replacement across lines. */
function randomChange(text: string, pick: (n: number) => number): Change {
  const at = pick(text.length);
  const range = (from: number, to: number) => ({ start: positionOf(text, from), end: positionOf(text, to) });
  switch (pick(6)) {
    case 0:
      return { range: range(at, at), text: '的' };
    case 1:
      return { range: range(at, at), text: '鎮(zhèn)' };
    case 2:
      return { range: range(at, at), text: '\n' };
    case 3:
      return { range: range(at, Math.min(text.length, at + 1 + pick(8))), text: '' };
    case 4:
      return { range: range(at, Math.min(text.length, at + pick(300))), text: '，20212025年XX' };
    default:
      return { range: range(at, at), text: '我镇設立了台账,' };
  }
}

const publishedFor = (c: TestClient, uri: string) => c.published.filter((p) => p.uri === uri);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server publishes, for the document's `version`, what a fresh check of `text` finds. */
async function settledOn(c: TestClient, uri: string, version: number, text: string, config?: Parameters<typeof engineKeys>[1]): Promise<PublishDiagnosticsParams> {
  const expected = JSON.stringify(engineKeys(text, config));
  return c.diagnostics(uri, { version, timeout: 120_000, until: (p) => JSON.stringify(diagnosticKeys(p)) === expected });
}

describe('language server: editing (large documents checked incrementally in the check thread; results that land late)', function () {
  this.timeout(180_000);
  const SETTINGS = { debounce: 0, maxProblems: 100_000 };

  it('ends a burst of 100 edits with the diagnostics of a fresh check of the final text, never an older version after a newer one', async () => {
    const c = await startClient({ inProcess: true, largeDocument: 5_000, settings: SETTINGS });
    try {
      const uri = 'untitled:burst.md';
      let text = largeReport(30_000);
      c.open(uri, text, 'markdown');
      await settledOn(c, uri, 1, text);
      const pick = seededRandom(20261204);
      let version = 1;
      for (let k = 0; k < 100; k++) {
        // Now and then two changes in one notification, the second on the text the first left.
        const changes = [randomChange(text, pick)];
        text = applyChange(text, changes[0]);
        if (k % 10 === 3) {
          changes.push(randomChange(text, pick));
          text = applyChange(text, changes[1]);
        }
        c.change(uri, ++version, changes);
        if (k % 25 === 24) await sleep(5); // let some partial results through mid-burst
      }
      const final = await settledOn(c, uri, version, text);
      await sleep(1500); // anything still coming would be stale
      const published = publishedFor(c, uri);
      assert.equal(published[published.length - 1], final, 'nothing was published after the final complete result');
      const versions = published.map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions published in order, none older after a newer one');
      assert.ok(published.length < 2 * 100 + 1, 'superseded edits were merged, not each checked');
      assert.deepEqual(c.logs.filter((l) => l.includes('out of step')), [], 'the check thread applied every change as the editor did');
    } finally {
      await c.stop();
    }
  });

  it('publishes the partial result of an edit at once, then the complete one for the same version', async () => {
    const c = await startClient({ inProcess: true, largeDocument: 1_000, settings: SETTINGS });
    try {
      const uri = 'untitled:partial.txt';
      const text = readSeed('002_0376ecbf1b3a9eef.txt');
      c.open(uri, text);
      await settledOn(c, uri, 1, text);
      // A pinyin residue (a local rule: in the partial result) in a sentence copied from elsewhere in the report
      // (duplicate-text, a document-level rule: only in the complete result).
      const lines = text.split('\n');
      const copied = /[^。\n]{25,60}。/.exec(lines.slice(6).join('\n'))![0];
      const target = lines.length - 3;
      const insert = `鎮(zhèn)${copied}`;
      const since = c.published.length;
      c.change(uri, 2, [{ range: { start: { line: target, character: 0 }, end: { line: target, character: 0 } }, text: insert }]);
      lines[target] = insert + lines[target];
      const edited = lines.join('\n');
      const full = await settledOn(c, uri, 2, edited);
      const ofVersion2 = c.published.slice(since).filter((p) => p.uri === uri && p.version === 2);
      assert.equal(ofVersion2.length, 2, 'a partial result, then the complete one');
      const [partial] = ofVersion2;
      assert.equal(ofVersion2[1], full);
      const keys = diagnosticKeys(partial);
      assert.ok(keys.includes(`pinyin-residue ${target}:1-${target}:${1 + '(zhèn)'.length}`), 'the local rules ran around the edit');
      const duplicates = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'duplicate-text').length;
      assert.ok(duplicates(full) > duplicates(partial), 'the document-level rules ran only for the complete result');
      // Far from the edit, the partial result is the previous one moved.
      const before = engineKeys(text).filter((k) => Number(k.split(' ')[1].split(':')[0]) < target - 3);
      assert.deepEqual(keys.filter((k) => Number(k.split(' ')[1].split(':')[0]) < target - 3), before);
    } finally {
      await c.stop();
    }
  });

  it('equals a fresh check after edits that flip a document-level decision (a text turned traditional, typed half-width) and back', async () => {
    // mixed-script and halfwidth-punctuation are local given a decision taken on the whole text (Rule.documentContext):
    // whether it is mostly in the other script, whether it is typed half-width throughout.
    const c = await startClient({ inProcess: true, largeDocument: 5_000, settings: SETTINGS });
    try {
      const uri = 'untitled:flip.md';
      let text = largeReport(30_000);
      c.open(uri, text, 'markdown');
      await settledOn(c, uri, 1, text);
      // As an editor sends a replacement: the changed span only (the common start and end left out).
      const changeTo = (next: string): Change => {
        let s = 0;
        while (s < text.length && s < next.length && text[s] === next[s]) s++;
        let e = 0;
        while (e < text.length - s && e < next.length - s && text[text.length - 1 - e] === next[next.length - 1 - e]) e++;
        return { range: { start: positionOf(text, s), end: positionOf(text, text.length - e) }, text: next.slice(s, next.length - e) };
      };
      const steps: [string, (t: string) => string][] = [
        ['the text after the title turned traditional', (t) => t.slice(0, 30) + toScript('traditional', t.slice(30))],
        ['a character typed in the traditional text', (t) => t.slice(0, t.length >> 1) + '們' + t.slice(t.length >> 1)],
        ['back to simplified', (t) => toScript('simplified', t)],
        ['half-width punctuation throughout', (t) => t.replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';')],
        ['a character typed in it', (t) => t.slice(0, t.length >> 1) + '的' + t.slice(t.length >> 1)],
        ['full-width again', (t) => t.replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；')],
      ];
      let version = 1;
      for (const [what, change] of steps) {
        const next = change(text);
        const sent = changeTo(next);
        assert.equal(applyChange(text, sent), next);
        c.change(uri, ++version, [sent]);
        text = next;
        const published = await settledOn(c, uri, version, text);
        assert.ok(published, what);
      }
    } finally {
      await c.stop();
    }
  });

  it('checks with a new checker when the configuration changes, and goes on incrementally with it', async () => {
    const c = await startClient({ inProcess: true, largeDocument: 1_000, settings: { ...SETTINGS } });
    try {
      const uri = 'untitled:config.txt';
      const text = readSeed('000_6895dad6e85ea9c9.txt');
      c.open(uri, text);
      assert.ok(engineKeys(text).some((k) => k.startsWith('halfwidth-punctuation ')), 'the seed has half-width punctuation');
      await settledOn(c, uri, 1, text);
      const off = { rules: { 'halfwidth-punctuation': 'off' as const } };
      c.settings = { ...SETTINGS, ...off };
      void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await settledOn(c, uri, 1, text, off);
      // The next edit starts from the checker of the new configuration: even its partial result has no such finding.
      const since = c.published.length;
      c.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '我镇设立了台账,' }]);
      const edited = applyChange(text, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '我镇设立了台账,' });
      await settledOn(c, uri, 2, edited, off);
      const ofVersion2 = c.published.slice(since).filter((p) => p.uri === uri && p.version === 2);
      assert.ok(ofVersion2.every((p) => !p.diagnostics.some((d) => d.code === 'halfwidth-punctuation')));
      // And back.
      c.settings = { ...SETTINGS };
      void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await settledOn(c, uri, 2, edited);
    } finally {
      await c.stop();
    }
  });

  it('answers hover and shutdown while the complete check of an edit runs, with the partial result at hand', async () => {
    // A check thread whose checker has a rule that keeps it busy for 10 s on a text containing 慢慢慢.
    const slowWorker = fileURLToPath(new URL('../reliability/slow-check-worker.mjs', import.meta.url));
    const c = await startClient({ inProcess: true, largeDocument: 1_000, settings: SETTINGS, workerFile: slowWorker, checkTimeout: 60_000 });
    const channel = new BroadcastChannel('fazhi-lint-test-slow-check');
    try {
      const busy = new Promise((resolve) => (channel.onmessage = resolve));
      const uri = 'untitled:slow.txt';
      const text = readSeed('002_0376ecbf1b3a9eef.txt');
      c.open(uri, text);
      await c.diagnostics(uri, { version: 1, timeout: 60_000 });
      c.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '慢慢慢設(shè)' }]);
      const partial = await c.diagnostics(uri, { version: 2, timeout: 60_000 });
      await busy; // the complete check of version 2 is running
      const pinyin = partial.diagnostics.find((d) => d.code === 'pinyin-residue' && d.range.start.line === 4);
      assert.ok(pinyin, 'the partial result has the new finding');
      const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pinyin.range.start });
      assert.ok(JSON.stringify(hover).includes('pinyin-residue'), 'the hover is answered from the partial result');
      assert.equal(c.published.filter((p) => p.uri === uri && p.version === 2).length, 1, 'answered before the complete result');
      assert.equal(await c.conn.sendRequest('shutdown'), null);
    } finally {
      channel.close();
      await c.stop();
    }
  });

  it('never publishes a check that lands after the document was toggled off meanwhile', async () => {
    const slowWorker = fileURLToPath(new URL('../reliability/slow-check-worker.mjs', import.meta.url));
    const c = await startClient({ inProcess: true, settings: SETTINGS, workerFile: slowWorker, checkTimeout: 60_000 });
    const channel = new BroadcastChannel('fazhi-lint-test-slow-check');
    try {
      const done = new Promise((resolve) => (channel.onmessage = resolve));
      const uri = 'untitled:toggled.txt';
      c.open(uri, `${readSeed('002_0376ecbf1b3a9eef.txt')}\n慢慢慢\n`);
      await done; // its check keeps the thread busy for 10 s
      void c.conn.sendNotification(SET_FILE_ENABLED_NOTIFICATION, { uri, enabled: false });
      const cleared = await c.diagnostics(uri, { until: (p) => p.diagnostics.length === 0 });
      await c.diagnostics(uri, { since: c.published.indexOf(cleared) + 1, timeout: 12_000 }).then(
        (late) => assert.fail(`published after the toggle: ${late.diagnostics.length} diagnostics`),
        () => undefined, // nothing came: right
      );
    } finally {
      channel.close();
      await c.stop();
    }
  });
});

