import assert from 'node:assert/strict';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'cjk-spacing';

describe('cjk-spacing', () => {
  it('flags the space between a number and a character, with a precise range, a message naming the text and a fix', () => {
    const text = '2023 年，王鲍镇清理规范性文件75 件。';
    const fs = findings(RULE, text);
    assert.equal(fs.length, 2);
    assert.deepEqual(coveredAll(text, fs), [' ', ' ']);
    assert.equal(fs[0].start, 4);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /“2023 年”应为“2023年”/);
    assert.match(fs[1].message, /“75 件”应为“75件”/);
    assert.equal(assertIdempotent(RULE, text), '2023年，王鲍镇清理规范性文件75件。');
  });

  it('flags both spaces around a number inside a phrase (王鲍镇 2023 年)', () => {
    const text = '制定《王鲍镇 2023 年普法依法治理工作要点》。';
    assert.equal(findings(RULE, text).length, 2);
    assert.equal(assertIdempotent(RULE, text), '制定《王鲍镇2023年普法依法治理工作要点》。');
  });

  it('flags a space between a character and a Latin word in Chinese text, and runs of spaces', () => {
    const text = '通过“爱启东”APP  平台和Word 文档开展学习。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['  ', ' ']);
    assert.match(fs[1].message, /汉字与字母之间/);
    assert.equal(assertIdempotent(RULE, text), '通过“爱启东”APP平台和Word文档开展学习。');
  });

  it('leaves alone spaces inside Latin text, between characters, after punctuation, ideographic spaces, URLs and code', () => {
    const text = [
      'The report uses the term 法治 in the title.',
      '《健全完善机制 推动法治建设在基层“落地生根”》入选典型案例。',
      '完成整改，2023年未发生行政诉讼。',
      '王鲍镇人民政府　2024年3月1日',
      '详见 https://www.example.gov.cn/fzzf 网站。',
      '运行 `npm test 命令` 检查。',
      '增长3.5%以上。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => f.message), []);
  });

  it('leaves the space after a GB/T 1.1 heading number (1 总体情况, 3.2 工作措施) but not in a sentence', () => {
    const text = '1 总体情况\n\n3.2 工作措施\n\n12 个乡镇完成了整改，成效明显。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => f.line), [5]);
  });

  it('leaves the space between a heading marker and its title (第一部分 2023年…) but not one inside the title', () => {
    const text = '第一部分 2023年法治政府建设主要举措和成效\n\n第二部分 2023 年存在的不足和原因';
    assert.deepEqual(findings(RULE, text).map((f) => [f.line, f.column]), [[3, 10]]);
  });

  it('reads across pinyin annotations (the removed annotation does not hide the neighbour)', () => {
    const text = '白蒲鎮(zhèn) 2024年開展工作。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), [' ']);
  });

  it('seed 003: 75 件 and 130 件; seed 004: exactly the spaces of lines 5, 7 and 63', () => {
    const s3 = seed('003');
    assert.deepEqual(findings(RULE, s3).map((f) => f.line), [5, 5, 5]);
    const s4 = seed('004');
    assert.deepEqual(findings(RULE, s4).map((f) => `${f.line}:${f.column}`), ['5:5', '7:5', '63:5', '63:10']);
    assertIdempotent(RULE, s4);
  });

  it('is silent on the clean fixtures', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.message}`), []);
  });

  it('can be switched off or given another severity', () => {
    const text = '2023 年，王鲍镇开展工作。';
    assert.equal(findings(RULE, text, { rules: { [RULE]: 'off' } }).length, 0);
    assert.equal(findings(RULE, text, { rules: { [RULE]: 'error' } })[0].severity, 'error');
  });
});
