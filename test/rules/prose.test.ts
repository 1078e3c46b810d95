// Shared helpers of the punctuation and wording rules (server/src/rules/shared/prose.ts) that exist for speed:
// they must say what the slower forms say.
import assert from 'node:assert/strict';
import { HAN_RANGES, isHan, proseBlocks } from '../../server/src/rules/shared/prose.js';
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
});
