// --format json: exactly the contract of docs/rules.md ("Machine-readable output").
import type { Finding, PositionedEdit } from '../../engine/types.js';
import { jsonFinding } from '../../engine/finding-json.js';
import { summarize, type FileResult } from '../results.js';
import { escapeJsonBidi } from './escape.js';
import { jsonChunks } from './json-chunks.js';

/** The report as JSON text, in chunks (identical to JSON.stringify(report, null, 2) + newline). */
export function* formatJson(results: readonly FileResult[]): Generator<string> {
  // Written by hand, in pieces: one stringify of the whole report could exceed the longest string V8 allows. Each
  // finding is written by findingText, field by field (a quarter faster than stringifying the contract's objects
  // a batch at a time and re-indenting them).
  const summary = JSON.stringify(summarize(results), null, 2).replace(/\n/g, '\n  ');
  if (results.length === 0) {
    yield `{\n  "version": 1,\n  "files": [],\n  "summary": ${summary}\n}\n`;
    return;
  }
  yield '{\n  "version": 1,\n  "files": [';
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    yield escapeJsonBidi(`${i ? ',' : ''}\n    {\n      "path": ${JSON.stringify(r.path)},\n      "findings": `);
    if (r.findings.length === 0) yield '[]';
    else {
      yield '[\n';
      let pieces: string[] = [];
      for (let k = 0; k < r.findings.length; k++) {
        const finding = r.findings[k];
        const data = findingData(finding, r.paragraphOfLine, r.wordLocation);
        if (k) pieces.push(',\n');
        if (manyEdits(finding)) {
          // A document-wide fix: piece by piece, so that no string outgrows what V8 allows.
          yield pieces.join('');
          pieces = [];
          yield ELEMENT;
          for (const chunk of jsonChunks(jsonFinding(finding, data), '  ', FINDINGS_DEPTH + 1)) yield escapeJsonBidi(chunk);
        } else pieces.push(findingText(finding, data) ?? genericText(finding, data));
        if (pieces.length >= BATCH) {
          yield pieces.join('');
          pieces = [];
        }
      }
      if (pieces.length) yield pieces.join('');
      yield '\n      ]';
    }
    yield '\n    }';
  }
  yield `\n  ],\n  "summary": ${summary}\n}\n`;
}

/** The findings array is nested three deep (report object, files array, file object): its elements at the fourth level. */
const FINDINGS_DEPTH = 3;
/** A finding's own indentation, and its fields'. */
const ELEMENT = '  '.repeat(FINDINGS_DEPTH + 1);
const FIELD = `\n${ELEMENT}  `;
/** Pieces joined into one chunk. */
const BATCH = 512;

/**
 * A finding whose fix or suggestions hold so many edits (a document-wide fix on a huge input) that its text could
 * approach the longest string V8 allows (2^29 characters; an edit takes ~200): written piece by piece. Below that,
 * findingText writes it (a document-wide fix of a few hundred edits is common: the piecewise path cost 10 times more).
 */
const MANY_EDITS = 1 << 16;
function manyEdits(f: Finding): boolean {
  let n = f.fix ? f.fix.edits.length : 0;
  if (f.suggestions) for (const s of f.suggestions) n += s.edits.length;
  return n > MANY_EDITS;
}

/** A finding's data in the contract, with a .docx input's Word location or paragraph. */
function findingData(f: Finding, paragraphOfLine?: number[], wordLocation?: FileResult['wordLocation']): Record<string, unknown> {
  const word = wordLocation?.(f);
  return word ? { ...f.data, ...word.data } : paragraphOfLine ? { ...f.data, paragraph: paragraphOfLine[f.line - 1] ?? 0 } : f.data;
}

/**
 * jsonFinding(f, data) as JSON.stringify(…, null, 2) writes it as an element of the findings array (indented, bidi
 * controls escaped), written field by field: the same text, without building the object nor re-indenting it.
 */
function findingText(f: Finding, data: Record<string, unknown>): string | undefined {
  if (!plain(f.rule) || !plain(f.severity) || !plain(f.message) || !plain(f.line) || !plain(f.column) || !plain(f.endLine) || !plain(f.endColumn)) return undefined;
  if (f.fix && !plainFix(f.fix)) return undefined;
  if (f.suggestions?.length && !f.suggestions.every(plainFix)) return undefined;
  let s = `${ELEMENT}{${FIELD}"rule": ${value(f.rule, FIELD)},${FIELD}"severity": ${value(f.severity, FIELD)},${FIELD}"message": ${value(f.message, FIELD)}`;
  s += `,${FIELD}"line": ${value(f.line, FIELD)},${FIELD}"column": ${value(f.column, FIELD)},${FIELD}"endLine": ${value(f.endLine, FIELD)},${FIELD}"endColumn": ${value(f.endColumn, FIELD)}`;
  const d = flatObject(data, FIELD) ?? value(data, FIELD);
  if (d !== undefined) s += `,${FIELD}"data": ${d}`;
  if (f.fix) s += `,${FIELD}"fix": ${fixText(f.fix, FIELD)}`;
  if (f.suggestions?.length) {
    const inner = `${FIELD}  `;
    s += `,${FIELD}"suggestions": [`;
    for (let i = 0; i < f.suggestions.length; i++) s += `${i ? ',' : ''}${inner}${fixText(f.suggestions[i], inner)}`;
    s += `${FIELD}]`;
  }
  return `${s}\n${ELEMENT}}`;
}

/**
 * A plain object whose values are all strings or finite numbers (a finding's data, nearly always) as
 * JSON.stringify(…, null, 2) writes it at the line break and indentation `at`; undefined for anything else.
 */
function flatObject(v: unknown, at: string): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const o = v as Record<string, unknown>;
  const field = `${at}  `;
  let s = '';
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) continue;
    const x = o[key];
    if (!plain(x)) return undefined;
    s += `${s ? ',' : ''}${field}${jsonString(key)}: ${typeof x === 'string' ? jsonString(x) : `${x}`}`;
  }
  return s ? `{${s}${at}}` : '{}';
}

/** A string, or a number JSON writes as such: a field findingText may write without asking whether it is there. */
const plain = (v: unknown): boolean => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const plainFix = (fix: { title: string; edits: PositionedEdit[] }): boolean =>
  plain(fix.title) && fix.edits.every((e) => plain(e.line) && plain(e.column) && plain(e.endLine) && plain(e.endColumn) && plain(e.newText));

/** What findingText does not write itself (a field missing or of another type): JSON.stringify of the finding, indented. */
function genericText(f: Finding, data: Record<string, unknown>): string {
  return ELEMENT + escapeJsonBidi(JSON.stringify(jsonFinding(f, data), null, 2).replace(/\n/g, `\n${ELEMENT}`));
}

/** A fix or suggestion ({ title, edits }) at the indentation of the line break `at`. */
function fixText(fix: { title: string; edits: PositionedEdit[] }, at: string): string {
  const field = `${at}  `;
  let s = `{${field}"title": ${value(fix.title, field)},${field}"edits": `;
  if (fix.edits.length === 0) s += '[]';
  else {
    const item = `${field}  `;
    const key = `${item}  `;
    s += '[';
    for (let i = 0; i < fix.edits.length; i++) {
      const e = fix.edits[i];
      s += `${i ? ',' : ''}${item}{${key}"line": ${value(e.line, key)},${key}"column": ${value(e.column, key)},${key}"endLine": ${value(e.endLine, key)},${key}"endColumn": ${value(e.endColumn, key)},${key}"newText": ${value(e.newText, key)}${item}}`;
    }
    s += `${field}]`;
  }
  return `${s}${at}}`;
}

/** Short strings met again and again (rule ids, severities, fix titles) as JSON, written once. */
const known = new Map<string, string>();
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A string as JSON, bidi controls escaped. */
function jsonString(v: string): string {
  if (v.length <= 24) {
    let text = known.get(v);
    if (text === undefined) {
      text = escapeJsonBidi(JSON.stringify(v));
      if (known.size < 4096) known.set(v, text);
    }
    return text;
  }
  const text = JSON.stringify(v);
  return BIDI.test(v) ? escapeJsonBidi(text) : text;
}

/**
 * A value as JSON.stringify(…, null, 2) writes it after the line break and indentation `at` (bidi controls escaped),
 * or undefined where it writes nothing (undefined, a function). Strings and finite numbers directly; anything
 * else by JSON.stringify, re-indented (JSON strings hold no raw line breaks).
 */
function value(v: unknown, at: string): string | undefined {
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  const text = JSON.stringify(v, null, 2) as string | undefined;
  if (text === undefined) return undefined;
  return escapeJsonBidi(text.includes('\n') ? text.replace(/\n/g, at) : text);
}
