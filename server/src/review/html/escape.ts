// Everything from a report (its text, its title, its file name, a finding's message quoting it) reaches
// the HTML only through these: text and attribute values escaped, JSON data islands with "<" written
// as \u003c so that no "</script>" or "<!--" inside a string can end the island.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For text content and for attribute values (always quoted with "). */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** JSON for a <script type="application/json"> island. U+2028/2029 escaped too (older parsers). */
export function jsonIsland(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A relative URL of a file we name ourselves, each path segment percent-encoded. */
export function href(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}
