// Running the CLI on real files in a temporary folder: in-process through
// run(argv, io) (runCli: what almost every test needs, without the cost of
// starting Node for each call), or as a real process of the built
// dist/cli.cjs (runProcess: for what only a process shows — the exit status,
// stdin, signals, a hang ended by a timeout, another user's permissions).
// runProcess fails at once when a bundle is older than its sources (build first; npm test does).
import { spawnSync } from 'node:child_process';
import { run, type CliIO } from '../../server/src/cli/run.js';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { assertBundleCurrent, CLI_BUNDLES } from '../lsp/bundle.js';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'cli.cjs');
export const CLEAN_DIR = path.join(ROOT, 'test', 'fixtures', 'clean');

/** Fails, saying how to build, unless the CLI's bundles are newer than every source they were built from. */
export function assertBuilt(): void {
  assertBundleCurrent(CLI_BUNDLES);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** In-process: what stdout is said to be (colours); default a pipe. */
  tty?: boolean;
  /** In-process: the file system --fix writes through (a failing one for disk-full tests). */
  fs?: CliIO['fs'];
  /** In-process: the rule registry (a test rule added). */
  rules?: CliIO['rules'];
}

/** The CLI in this process: run(argv, io) with the given cwd, env (NO_COLOR=1 unless given) and stdin. */
export async function runCli(args: string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ...options.env };
  const code = await run(args, {
    cwd: options.cwd,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdoutIsTTY: options.tty ?? false,
    readStdin: async () => (typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : (options.input ?? new Uint8Array())),
    ...(options.fs ? { fs: options.fs } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  return { code, stdout, stderr };
}

/** The built CLI as a real process (spawnSync). */
export function runProcess(args: string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string | undefined>; timeout?: number }): CliRun {
  assertBuilt();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: options.timeout ?? 60000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by cleanupTemp(). */
const temps: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lint-cli-'));
  temps.push(dir);
  return dir;
}
export function cleanupTemp(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes files (path → content) under dir, creating folders. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: Record<string, unknown>;
  fix?: { title: string; edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[] };
}
export interface JsonReport {
  version: number;
  files: { path: string; findings: JsonFinding[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number };
}

export function parseJson(run: CliRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}); stderr: ${run.stderr}\nstdout: ${run.stdout.slice(0, 500)}`);
  }
}
