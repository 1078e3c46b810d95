// Shared helpers of the punctuation and wording rules (server/src/rules/shared/prose.ts) that exist for speed:
// they must say what the slower forms say.
import assert from 'node:assert/strict';
import { CharScan, HAN_RANGES, isHan, proseBlocks } from '../../server/src/rules/shared/prose.js';
import { lint } from '../../server/src/index.js';

describe('rules/shared/prose', () => {
  it('HAN_RANGES hold exactly the code units isHan accepts', () => {
    const inRanges = (c: number) => HAN_RANGES.some(([first, last]) => c >= first && c <= last);
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isHan(c) !== inRanges(c)) differ.push(c);
    assert.deepEqual(differ, []);
  });

  it('proseBlocks: computed once per document, the blocks in prose-view offsets', () => {
    const text = '张八桥镇关于2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n鎮(zhèn)政府全年开展普法活动12场。\n';
    const { document } = lint(text);
    const blocks = proseBlocks(document);
    assert.equal(proseBlocks(document), blocks, 'the same array for the same document');
    assert.notEqual(proseBlocks(lint(text).document), blocks, 'another document, its own blocks');
    // The pinyin annotation (zhèn) is not in the view: the last block ends 7 characters earlier than in the source.
    const last = blocks[blocks.length - 1];
    assert.equal(document.prose.text.slice(last.start, last.end), '鎮政府全年开展普法活动12场。');
    assert.equal(last.block.end - last.end, '(zhèn)'.length + (last.block.start - last.start));
  });
  it('CharScan: the next character of the class at or after any position, as a loop over the characters finds it', () => {
    const text = '甲，乙。丙\n\n丁，，戊;己!' + '庚'.repeat(50) + '，';
    const wanted = /[，。;!]/;
    const expected = (from: number) => {
      for (let i = Math.max(0, from); i < text.length; i++) if (wanted.test(text[i])) return i;
      return text.length;
    };
    // Positions rising (block after block, each found once), repeated, falling back, and past the end.
    const positions = [0, 0, 1, 2, 2, 3, 5, 8, 9, 10, 11, 30, 2, 0, text.length - 1, text.length, text.length + 3, 4];
    const scan = new CharScan(/[，。;!]/g, text);
    assert.deepEqual(positions.map((p) => scan.next(p)), positions.map(expected));
    assert.equal(new CharScan(/[，。;!]/g, '没有标点').next(0), 4, 'none: the text length');
  });
});
