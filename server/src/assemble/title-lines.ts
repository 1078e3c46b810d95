// Breaking a long title into lines the way GB/T 9704-2012 §7.3.1 asks: 回行时要做到词意完整，排列对称，
// 长短适宜，间距恰当，标题排列应当使用梯形或菱形. Lines break only between words (the ICU word segmenter
// built into Node, Intl.Segmenter, so nothing is downloaded or compiled), never inside a number with its
// 年/月/日 or before a particle (的) or closing punctuation; among the breaks that fit the line, the most
// balanced wins, and the report's own structure (单位 ⏎ 关于…的报告) is preferred when it is as good.

/** Width in characters of the title's size: half-width characters count half. */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

let segmenter: Intl.Segmenter | undefined;

/** A place where a line may break, and how much it costs (0 for a natural one). */
interface Cut {
  at: number;
  cost: number;
}

/** Offsets where a line may break: word boundaries, less the forbidden ones, each with its cost. */
export function breakOpportunities(text: string): Cut[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segments = [...segmenter.segment(text)];
  const cuts: Cut[] = [];
  segments.forEach((s, k) => {
    const i = s.index;
    if (i === 0) return;
    const before = text[i - 1];
    const after = text[i];
    if (/[0-9０-９]/.test(before) && /[0-9０-９年月日号度]/.test(after)) return; // 2025年 stays whole
    if (/[的之、，。；：）》”’\s]/.test(after)) return; // no line starts with a particle, a closing mark or a space
    if (/[（《“‘]/.test(before)) return; // nor ends with an opening one
    let cost = 0;
    if (/\s/.test(before)) cost -= 8; // between two names written with a space
    if (text.startsWith('关于', i)) cost -= 8; // the report's own structure: 单位 ⏎ 关于…的报告
    if (text.slice(0, i).endsWith('关于')) cost += 20;
    if (/[和与及]/.test(after)) cost += 6; // a conjunction binds to what precedes it as much as what follows
    if (/^(?:人民政府|委员会|办事处|管理局|司法局)/.test(text.slice(i))) cost += 12; // a unit's name stays whole // a preposition opens its phrase, never ends a line
    // Single characters on both sides: the segmenter did not know the word (a place name), so keep it whole.
    if (segments[k - 1].segment.length === 1 && s.segment.length === 1 && /\p{Script=Han}/u.test(before + after)) cost += 6;
    cuts.push({ at: i, cost });
  });
  return cuts;
}

/**
 * The title's lines, each at most `perLine` characters wide where possible. `forced` are the writer's own
 * breaks (a <br> in the title, or a title written over two lines): each piece is broken further only if
 * it is too long.
 */
export function titleLines(pieces: readonly string[], perLine: number): string[] {
  return pieces.flatMap((p) => breakBalanced(p, perLine));
}

function breakBalanced(text: string, perLine: number): string[] {
  const total = widthInChars(text);
  if (total <= perLine) return [text];
  const cuts = breakOpportunities(text);
  const lines = Math.ceil(total / perLine);
  let best: { score: number; at: number[] } | undefined;
  const consider = (chosen: Cut[]) => {
    const at = chosen.map((c) => c.at);
    const bounds = [0, ...at, text.length];
    const widths = bounds.slice(1).map((end, k) => widthInChars(text.slice(bounds[k], end)));
    const widest = Math.max(...widths);
    const over = widths.reduce((n, w) => n + Math.max(0, w - perLine), 0);
    let score = over * 1000 + (widest - Math.min(...widths)) * 2;
    // 梯形: a line no longer than the one below it, or 菱形 for three lines (the middle the longest).
    if (widths.length === 2 && widths[0] > widths[1]) score += 5;
    if (widths.length === 3 && !(widths[1] >= widths[0] && widths[1] >= widths[2])) score += 5;
    for (const c of chosen) score += c.cost;
    if (!best || score < best.score) best = { score, at };
  };
  if (lines <= 2 || cuts.length < 2) for (const c of cuts) consider([c]);
  else for (let a = 0; a < cuts.length; a++) for (let b = a + 1; b < cuts.length; b++) consider([cuts[a], cuts[b]]);
  if (!best) return [text];
  const bounds = [0, ...best.at, text.length];
  return bounds.slice(1).map((end, k) => text.slice(bounds[k], end));
}
