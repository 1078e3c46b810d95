// Helpers shared by the subcommands: paths, config, writing outputs, usage errors.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configForFile, findConfigFile, loadConfigFile } from '../../node/config-files.js';
import type { ConfigObject } from '../../engine/config.js';
import type { CommandIO } from './index.js';
import { UsageError } from './args.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

export function absolute(io: CommandIO, file: string): string {
  return path.resolve(io.cwd, file);
}

/** Path as shown to the user: relative to the working directory when inside it. */
export function shown(io: CommandIO, file: string): string {
  const rel = path.relative(io.cwd, file);
  if (rel === '') return '.';
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** The config for a file (explicit --config wins) and the directory its relative paths start from. */
export function configFor(io: CommandIO, file: string | undefined, explicit: string | undefined): { config: ConfigObject; dir: string } {
  if (explicit) {
    const source = absolute(io, explicit);
    return { config: loadConfigFile(source), dir: path.dirname(source) };
  }
  if (file) {
    const { config, source } = configForFile(absolute(io, file));
    return { config, dir: source ? path.dirname(source) : io.cwd };
  }
  const source = findConfigFile(io.cwd);
  return source ? { config: loadConfigFile(source), dir: path.dirname(source) } : { config: {}, dir: io.cwd };
}

export function writeOutput(file: string, data: string | Uint8Array, force: boolean): void {
  if (!force && existsSync(file)) throw new UsageError(`${file} 已存在；要覆盖请加 --force（file exists; use --force）`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/** Runs a command body, turning thrown errors into a message on stderr and exit code 2. */
export async function guarded(io: CommandIO, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`fazhi-lint: ${message}\n`);
    if (error instanceof UsageError) io.stderr(`\n${usage}`);
    return EXIT_FAILURE;
  }
}
