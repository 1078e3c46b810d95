// engine/incremental.ts: after edits, complete() must give exactly what a fresh lint() gives on the new text, and
// the partial result must hold only findings at their right positions (offsets, lines and columns agree).
import assert from 'node:assert/strict';
import { lint, RULES } from '../../server/src/index.js';
import { resolveConfig } from '../../server/src/engine/config.js';
import { IncrementalChecker, type TextChange } from '../../server/src/engine/incremental.js';
import { LineIndex } from '../../server/src/engine/line-index.js';
import type { Finding } from '../../server/src/engine/types.js';
import { reportOfSize } from '../bench/inputs.js';

const key = (f: Finding) => JSON.stringify(f);

/** Every finding's line and column agree with its offsets, fix edits included. */
function positioned(text: string, findings: readonly Finding[]): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    for (const r of [f, ...(f.fix?.edits ?? []), ...(f.suggestions ?? []).flatMap((s) => s.edits)]) {
      const s = lines.position(r.start);
      const e = lines.position(r.end);
      assert.deepEqual([r.line, r.column, r.endLine, r.endColumn], [s.line, s.column, e.line, e.column], `${f.rule} at ${f.start}: ${f.message}`);
    }
  }
}

describe('engine/incremental: re-checking after edits', function () {
  this.timeout(300_000);
  const config = resolveConfig(undefined, RULES);
  // About 150 KB of seed reports: long enough to be parsed in pieces, short enough to check often.
  const base = reportOfSize(150_000);
  // Inside a sentence of a body paragraph.
  const middle = base.indexOf('。', base.length >> 1) + 1;
  const title = base.indexOf('2023');
  const edits: [string, (text: string) => TextChange[]][] = [
    ['a character typed mid-document', () => [{ start: middle, end: middle, newText: '的' }]],
    ['a character deleted', () => [{ start: middle + 3, end: middle + 4, newText: '' }]],
    ['a line break inserted in a paragraph', () => [{ start: middle + 5, end: middle + 5, newText: '\n' }]],
    ['a blank line and a new heading', () => [{ start: middle, end: middle, newText: '\n五、其他事项\n\n' }]],
    ['typing a traditional word, then a placeholder, in two changes', () => [
      { start: middle, end: middle, newText: '設置' },
      { start: middle + 2, end: middle + 2, newText: 'XX' },
    ]],
    ['another county named in a sentence', () => [{ start: middle, end: middle, newText: '海安县、如东县同步推进。' }]],
    ['a half-width numbered heading among full-width ones', () => [{ start: middle, end: middle, newText: '\n\n(二)加强队伍建设\n\n' }]],
    ['the year in the title changed', () => [{ start: title, end: title + 4, newText: '2024' }]],
    ['a code fence opened (the rest of the text becomes code)', () => [{ start: middle, end: middle, newText: '\n```\n' }]],
    ['the fence closed again', (text) => {
      const at = text.indexOf('\n```\n');
      return [{ start: at, end: at + 5, newText: '' }];
    }],
    ['a paragraph pasted near the end', (text) => [{ start: text.length - 10, end: text.length - 10, newText: '\n\n全年办理案件XX件,成效明显。\n\n' }]],
    ['the first line deleted', (text) => [{ start: 0, end: text.indexOf('\n') + 1, newText: '' }]],
  ];

  it('complete() equals a fresh check after each edit; the partial result is well positioned', () => {
    const inc = new IncrementalChecker(RULES, config);
    const first = inc.check(base);
    assert.deepEqual(first.findings.map(key), lint(base).findings.map(key));
    let text = base;
    let reusedLocal = 0;
    for (const [name, make] of edits) {
      const changes = make(text);
      for (const c of changes) text = text.slice(0, c.start) + c.newText + text.slice(c.end);
      const partial = inc.edit(changes);
      assert.equal(inc.currentText, text, name);
      positioned(text, partial.findings);
      const done = inc.complete();
      if (!done.fullLocal) reusedLocal++;
      const fresh = lint(text).findings;
      assert.deepEqual(done.findings.map(key), fresh.map(key), name);
    }
    // The others change what local rules read beyond their lines (title, headings, a fence): all rules run again.
    assert.ok(reusedLocal >= 4, `local findings reused after ${reusedLocal} of ${edits.length} edits`);
  });

  it('keeps up with a burst of 50 one-character edits, complete only at the end', () => {
    const inc = new IncrementalChecker(RULES, config);
    inc.check(base);
    let text = base;
    for (let k = 0; k < 50; k++) {
      const at = middle + k;
      const c = { start: at, end: at, newText: '法' };
      text = text.slice(0, at) + '法' + text.slice(at);
      positioned(text, inc.edit([c]).findings);
    }
    assert.deepEqual(inc.complete().findings.map(key), lint(text).findings.map(key));
  });

  it('compacting the kept findings (in steps, edits between them) changes no result', () => {
    const inc = new IncrementalChecker(RULES, config);
    inc.check(base);
    const steps = inc.compactSteps();
    let text = base;
    let taken = 0;
    for (let k = 0; k < 5; k++) {
      for (let s = 0; s < 3 && !steps.next().done; s++) taken++;
      const at = middle + k;
      text = text.slice(0, at) + '法' + text.slice(at);
      positioned(text, inc.edit([{ start: at, end: at, newText: '法' }]).findings);
    }
    for (; !steps.next().done; ) taken++;
    assert.ok(taken > 3, 'more than one step');
    inc.compact();
    assert.deepEqual(inc.complete().findings.map(key), lint(text).findings.map(key));
    inc.compact();
    assert.deepEqual(inc.complete().findings.map(key), lint(text).findings.map(key));
  });
});
