// The inline Markdown a report uses, read for export: **bold** (run-in headings), footnote references
// ([^1]), line breaks (<br>), links (their text), backslash escapes and inline comments. Everything else
// is text as written.

export interface InlineRun {
  text: string;
  bold?: boolean;
  /** A footnote reference: the label, with `text` empty. */
  footnote?: string;
  /** A line break (<br>), with `text` empty. */
  lineBreak?: boolean;
}

// Every repeat is bounded, so that a line of thousands of [ or <!-- without their closing partner costs linear time.
const TOKEN = /\\([\\`*_{}[\]()#+\-.!|<>~])|(\*\*|__)|\[\^([^\]\s]{1,32})\]|<br\s{0,8}\/?>|<!--[\s\S]{0,300}?-->|\[([^\]\n]{0,100})\]\([^)\s]{0,500}(?:\s{1,8}"[^"\n]{0,200}")?\)/gi;

/** Runs of `text`; a ** without its closing partner is text. */
export function parseInline(text: string): InlineRun[] {
  // Pair the bold markers first, so that an unpaired one stays literal.
  const markers: number[] = [];
  for (const m of text.matchAll(TOKEN)) if (m[2]) markers.push(m.index!);
  const paired = new Set(markers.slice(0, markers.length - (markers.length % 2)));

  const runs: InlineRun[] = [];
  let bold = false;
  let buffer = '';
  const flush = () => {
    if (buffer) runs.push(bold ? { text: buffer, bold: true } : { text: buffer });
    buffer = '';
  };
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    buffer += text.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[1] !== undefined) buffer += m[1];
    else if (m[2]) {
      if (!paired.has(m.index!)) {
        buffer += m[2];
        continue;
      }
      flush();
      bold = !bold;
    } else if (m[3] !== undefined) {
      flush();
      runs.push({ text: '', footnote: m[3] });
    } else if (/^<br/i.test(m[0])) {
      flush();
      runs.push({ text: '', lineBreak: true });
    } else if (m[4] !== undefined) buffer += m[4];
    // an inline comment: nothing
  }
  buffer += text.slice(last);
  flush();
  return runs;
}

/** The text a reader sees (footnote marks and breaks left out). */
export function visibleText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Splits runs at visible offset `at` (for a run-in heading's heading part). */
export function splitRuns(runs: readonly InlineRun[], at: number): [InlineRun[], InlineRun[]] {
  const head: InlineRun[] = [];
  const tail: InlineRun[] = [];
  let seen = 0;
  for (const r of runs) {
    if (seen >= at) tail.push(r);
    else if (seen + r.text.length <= at) head.push(r);
    else {
      head.push({ ...r, text: r.text.slice(0, at - seen) });
      tail.push({ ...r, text: r.text.slice(at - seen) });
    }
    seen += r.text.length;
  }
  return [head, tail];
}
