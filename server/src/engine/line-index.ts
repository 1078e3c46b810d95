// Maps UTF-16 offsets to 1-based line/column and back. Built once per
// document (one pass over the text); each lookup is a binary search, so
// positioning all findings costs O(findings · log lines), never a rescan.
import type { Position } from './types.js';

/** The last index of `sorted` (ascending, sorted[0] <= value) whose number is at most `value`: a binary search. */
export function lastAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** \n, \r\n or a lone \r: each ends a line. */
const LINE_BREAK = /\r\n?|\n/g;

export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] === 0. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Line breaks found by the regex engine, not by a loop over every character (most of a run's first checks
    // execute before the loop would be optimised).
    LINE_BREAK.lastIndex = 0;
    while (LINE_BREAK.test(text)) starts.push(LINE_BREAK.lastIndex);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line number containing offset. */
  lineOf(offset: number): number {
    return lastAtMost(this.lineStarts, offset);
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line: line + 1, column: clamped - this.lineStarts[line] + 1 };
  }

  /** Offset of a 1-based line/column; clamps to the document. */
  offset(line: number, column: number): number {
    if (line < 1) return 0;
    if (line > this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[line - 1] + column - 1, this.lineEnd(line - 1));
  }

  /** Start offset of 0-based line. */
  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** End offset of 0-based line, excluding its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1] - 1; // the '\n' or lone '\r'
    if (this.text.charCodeAt(end) === 10 && end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}
