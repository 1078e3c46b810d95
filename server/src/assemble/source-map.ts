// Where each line of an assembled report came from, so that findings on the
// result can be reported against the contributing file and line.

/** A stretch of an output line: `length` characters copied from source column `src`, or generated text mapped to `src`. */
export interface Segment {
  /** 0-based column in the output line. */
  out: number;
  /** 0-based column in the source line. */
  src: number;
  /** Characters copied verbatim; undefined for generated text (a renumbered marker, a substituted variable). */
  length?: number;
}

export interface SourceLine {
  file: string;
  /** 1-based line in `file`. */
  line: number;
  /** Column correspondence; without it, columns are taken to be unchanged. */
  segments?: Segment[];
}

export interface SourcePosition {
  file: string;
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
}

export class SourceMap {
  /** Index i describes output line i + 1. */
  readonly lines: SourceLine[] = [];

  /** Maps a 1-based output position to its source. */
  resolve(line: number, column: number): SourcePosition {
    const origin = this.lines[Math.min(Math.max(line, 1), this.lines.length) - 1];
    if (!origin) return { file: '', line, column };
    return { file: origin.file, line: origin.line, column: mapColumn(origin.segments, column - 1) + 1 };
  }
}

function mapColumn(segments: Segment[] | undefined, col: number): number {
  if (!segments || segments.length === 0) return col;
  let seg = segments[0];
  for (const s of segments) {
    if (s.out <= col) seg = s;
    else break;
  }
  if (seg.length === undefined) return seg.src;
  return seg.src + Math.min(col - seg.out, seg.length);
}

/** Builds an output text line by line, recording each line's origin. */
export class OutputBuilder {
  readonly lines: string[] = [];
  readonly map = new SourceMap();

  push(text: string, origin: SourceLine): void {
    this.lines.push(text);
    this.map.lines.push(origin);
  }

  /** A blank separator line (mapped to the given origin for completeness). */
  blank(origin: SourceLine): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.push('', origin);
  }

  text(): string {
    while (this.lines.length && this.lines[this.lines.length - 1] === '') {
      this.lines.pop();
      this.map.lines.pop();
    }
    return this.lines.join('\n') + '\n';
  }
}
