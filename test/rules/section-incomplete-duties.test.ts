// section-incomplete, the 第一责任人 part: what the principal leaders did (学法, 述法, 研究部署, 出庭应诉).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { CLEAN_TOWN, cleanFiles, findings, seed } from './helpers.js';

const RULE = 'section-incomplete';
const duties = (text: string, config?: object) => findings(RULE, text, config as never).filter((f) => f.data.part === 'first-responsible');

function county(firstResponsible: string): string {
  return [
    '宁远县人民政府关于2024年法治政府建设情况的报告',
    '一、2024年推进法治政府建设的主要举措和成效',
    '全年各类调解组织受理矛盾纠纷3015件，调解成功2968件。',
    '二、存在的不足和原因',
    '一是基层执法力量不足。究其原因，编制调整滞后。',
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    firstResponsible,
    '四、2025年推进法治政府建设的主要安排',
    '（一）深入学习贯彻习近平法治思想，县政府常务会议会前学法不少于12次。',
    '五、其他需要报告的情况',
    '2024年，宁远县人民政府未发生因违法行政被上级机关通报批评的情况。',
    '',
  ].join('\n');
}

describe('section-incomplete: the 第一责任人 part', () => {
  it('a county part that only repeats the duty: one info listing every missing item, at the heading', () => {
    const text = county('县政府主要负责人认真履行推进法治建设第一责任人职责，高度重视法治政府建设，切实发挥了示范带头作用。');
    const fs = duties(text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'info');
    assert.deepEqual(fs[0].data.missing, ['study', 'report', 'deploy', 'court']);
    assert.match(fs[0].message, /没有写明主要负责人学法、述法、研究部署、出庭应诉的情况/);
    assert.equal(fs[0].line, 6);
    // Plans do not count: 会前学法 in the 下一年度安排 is not what was done.
  });

  it('a complete county part is silent (the real wording of clean-md/01)', () => {
    const text = county('县政府主要负责人认真履行推进法治建设第一责任人职责。全年主持召开县政府常务会议研究法治工作6次，带头讲授法治专题党课1次，带头出庭应诉行政案件2件，并在年度述职中专门报告履行推进法治建设第一责任人职责情况。');
    assert.deepEqual(duties(text), []);
  });

  it('names only what is missing; a duty told elsewhere in the report counts', () => {
    const text = county('县长带头在年终述职中述法，全年主持召开县政府常务会议专题研究法治政府建设4次。');
    assert.deepEqual(duties(text)[0].data.missing, ['study', 'court']);
    const studiedElsewhere = text.replace('调解成功2968件。', '调解成功2968件。县政府坚持常务会议会前学法制度，全年学法12次；县长带头出庭应诉行政案件3件。');
    assert.deepEqual(duties(studiedElsewhere), []);
  });

  it('towns are not asked for 述法 or 出庭应诉; departments for 出庭应诉 only when they report lawsuits', () => {
    // CLEAN_TOWN: its part says the leader heard reports (研究部署); its measures tell of 学法用法.
    assert.deepEqual(duties(CLEAN_TOWN), []);
    const noStudy = CLEAN_TOWN.replace('（二）学法用法，保驾护航。', '（二）普法宣传，保驾护航。');
    assert.deepEqual(duties(noStudy).map((f) => f.data.missing), [['study']]);
    const town = noStudy.replace('定期听取法治建设工作汇报。', '定期听取法治建设工作汇报，带头参加理论学习中心组学法。');
    assert.deepEqual(duties(town), []);
    const department = county('局主要负责人全年主持召开局党组会议专题研究法治建设5次，带头讲授专题法治课1次，将履行第一责任人职责情况列入年终述职内容。')
      .replace('宁远县人民政府关于', '宁远县市场监督管理局关于')
      .replace(/宁远县人民政府未发生/, '我局未发生');
    assert.deepEqual(duties(department), []);
    const sued = department.replace('调解成功2968件。', '调解成功2968件。全年办理行政诉讼案件12件，败诉1件。');
    assert.deepEqual(duties(sued)[0].data.missing, ['court']);
  });

  it('nothing new on the seeds and the clean fixtures; the duty lists match their schema', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) assert.deepEqual(duties(seed(prefix)).map((f) => f.message), [], prefix);
    for (const { file, text } of cleanFiles()) assert.deepEqual(duties(text).map((f) => `${file} ${f.message}`), []);
    const data = JSON.parse(readFileSync(new URL('../../rules/section-incomplete.json', import.meta.url), 'utf8'));
    const schema = JSON.parse(readFileSync(new URL('../../rules/schema/section-incomplete.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });
});
