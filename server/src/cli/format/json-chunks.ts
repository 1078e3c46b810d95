// JSON.stringify(value, null, 2), produced in pieces: a report on a very
// large input can exceed the maximum length of one string, so the output
// is written chunk by chunk instead. Only arrays and objects holding long
// arrays are walked here; everything else (a finding) is one JSON.stringify,
// re-indented (JSON strings hold no raw line breaks), since a generator per
// value made a 300 000-finding report take seconds.
const LONG = 64;

function holdsLongArray(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    if (value.length > LONG) return true;
    for (let i = 0; i < value.length; i++) if (holdsLongArray(value[i])) return true;
    return false;
  }
  // (A loop over the keys, not Object.values(…).some(…): this runs on every finding of a report.)
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key) && holdsLongArray((value as Record<string, unknown>)[key])) return true;
  return false;
}

function stringifyAt(value: unknown, indent: string, depth: number): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return depth === 0 ? text : text.replace(/\n/g, `\n${indent.repeat(depth)}`);
}

export function* jsonChunks(value: unknown, indent = '  ', depth = 0): Generator<string> {
  if (!holdsLongArray(value)) {
    yield stringifyAt(value, indent, depth);
    return;
  }
  if (value === null || typeof value !== 'object') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  // An array's members, or an object's with their keys ("name": ), one per line at depth + 1.
  let keys: string[] | undefined;
  let values: readonly unknown[];
  if (Array.isArray(value)) values = value;
  else {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    keys = entries.map(([k]) => `${JSON.stringify(k)}: `);
    values = entries.map(([, v]) => v);
  }
  const [open, close] = keys ? ['{', '}'] : ['[', ']'];
  if (values.length === 0) {
    yield open + close;
    return;
  }
  const inner = indent.repeat(depth + 1);
  yield `${open}\n`;
  for (let i = 0; i < values.length; i++) {
    yield keys ? inner + keys[i] : inner;
    yield* jsonChunks(values[i] === undefined ? null : values[i], indent, depth + 1);
    yield i < values.length - 1 ? ',\n' : '\n';
  }
  yield `${indent.repeat(depth)}${close}`;
}

/** Elements stringified together (natively, by one JSON.stringify) in arrayElements. */
const BATCH = 200;

/**
 * The elements of an array nested `depth` levels deep (its elements one level deeper) as JSON.stringify(…, null, 2)
 * writes them between its brackets — each indented, joined by ",\n" — in chunks: elements are stringified natively,
 * a batch at a time (one stringify per element, re-indented, cost more than checking the text), and an element that
 * itself holds a long array (any array in it longer than 64: a fix with thousands of edits) piece by piece, so that
 * no string outgrows what V8 allows.
 */
export function* arrayElements(items: Iterable<unknown>, depth: number, indent = '  '): Generator<string> {
  let batch: unknown[] = [];
  let separator = '';
  for (const item of items) {
    const long = holdsLongArray(item);
    if (!long) {
      batch.push(item);
      if (batch.length < BATCH) continue;
    }
    if (batch.length) {
      yield separator + elementsAt(batch, depth, indent);
      separator = ',\n';
      batch = [];
    }
    if (long) {
      yield separator + indent.repeat(depth + 1);
      separator = ',\n';
      yield* jsonChunks(item, indent, depth + 1);
    }
  }
  if (batch.length) yield separator + elementsAt(batch, depth, indent);
}

/**
 * The elements of `items` as JSON.stringify(…, null, 2) writes them inside an array nested `depth` levels deep,
 * joined by ",\n", without the brackets: the array is stringified inside `depth` wrapping arrays, whose
 * brackets (a fixed number of characters) are cut off.
 */
function elementsAt(items: unknown[], depth: number, indent: string): string {
  let wrapped: unknown = items;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, indent);
  // Level k opens with k indents, "[" and a line break, and closes with a line break, k indents and "]".
  let cut = 0;
  for (let k = 0; k <= depth; k++) cut += k * indent.length + 2;
  return text.slice(cut, text.length - cut);
}

/** Stands for the one long array of a skeleton given to jsonAround. */
export const ITEMS = '\u0000items\u0000';

/**
 * JSON.stringify(value, null, 2) in chunks, for a value with one long array (SARIF's results): `skeleton` is the
 * value with [ITEMS] in place of that array, `items` its elements (written by arrayElements).
 */
export function* jsonAround(skeleton: unknown, items: readonly unknown[], indent = '  '): Generator<string> {
  const text = JSON.stringify(skeleton, null, indent);
  const mark = JSON.stringify(ITEMS);
  const at = text.indexOf(mark);
  if (items.length === 0) {
    // "[", the marker on its own line, "]" → "[]"
    yield text.slice(0, text.lastIndexOf('[', at) + 1) + text.slice(text.indexOf(']', at + mark.length));
    return;
  }
  const lineStart = text.lastIndexOf('\n', at) + 1;
  yield text.slice(0, lineStart);
  yield* arrayElements(items, (at - lineStart) / indent.length - 1, indent);
  yield text.slice(at + mark.length);
}

/** Groups small chunks into pieces of about `size` characters. */
export function* batched(chunks: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const c of chunks) {
    buffer.push(c);
    length += c.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (buffer.length) yield buffer.join('');
}
