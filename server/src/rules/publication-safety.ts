// What must not be published with the report (督察工作规定 第二十六条: published 除涉及党和国家秘密的;
// 政府信息公开条例 第十五条: no personal privacy): 密级 marks (秘密★1年, a line that is only 内部资料), 18-digit
// resident ID numbers (check digit valid), mainland mobile numbers, and a party's full name right after a case
// role (当事人王明因违法建设被处罚) — 张某某 and ××× are how reports name people, and are left alone.
import type { Rule } from '../engine/types.js';
import data from '../../../rules/publication-safety.json';
import { cite } from './shared/citations.js';

const ID_NUMBER = /(?<![\dA-Za-z])(\d{6})(\d{4})(\d{2})(\d{2})\d{3}[\dXx](?![\dA-Za-z])/g;
const MOBILE = /(?<![\dA-Za-z+.-])1[3-9]\d{9}(?![\dA-Za-z])/g;
const ELEVEN_DIGITS = /\d{11}/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17; the birth date is a date. */
export function isResidentId(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] !== s[17].toUpperCase()) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

const rule: Rule = {
  id: 'publication-safety',
  severity: 'error',
  tags: ['publication'],
  local: true,
  docs: {
    description: '报告中有不应公开的内容：密级或“内部资料”标注、18位身份证号、手机号码、与案件细节写在一起的当事人姓名。',
    why: '年度报告要向社会公开，涉及党和国家秘密的不得公开；涉及个人隐私的政府信息也不得公开。带密级标注的稿子不能直接上网，身份证号、手机号和当事人全名一经发布就无法收回。',
    ...cite(['supervision-26', 'ogi-15']),
    howToFix: '删去密级标注或改用可公开的版本；删去身份证号、手机号；当事人姓名改为“张某某”。不提供自动修复：需要人工判断。',
  },
  check({ doc, memo, report }) {
    const marks = memo('marks', () => ({
      starred: new RegExp(data.classificationMarks.filter((p) => p.includes('★')).join('|'), 'g'),
      leading: new RegExp(`^(?:${data.classificationMarks.join('|')})`),
    }));
    const person = memo('person', () => ({
      named: new RegExp(
        `(?:${data.roleWords.join('|')})[：:]?\\s*([${data.surnames}][\\u4e00-\\u9fa5]{1,2}?)(?=[，,、（(]|因|涉嫌|在|于|诉|等|对|不服|被|的|将|多次|长期)`,
        'g',
      ),
      caseWords: data.caseWords,
    }));
    for (const block of doc.blocks) {
      if (doc.isIgnored(block.start, block.end)) continue;
      const t = block.text;
      // A classification mark: 秘密★ anywhere; 机密, 内部资料 … only as a line of its own (the mark of the copy).
      const lead = marks.leading.exec(t);
      const starred = [...t.matchAll(marks.starred)];
      if (lead && !lead[0].includes('★') && /^[\s\u3000:：，,。]*$/.test(t.slice(lead[0].length))) starred.unshift(lead);
      for (const m of starred) {
        const start = block.start + m.index!;
        report({
          start,
          end: start + m[0].length,
          message: `“${m[0].trim()}”是密级或内部标注：带此标注的文本不能向社会公开。`,
          data: { kind: 'classification' },
        });
      }
      // Both numbers are runs of 11 digits or more: most blocks have none.
      const digits = ELEVEN_DIGITS.test(t);
      if (digits) for (const m of t.matchAll(ID_NUMBER)) {
        if (!isResidentId(m[0])) continue;
        const start = block.start + m.index!;
        report({ start, end: start + m[0].length, message: `“${m[0]}”是身份证号码：公开的报告中不得出现个人身份信息。`, data: { kind: 'id-number' } });
      }
      if (digits) for (const m of t.matchAll(MOBILE)) {
        const start = block.start + m.index!;
        report({ start, end: start + m[0].length, message: `“${m[0]}”是手机号码：公开的报告中不得出现个人联系方式。`, data: { kind: 'mobile' } });
      }
      for (const m of t.matchAll(person.named)) {
        const name = m[1];
        // 张某某 is how reports name a party; 方的, 方面 are words, not given names.
        if (/[某×X＊*]/.test(name) || /[的了和与及在对被将等是不也都就之其所为面式向]/.test(name.slice(1))) continue;
        // The sentence the name is in must be about a case (处罚, 涉嫌, 上访…).
        const sentenceStart = Math.max(t.lastIndexOf('。', m.index!), t.lastIndexOf('；', m.index!)) + 1;
        let sentenceEnd = t.slice(m.index!).search(/[。；]/);
        sentenceEnd = sentenceEnd < 0 ? t.length : m.index! + sentenceEnd;
        const sentence = t.slice(sentenceStart, sentenceEnd);
        if (!person.caseWords.some((w) => sentence.includes(w))) continue;
        const start = block.start + m.index! + m[0].length - name.length;
        report({
          start,
          end: start + name.length,
          message: `“${name}”像是案件当事人的姓名：公开的报告中应隐去（如写作“${name[0]}某某”）。`,
          data: { kind: 'personal-name' },
        });
      }
    }
  },
};

export default rule;
