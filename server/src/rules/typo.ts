// Known wrong words (喜闻悦见 → 喜闻乐见, 再接再励 → 再接再厉, 截止目前 → 截至目前):
// a dictionary in rules/typo.json, extendable in the config, matched in one
// pass over the prose view. Only words wrong in every context are listed.
import type { Rule } from '../engine/types.js';
import data from '../../../rules/typo.json';
import { checkDictionary, replaceMessage, type DictionaryFile, dictionaryExtendSchema } from './shared/dictionary.js';

const rule: Rule = {
  id: 'typo',
  severity: 'warning',
  tags: ['wording'],
  docs: {
    description: '使用了词典中收录的错别字或错误写法，如“喜闻悦见”“再接再励”“截止目前”。',
    why: '错别字损害公文的严肃性和公信力，年度报告须向社会公开，更应杜绝。词典只收在任何语境中都错误的写法。',
    basis: '《党政机关公文处理工作条例》第十九条（文字准确、规范）；《现代汉语词典》；《第一批异形词整理表》',
    howToFix: '改为正确写法（快速修复直接替换）；可在配置 "typo": {"extend": {"错字": "正字"}} 中追加本单位常见的错误写法。',
  },
  extendSchema: dictionaryExtendSchema(),
  check(context) {
    checkDictionary(context, data as DictionaryFile, (m) => replaceMessage(m, '用字错误：'));
  },
};

export default rule;
