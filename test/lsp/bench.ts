// npm run bench:lsp — the language server's latency and memory as an editor sees them, over stdio, debounce 0
// (builds first). Not a timed test: it prints figures and the targets of issue 11 met or not.
//   1. A fresh server per seed report (three rounds): from didOpen to the first publishDiagnostics (target ≤ 300 ms),
//      and from spawning the process to the initialize result; the first start after a build apart (no code cache).
//   2. A 1 MB report: the first diagnostics after didOpen; one-character edits, each from didChange to the first
//      publishDiagnostics of the new version (the partial re-check: target ≤ 50 ms) and to the full result
//      (target ≤ 300 ms); server RSS with the document open (target ≤ 150 MB), and idle (after 2.5 s, and after 7.5 s,
//      once the check thread has compacted its heap).
//   3. 100 edits in a burst: the last diagnostics must be those of the final text (no stale result), and the
//      server's peak RSS (VmHWM) after them (target ≤ 300 MB).
// Wall-clock figures: run it on a quiet machine. `-- --only=seeds` or `-- --only=large` runs one part.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSeed, seedFiles } from '../helpers/corpus.js';
import { diagnosticKeys, SERVER, startClient, type TestClient } from './client.js';
import { check } from '../../server/src/index.js';
import { capFindings } from '../../server/src/lsp/diagnostics.js';
import { largeReport } from './large-report.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;
const stats = (xs: number[]) => `median ${ms(median(xs))}, max ${ms(Math.max(...xs))} (${xs.length})`;
const targets: string[] = [];
const target = (what: string, value: number, limit: number, unit: string) =>
  targets.push(`${what}: ${value.toFixed(0)} ${unit} (target ≤ ${limit} ${unit}): ${value <= limit ? 'met' : 'NOT met'}`);

/** VmRSS and VmHWM of the server process, in MB. */
function memory(c: TestClient): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${c.proc!.pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** The publish after `since` for this version; a second one for the same version (the full result), if it comes. */
async function publishes(c: TestClient, uri: string, version: number, since: number, t0: number): Promise<{ first: number; full: number; count: number }> {
  await c.diagnostics(uri, { since, version, timeout: 300_000 });
  const first = performance.now() - t0;
  const at = c.published.findIndex((p, i) => i >= since && p.uri === uri && p.version === version);
  try {
    await c.diagnostics(uri, { since: at + 1, version, timeout: 20_000 });
    return { first, full: performance.now() - t0, count: 2 };
  } catch {
    return { first, full: first, count: 1 }; // one publish: the first was the full result
  }
}

// Stopping a server can race the client's last writes into the closed pipe (ERR_STREAM_DESTROYED, or EPIPE when the
// process is already gone): not a failure of the server.
process.on('unhandledRejection', (error: NodeJS.ErrnoException) => {
  if (error?.code !== 'ERR_STREAM_DESTROYED' && error?.code !== 'EPIPE') throw error;
});

console.log(`## fazhi-lint bench:lsp — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, debounce 0\n`);

// 1. Fresh server per seed, three rounds. The check thread runs the bundle through V8's code cache, which the first
// server after a build writes (dist/.code-cache-server/): that first start is measured apart.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (only !== 'large') {
  rmSync(path.join(path.dirname(SERVER), '.code-cache-server'), { recursive: true, force: true });
  const opens: number[] = [];
  let uncached: number | undefined;
  for (let round = 0; round < 3; round++) {
    for (const file of seedFiles()) {
      const t0 = performance.now();
      const c = await startClient({ settings: { debounce: 0 } });
      const started = performance.now() - t0;
      try {
        const text = readSeed(file);
        const uri = `untitled:${file}`;
        const t1 = performance.now();
        c.open(uri, text);
        await c.diagnostics(uri, { timeout: 60_000 });
        const first = performance.now() - t1;
        if (uncached === undefined) uncached = first;
        else opens.push(first);
        console.log(`${file} (${text.length} chars): server up ${ms(started)}, didOpen → first diagnostics ${ms(first)}${opens.length ? '' : ' (no code cache yet)'}, RSS ${memory(c).rss.toFixed(0)} MB`);
        // The first thread writes the code cache once idle after its first check.
        if (!opens.length) await sleep(1500);
      } finally {
        await c.stop();
      }
    }
  }
  console.log(`didOpen → first diagnostics on a fresh server: ${stats(opens)}; the first start after a build (no code cache): ${ms(uncached!)}`);
  target('seed report, didOpen → first diagnostics on a fresh server (median of 3 rounds × 5 seeds)', median(opens), 300, 'ms');
  console.log();
}

// 2 and 3. A 1 MB report.
if (only !== 'seeds') {
  const big = largeReport(1_000_000);
  // Default settings besides the debounce: maxProblems 1000 (what is published of the 86,000 findings).
  const MAX_PROBLEMS = 1000;
  const c = await startClient({ settings: { debounce: 0, maxProblems: MAX_PROBLEMS } });
  try {
    const uri = 'untitled:large-report.md';
    let t0 = performance.now();
    c.open(uri, big, 'markdown');
    const opened = await publishes(c, uri, 1, 0, t0);
    console.log(`1 MB report (${big.length} chars): didOpen → first diagnostics ${ms(opened.first)}, full ${ms(opened.full)}; RSS ${memory(c).rss.toFixed(0)} MB`);
    const lines = big.split('\n');
    const line = Math.floor(lines.length / 2);
    const firsts: number[] = [];
    const fulls: number[] = [];
    let text = big;
    const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
    let version = 1;
    for (let k = 0; k < 10; k++) {
      version++;
      const since = c.published.length;
      t0 = performance.now();
      c.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' }]);
      text = text.slice(0, lineStart) + '的' + text.slice(lineStart);
      const r = await publishes(c, uri, version, since, t0);
      firsts.push(r.first);
      fulls.push(r.full);
    }
    const open = memory(c);
    console.log(`one-character edit → first diagnostics (partial): ${stats(firsts)}`);
    console.log(`one-character edit → full result: ${stats(fulls)}`);
    console.log(`server with the 1 MB report open: RSS ${open.rss.toFixed(0)} MB, VmHWM ${open.hwm.toFixed(0)} MB`);
    // The check thread collects its garbage once idle for a second (worker.ts).
    await sleep(2500);
    console.log(`the same after 2.5 s without edits: RSS ${memory(c).rss.toFixed(0)} MB`);
    // Idle longer, the thread compacts its heap (worker.ts, COMPACTING_GC_DELAY).
    await sleep(5000);
    console.log(`the same after 7.5 s without edits: RSS ${memory(c).rss.toFixed(0)} MB`);
    target('1 MB report, edit → first partial result (median)', median(firsts), 50, 'ms');
    target('1 MB report, edit → full result (median)', median(fulls), 300, 'ms');
    target('server RSS with a 1 MB report open', open.rss, 150, 'MB');

    // 3. 100 edits in a burst, each one character typed at the end of the previous one.
    const burstStart = performance.now();
    for (let k = 0; k < 100; k++) {
      version++;
      const at = lineStart + k;
      c.change(uri, version, [{ range: { start: { line, character: k }, end: { line, character: k } }, text: '法' }]);
      text = text.slice(0, at) + '法' + text.slice(at);
    }
    const since = c.published.length;
    const last = await c.diagnostics(uri, { since: 0, version, timeout: 300_000 });
    // The full result of the last version, if a partial one came first.
    const full = await c.diagnostics(uri, { since: c.published.indexOf(last) + 1, version, timeout: 20_000 }).catch(() => last);
    const burst = performance.now() - burstStart;
    const stale = c.published.slice(since).filter((p) => p.uri === uri && p.version !== undefined && p.version < version && c.published.indexOf(p) > c.published.indexOf(full));
    const expected = capFindings(check(text), MAX_PROBLEMS).map((f) => `${f.rule} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1}`).sort();
    const same = JSON.stringify(diagnosticKeys(full)) === JSON.stringify(expected);
    const after = memory(c);
    console.log(`100 edits in a burst: last result after ${ms(burst)}; final diagnostics ${same ? 'equal' : 'DIFFER FROM'} the engine's on the final text; ${stale.length} stale publishes after it; VmHWM ${after.hwm.toFixed(0)} MB, RSS ${after.rss.toFixed(0)} MB`);
    await sleep(2500);
    console.log(`the same after 2.5 s without edits: RSS ${memory(c).rss.toFixed(0)} MB`);
    if (!same || stale.length) targets.push('100 edits: final diagnostics not those of the final text: NOT met');
    target('server VmHWM after 100 edits', after.hwm, 300, 'MB');
  } finally {
    await c.stop();
  }
}
console.log(['\nTargets (issue 11):', ...targets.map((t) => `- ${t}`)].join('\n'));
