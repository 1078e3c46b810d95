// Wrong or outdated official terms (法制建设第一责任人 → 法治建设第一责任人,
// 法制宣传日 → 国家宪法日) and 汇报 in the framing of a formal report
// (现将…汇报如下 → 报告如下): a dictionary in rules/terminology.json.
// 法制 is flagged only inside fixed terms; 法制审核、法制机构 are correct.
import type { Rule } from '../engine/types.js';
import data from '../../../rules/terminology.json';
import { checkDictionary, replaceMessage, type DictionaryFile, dictionaryExtendSchema } from './shared/dictionary.js';

const rule: Rule = {
  id: 'terminology',
  severity: 'warning',
  tags: ['wording'],
  docs: {
    description: '使用了错误或过时的法治术语，如“法制建设第一责任人”“法制宣传日”，或在正式报告的行文中用“汇报”。',
    why: '“法治”与“法制”含义不同，党的十五大以来的规范表述是“依法治国、建设社会主义法治国家”；《党政主要负责人履行推进法治建设第一责任人职责规定》等文件确定了规范名称。年度报告是向上级和社会公开的正式报告，不宜用口语化的“汇报”。',
    basis: '《党政主要负责人履行推进法治建设第一责任人职责规定》（2016）；《法治政府建设与责任落实督察工作规定》（2019）第二十五条；全国人大常委会关于设立国家宪法日的决定（2014）',
    howToFix: '改为规范用语（快速修复直接替换）；可在配置 "terminology": {"extend": {"旧说法": "新说法"}} 中追加。',
  },
  extendSchema: dictionaryExtendSchema(),
  check(context) {
    checkDictionary(context, data as DictionaryFile, (m) => replaceMessage(m, '用语不规范：'));
  },
};

export default rule;
