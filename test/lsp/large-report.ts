// A large report for latency tests and the benchmark: a title and the seed
// reports' bodies repeated until the text reaches the wanted size.
import { readSeed, seedFiles } from '../helpers/corpus.js';

export function largeReport(size: number, only?: readonly string[]): string {
  const parts = ['# 某县2023年法治政府建设情况的报告\n\n'];
  let length = parts[0].length;
  const seeds = (only ?? seedFiles()).map(readSeed);
  for (let i = 0; length < size; i++) {
    const s = seeds[i % seeds.length];
    parts.push(s, '\n\n');
    length += s.length + 2;
  }
  return parts.join('');
}
