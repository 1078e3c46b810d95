// A superseded or misnamed document cited: 《法治政府建设实施纲要（2015—2020年）》 in a report on 2021 or later,
// 《全面推进依法行政实施纲要》, 纲要（2022—2025年） (the real one is 2021—2025), and plans past their period cited as
// current (纲要（2021—2025年）, “八五”普法 from 2026: info, a suggestion only). The rule and its data are
// rules/outdated-reference.json; year-dependent entries use doc.meta.year and are skipped when it is unknown.
import data from '../../../rules/outdated-reference.json';
import { substitutionRule, type SubstitutionRuleFile } from './shared/dictionary.js';

export default substitutionRule(data as SubstitutionRuleFile);
