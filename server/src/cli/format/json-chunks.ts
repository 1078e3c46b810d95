// JSON.stringify(value, null, 2), produced in pieces: a report on a very
// large input can exceed the maximum length of one string, so the output
// is written chunk by chunk instead. Only arrays and objects holding long
// arrays are walked here; everything else (a finding) is one JSON.stringify,
// re-indented (JSON strings hold no raw line breaks), since a generator per
// value made a 300 000-finding report take seconds.
const LONG = 64;

function holdsLongArray(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > LONG || value.some(holdsLongArray);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsLongArray);
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
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    const inner = indent.repeat(depth + 1);
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      yield* jsonChunks(value[i] === undefined ? null : value[i], indent, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent.repeat(depth)}]`;
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    const inner = indent.repeat(depth + 1);
    yield '{\n';
    for (let i = 0; i < entries.length; i++) {
      yield `${inner}${JSON.stringify(entries[i][0])}: `;
      yield* jsonChunks(entries[i][1], indent, depth + 1);
      yield i < entries.length - 1 ? ',\n' : '\n';
    }
    yield `${indent.repeat(depth)}}`;
    return;
  }
  yield JSON.stringify(value) ?? 'null';
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
