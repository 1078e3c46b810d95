// Latency of the language server, measured over stdio as an editor sees it:
// from didChange to the publishDiagnostics of the new version, debounce set
// to 0. Run with `npm run bench:lsp` (builds first). Not a timed test.
import { performance } from 'node:perf_hooks';
import { readSeed, seedFiles } from '../helpers/corpus.js';
import { startClient, type TestClient } from './client.js';
import { largeReport } from './large-report.js';

async function editLatency(c: TestClient, uri: string, text: string, runs: number, full: boolean): Promise<number[]> {
  const since = c.published.length;
  c.open(uri, text);
  await c.diagnostics(uri, { since, timeout: 120000 });
  if (full) await new Promise((r) => setTimeout(r, 200));
  const times: number[] = [];
  // One character typed in the middle of the text, at a line start, then the next, and so on.
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  for (let v = 2; v < runs + 2; v++) {
    const s = c.published.length;
    const t0 = performance.now();
    c.change(uri, v, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' }]);
    await c.diagnostics(uri, { since: s, version: v, timeout: 120000 });
    times.push(performance.now() - t0);
  }
  c.close(uri);
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} edits)`;

const c = await startClient({ settings: { debounce: 0 }, env: { FAZHI_LINT_TRACE: '1' } });
try {
  for (const file of seedFiles()) {
    const text = readSeed(file);
    const times = await editLatency(c, `untitled:${file}`, text, 20, false);
    console.log(`${file} (${text.length} chars): ${fmt(times)}`);
  }
  // The worst case: all five seeds (000 and 003 have pinyin residue and traditional characters on every
  // line: ~50,000 findings); and a report of the simplified seeds 002 and 004 only (fewer findings).
  const variants: [string, string][] = [
    ['1 MB report of all seeds', largeReport(1_000_000)],
    ['1 MB report of seeds 002+004', largeReport(1_000_000, ['002_0376ecbf1b3a9eef.txt', '004_e2661321fbbd4b8b.txt'])],
  ];
  for (const [name, big] of variants) {
    const openStart = performance.now();
    const uri = `untitled:${name}.md`;
    let since = c.published.length;
    c.open(uri, big, 'markdown');
    const first = await c.diagnostics(uri, { since, timeout: 300000 });
    console.log(`${name} (${big.length} chars): first full check (worker) ${(performance.now() - openStart).toFixed(0)} ms, ${first.diagnostics.length} diagnostics published`);
    const times: number[] = [];
    const fullTimes: number[] = [];
    const line = Math.floor(big.split('\n').length / 2);
    for (let v = 2; v < 8; v++) {
      since = c.published.length;
      const t0 = performance.now();
      c.change(uri, v, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' }]);
      await c.diagnostics(uri, { since, version: v, timeout: 300000 });
      times.push(performance.now() - t0);
      // The full re-check (worker) of the same version follows.
      await c.diagnostics(uri, { since: c.published.length, version: v, timeout: 300000 });
      fullTimes.push(performance.now() - t0);
    }
    console.log(`${name}, one-character edit → first publishDiagnostics (partial re-check): ${fmt(times)}`);
    console.log(`${name}, one-character edit → full re-check published (worker): ${fmt(fullTimes)}`);
    c.close(uri);
  }
  for (const line of c.logs.filter((l) => l.startsWith('partial re-check'))) console.log(`  server: ${line}`);
  const checks = c.logs.filter((l) => l.startsWith('check of untitled:0')).map((l) => Number(/: ([\d.]+) ms/.exec(l)![1]));
  console.log(`seed reports, full check inside the server: ${fmt(checks)}`);
} finally {
  await c.stop();
}
