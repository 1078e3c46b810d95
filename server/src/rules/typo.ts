// Known wrong words (喜闻悦见 → 喜闻乐见, 再接再励 → 再接再厉, 截止目前 → 截至目前), only those wrong in
// every context: the rule and its dictionary are rules/typo.json. Besides the dictionary, a two-character
// word typed twice (配合配合, 加强加强) is reported (rules/doubled-words.json: what may repeat); deleting the
// repetition is offered as a quick fix only, since it deletes report text.
import data from '../../../rules/typo.json';
import doubled from '../../../rules/doubled-words.json';
import type { Rule, RuleContext } from '../engine/types.js';
import { substitutionRule, type SubstitutionRuleFile } from './shared/dictionary.js';
import { HAN_RANGES } from './shared/prose.js';

const dictionary = substitutionRule(data as SubstitutionRuleFile);

const DOUBLED = doubled as { numerals: string; secondExcept: string; allow: string[]; words: string };
const ALLOWED = new Set(DOUBLED.allow);
/** The two-character words whose repetition is looked for (构建共建共治 repeats 建共, which is no word). */
const WORDS = new Set(DOUBLED.words.split(' '));

/** ABAB in the prose view (A ≠ B, both Han): the word AB written twice. */
function checkDoubled({ doc, report }: RuleContext): void {
  const text = doc.prose.text;
  // Where ABAB starts (A, B Han), found by the regex engine; `next` is where the loop of the check resumes.
  for (let next = 0; ; ) {
    ABAB.lastIndex = next;
    if (!ABAB.test(text)) break;
    const i = ABAB.lastIndex - 1;
    next = i + 1;
    if (text.charCodeAt(i + 1) === text.charCodeAt(i)) continue;
    const word = text.slice(i, i + 2);
    const both = text.slice(i, i + 4);
    // ABABAB… (哈哈哈) or a numeral-classifier repetition (一步一步) or a repetition across words (是不是不够).
    if (!WORDS.has(word) || ALLOWED.has(both) || DOUBLED.numerals.includes(word[0]) || DOUBLED.secondExcept.includes(word[1])) {
      next = i + 2;
      continue;
    }
    if (text.slice(i + 4, i + 6) === word || text.slice(i - 2, i) === word) {
      next = i + 4;
      continue;
    }
    const whole = doc.prose.rangeToSource(i, i + 4);
    const second = doc.prose.rangeToSource(i + 2, i + 4);
    if (doc.isIgnored(whole.start, whole.end)) continue;
    report({
      start: whole.start,
      end: whole.end,
      message: `词语重复：“${both}”疑为多打了一遍，应为“${word}”。`,
      data: { wrong: both, right: word, kind: 'doubled' },
      suggestions: [{ title: `删除重复的“${word}”`, edits: [{ start: second.start, end: second.end, newText: '' }] }],
    });
    next = i + 4;
  }
}

/** isHan's ranges (HAN_RANGES) as a character class. */
const HAN_CLASS = `[${HAN_RANGES.map(([a, b]) => `\\u${a.toString(16)}-\\u${b.toString(16)}`).join('')}]`;
/** A Han character A followed by a Han character B and A B again. */
const ABAB = new RegExp(`(${HAN_CLASS})(?=(${HAN_CLASS})\\1\\2)`, 'g');

const rule: Rule = {
  ...dictionary,
  check(context) {
    dictionary.check(context);
    checkDoubled(context);
  },
};

export default rule;
