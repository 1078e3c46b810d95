// Template variables of skeletons and contributions: {{单位}}, {{年度}}, {{下一年度}}
// (English aliases {{body}}, {{year}}, {{nextYear}}). A variable without a value
// stays as written, so the placeholder rule keeps flagging it.
import type { Segment } from './source-map.js';

export interface ReportValues {
  body?: string;
  year?: number;
}

const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;
/** A variable, or a footnote label ([^1] and [^1]:) that assembly may rename. */
const VARIABLE_OR_LABEL = /\{\{\s*([^{}\s]+)\s*\}\}|\[\^([^\]\s]+)\]/g;

/** Renames a contribution's footnote label (so that labels stay unique in the assembled report). */
export type FootnoteRename = (label: string) => string;

function valueOf(name: string, values: ReportValues): string | undefined {
  switch (name) {
    case '单位':
    case 'body':
      return values.body;
    case '年度':
    case 'year':
      return values.year === undefined ? undefined : String(values.year);
    case '下一年度':
    case 'nextYear':
      return values.year === undefined ? undefined : String(values.year + 1);
    default:
      return undefined;
  }
}

/** Replaces known variables; segments map the result's columns to `text`'s (offset by `srcBase`). */
export function substitute(text: string, values: ReportValues, srcBase = 0, rename?: FootnoteRename): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(rename ? VARIABLE_OR_LABEL : VARIABLE)) {
    let value: string | undefined;
    if (m[2] !== undefined) {
      const label = rename!(m[2]);
      if (label === m[2]) continue;
      value = `[^${label}]`;
    } else value = valueOf(m[1], values);
    if (value === undefined) continue;
    const at = m.index!;
    if (at > last) {
      segments.push({ out: out.length, src: srcBase + last, length: at - last });
      out += text.slice(last, at);
    }
    segments.push({ out: out.length, src: srcBase + at });
    out += value;
    last = at + m[0].length;
  }
  segments.push({ out: out.length, src: srcBase + last, length: text.length - last });
  out += text.slice(last);
  return { text: out, segments };
}

export function substituteAll(text: string, values: ReportValues): string {
  return text.replace(VARIABLE, (whole, name: string) => valueOf(name, values) ?? whole);
}
