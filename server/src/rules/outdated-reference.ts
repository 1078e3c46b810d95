// A superseded or misnamed document cited: 《法治政府建设实施纲要（2015—2020年）》
// in a report on 2021 or later, 《全面推进依法行政实施纲要》, 纲要（2022—2025年）
// (the real one is 2021—2025). Year-dependent entries use doc.meta.year and
// are skipped when the year reported on is unknown.
import type { Rule } from '../engine/types.js';
import data from '../../../rules/outdated-reference.json';
import { checkDictionary, replaceMessage, type DictionaryFile, dictionaryExtendSchema } from './shared/dictionary.js';

const rule: Rule = {
  id: 'outdated-reference',
  severity: 'warning',
  tags: ['wording', 'reference'],
  docs: {
    description: '引用了已失效或名称有误的文件，如在2021年及以后的报告中引用《法治政府建设实施纲要（2015—2020年）》，或写成“纲要（2022—2025年）”。',
    why: '年度报告应以现行文件为依据；引用已废止、已到期的文件或写错文件名称、年份，会使报告依据失据，也反映出起草不严谨。',
    basis: '《法治政府建设实施纲要（2021—2025年）》（中共中央、国务院，2021）；《法治政府建设与责任落实督察工作规定》（2019）',
    howToFix: '改为现行文件的规范名称（快速修复直接替换）；可在配置 "outdated-reference": {"extend": {"旧文件名": "新文件名"}} 中追加。',
  },
  extendSchema: dictionaryExtendSchema(),
  check(context) {
    const year = context.doc.meta.year;
    checkDictionary(context, data as DictionaryFile, (m) =>
      replaceMessage(m, m.entry.minYear && year ? `${year}年度报告引用的文件已失效或名称有误：` : '引用的文件名称有误或已失效：'),
    );
  },
};

export default rule;
