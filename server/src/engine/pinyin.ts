// Romanisation left after Han characters by a bad web conversion: 鎮(zhèn), 設(shè).
// A tone-marked pinyin syllable in ASCII or full-width parentheses directly
// after a Han character. Requiring a tone mark keeps (一) (ISO) (PDF) out.
const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
export const PINYIN_ANNOTATION = new RegExp(
  `(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])[(（][a-zü]*[${TONE}][a-zü${TONE}]*[)）]`,
  'gu',
);
