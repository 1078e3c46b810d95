import assert from 'node:assert/strict';
import { assertIdempotent, cleanFiles, coveredAll, findings, fixAll, seed } from './helpers.js';

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

  it('leaves alone spaces inside Latin text, between phrases of a book title, ideographic spaces, URLs and code', () => {
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

  it('flags spaces between two characters left by PDF line wraps (dev 025), with the deletion as a quick fix only', () => {
    const text = '2022年,我局以习近平法治思想为指导,深入贯 彻落实中央全面依法治国工作会议精神,以法治引 领教育行政管理,切实抓好执法和 普法工作责任制落实。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), [' ', ' ', ' ']);
    assert.match(fs[0].message, /汉字之间不应有空格：“深入贯 彻落实”应为“深入贯彻落实”（多为 PDF 换行留下的空格/);
    // A space between two characters may also stand for a lost comma: a person chooses, fix-all does not delete it.
    assert.ok(fs.every((f) => !f.fix && f.suggestions?.[0].title === '删除空格'));
    assert.equal(fixAll(text, [RULE]), text);
  });

  it('flags a space inside the title, with a fix (dev 054; dev 075: a two-line title joined with a space before 关于)', () => {
    const joined = '重庆市梁平区聚奎镇人民政府 关于2021年度法治政府建设情况的报告\n\n2021年，聚奎镇深入推进依法行政。';
    assert.equal(fixAll(joined, [RULE]).split('\n')[0], '重庆市梁平区聚奎镇人民政府关于2021年度法治政府建设情况的报告');
    const text = '海东市乐都区共和乡2022年度法治政府建设 工作报告\n\n2022年，共和乡深入推进依法行政。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, f.column]), [[1, 22]]);
    assert.equal(fixAll(text, [RULE]).split('\n')[0], '海东市乐都区共和乡2022年度法治政府建设工作报告');
  });

  it('flags spaces after full-width or half-width separators and around quotation marks (dev 025, 042, 058), with fixes', () => {
    const cases: [string, string][] = [
      ['依法治教、依法行政， 营造良好教育发展环境。', '依法治教、依法行政，营造良好教育发展环境。'],
      ['依法治教、依法行政, 营造良好教育发展环境。', '依法治教、依法行政,营造良好教育发展环境。'],
      ['学法不断深入。 我局邀请法律顾问授课。', '学法不断深入。我局邀请法律顾问授课。'],
      ['街道党工委及社区 “两委” 成员以身作则。', '街道党工委及社区“两委”成员以身作则。'],
      ['锚定 “政府行为全面纳入法治轨道” 的总目标。', '锚定“政府行为全面纳入法治轨道”的总目标。'],
      ['共办理案件12 件 ，办结率100%。', '共办理案件12件，办结率100%。'],
      // fx361.cc (a journal article on township rule of law): a space before 《
      ['中共中央国务院印发的 《法治政府建设实施纲要》明确了目标。', '中共中央国务院印发的《法治政府建设实施纲要》明确了目标。'],
    ];
    for (const [text, fixed] of cases) {
      const fs = findings(RULE, text);
      assert.ok(fs.length > 0 && fs.every((f) => f.fix), text);
      assert.equal(assertIdempotent(RULE, text), fixed);
    }
    const [quote] = findings(RULE, cases[3][0]);
    assert.equal(quote.message, '标点前后不应有空格：「委及社区 “两委”」应为「委及社区“两委”」。');
  });

  it('flags a space after a heading marker that has its own mark (dev 087: (一) 加強; seed 002: （1） 进一步), with a fix', () => {
    const text = '一、 健全完善机制\n\n(一) 加強鄉鎮政府職能轉變，優化公共服務體系。\n\n（1） 进一步提高依法行政水平。';
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => [f.line, f.column]), [[1, 3], [3, 4], [5, 4]]);
    assert.equal(fs[1].message, '标题序号后不应有空格：“(一) 加強鄉”应为“(一)加強鄉”。');
    assert.equal(assertIdempotent(RULE, text), '一、健全完善机制\n\n(一)加強鄉鎮政府職能轉變，優化公共服務體系。\n\n（1）进一步提高依法行政水平。');
  });

  it('leaves layout spaces alone: heading markers, phrases of a heading, a slogan or a book title, run-in headings, signatures, tables', () => {
    const text = [
      '第一部分 健全完善机制 推动法治建设',
      '以“加强法治政府建设 打造人民满意政府”为主题开展活动，邀请专家作《铸牢中华民族共同体意识 推动新时代党的民族工作高质量发展》专题讲座。',
      '一、加强组织领导,确保法治创建活动落到实处 今年以来,我镇继续坚持和完善党委统一领导的工作格局。',
      '联系人：张 三  联系电话：0771-1234567',
      '| 项目 | 完成 情况 |',
      '|---|---|',
      '| 学法 | 已完成 |',
      '王鲍镇人民政府　　2024年3月1日',
      '深入贯   彻落实（三个以上的空格是排版）。',
      // a book title of two phrases (baogaosu.com), a headline and a photo credit (2026 provincial government work reports)
      '习近平总书记作的《决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利》明确了总目标。',
      '四川干部群众热议政府工作报告 以奋勇争先之姿，乘势而为',
      '自治区人民政府主席作政府工作报告。本报记者 韩卿立 摄',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line} ${f.message}`), []);
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

  // dev 121 (石鼻镇 2024 mirror): joint issuers above the title; dev 138 (甘州区城市管理局 2025) and dev 075 (聚奎镇 2021):
  // a title set as issuer ⏎ 关于… and run into one line — annotated once as a defect and once not: a hint.
  it('joint issuers on one line are not flagged; a space between the issuer and 关于 in the title is a hint (info)', () => {
    const joint = '中共石鼻镇委员会 石鼻镇人民政府\n石鼻镇2024年法治政府建设工作情况报告\n\n2024年,石鼻镇坚持以习近平新时代中国特色社会主义思想为指导,全面推进依法行政。\n';
    assert.deepEqual(findings(RULE, joint), []);
    const issuer = '甘州区城市管理局 关于2025年法治政府建设情况的报告\n\n2025年,区城市管理局坚持以习近平法治思想为指导,全面推进依法行政。\n';
    const fs = findings(RULE, issuer);
    assert.deepEqual(coveredAll(issuer, fs), [' ']);
    assert.equal(fs[0].severity, 'info');
    const inner = '红星镇法治政府建设 工作报告\n\n2023年,红星镇坚持以习近平法治思想为指导,全面推进依法行政。\n';
    assert.equal(findings(RULE, inner)[0]?.severity, 'warning');
  });

  // dev 187 (浚县 2024): the party committee's short name and the government, the title following on the same line.
  it('joint issuers before the title on one line (中共浚县县委 浚县人民政府关于…) are not flagged; a space inside a name is', () => {
    const body = '\n\n2024年,浚县坚持以习近平法治思想为指导,全面推进依法行政。\n';
    for (const t of ['中共浚县县委 浚县人民政府关于2024年法治政府建设情况的报告', '中共浚县县委  浚县人民政府2024年法治政府建设情况报告', '中共红星镇党委 红星镇人民政府关于2024年法治政府建设情况的报告']) {
      assert.deepEqual(findings(RULE, t + body), [], t);
    }
    const inside = '中共浚县县委 浚县人民 政府关于2024年法治政府建设情况的报告';
    assert.ok(findings(RULE, inside + body).some((f) => f.start === inside.indexOf('人民 政府') + 2));
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

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'cjk-spacing', defect: '数字与汉字间的空格', inject: (t) => recall.replaceOnce(t, '参训人员860人次', '参训人员860 人次'), match: ' ' });
