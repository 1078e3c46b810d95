// Helpers of the rule tests (test/rules/*.test.ts): one rule alone, the ranges it covers, its fixes applied
// once, and a small correct town report; seed and clean fixtures come from test/helpers/rules.ts.
import assert from 'node:assert/strict';
import { applyFixes, check, RULES, type ConfigObject, type Finding } from '../../server/src/index.js';
import { fixRules } from '../helpers/rules.js';

export { CORPUS, CLEAN, seed, cleanFiles, findings, assertIdempotent } from '../helpers/rules.js';

/** Findings of one rule, all other rules off (its own per-finding severities kept). */
export function run(rule: string, text: string, extra: Record<string, unknown> = {}): Finding[] {
  const rules: Record<string, unknown> = {};
  for (const r of RULES) if (r.id !== rule) rules[r.id] = 'off';
  const findings = check(text, { ...extra, rules: { ...rules, ...((extra.rules as object) ?? {}) } } as never);
  assert.deepEqual([...new Set(findings.map((f) => f.rule))].filter((id) => id !== rule), [], 'findings of another rule');
  return findings;
}

/** Applies the rule's fixes once; asserts that checking the result does not offer the applied fixes again. */
export function fixOnce(rule: string, text: string, extra: Record<string, unknown> = {}): string {
  const findings = run(rule, text, extra);
  const { text: fixed, applied } = applyFixes(text, findings);
  const again = run(rule, fixed, extra);
  for (const f of applied) {
    const same = again.filter((g) => g.fix && g.fix.title === f.fix!.title && g.message === f.message);
    assert.deepEqual(same.map((g) => g.message), [], `fix "${f.fix!.title}" offered again after applying it`);
  }
  return fixed;
}

/** The 1-based line of an offset, or of the first occurrence of a string, in text. */
export function lineOf(text: string, at: string | number): number {
  const offset = typeof at === 'number' ? at : text.indexOf(at);
  assert.ok(offset >= 0, `"${at}" not in text`);
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** A finding's range as written in the text. */
export function covered(text: string, f: Finding): string {
  return text.slice(f.start, f.end);
}

/** The text each finding's range covers. */
export function coveredAll(text: string, fs: Finding[]): string[] {
  return fs.map((f) => text.slice(f.start, f.end));
}

/** The text after applying every fix of the given rules. */
export function fixAll(text: string, rules: string[], config?: ConfigObject): string {
  return fixRules(text, rules, config);
}

/** A short, correct town report: all five parts, in order, numbered correctly. */
export const CLEAN_TOWN = [
  '张八桥镇关于2023年法治政府建设情况的报告',
  '2023年以来，张八桥镇坚持以习近平新时代中国特色社会主义思想为指导，认真落实县委、县政府决策部署，持续夯实基层法治建设基础。',
  '一、推进法治政府建设的主要举措和成效',
  '（一）健全组织，明确责任。镇党委、政府高度重视依法治镇工作，成立了法治乡镇创建活动领导小组。一是健全制度，二是压实责任，三是强化考核。',
  '（二）学法用法，保驾护航。组织开展法律知识培训12场次，与岩头寨镇签订矛盾纠纷联调协议，赴城关镇学习基层治理经验。',
  '（三）规范执法，维护稳定。认真开展行政执法工作，明确执法权限，镇行政执法人员年度法治培训参与率达100%。',
  '二、推进法治政府建设存在的不足和原因',
  '一是法律意识有待增强，二是普法形式较为单一。',
  '究其原因，一是宣传投入不足，二是专业人才缺乏。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记认真履行推进法治建设第一责任人职责，坚持以习近平新时代中国特色社会主义思想为指导，定期听取法治建设工作汇报。',
  '四、2024年推进法治政府建设的主要安排',
  '2024年，张八桥镇将继续深入学习贯彻习近平法治思想。',
  '（一）进一步提高依法行政能力。',
  '（二）进一步强化普法宣传教育。',
  '五、其他需要报告的情况',
  '2023年，张八桥镇未发生因违法行政被上级机关通报批评的情况。',
  '',
].join('\n');

/** The same report as Markdown, with blank lines between paragraphs. */
export const CLEAN_TOWN_MD = CLEAN_TOWN.split('\n')
  .map((l, i) => (i === 0 ? `# ${l}` : /^[一二三四五六七八九十]、/.test(l) ? `## ${l}` : l))
  .join('\n\n')
  .replace(/\n+$/, '\n');
