// Recall probe: the clean Markdown county report (test/fixtures/clean-md/01)
// with exactly one defect injected per rule of docs/rules.md. Each defect
// must be found by the right rule, and the finding's range must cover
// exactly the offending text (document-level findings: the right part).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint, RULES, type Finding } from '../server/src/index.js';

const CLEAN = readFileSync(fileURLToPath(new URL('./fixtures/clean-md/01-county-headings.md', import.meta.url)), 'utf8');

/** Replaces the single occurrence of `from` (the anchor must be unique, so the injection is where we think). */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `anchor not in fixture: ${from}`);
  assert.equal(text.indexOf(from, at + 1), -1, `anchor not unique: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The text between two anchors, inclusive of the first and exclusive of the second. */
function between(text: string, from: string, to: string): string {
  const s = text.indexOf(from);
  const e = text.indexOf(to, s);
  assert.ok(s >= 0 && e > s, `no section between ${from} and ${to}`);
  return text.slice(s, e);
}

interface Case {
  rule: string;
  defect: string;
  inject: (text: string) => string;
  /** The text the finding's range must cover exactly; or, for document-level findings, the part. */
  match?: string;
  part?: string;
}

const SHORTCOMINGS = between(CLEAN, '## 二、', '## 三、');
const FIRST_RESPONSIBLE = between(CLEAN, '## 三、', '## 四、');

const CASES: Case[] = [
  {
    rule: 'required-section',
    defect: '删去“五、其他需要报告的情况”整节',
    inject: (t) => t.replace(between(t, '## 五、', '宁远县人民政府\n\n2025年'), ''),
    part: 'other',
  },
  {
    rule: 'section-incomplete',
    defect: '不足部分删去“究其原因”段，标题只写“存在的不足”',
    inject: (t) => replaceOnce(t.replace(/究其原因，[^\n]*\n\n/, ''), '建设存在的不足和原因', '建设存在的不足'),
    match: '2024年推进法治政府建设存在的不足',
  },
  {
    rule: 'section-order',
    defect: '第一责任人一节移到不足之前（编号随之调整）',
    inject: (t) =>
      t.replace(SHORTCOMINGS + FIRST_RESPONSIBLE, FIRST_RESPONSIBLE.replace('## 三、', '## 二、') + SHORTCOMINGS.replace('## 二、', '## 三、')),
    match: '二、2024年党政主要负责人履行推进法治建设第一责任人职责情况',
  },
  { rule: 'heading-numbering', defect: '（三）写成（四）', inject: (t) => replaceOnce(t, '### （三）深化', '### （四）深化'), match: '（四）' },
  { rule: 'item-sequence', defect: '三是写成四是', inject: (t) => replaceOnce(t, '三是法治宣传教育', '四是法治宣传教育'), match: '四是' },
  {
    rule: 'title',
    defect: '标题缺少年度',
    inject: (t) => replaceOnce(t, '# 宁远县人民政府关于2024年法治政府建设情况的报告', '# 宁远县人民政府关于法治政府建设情况的报告'),
    match: '宁远县人民政府关于法治政府建设情况的报告',
  },
  {
    rule: 'year-consistency',
    defect: '下一年度部分写成2026年',
    inject: (t) => replaceOnce(t, '## 四、2025年推进', '## 四、2026年推进'),
    match: '2026年',
  },
  { rule: 'mixed-script', defect: '繁体字“堅”', inject: (t) => replaceOnce(t, '市政府的坚强领导', '市政府的堅强领导'), match: '堅' },
  { rule: 'pinyin-residue', defect: '拼音注音残留', inject: (t) => replaceOnce(t, '县政府法律顾问全年', '县(xiàn)政府法律顾问全年'), match: '(xiàn)' },
  {
    rule: 'conversion-artifact',
    defect: '网页残留“扫一扫在手机打开当前页”',
    inject: (t) => replaceOnce(t, '现将有关情况报告如下。\n', '现将有关情况报告如下。\n\n扫一扫在手机打开当前页\n'),
    match: '扫一扫在手机打开当前页',
  },
  {
    rule: 'broken-paragraph',
    defect: '段落在句中被空行截断',
    inject: (t) => replaceOnce(t, '举办领导干部法治专题讲座4期', '举办领导干部法治专题\n\n讲座4期'),
    match: '题\n\n讲',
  },
  { rule: 'placeholder', defect: '占位符XX', inject: (t) => replaceOnce(t, '审核合同112件', '审核合同XX件'), match: 'XX' },
  {
    rule: 'foreign-entity',
    defect: '其他部分写成另一个县的名称',
    inject: (t) => replaceOnce(t, '2024年，宁远县人民政府未发生', '2024年，蓝山县人民政府未发生'),
    match: '蓝山县',
  },
  {
    rule: 'duplicate-text',
    defect: '同一段落重复出现',
    inject: (t) => replaceOnce(t, '推动领导干部带头尊法学法守法用法。\n', '推动领导干部带头尊法学法守法用法。\n\n把习近平法治思想纳入县政府常务会议会前学法和干部教育培训的重要内容，推动领导干部带头尊法学法守法用法。\n'),
    match: '把习近平法治思想纳入县政府常务会议会前学法和干部教育培训的重要内容，推动领导干部带头尊法学法守法用法。',
  },
  {
    rule: 'date-format',
    defect: '年份范围丢失破折号',
    inject: (t) => replaceOnce(t, '全面落实《法治政府建设实施纲要（2021—2025年）》', '全面落实《法治政府建设实施纲要（20212025年）》'),
    match: '20212025年',
  },
  { rule: 'cjk-spacing', defect: '数字与汉字间的空格', inject: (t) => replaceOnce(t, '参训人员860人次', '参训人员860 人次'), match: ' ' },
  { rule: 'halfwidth-punctuation', defect: '半角逗号', inject: (t) => replaceOnce(t, '绩效考核，考核权重', '绩效考核,考核权重'), match: ',' },
  { rule: 'unpaired-punctuation', defect: '引号未闭合', inject: (t) => replaceOnce(t, '“枫桥经验”', '“枫桥经验'), match: '“枫桥经验' },
  {
    rule: 'end-punctuation',
    defect: '段末缺句号',
    inject: (t) => replaceOnce(t, '参训人员860人次。', '参训人员860人次'),
    match: '全年组织县政府常务会议会前学法12次，举办领导干部法治专题讲座4期，参训人员860人次',
  },
  { rule: 'typo', defect: '错别字“再接再励”', inject: (t) => replaceOnce(t, '确保各项目标任务如期完成。', '再接再励，确保各项目标任务如期完成。'), match: '再接再励' },
  {
    rule: 'terminology',
    defect: '“法制建设第一责任人”',
    inject: (t) => replaceOnce(t, '认真履行推进法治建设第一责任人职责，对法治政府', '认真履行推进法制建设第一责任人职责，对法治政府'),
    match: '法制建设第一责任人',
  },
  {
    rule: 'outdated-reference',
    defect: '引用已废止的2015—2020年纲要',
    inject: (t) => replaceOnce(t, '全面落实《法治政府建设实施纲要（2021—2025年）》', '全面落实《法治政府建设实施纲要（2015—2020年）》'),
    match: '法治政府建设实施纲要（2015—2020年）',
  },
];

/** The same kind of probe inside Markdown constructs of the other fixtures: list item, table cell, bold run-in heading, blockquote, link text. */
const MARKDOWN_CASES: (Case & { file: string })[] = [
  { file: '02-department-lists.md', rule: 'halfwidth-punctuation', defect: '列表项中的半角逗号', inject: (t) => replaceOnce(t, '规范性文件、重大合同', '规范性文件,重大合同'), match: ',' },
  { file: '02-department-lists.md', rule: 'halfwidth-punctuation', defect: '表格单元格中的半角括号', inject: (t) => replaceOnce(t, '| 行政复议案件（件） |', '| 行政复议案件(件) |'), match: '(件)' },
  { file: '02-department-lists.md', rule: 'halfwidth-punctuation', defect: '加粗小标题中的半角冒号', inject: (t) => replaceOnce(t, '**强化统筹协调。**', '**强化统筹协调:**'), match: ':' },
  { file: '02-department-lists.md', rule: 'placeholder', defect: '表格单元格中的占位符', inject: (t) => replaceOnce(t, '| 798 | 865 |', '| XX | 865 |'), match: 'XX' },
  { file: '02-department-lists.md', rule: 'typo', defect: '加粗小标题中的错别字', inject: (t) => replaceOnce(t, '**推进依法行政。**', '**确实加强依法行政。**'), match: '确实加强' },
  { file: '02-department-lists.md', rule: 'cjk-spacing', defect: '列表项中的空格', inject: (t) => replaceOnce(t, '同比增长3.5%', '同比增长 3.5%'), match: ' ' },
  { file: '02-department-lists.md', rule: 'mixed-script', defect: '链接文字中的繁体字', inject: (t) => replaceOnce(t, '[司法部]', '[司法部門]'), match: '門' },
  { file: '02-department-lists.md', rule: 'halfwidth-punctuation', defect: '引用块中的半角逗号', inject: (t) => replaceOnce(t, '群众的获得感是检验', '群众的获得感,是检验'), match: ',' },
  { file: '02-department-lists.md', rule: 'heading-numbering', defect: '有序列表跳号', inject: (t) => replaceOnce(t, '2. 持续提升行政复议', '3. 持续提升行政复议'), match: '3.' },
  {
    file: '02-department-lists.md',
    rule: 'duplicate-text',
    defect: '列表项重复粘贴并续编号',
    inject: (t) => replaceOnce(t, '3. 推进公共法律服务均衡发展，加大对农村地区的资源投入。\n', '3. 推进公共法律服务均衡发展，加大对农村地区的资源投入。\n4. 推进公共法律服务均衡发展，加大对农村地区的资源投入。\n'),
    match: '4. 推进公共法律服务均衡发展，加大对农村地区的资源投入。',
  },
  { file: '04-town-frontmatter.md', rule: 'foreign-entity', defect: '其他部分照抄邻镇的句子', inject: (t) => replaceOnce(t, '2024年，双河镇未发生', '2024年，石桥镇未发生'), match: '石桥镇' },
  { file: '04-town-frontmatter.md', rule: 'placeholder', defect: '删去地名的“委、政府”', inject: (t) => replaceOnce(t, '在县委、县政府的坚强领导下', '在委、政府的坚强领导下'), match: '委、政府' },
  { file: '02-department-lists.md', rule: 'foreign-entity', defect: '部门报告中出现另一地区同名部门的名称', inject: (t) => replaceOnce(t, '2024年，我局未发生', '2024年，扬州市司法局未发生'), match: '扬州市司法局' },
  { file: '04-town-frontmatter.md', rule: 'section-incomplete', defect: '标题为“存在的不足和原因”，正文只列不足、不写原因', inject: (t) => replaceOnce(t, '究其原因，一方面是对村干部的法治培训还不够系统，考核中法治内容所占比重偏低；另一方面是镇级执法力量配备不足，引进法律专业人才的渠道不畅。\n\n', ''), match: '存在的不足和原因' },
  { file: '03-subdistrict-plain.md', rule: 'broken-paragraph', defect: '无空行的硬换行截断', inject: (t) => replaceOnce(t, '法治建设工作领导小组', '法治建设\n工作领导小组'), match: '设\n工' },
];

/** Defects the checker misses today (recall gaps), kept visible as pending tests. */
const KNOWN_MISSES: { rule: string; defect: string; why: string }[] = [
  {
    rule: 'end-punctuation',
    defect: '有序列表项“2. …缩短10%”缺句号',
    why: 'a numbered one-sentence line without 。 cannot be told from a heading (1. 加强队伍建设), so it is read as one',
  },
];

const show = (text: string, f: Finding) => `${f.line}:${f.column} ${f.rule} [${text.slice(f.start, f.end)}] ${f.message}`;

describe('recall: one injected defect per rule in the clean Markdown county report', () => {
  it('the cases cover every registered rule', () => {
    assert.deepEqual(CASES.map((c) => c.rule).sort(), RULES.map((r) => r.id).sort());
  });

  it('the uninjected report is clean', () => {
    assert.deepEqual(lint(CLEAN).findings.map((f) => show(CLEAN, f)), []);
  });

  const fixtures = new Map<string, string>();
  const fixture = (file: string) => {
    if (!fixtures.has(file)) fixtures.set(file, readFileSync(fileURLToPath(new URL(`./fixtures/clean-md/${file}`, import.meta.url)), 'utf8'));
    return fixtures.get(file)!;
  };

  for (const c of [...CASES, ...MARKDOWN_CASES]) {
    const file = 'file' in c ? (c.file as string) : undefined;
    it(`${c.rule}: ${c.defect}${file ? ` (${file})` : ''}`, () => {
      const text = c.inject(file ? fixture(file) : CLEAN);
      assert.notEqual(text, file ? fixture(file) : CLEAN, 'the injection changed the text');
      const findings = lint(text).findings;
      const own = findings.filter((f) => f.rule === c.rule);
      const all = findings.map((f) => show(text, f)).join('\n');
      if (c.part) {
        assert.ok(own.some((f) => f.data.part === c.part), `no ${c.rule} finding for part ${c.part}; got:\n${all}`);
      } else {
        assert.ok(
          own.some((f) => text.slice(f.start, f.end) === c.match),
          `no ${c.rule} finding covering exactly "${c.match}"; got:\n${all}`,
        );
      }
    });
  }

  // Pending (no callback): listed by mocha as pending, with the reason in the title.
  for (const m of KNOWN_MISSES) it(`KNOWN MISS ${m.rule}: ${m.defect} — ${m.why}`);
});
