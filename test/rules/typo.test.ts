import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { applyFixes } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'typo';
const data = JSON.parse(readFileSync(new URL('../../rules/typo.json', import.meta.url), 'utf8')) as { entries: { wrong?: string; right: string }[] };
const schema = JSON.parse(readFileSync(new URL('../../rules/schema/substitution.schema.json', import.meta.url), 'utf8'));

describe('typo', () => {
  it('flags a known wrong word with a precise range, a message naming both words and a minimal replace fix', () => {
    const text = '没有使用喜闻悦见的宣传方法，要再接再励。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['喜闻悦见', '再接再励']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /“喜闻悦见”应为“喜闻乐见”/);
    assert.deepEqual(fs[0].data, { wrong: '喜闻悦见', right: '喜闻乐见' });
    assert.deepEqual(fs[0].fix!.edits.map((e) => [text.slice(e.start, e.end), e.newText]), [['悦', '乐']]);
    assert.equal(assertIdempotent(RULE, text), '没有使用喜闻乐见的宣传方法，要再接再厉。');
  });

  it('finds the real defects: 确实加强 → 切实加强, 推荐法治政府建设 → 推进, 度过难关, 截止目前, 布署', () => {
    const text = '确实加强组织领导，推荐法治政府建设，帮助企业度过难关，截止目前已布署到位。';
    assert.equal(assertIdempotent(RULE, text), '切实加强组织领导，推进法治政府建设，帮助企业渡过难关，截至目前已部署到位。');
  });

  it('does not flag correct words that contain or border a listed wrong word', () => {
    const text = [
      '我镇确实加强了管理，切实加强组织领导。',
      '积极推荐法治政府建设示范项目。',
      '在报刊发布署名文章，公布署名单位。',
      '按装修标准验收，按装机容量计算。',
      '坚持不泄露国家秘密。',
      '截止到目前，报名截止日期为3月1日。',
      '营造平安祥和的节日氛围，贯彻落实决策部署。',
      '预防犯罪，加强人事绩效考核。',
      '运行`喜闻悦见`命令。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line} ${f.message}`), []);
  });

  it('matches across a pinyin annotation and edits only the wrong character', () => {
    const text = '喜聞(wén)悅見不如喜闻(wén)悦见。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['喜闻(wén)悦见']);
    assert.equal(applyFixes(text, fs).text, '喜聞(wén)悅見不如喜闻(wén)乐见。');
  });

  it('in a report configured as traditional script, matches and replaces in traditional characters', () => {
    const text = '我們要再接再勵，貫切落實。';
    const config = { script: 'traditional' as const };
    assert.deepEqual(coveredAll(text, findings(RULE, text, config)), ['再接再勵', '貫切落實']);
    assert.equal(assertIdempotent(RULE, text, config), '我們要再接再厲，貫徹落實。');
  });

  it('is extendable in the config (string or entry with reason) and can be switched off', () => {
    const text = '这份报告的错字很多，还有别子。';
    assert.deepEqual(findings(RULE, text), []);
    const config = { rules: { typo: { extend: { 错字: '正字', 别子: { right: '别字', reason: '“别字”' } } } } };
    const fs = findings(RULE, text, config);
    assert.deepEqual(coveredAll(text, fs), ['错字', '别子']);
    assert.match(fs[1].message, /“别子”应为“别字”。“别字”/);
    assert.equal(assertIdempotent(RULE, text, config), '这份报告的正字很多，还有别字。');
    assert.equal(findings(RULE, '喜闻悦见', { rules: { typo: 'off' } }).length, 0);
  });

  it('knows the common wrong words of official writing (坐谈会, 签定, 截止2023年底, 因地治宜, 恪尽职守, 台帐…)', () => {
    const text = [
      '召开坐谈会，签定责任书，截止2023年底建立工作台帐，截止年底完成。',
      '坚持因地治宜、事必恭亲，防范于未然，问题在所难免而非再所难免。',
      '干部格尽职守、雷励风行，一以惯之，行稳至远，庚续红色血脉。',
      '严历打击违法犯罪，励行节约，接诉既办，把规划付诸于实施，撤消行政许可，依法赔尝。',
      '报名截至日期为3月1日，以致于工作滞后，结果不尽人意。',
    ].join('\n\n');
    assert.equal(
      assertIdempotent(RULE, text),
      [
        '召开座谈会，签订责任书，截至2023年底建立工作台账，截至年底完成。',
        '坚持因地制宜、事必躬亲，防患于未然，问题在所难免而非在所难免。',
        '干部恪尽职守、雷厉风行，一以贯之，行稳致远，赓续红色血脉。',
        '严厉打击违法犯罪，厉行节约，接诉即办，把规划付诸实施，撤销行政许可，依法赔偿。',
        '报名截止日期为3月1日，以至于工作滞后，结果不尽如人意。',
      ].join('\n\n'),
    );
  });

  it('leaves correct words that border the new entries alone (抽签定, 标签定位, 全部份额, 舞台帐幕, 缺陷井盖, 激发韧劲…)', () => {
    const text = [
      '通过抽签定顺序，利用电子标签定位，与企业签订合同。',
      '截止到2023年底，报名于3月1日截止，截至2023年底共办结52件。',
      '按全部份额分配，舞台帐幕更新，排查缺陷井盖，东拼西凑和弄虚作假，结构紧凑和布局合理。',
      '激发韧劲，提升城市发展韧性，形势严峻工作繁重，黄山松驰名中外。',
      '撤消防站点不在本次范围。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line} ${f.message}`), []);
  });

  it('in a traditional report, the context exceptions apply in traditional characters too (發佈署名, 按裝機)', () => {
    const text = '在報刊發佈署名文章，公佈署名單位；按裝機容量計算；積極佈署工作。';
    const config = { script: 'traditional' as const };
    assert.deepEqual(coveredAll(text, findings(RULE, text, config)), ['佈署']);
    assert.equal(findings(RULE, text, config)[0].start, text.lastIndexOf('佈署'));
  });

  it('knows the synonym-spun wording of doc-share sites (dev 004; a wnwk.com copy): 根本情况, 法治根底, 经济开展, 效劳, 宣扬教育…', () => {
    const text = [
      '一、根本情况。不断夯实法治根底，将法治思维融入经济开展、体制改革、民生保障，为长征各工程标任务的完成提供保障。',
      '完善政府信息公开指南。标准依申请公开的办理流程，健全镇行政效劳中心，开展法律学问竞赛，加强法治宣扬教育阵地建设，亲热干群关系。',
    ].join('\n\n');
    assert.equal(
      assertIdempotent(RULE, text),
      [
        '一、基本情况。不断夯实法治基础，将法治思维融入经济发展、体制改革、民生保障，为长征各项目标任务的完成提供保障。',
        '完善政府信息公开指南。规范依申请公开的办理流程，健全镇行政服务中心，开展法律知识竞赛，加强法治宣传教育阵地建设，密切干群关系。',
      ].join('\n\n'),
    );
    const more = '严峻执法，专题争辩部署，亲热联系群众，提供志愿效劳，保护学问产权，做为试点，既使如此，一些列措施，拔打热线。';
    assert.equal(assertIdempotent(RULE, more), '严格执法，专题研究部署，密切联系群众，提供志愿服务，保护知识产权，作为试点，即使如此，一系列措施，拨打热线。');
    assert.deepEqual(findings(RULE, '把学法叫做为主要任务，一些列为重点，海拔打造景区，形势严峻执法任务重。'), []);
    // 经济开展 followed by what is being carried out is correct.
    assert.deepEqual(findings(RULE, '围绕辖区经济开展调研，结合市场经济开展专项检查。'), []);
  });

  it('knows near-homophone and near-form substitutions in collocations (体质改革, 聚集目标, 办政大厅 as in dev 009, 人民调节…)', () => {
    const text = '深化行政体质改革，聚集目标任务，在办政大厅设置窗口，人民调节员调节纠纷，落实双随即抽查和告之承诺制，推进减政放权，执法纪录仪全覆盖。';
    assert.equal(
      assertIdempotent(RULE, text),
      '深化行政体制改革，聚焦目标任务，在办证大厅设置窗口，人民调解员调解纠纷，落实双随机抽查和告知承诺制，推进简政放权，执法记录仪全覆盖。',
    );
    assert.deepEqual(findings(RULE, '学生体质监测，人员聚集场所，调节水价，调节气氛，一双随即离开的手。'), []);
    // dev 084: 事故期数 (accidents are counted in 起)
    assert.equal(assertIdempotent(RULE, '事故期数、死亡人数同比均下降47.06%。'), '事故起数、死亡人数同比均下降47.06%。');
  });

  it('knows near-form characters confused by scanning and PDF conversion (法冶, 己经, 自已, 末来) without touching the words they border', () => {
    const text = '推进法冶政府建设，开展综合冶理，己经完成整冶任务，依靠自已力量，面向末来，克服形势主义，化解茅盾纠纷，实现全复盖。';
    assert.equal(assertIdempotent(RULE, text), '推进法治政府建设，开展综合治理，已经完成整治任务，依靠自己力量，面向未来，克服形式主义，化解矛盾纠纷，实现全覆盖。');
    const fine = '掌握冶金方法冶炼技术，各自已有分工，来自已建成的项目，自己经营，发展悦己经济（2026年贵州省政府工作报告），周末来加班，毕竟争取到了，公安照片比对，大冶理事会，形势多样化。';
    assert.deepEqual(findings(RULE, fine), []);
  });

  it('knows the common miswritten idioms and words of a public list (以身做则, 急燥, 潜移墨化, 必竟…), not the words they border', () => {
    const text = '领导干部以身做则，工作不急燥，潜移墨化地影响群众，必竟任务繁重，要按耐不住也得坚持，学以至用。';
    assert.equal(assertIdempotent(RULE, text), '领导干部以身作则，工作不急躁，潜移默化地影响群众，毕竟任务繁重，要按捺不住也得坚持，学以致用。');
    const fine = '神秘决定，何必竟是如此，地震摄影展，权威摄影师，补偿试点，金融恰好，变迁徒增烦恼。';
    assert.deepEqual(findings(RULE, fine), []);
  });

  // Injected into the opening of a real report (广州市卫生健康委 2024, http://wjw.gz.gov.cn/ztzl/wsjkpf/content/post_10092410.html):
  // the wrong forms of the words of that prose, from the common-error lists of 公文 (部暑, 合法性审察, 统筹兼固…).
  it('knows the miswritten words of rule-of-law prose (决策部属, 合法性审察, 行政复仪, 规范行文件, 常抓不泄…), not the words they border', () => {
    const text = '委主要负责人多次主持会议专题研究立法、规范行文件、行政复仪和行政诉送、执法监督等法治建设工作，落实合法性审察，贯彻市委决策部属，统筹兼固、常抓不泄，关健在于依法行正。';
    assert.equal(
      assertIdempotent(RULE, text),
      '委主要负责人多次主持会议专题研究立法、规范性文件、行政复议和行政诉讼、执法监督等法治建设工作，落实合法性审查，贯彻市委决策部署，统筹兼顾、常抓不懈，关键在于依法行政。',
    );
    const fine = '有关健全制度的意见，机关健身活动，按排名先后公布，推委员会审议的部属单位名单。';
    assert.deepEqual(findings(RULE, fine), []);
  });

  // https://tjxzf.gov.cn/public/6600991/13696721.html (龙凤场镇 2021): “一、党政主要负责人履行第一责任情况”;
  // dev 120 (https://www.yunan.gov.cn/yfyaza/gkmlpt/content/1/1558/post_1558009.html): “切实履行了推进法治建设第一责任职责” — 人 (and 职责) lost from the statutory phrase.
  it('completes 履行第一责任情况 and 推进法治建设第一责任职责 without doubling 职责', () => {
    const text = '一、党政主要负责人履行第一责任情况\n本镇党政主要负责人切实履行了推进法治建设第一责任职责,发挥党总揽全局作用。';
    assert.equal(
      assertIdempotent(RULE, text),
      '一、党政主要负责人履行第一责任人职责情况\n本镇党政主要负责人切实履行了推进法治建设第一责任人职责,发挥党总揽全局作用。',
    );
    assert.deepEqual(findings(RULE, '党委书记履行第一责任人职责,落实主体责任。'), []);
  });

  it('a stray character inside a set phrase (dev 054: 营造安良好, 积极谈探索): reported, deletion offered as a suggestion only', () => {
    const text = '共和乡党委、政府营造安良好的法治环境，积极谈探索基层治理新模式。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['营造安良好', '积极谈探索']);
    assert.match(fs[0].message, /“营造安良好”应为“营造良好”。“营造良好”中多了一个字/);
    assert.ok(fs.every((f) => !f.fix && f.suggestions?.length === 1));
    assert.equal(applyFixes(text, fs.map((f) => ({ ...f, fix: f.suggestions![0] }))).text, '共和乡党委、政府营造良好的法治环境，积极探索基层治理新模式。');
    // More set phrases of official writing (adverb + verb), the excluded characters generated from jieba's word list.
    const more = '深入谈贯彻落实，严格严落实责任，依法依履行职责。';
    assert.deepEqual(coveredAll(more, findings(RULE, more)), ['深入谈贯彻', '严格严落实', '依法依履行']);
    // 加大力度推进: 力度 is a word, 度 no stray character (2026 provincial government work reports).
    const fine = '营造了良好氛围，营造出良好环境，积极地探索，认真抓落实，全面再推进，切实地加强，深入推进依法行政，高度重视，加大力度推进，严格依法落实。';
    assert.deepEqual(findings(RULE, fine), []);
  });

  it('a two-character word typed twice (配合配合, 加强加强): reported with the deletion as a suggestion; reduplications that are words are not', () => {
    const text = '各部门要密切配合配合，加强加强组织领导。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['配合配合', '加强加强']);
    assert.equal(fs[0].message, '词语重复：“配合配合”疑为多打了一遍，应为“配合”。');
    assert.ok(fs.every((f) => !f.fix));
    assert.equal(applyFixes(text, fs.map((f) => ({ ...f, fix: f.suggestions![0] }))).text, '各部门要密切配合，加强组织领导。');
    const fine = '一步一步推进，一点一点落实，是不是不够，哈哈哈哈，研究研究再定，认认真真、踏踏实实，方方面面，城关镇镇长，实现村村通、镇镇有。';
    assert.deepEqual(findings(RULE, fine), []);
  });

  it('dictionary: valid against its schema; no right word is itself flagged (fixes are idempotent)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const rights = data.entries.map((e: { right: string }) => e.right).join('。\n\n');
    assert.deepEqual(findings(RULE, rights).map((f) => f.message), []);
  });

  it('seed 001: 喜闻悦见 on line 59; nothing on the clean fixtures', () => {
    assert.ok(findings(RULE, seed('001')).some((f) => f.line === 59 && f.data.wrong === '喜闻悦见'));
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'typo', defect: '错别字“再接再励”', inject: (t) => recall.replaceOnce(t, '确保各项目标任务如期完成。', '再接再励，确保各项目标任务如期完成。'), match: '再接再励' });
