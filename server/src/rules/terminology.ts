// Wrong or outdated official terms (法制建设第一责任人 → 法治建设第一责任人, 法制宣传日 → 国家宪法日), institution
// names replaced by the 2018–2019 reform (县法制办 → 县司法局; 原县法制办 is history and left alone), wording from
// before 2014 (法制化 → 法治化), and 汇报 in the framing of a formal report: the rule and its dictionary are
// rules/terminology.json. 法制 is flagged only inside fixed terms; 法制审核、法制机构 are correct.
import data from '../../../rules/terminology.json';
import { substitutionRule, type SubstitutionRuleFile } from './shared/dictionary.js';

export default substitutionRule(data as SubstitutionRuleFile);
