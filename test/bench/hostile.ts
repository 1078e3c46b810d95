// Hostile input, timed: how fast fazhi-lint ends on what is built to make it hang or blow up. The reliability tests
// (test/reliability/) assert that each of these ends with the right answer and leave a hang to mocha's timeout; the
// figures, and the bounds those tests once asserted, are here. Each CLI case is a whole process of the built CLI;
// the language server cases run the bundle over stdio.
//   node scripts/build.mjs && node --import tsx test/bench/hostile.ts
// Wall-clock figures: run it on a quiet machine. CPU is user + sys of the process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileUserPattern } from '../../server/src/engine/user-pattern.js';
import { zipBombDocx } from '../assemble/zip-bomb.js';
import { readSeed } from '../helpers/corpus.js';
import { startClient } from '../lsp/client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/cli.cjs');
const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-hostile-'));
const rows: { name: string; figure: string; bound: string; met: boolean }[] = [];

/** The built CLI as a process: wall and CPU seconds, peak RSS in MB. */
function cli(args: string[]): { wall: number; cpu: number; rss: number; code: number | null } {
  const hook = path.join(dir, 'usage.cjs');
  writeFileSync(hook, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`USAGE ${u.userCPUTime + u.systemCPUTime} ${u.maxRSS}\\n`); });");
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, CLI, ...args], { cwd: dir, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  const [, cpu, rss] = /USAGE (\d+) (\d+)/.exec(r.stderr) ?? [];
  return { wall, cpu: Number(cpu) / 1e6, rss: Number(rss) / 1024, code: r.status };
}

function processRow(name: string, args: string[], seconds: number, megabytes?: number): void {
  const r = cli(args);
  rows.push({
    name,
    figure: `${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.rss.toFixed(0)} MB (exit ${r.code})`,
    bound: `< ${seconds} s${megabytes ? `, < ${megabytes} MB` : ''}`,
    met: r.wall < seconds && (!megabytes || r.rss < megabytes),
  });
}

try {
  // A .docx of 2.5 MB whose document.xml inflates to 840 MB (the central directory lies about the size).
  writeFileSync(path.join(dir, 'bomb.docx'), zipBombDocx(840, 40_000));
  processRow('zip bomb (840 MB document.xml): check', ['bomb.docx'], 30, 400);
  processRow('zip bomb (840 MB document.xml): import', ['import', 'bomb.docx', '-o', 'bomb.md'], 30, 400);

  // Catastrophic user patterns in the config: (a+)+$ on a line of 34 "a" is 2^34 steps for a backtracking engine.
  const patterns = { placeholder: { extend: ['(a+)+$'] }, 'broken-paragraph': { extend: ['(a+)+$'] }, 'conversion-artifact': { extend: { lines: ['(a+)+$'], inline: ['(a+)+!'], glued: ['(a+)+$'] } }, typo: { extend: [{ pattern: '(a+)+b', right: 'c' }] } };
  writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ rules: patterns }));
  writeFileSync(path.join(dir, 'r.md'), `${readSeed('001_59b600c439da888f.txt')}\n${'a'.repeat(34)}!\n\n${'a'.repeat(34)}\n`);
  processRow('catastrophic patterns in the config, one report', ['--format', 'json', 'r.md'], 30);

  // assemble reading a FIFO and /dev/zero: refused at once, never read.
  execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ body: '张八桥镇人民政府', year: 2025, profile: 'town', parts: { measures: ['pipe.md', '/dev/zero'] } }));
  processRow('assemble with a FIFO and /dev/zero as contributions', ['assemble', 'manifest.json', '--allow-outside'], 5);

  // The user-pattern engine alone, in this process.
  const line = `${'a'.repeat(5000)}!`;
  for (const source of ['(a+)+$', '(a|a)+$', '(a|aa)+b', '(.*a){20}$', '^(\\w+\\s?)*$']) {
    const started = performance.now();
    compileUserPattern(source, 'gmu').test(line);
    const ms = performance.now() - started;
    rows.push({ name: `user pattern ${source} on 5000 "a" and "!"`, figure: `${ms.toFixed(0)} ms`, bound: '< 5000 ms', met: ms < 5000 });
  }

  // The language server (bundle): answers while a catastrophic pattern is configured, and while a large check runs.
  const hover = (uri: string) => ({ textDocument: { uri }, position: { line: 0, character: 0 } });
  {
    const file = path.join(dir, '某镇2023年法治政府建设情况报告.md');
    const text = `# 某镇2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n${'a'.repeat(34)}!\n`;
    writeFileSync(file, text);
    const c = await startClient({ rootUri: pathToFileURL(dir).href });
    const started = performance.now();
    c.open(pathToFileURL(file).href, text, 'markdown');
    await c.conn.sendRequest('textDocument/hover', hover(pathToFileURL(file).href));
    await c.conn.sendRequest('shutdown');
    const ms = performance.now() - started;
    rows.push({ name: 'language server: didOpen, hover and shutdown with catastrophic patterns', figure: `${ms.toFixed(0)} ms`, bound: '< 5000 ms', met: ms < 5000 });
    await c.stop();
  }
  {
    const c = await startClient();
    c.open('untitled:big.txt', `# 某镇2023年法治政府建设情况的报告\n\n${readSeed('001_59b600c439da888f.txt').repeat(250)}`);
    const started = performance.now();
    await c.conn.sendRequest('textDocument/hover', hover('untitled:other.md'));
    const ms = performance.now() - started;
    rows.push({ name: 'language server: hover while a 1 MB document is checked', figure: `${ms.toFixed(0)} ms`, bound: '< 3000 ms', met: ms < 3000 });
    await c.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.figure}  (bound ${r.bound}: ${r.met ? 'met' : 'NOT met'})`);
process.exitCode = rows.every((r) => r.met) ? 0 : 1;
