// Compiles opencc-js's dictionaries into the compact tries of opencc-data.ts (format below, matcher in
// opencc-tries.ts), never during a check: building opencc-js's Map-of-Maps tries took a third of a 10 KB
// report's CPU time, every run. After upgrading opencc-js, regenerate the file with
//   node --import tsx server/src/engine/opencc-compile.ts --write
// (test/engine/script.test.ts fails while it is stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

/** The opencc configurations the engine converts with. */
export const OPENCC_CONFIGS = ['t2s', 's2t', 's2tw', 's2hk'] as const;
export type OpenccConfigName = (typeof OPENCC_CONFIGS)[number];

type Dict = string | [string, string][];

interface Config {
  normalizationChain?: Dict[][];
  segmentation?: Dict[];
  conversionChain: Dict[][];
}

export function openccConfig(name: string): Config {
  const config = (OpenCC.Locale.configs ?? {})[name] as unknown as Config | undefined;
  if (!config) throw new Error(`unknown opencc configuration ${name}`);
  return config;
}

function entriesOf(dict: Dict): [string, string][] {
  return typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
}

/**
 * The entries of a dictionary group as opencc-js's Trie.loadDictGroup sees them: dictionaries loaded last to
 * first, so that an earlier dictionary's entry wins.
 */
function groupEntries(group: Dict[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const dict of [...group].reverse()) for (const [from, to] of entriesOf(dict)) out.set(from, to);
  return out;
}

/**
 * One trie, serialised: nodes in breadth-first order, children of a node contiguous and sorted by code unit,
 * so that edge k leads to node k + 1 and a node's children are found from the counts alone.
 *   u32 nodeCount, u32 valueChars
 *   u16 label[nodeCount]       the code unit on the edge into the node (0 for the root)
 *   u16 childCount[nodeCount]
 *   u16 valueLength[nodeCount] 0: no entry ends here; else the replacement's length + 1
 *   u16 values[valueChars]     the replacements, in node order
 * Keys are matched by UTF-16 code unit; every key is a whole sequence of code points, so no match ends inside
 * a surrogate pair.
 */
function serialiseTrie(entries: Map<string, string>): Buffer {
  interface Node {
    children: Map<number, Node>;
    value?: string;
  }
  const root: Node = { children: new Map() };
  for (const [key, value] of entries) {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = { children: new Map() }));
      node = next;
    }
    node.value = value;
  }
  const order: { node: Node; label: number }[] = [{ node: root, label: 0 }];
  for (let i = 0; i < order.length; i++) {
    for (const [label, child] of [...order[i].node.children].sort((a, b) => a[0] - b[0])) order.push({ node: child, label });
  }
  const n = order.length;
  const values = order.map((o) => o.node.value ?? '').join('');
  const buf = Buffer.alloc(8 + 6 * n + 2 * values.length + (n % 2 === 1 || values.length % 2 === 1 ? 4 : 0));
  buf.writeUInt32LE(n, 0);
  buf.writeUInt32LE(values.length, 4);
  let at = 8;
  for (const o of order) (buf.writeUInt16LE(o.label, at), (at += 2));
  for (const o of order) (buf.writeUInt16LE(o.node.children.size, at), (at += 2));
  for (const o of order) (buf.writeUInt16LE(o.node.value === undefined ? 0 : o.node.value.length + 1, at), (at += 2));
  for (let i = 0; i < values.length; i++) (buf.writeUInt16LE(values.charCodeAt(i), at), (at += 2));
  return buf.subarray(0, at);
}

/**
 * The code points that some entry of a configuration changes: the differing positions of a same-length entry,
 * every character of an entry that changes the length. A text without any converts to itself (script.ts skips
 * its lines).
 */
export function changingCodePointsOf(name: string): number[] {
  const config = openccConfig(name);
  const changing = new Set<number>();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      for (const [from, to] of entriesOf(dict)) {
        const a = [...from];
        const b = [...to];
        for (let i = 0; i < a.length; i++) if (a.length !== b.length || a[i] !== b[i]) changing.add(a[i].codePointAt(0)!);
      }
    }
  }
  return [...changing].sort((x, y) => x - y);
}

/** The text of opencc-data.ts: every trie the configurations use (shared ones once), as base64. */
export function openccDataText(): string {
  const tries: string[] = [];
  const index = new Map<string, number>();
  const trieOf = (entries: Map<string, string>): number => {
    const b64 = serialiseTrie(entries).toString('base64');
    let i = index.get(b64);
    if (i === undefined) {
      index.set(b64, (i = tries.length));
      tries.push(b64);
    }
    return i;
  };
  const configs: Record<string, { normalization: number[]; segmentation?: number; conversion: number[]; changing: string }> = {};
  for (const name of OPENCC_CONFIGS) {
    const c = openccConfig(name);
    // Segmentation only needs the keys: every value is the empty string.
    const seg = c.segmentation ? new Map([...groupEntries(c.segmentation)].map(([k]) => [k, ''])) : undefined;
    const changing = Buffer.from(Uint32Array.from(changingCodePointsOf(name)).buffer).toString('base64');
    configs[name] = {
      normalization: (c.normalizationChain ?? []).map((g) => trieOf(groupEntries(g))),
      ...(seg ? { segmentation: trieOf(seg) } : {}),
      conversion: c.conversionChain.map((g) => trieOf(groupEntries(g))),
      changing,
    };
  }
  const version = (OpenCC as unknown as { version?: string }).version;
  return [
    '// Generated by server/src/engine/opencc-compile.ts from opencc-js' + (version ? ` ${version}` : '') + ': do not edit.',
    '// The tries of the opencc configurations the engine uses, serialised (format: opencc-compile.ts), as base64.',
    '/* eslint-disable */',
    `export const TRIES: readonly string[] = [\n${tries.map((t) => `  '${t}',`).join('\n')}\n];`,
    `export const CONFIGS: Record<string, { normalization: number[]; segmentation?: number; conversion: number[]; changing: string }> = ${JSON.stringify(configs)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(fileURLToPath(new URL('./opencc-data.ts', import.meta.url)), openccDataText());
}
