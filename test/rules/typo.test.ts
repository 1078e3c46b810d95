import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { applyFixes } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, coveredAll, findings, seed } from './helpers.js';

const RULE = 'typo';
const data = JSON.parse(readFileSync(new URL('../../rules/typo.json', import.meta.url), 'utf8')) as { entries: { wrong?: string; right: string }[] };
const schema = JSON.parse(readFileSync(new URL('../../rules/schema/typo.schema.json', import.meta.url), 'utf8'));

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
