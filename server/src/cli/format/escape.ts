// What a checked document or a file name may hold that must not reach the user's terminal or a
// review page raw: control characters (ESC could recolour, retitle or clear a terminal) and the
// bidirectional controls that reorder what is shown (U+202E makes "txt.exe" read "exe.txt").
// Every format escapes them: text and github as \xNN / \u202E, JSON and SARIF as JSON escapes
// (\u202e), which leave the value unchanged for a program reading it.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const ANY_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(digits, '0');

/** For a terminal or a log: control characters as \xNN, line breaks as \n, bidi controls as \u202E. */
export function visible(s: string): string {
  // Most messages hold none of these: one test instead of three replacements.
  if (!ANY_UNSAFE.test(s)) return s;
  return s
    .replace(CONTROL, (c) => `\\x${hex(c, 2).toLowerCase()}`)
    .replace(/\n/g, '\\n')
    .replace(BIDI, (c) => `\\u${hex(c, 4)}`);
}

/** JSON text with bidi controls written as \uXXXX escapes (JSON.stringify already escapes control characters). */
export function escapeJsonBidi(json: string): string {
  return json.replace(BIDI, (c) => `\\u${hex(c, 4).toLowerCase()}`);
}
