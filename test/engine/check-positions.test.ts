// engine/check.ts positions findings and their edits with a cursor on the line found last (findings mostly
// arrive in order): it must give exactly what the line index's own binary search gives, whatever the order.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint as lintWith } from '../../server/src/engine/check.js';
import { lint } from '../../server/src/index.js';
import { LineIndex } from '../../server/src/engine/line-index.js';
import type { Finding, Rule, RuleContext } from '../../server/src/engine/types.js';
import { CORPUS } from '../helpers/rules.js';

function assertPositioned(text: string, findings: Finding[]): number {
  const lines = new LineIndex(text);
  let checked = 0;
  const same = (offset: number, line: number, column: number, what: string) => {
    assert.deepEqual({ line, column }, lines.position(offset), `${what} at ${offset}`);
    checked++;
  };
  for (const f of findings) {
    same(f.start, f.line, f.column, `${f.rule} start`);
    same(f.end, f.endLine, f.endColumn, `${f.rule} end`);
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
      for (const e of fix.edits) {
        same(e.start, e.line, e.column, `${f.rule} edit start`);
        same(e.end, e.endLine, e.endColumn, `${f.rule} edit end`);
      }
    }
  }
  return checked;
}

describe('engine: finding positions', () => {
  it('are those of the line index for every finding and edit of the seed reports', () => {
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).slice(0, 4)) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const { findings } = lint(text);
      assert.ok(findings.length > 0, file);
      assert.ok(assertPositioned(text, findings) >= findings.length * 2);
    }
  });

  it('are right for offsets reported out of order, backwards, on line ends, out of range and in CRLF text', () => {
    const text = '第一行\r\n第二行文字\n\n第四行\r最后一行';
    const offsets = [text.length, 0, 5, 4, 3, 6, 6, 7, 30, -3, 12, 11, 13, 14, 1, text.length - 1, 16, 15, 2, 9, 8];
    const rule = {
      id: 'probe',
      severity: 'warning',
      tags: [],
      docs: { description: '', why: '', howToFix: '', basis: [] },
      check({ report }: RuleContext) {
        for (let i = 0; i < offsets.length; i++) {
          const at = offsets[i];
          const other = offsets[offsets.length - 1 - i];
          report({
            start: at,
            end: Math.max(at, other),
            message: `m${i}`,
            fix: { title: 'f', edits: [{ start: Math.max(0, other - 1), end: Math.max(0, other), newText: 'x' }, { start: Math.max(0, at), end: Math.max(0, at), newText: 'y' }] },
          });
        }
      },
    } as unknown as Rule;
    const { findings } = lintWith(text, [rule]);
    assert.equal(findings.length, offsets.length);
    assert.equal(assertPositioned(text, findings), offsets.length * 6);
  });
});
