// npm run bench: what users wait for, each run a whole process, side by side with autocorrect
// (autocorrect-node, native code, `autocorrect --lint`) in the same run, alternating.
//   startup       `--version` (and `node -e 0`, the floor of any Node.js tool)
//   reports       one report of 10 KB, 1 MB and 10 MB (UTF-8 bytes, real report text), --format json
//   folder        a folder of 300 reports (each tool on both cores as it does by default)
//   pathological  texts no report contains (test/bench/pathological.ts) at 100,000 and 1,000,000 characters:
//                 CPU, peak RSS and the 10× growth (target: under 5 s and 500 MB, growth ≤ 11×)
//   engine        the older in-process section (test/bench/bench.ts): parse vs rules, each rule alone
// Printed per case: median CPU seconds (user + sys of the whole process tree), median wall seconds, peak RSS,
// and the ratios fazhi-lint / autocorrect. CPU time is what to compare while the machine is shared.
// Options: --only=startup,reports,folder,pathological,engine  --runs=N  --no-autocorrect
//          --timeout=S, --match=TEXT (pathological: a time limit per run, only the texts whose name contains TEXT)
// Environment: FAZHI_BENCH_CLI (default dist/cli.cjs) to compare two builds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { reportOfSize, utf8Bytes, writeFolder } from './inputs.js';
import { PATHOLOGICAL } from './pathological.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.resolve(ROOT, process.env.FAZHI_BENCH_CLI ?? 'dist/cli.cjs');
const AUTOCORRECT = path.join(ROOT, 'node_modules/autocorrect-node/cli.js');
const TIME = '/usr/bin/time';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = option('only')?.split(',');
const wanted = (section: string) => !only || only.includes(section);
const RUNS = Number(option('runs') ?? 5);
const withAutocorrect = !args.includes('--no-autocorrect') && existsSync(AUTOCORRECT);

interface Sample {
  cpu: number;
  wall: number;
  rssMB: number;
  code: number | null;
}

const work = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-'));
const timeFile = path.join(work, 'time.txt');

/** One whole process: CPU (user + sys, children included), wall seconds and peak RSS, read by GNU time. */
function measure(command: string[], input?: string): Sample {
  if (existsSync(TIME)) {
    const r = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', timeFile, ...command], { input, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const [wall, user, sys, rssKB] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { cpu: user + sys, wall, rssMB: rssKB / 1024, code: r.status };
  }
  // Without GNU time (Debian package `time`): bash's `times` gives the children's CPU; no RSS.
  const quoted = command.map((c) => `'${c.replace(/'/g, `'\\''`)}'`).join(' ');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `${quoted} >/dev/null 2>&1; code=$?; times; exit $code`], { input, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const lines = r.stdout.trim().split('\n');
  const secs = (s: string) => s.split(/\s+/).map((x) => { const m = /(\d+)m([\d.]+)s/.exec(x)!; return Number(m[1]) * 60 + Number(m[2]); });
  const [user, sys] = secs(lines[lines.length - 1]);
  return { cpu: user + sys, wall, rssMB: NaN, code: r.status };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f2 = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(2));
const f0 = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(0));

function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const pad = (c: string, w: number, left: boolean) => (left ? c + ' '.repeat(w - [...c].length) : ' '.repeat(w - [...c].length) + c);
  const line = (r: string[]) => '| ' + r.map((c, i) => pad(c, widths[i], i === 0)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w, i) => '-'.repeat(w + 1) + (i === 0 ? '-' : ':')).join('|') + '|');
  for (const r of cells.slice(1)) console.log(line(r));
  console.log();
}

interface Case {
  name: string;
  fazhi: string[];
  autocorrect?: string[];
  runs: number;
  /** Targets on fazhi-lint's median CPU seconds: absolute, and relative to autocorrect's. */
  maxCpu?: number;
  maxRatio?: number;
}

const results: string[] = [];
function runCases(title: string, cases: Case[]): void {
  console.log(`### ${title}\n`);
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    measure(c.fazhi); // warm the page cache
    if (withAutocorrect && c.autocorrect) measure(c.autocorrect);
    const a: Sample[] = [];
    const b: Sample[] = [];
    // Alternating, so that drifting load on the machine falls on both tools alike.
    for (let i = 0; i < c.runs; i++) {
      a.push(measure(c.fazhi));
      if (withAutocorrect && c.autocorrect) b.push(measure(c.autocorrect));
    }
    const cpuA = median(a.map((s) => s.cpu));
    const wallA = median(a.map((s) => s.wall));
    const cpuB = b.length ? median(b.map((s) => s.cpu)) : NaN;
    const wallB = b.length ? median(b.map((s) => s.wall)) : NaN;
    const rssA = Math.max(...a.map((s) => s.rssMB));
    const ratio = cpuA / cpuB;
    const verdicts: string[] = [];
    if (c.maxCpu !== undefined) verdicts.push(`CPU ≤ ${c.maxCpu} s: ${cpuA <= c.maxCpu ? 'met' : 'NOT met'}`);
    if (c.maxRatio !== undefined && b.length) verdicts.push(`≤ ${c.maxRatio}× autocorrect: ${ratio <= c.maxRatio ? 'met' : 'NOT met'}`);
    rows.push([c.name, f2(cpuA), f2(cpuB), f2(ratio) + '×', f2(wallA), f2(wallB), f2(wallA / wallB) + '×', f2(cpuA / wallA) + '×', f0(rssA), verdicts.join('; ')]);
    if (verdicts.length) results.push(`${c.name}: ${verdicts.join('; ')}`);
  }
  table(['run (median of ' + cases.map((c) => c.runs).join('/') + ')', 'CPU s', 'autocorrect CPU s', 'CPU ratio', 'wall s', 'autocorrect wall s', 'wall ratio', 'CPU / wall', 'peak RSS MB', 'target'], rows);
}

const node = process.execPath;
const fazhi = (...operands: string[]) => [node, CLI, '--format', 'json', ...operands];
const autocorrect = (...operands: string[]) => [node, AUTOCORRECT, '--lint', '--format', 'json', ...operands];

console.log(`## fazhi-lint bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${CLI}` +
  (withAutocorrect ? `, autocorrect ${spawnSync(node, [AUTOCORRECT, '--version'], { encoding: 'utf8' }).stdout.trim()}` : ', without autocorrect') + '\n');

try {
  if (wanted('startup')) {
    runCases('Start-up', [
      { name: 'node -e 0', fazhi: [node, '-e', '0'], runs: RUNS * 2 },
      { name: '--version', fazhi: [node, CLI, '--version'], autocorrect: [node, AUTOCORRECT, '--version'], runs: RUNS * 2, maxCpu: 0.15 },
    ]);
  }
  if (wanted('reports')) {
    const cases: Case[] = [];
    for (const [label, size, runs, maxRatio] of [['10 KB', 10_000, RUNS * 2, 2], ['1 MB', 1_000_000, RUNS, 1], ['10 MB', 10_000_000, Math.max(2, Math.ceil(RUNS / 2)), undefined]] as const) {
      const file = path.join(work, `report-${label.replace(' ', '')}.txt`);
      const text = reportOfSize(size);
      writeFileSync(file, text);
      cases.push({ name: `report ${label} (${utf8Bytes(text)} B)`, fazhi: fazhi(file), autocorrect: autocorrect(file), runs, maxRatio, ...(label === '10 KB' ? { maxCpu: 0.3 } : {}) });
    }
    runCases('One report', cases);
  }
  if (wanted('folder')) {
    const dir = path.join(work, 'folder');
    const { files, bytes } = writeFolder(dir, 300);
    runCases(`A folder of ${files} reports (${(bytes / 1e6).toFixed(2)} MB)`, [{ name: `folder of ${files}`, fazhi: fazhi(dir), autocorrect: autocorrect(dir), runs: RUNS, maxRatio: 1 }]);
    results.push('folder: wall time should be ≥ 1.6× better than CPU time (CPU / wall column)');
  }
  if (wanted('pathological')) {
    console.log('### Pathological inputs (whole process, --format json; target < 5 s CPU, < 500 MB, 10× the text ≤ 11× the time)\n');
    const rows: (string | number)[][] = [];
    const runs = Number(option('runs') ?? 1);
    // A run still going after this many seconds is stopped and shown as such (a quadratic case takes hours).
    const limit = Number(option('timeout') ?? 120);
    const limited = (cmd: string[]) => ['timeout', '-s', 'KILL', String(limit), ...cmd];
    const startup = median(Array.from({ length: 3 }, () => measure([node, CLI, '--version']).cpu));
    const match = option('match');
    for (const [name, make] of Object.entries(PATHOLOGICAL)) {
      if (match && !name.includes(match)) continue;
      const file = (n: number) => {
        const p = path.join(work, `pathological-${n}.txt`);
        writeFileSync(p, make(n));
        return p;
      };
      const small = file(100_000);
      const large = file(1_000_000);
      const s = Array.from({ length: runs }, () => measure(limited(fazhi(small))));
      const l = Array.from({ length: runs }, () => measure(limited(fazhi(large))));
      const killed = (xs: Sample[]) => xs.some((x) => x.code === 137 || x.code === null);
      const cs = median(s.map((x) => x.cpu));
      const cl = median(l.map((x) => x.cpu));
      const rss = Math.max(...l.map((x) => x.rssMB));
      const growth = (cl - startup) / Math.max(0.01, cs - startup);
      const ok = !killed(l) && cl < 5 && rss < 500 && growth <= 11;
      const shown = (x: number, xs: Sample[]) => (killed(xs) ? `> ${limit} (stopped)` : f2(x));
      const rssShown = killed(l) ? '—' : f0(rss);
      rows.push([name, shown(cs, s), shown(cl, l), rssShown, killed(l) ? '—' : f2(growth) + '×', ok ? 'met' : 'NOT met']);
      if (!ok) results.push(`pathological ${name}: ${shown(cl, l)} s, ${rssShown} MB, growth ${killed(l) ? '—' : f2(growth) + '×'}: NOT met`);
    }
    table(['text', 'CPU s at 1e5', 'CPU s at 1e6', 'peak RSS MB at 1e6', 'growth (start-up excluded)', 'target'], rows);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (results.length) console.log(['Targets:', ...results.map((r) => `- ${r}`)].join('\n') + '\n');

if (wanted('engine')) {
  console.log('### In-process engine figures (secondary)\n');
  const r = spawnSync(node, ['--import', 'tsx', fileURLToPath(new URL('./bench.ts', import.meta.url))], { stdio: 'inherit', cwd: ROOT });
  if (r.status) process.exitCode = r.status;
}
