// Romanisation left after Han characters by a bad web conversion: 鎮(zhèn), 設(shè).
// A tone-marked pinyin syllable in ASCII or full-width parentheses directly
// after a Han character. Requiring a tone mark keeps (一) (ISO) (PDF) out.
const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
// The Han check is a lookbehind after the parenthesis, not before it: the same
// matches, but the regex engine skips ahead to the next ( or （ instead of
// testing the lookbehind at every position (about 3× faster).
export const PINYIN_ANNOTATION = new RegExp(
  `[(（](?<=[\\u3400-\\u9fff\\uf900-\\ufaff][(（])[a-zü]*[${TONE}][a-zü${TONE}]*[)）]`,
  'gu',
);

/**
 * The source pieces of a range of the pinyin-free view (doc.prose): a range
 * like 設置 in the view is 設 + 置 in the source, around the annotation (shè).
 * Edits built from these pieces never touch an annotation, so they combine
 * with the edits that delete annotations. `removed` is doc.prose.removed.
 */
export function sourcePieces(
  removed: readonly { start: number; end: number }[],
  toSource: (viewOffset: number) => number,
  viewStart: number,
  viewEnd: number,
): { start: number; end: number; viewStart: number }[] {
  const pieces: { start: number; end: number; viewStart: number }[] = [];
  if (viewEnd <= viewStart) return pieces;
  let src = toSource(viewStart);
  let view = viewStart;
  // First removed span at or after the source start (binary search).
  let lo = 0;
  let hi = removed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (removed[mid].start < src) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; view < viewEnd; i++) {
    const cut = i < removed.length ? removed[i].start : Infinity;
    const take = Math.min(viewEnd - view, cut - src);
    if (take > 0) pieces.push({ start: src, end: src + take, viewStart: view });
    view += take;
    if (view >= viewEnd || i >= removed.length) break;
    src = removed[i].end;
  }
  return pieces;
}
