// Fixes that insert line breaks use the document's own line end (the LSP and --fix apply them as given).
import assert from 'node:assert/strict';
import { applyFixes, check } from '../../server/src/index.js';

const REPORT = ['某镇关于2023年法治政府建设情况的报告', '一、主要举措和成效', '全年开展普法活动12场。', ''];

describe('engine: line ends of inserted text', () => {
  for (const [name, eol] of [['CRLF', '\r\n'], ['CR-only', '\r'], ['LF', '\n']] as const) {
    it(`writes the inserted parts with ${name} line ends in a ${name} document`, () => {
      const text = REPORT.join(eol);
      const inserting = check(text).filter((f) => f.fix?.edits.some((e) => /[\r\n]/.test(e.newText)));
      assert.ok(inserting.some((f) => f.rule === 'required-section'), 'required-section offers an insertion');
      for (const f of inserting) for (const e of f.fix!.edits) assert.equal(e.newText.replace(/\r\n|\r|\n/g, eol), e.newText, f.rule);
      const fixed = applyFixes(text, check(text)).text;
      assert.equal(fixed.replace(/\r\n|\r|\n/g, eol), fixed, 'no other line end after fixing');
    });
  }
});
