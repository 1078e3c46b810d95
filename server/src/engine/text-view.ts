// A derived view of the text with some spans removed (e.g. pinyin
// annotations 鎮(zhèn)), so that rules can match words across the removed
// spans and still report positions in the source text.
import { lastAtMost } from './line-index.js';

export interface RemovedSpan {
  start: number; // source offset
  end: number;
}

export class TextView {
  readonly text: string;
  /** viewStarts[i]: view offset where the i-th kept segment begins; sourceStarts[i]: its source offset. */
  private readonly viewStarts: number[] = [0];
  private readonly sourceStarts: number[] = [0];

  constructor(readonly source: string, readonly removed: RemovedSpan[]) {
    if (removed.length === 0) {
      this.text = source;
      return;
    }
    const parts: string[] = [];
    let cursor = 0;
    let viewLength = 0;
    for (const span of removed) {
      parts.push(source.slice(cursor, span.start));
      viewLength += span.start - cursor;
      cursor = span.end;
      this.viewStarts.push(viewLength);
      this.sourceStarts.push(cursor);
    }
    parts.push(source.slice(cursor));
    this.text = parts.join('');
  }

  /** Source offset of a view offset. A view offset at a seam maps to the start of the kept text after the removal. */
  toSource(viewOffset: number): number {
    const at = lastAtMost(this.viewStarts, viewOffset);
    return this.sourceStarts[at] + (viewOffset - this.viewStarts[at]);
  }

  /** Source range of a view range; an end at a seam maps to the end of the kept text before the removal. */
  rangeToSource(start: number, end: number): { start: number; end: number } {
    const s = this.toSource(start);
    if (end <= start) return { start: s, end: s };
    return { start: s, end: this.toSource(end - 1) + 1 };
  }
}
