// opencc conversion from precomputed tries (opencc-data.ts, generated from opencc-js's dictionaries by
// opencc-compile.ts): a trie is decoded into typed-array views of one buffer on first use (no per-entry
// work), and matched by a loop that allocates only for what it replaces. Gives what OpenCC.Converter gives
// for the same configuration (tested against opencc-js), without loading opencc-js or building its tries.
import { CONFIGS, TRIES } from './opencc-data.js';

interface Trie {
  /** Code unit on the edge into each node. */
  label: Uint16Array;
  /** Each node's child count and replacement length + 1 (0: no entry ends there), as stored. */
  count: Uint16Array;
  valueLength: Uint16Array;
  /** Index of each node's first child (children are contiguous); first[n] = node count. */
  first: Uint32Array;
  /** Replacement of the path to each node: start in `values`, -1 when no entry ends there. */
  valueStart: Int32Array;
  valueEnd: Uint32Array;
  values: string;
  /** The root's child per code unit (0: none). */
  rootChild: Uint32Array;
  /**
   * first, valueStart and valueEnd (running sums over the nodes in order) are filled on demand: for nodes below
   * `ready` (and first[ready]). A few short conversions (a heading, a suffix into traditional script) then read only
   * the upper levels of a trie of 90 000 nodes instead of summing all of it first. `nextValue`: the sum so far.
   */
  ready: number;
  nextValue: number;
}

const decoded: (Trie | undefined)[] = [];

function trie(index: number): Trie {
  let t = decoded[index];
  if (t) return t;
  const buf = Buffer.from(TRIES[index], 'base64');
  const n = buf.readUInt32LE(0);
  const valueChars = buf.readUInt32LE(4);
  // A copy of its own (one memcpy): a decoded Buffer may sit unaligned in Node's shared pool. Little-endian
  // data read through the host's byte order: every platform Node runs on here is little-endian.
  const u16 = new Uint16Array(buf.buffer.slice(buf.byteOffset + 8, buf.byteOffset + 8 + 2 * (3 * n + valueChars)));
  const label = u16.subarray(0, n);
  const count = u16.subarray(n, 2 * n);
  const valueLength = u16.subarray(2 * n, 3 * n);
  const values = Buffer.from(u16.buffer, 6 * n, 2 * valueChars).toString('utf16le');
  const first = new Uint32Array(n + 1);
  first[0] = 1;
  t = { label, count, valueLength, first, valueStart: new Int32Array(n), valueEnd: new Uint32Array(n), values, rootChild: new Uint32Array(0x10000), ready: 0, nextValue: 0 };
  if (n > 0) prepare(t, 0);
  for (let k = first[0]; k < first[1]; k++) t.rootChild[label[k]] = k;
  decoded[index] = t;
  return t;
}

/** Fills first, valueStart and valueEnd up to node `node` (first[node + 1] included). */
function prepare(t: Trie, node: number): void {
  const { count, valueLength, first, valueStart, valueEnd } = t;
  let next = first[t.ready];
  let v = t.nextValue;
  for (let i = t.ready; i <= node; i++) {
    next += count[i];
    first[i + 1] = next;
    const len = valueLength[i];
    if (len === 0) valueStart[i] = -1;
    else {
      valueStart[i] = v;
      v += len - 1;
      valueEnd[i] = v;
    }
  }
  t.ready = node + 1;
  t.nextValue = v;
}

/** The child of `node` along code unit `c`, 0 when none (children sorted by label: binary search). */
function child(t: Trie, node: number, c: number): number {
  let lo = t.first[node];
  let hi = t.first[node + 1] - 1;
  const label = t.label;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = label[mid];
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The longest entry starting at i (end of the match, and its node), or end 0 when none. */
let matchNode = 0;
function longestMatch(t: Trie, s: string, i: number, limit: number): number {
  let node = t.rootChild[s.charCodeAt(i)];
  if (node === 0) return 0;
  let end = 0;
  let j = i + 1;
  for (;;) {
    if (node >= t.ready) prepare(t, node);
    if (t.valueStart[node] >= 0) {
      end = j;
      matchNode = node;
    }
    if (j >= limit || t.first[node] === t.first[node + 1]) break;
    const next = child(t, node, s.charCodeAt(j));
    if (next === 0) break;
    node = next;
    j++;
  }
  return end;
}

/** One dictionary group applied with longest match, as opencc-js's Trie.convert; `s` when nothing changes. */
function convertWith(t: Trie, s: string, from = 0, to = s.length): string {
  let parts: string[] | undefined;
  let copied = from;
  for (let i = from; i < to; ) {
    const end = longestMatch(t, s, i, to);
    if (end === 0) {
      i += unmatchedLength(s, i, to);
      continue;
    }
    const vs = t.valueStart[matchNode];
    const ve = t.valueEnd[matchNode];
    if (ve - vs !== end - i || !sameChars(t.values, vs, s, i, end - i)) {
      parts ??= [];
      if (i > copied) parts.push(s.slice(copied, i));
      parts.push(t.values.slice(vs, ve));
      copied = end;
    }
    i = end;
  }
  if (!parts) return from === 0 && to === s.length ? s : s.slice(from, to);
  if (copied < to) parts.push(s.slice(copied, to));
  return parts.join('');
}

function sameChars(a: string, at: number, b: string, bt: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a.charCodeAt(at + k) !== b.charCodeAt(bt + k)) return false;
  return true;
}

/** Segments as opencc-js's Trie.segment: longest dictionary words, and runs of unmatched text between them. */
function segment(t: Trie, s: string): number[] {
  const bounds = [0];
  let inRun = false;
  for (let i = 0; i < s.length; ) {
    const end = longestMatch(t, s, i, s.length);
    if (end > 0) {
      if (inRun) bounds.push(i);
      inRun = false;
      bounds.push(end);
      i = end;
    } else {
      inRun = true;
      i += unmatchedLength(s, i, s.length);
    }
  }
  if (inRun) bounds.push(s.length);
  return bounds;
}

/** The configurations with precomputed tries. */
export function hasOpenccConfig(name: string): boolean {
  return Object.hasOwn(CONFIGS, name);
}

/**
 * A converter giving what OpenCC.Converter gives for the configuration: the normalisation groups, then (after
 * segmentation, for the configurations that segment) the conversion groups, each with longest match.
 */
export function trieConverter(configName: string): (text: string) => string {
  if (!hasOpenccConfig(configName)) throw new Error(`unknown opencc configuration ${configName}`);
  const config = CONFIGS[configName];
  const normalization = config.normalization.map(trie);
  const conversion = config.conversion.map(trie);
  const segmentation = config.segmentation === undefined ? undefined : trie(config.segmentation);
  return (text) => {
    let out = text;
    for (const t of normalization) out = convertWith(t, out);
    if (!segmentation) {
      for (const t of conversion) out = convertWith(t, out);
      return out;
    }
    const bounds = segment(segmentation, out);
    const pieces: string[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      let piece = convertWith(conversion[0], out, bounds[k], bounds[k + 1]);
      for (let g = 1; g < conversion.length; g++) piece = convertWith(conversion[g], piece);
      pieces.push(piece);
    }
    return pieces.join('');
  };
}

/** The code points that some entry of the configuration changes (see opencc-compile.ts). */
export function changingCodePointList(configName: string): Uint32Array {
  if (!hasOpenccConfig(configName)) throw new Error(`unknown opencc configuration ${configName}`);
  const buf = Buffer.from(CONFIGS[configName].changing, 'base64');
  const out = new Uint32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(4 * i);
  return out;
}

/** How far an unmatched position advances, as in opencc-js: a whole ideographic description sequence, else one code point. */
function unmatchedLength(s: string, i: number, limit: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0x2ff0 && c <= 0x2fff) {
    const end = idsEnd(s, i, limit);
    if (end > i) return end - i;
  }
  return codePointLength(s, i, limit);
}

function codePointLength(s: string, i: number, limit: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < limit) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

function idsArity(cp: number): number {
  if (cp === 0x2ff0 || cp === 0x2ff1) return 2;
  if (cp === 0x2ff2 || cp === 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** End of the ideographic description sequence starting at i (⿰氵工), 0 if none is complete. */
function idsEnd(s: string, i: number, limit: number): number {
  const arity = idsArity(s.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i, limit);
  for (let k = 0; k < arity; k++) {
    if (end >= limit) return 0;
    const sub = idsEnd(s, end, limit);
    end = sub || end + codePointLength(s, end, limit);
  }
  return end;
}
