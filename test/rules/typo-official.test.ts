// typo: the confusion set of official writing (rules/typo.json) — set phrases of rule-of-law reports with a
// character dropped (generated from a list of fixed phrases, kept only where the reduced form is no word and
// crosses no word boundary in jieba's dictionary, then read one by one), homophone words inside set phrases
// (行政权利事项, 以人名为中心), common miswritings from public lists of 公文 errors (标本兼制, 违法必纠, 循私枉法…),
// and 余 after a one-digit count. Each with the correct form and its near neighbours, which must stay silent.
import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/index.js';
import { assertIdempotent, coveredAll, findings } from './helpers.js';

const RULE = 'typo';

describe('typo: set phrases of official writing', () => {
  it('a character dropped from a fixed phrase: reported with the phrase restored', () => {
    const text = [
      '坚持以习近平新时代中国特色社会主义想为指导，深入学习贯彻习近平法思想。',
      '严格落实行政执法三制度，全面推行证明事项告承诺制，扎实开展扫黑除恶专斗争。',
      '健全矛盾纠纷多化解机制，坚持和发展新时代枫经验，持续优化营环境。',
      '召开县委全面依法治县委会会议，严格执行重大行政策程序暂行条例，加强行政规性文件备案审查。',
      '各项制度不流形式，贯彻落实中共中心国务院关于法治政府建设的决策部署。',
    ].join('\n\n');
    assert.equal(
      assertIdempotent(RULE, text),
      [
        '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。',
        '严格落实行政执法三项制度，全面推行证明事项告知承诺制，扎实开展扫黑除恶专项斗争。',
        '健全矛盾纠纷多元化解机制，坚持和发展新时代枫桥经验，持续优化营商环境。',
        '召开县委全面依法治县委员会会议，严格执行重大行政决策程序暂行条例，加强行政规范性文件备案审查。',
        '各项制度不流于形式，贯彻落实中共中央国务院关于法治政府建设的决策部署。',
      ].join('\n\n'),
    );
    const fs = findings(RULE, '严格落实行政执法三制度。');
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /“行政执法三制度”应为“行政执法三项制度”。“行政执法三项制度”中脱漏了“项”字/);
    assert.deepEqual(fs[0].fix!.edits.map((e) => e.newText), ['项']);
  });

  it('collocations that recur across real reports, with a character dropped (深入推进依行政, 召开专会议, 情况报如下)', () => {
    const text = '深入推进依行政，提升依法行能力，召开专会议研究部署，现将2023年工作情况报如下。';
    assert.equal(assertIdempotent(RULE, text), '深入推进依法行政，提升依法行政能力，召开专题会议研究部署，现将2023年工作情况报告如下。');
    const fine = '全面实行行政执法公示制度，由县政府主负责同志牵头，用法治思维解决问题，围绕党中心工作，召开专题会研究，全面实行政务公开，其他需报告的事项，工作开展情况良好。';
    assert.deepEqual(findings(RULE, fine).map((f) => f.message), []);
  });

  it('the full phrases and their near neighbours are not reported (普法进乡村, 法规性文件, 一村一警, 以人为中心, 新发展局面…)', () => {
    const fine = [
      '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想和习近平总书记重要讲话精神。',
      '开展普法进乡村、进社区活动，落实法规性文件备案审查，推行一村一警和一村一法律顾问。',
      '坚持以人为中心的新型城镇化，每人最多一次，开创新发展局面，推进主流形式的交流与形式创新。',
      '制定行政裁量基准，执行处罚裁量基准，整治农村占用耕地建房，学习党的二大历史。',
      '习近平书记在浙江工作期间提出“八八战略”。中共中央、国务院印发《法治政府建设实施纲要（2021—2025年）》。',
      '严格落实行政执法三项制度，全面推行证明事项告知承诺制，健全矛盾纠纷多元化解机制，持续优化营商环境。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, fine).map((f) => `${f.line} ${f.message}`), []);
  });

  it('homophone words inside set phrases (权力/权利, 人民/人名, 中央/中心, 形式/形势, 体制/体质, 审查/审察)', () => {
    const text = '公布行政权利事项856项，把权利关进制度的笼子，坚持以人名为中心，贯彻党中心决策部署，防止学习流于形势，深化行政执法体质改革，开展公平竞争审察，落实权利清单和责任清单制度。';
    assert.equal(
      assertIdempotent(RULE, text),
      '公布行政权力事项856项，把权力关进制度的笼子，坚持以人民为中心，贯彻党中央决策部署，防止学习流于形式，深化行政执法体制改革，开展公平竞争审查，落实权力清单和责任清单制度。',
    );
    // 权利 of citizens and 监督权力/监督权利 are not always wrong: silent.
    const fine = '保障公民合法权利，依法行使监督权利，监督权力运行，维护人民群众合法权益，各类清单全力推进。';
    assert.deepEqual(findings(RULE, fine).map((f) => f.message), []);
  });

  it('common miswritings of the public lists of 公文 errors (标本兼治, 群防群治, 违法必究, 徇私枉法, 心无旁骛…)', () => {
    const text = '坚持标本兼制、群防群制，做到有法必依、执法必严、违法必纠，严防循私枉法、烂用职权，警钟常鸣，对证下药，心无旁鹜，尊纪守法，各施其职，宏扬法治精神，建立常效机制，开展明查暗访，久久为工，屡禁不至的问题得到整治，法治文化广场座落在镇中心，依规消毁涉密载体。';
    assert.equal(
      assertIdempotent(RULE, text),
      '坚持标本兼治、群防群治，做到有法必依、执法必严、违法必究，严防徇私枉法、滥用职权，警钟长鸣，对症下药，心无旁骛，遵纪守法，各司其职，弘扬法治精神，建立长效机制，开展明察暗访，久久为功，屡禁不止的问题得到整治，法治文化广场坐落在镇中心，依规销毁涉密载体。',
    );
    const fine = '屡禁不绝的问题，讲座落实到位，一座落成的新馆，常效果不佳，宏观扬帆，徇私舞弊，遵守纪律。';
    assert.deepEqual(findings(RULE, fine).map((f) => f.message), []);
  });

  it('synonym-spun wording of doc-share sites (营造杰出, 全会精力, 依法行政实力, 顺当推动, 教化系统)', () => {
    const text = '营造杰出的法治环境，学习全会精力，提升依法行政实力，确保各项工作顺当推动，在全县教化系统开展普法。';
    assert.equal(assertIdempotent(RULE, text), '营造良好的法治环境，学习全会精神，提升依法行政能力，确保各项工作顺利推进，在全县教育系统开展普法。');
    assert.deepEqual(findings(RULE, '集中精力抓落实，依法行政实施方案，顺当地推动，社会教化作用。').map((f) => f.message), []);
    const more = '推进法治当局扶植，主要担任人切实履行第一义务人职责，化解矛盾胶葛，深化人民调和，规范严重行政决策，召开政府常务集会，群众满足度明显提高，现将有关情况报告入下。';
    assert.equal(
      assertIdempotent(RULE, more),
      '推进法治政府建设，主要负责人切实履行第一责任人职责，化解矛盾纠纷，深化人民调解，规范重大行政决策，召开政府常务会议，群众满意度明显提高，现将有关情况报告如下。',
    );
    assert.deepEqual(findings(RULE, '驻地当局通报，扶植产业发展，担任人大代表，调和矛盾，群众满意度，严重违法行为，集会游行，报告出入下降。').map((f) => f.message), []);
  });

  it('法治 dropped after the report\'s year (2023年政府建设情况 in a rule-of-law report), not 数字政府建设 or a year of other work', () => {
    const text = '某某镇关于2023年政府建设情况的报告';
    assert.equal(assertIdempotent(RULE, text), '某某镇关于2023年法治政府建设情况的报告');
    assert.deepEqual(findings(RULE, '2023年数字政府建设情况，2023年政府建设项目，2023年法治政府建设情况的报告。').map((f) => f.message), []);
  });

  it('a stray character inside a set collocation of rule-of-law prose (贯彻实落实, 依法依行政, 合法性审审查): a suggestion only', () => {
    const text = '全面贯彻实落实党中央决策部署，坚持依法依行政，压实主体任责任，落实合法性审审查，化解矛盾纠纠纷，聘请法律顾顾问。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['贯彻实落实', '依法依行政', '主体任责任', '合法性审审查', '矛盾纠纠纷', '法律顾顾问']);
    assert.match(fs[0].message, /“贯彻实落实”应为“贯彻落实”。“贯彻落实”中多了一个字/);
    assert.ok(fs.every((f) => !f.fix && f.suggestions?.length === 1));
    // Function words and characters that make a word with a neighbour are not stray (贯彻和落实, 法治化建设, 法治县建设…).
    const fine = '贯彻并落实、贯彻和落实党中央决策再部署，推进法治化建设和法治县建设，压实党委主体责任，开展规范性文件合法性审查，加强法治宣传月教育活动，落实第一责任人职责。';
    assert.deepEqual(findings(RULE, fine).map((f) => f.message), []);
  });

  it('余 after a one-digit count (4余次): reported, the deletion only a suggestion; 10余次, 40余人, 1.5万余人 are right', () => {
    const text = '开展法治培训4余次，覆盖干部3余人。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['余次', '余人']);
    assert.match(fs[0].message, /“余次”应为“次”。“余”表示整数之后的零头/);
    assert.ok(fs.every((f) => !f.fix && f.suggestions?.length === 1));
    assert.equal(applyFixes(text, fs.map((f) => ({ ...f, fix: f.suggestions![0] }))).text, '开展法治培训4次，覆盖干部3人。');
    const fine = '开展法治培训10余次、40余场，覆盖干部1.5万余人、200余名，4次以上。';
    assert.deepEqual(findings(RULE, fine).map((f) => f.message), []);
  });
});
