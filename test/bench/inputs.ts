// The inputs of the whole-process bench, built from real report text: the seed reports, their clean
// variants (plain text and Markdown) and, when present, test/fixtures/real/. Sizes are UTF-8 bytes (what a
// file on disk weighs), each report cut at a line break.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface Report {
  name: string;
  text: string;
}

/** Every real report the fixtures hold, seeds first. */
export function realReports(): Report[] {
  const out: Report[] = [];
  for (const sub of ['corpus', 'clean', 'clean-md', 'real']) {
    const dir = path.join(FIXTURES, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (!/\.(txt|md)$/.test(f) || /(^|\/)README\.md$/.test(f)) continue;
      out.push({ name: `${sub}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return out;
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * One report of about `size` UTF-8 bytes: a title, then the reports' bodies joined by blank lines and
 * repeated, cut at the last line break before `size`.
 */
export function reportOfSize(size: number, reports = realReports().filter((r) => r.name.startsWith('corpus/'))): string {
  const parts = ['某县2023年法治政府建设情况的报告\n\n'];
  let n = utf8Bytes(parts[0]);
  for (let i = 0; n < size; i++) {
    const t = reports[i % reports.length].text.trimEnd();
    parts.push(t, '\n\n');
    n += utf8Bytes(t) + 2;
  }
  const buf = Buffer.from(parts.join('')).subarray(0, size);
  return buf.subarray(0, buf.lastIndexOf(10) + 1).toString('utf8');
}

/** A folder of `count` reports (the real ones, cycled; .txt and .md as they are), returned with its byte size. */
export function writeFolder(dir: string, count: number): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const reports = realReports();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const r = reports[i % reports.length];
    const ext = path.extname(r.name);
    writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${path.basename(r.name, ext)}${ext}`), r.text);
    bytes += utf8Bytes(r.text);
  }
  return { files: count, bytes };
}
