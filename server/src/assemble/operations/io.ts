// What the assembly operations need of their caller (the CLI's subcommands, the language server's commands):
// the folder relative paths start from and messages show paths against. And the helpers they share.
import path from 'node:path';
import type { ConfigObject } from '../../engine/config.js';
import { configForFile, findConfigFile, loadConfigFile } from '../../node/config-files.js';
import { displayPath } from '../../node/display-path.js';

export interface OperationIO {
  cwd: string;
}

export function absolute(io: OperationIO, file: string): string {
  return path.resolve(io.cwd, file);
}

/** Path as shown to the user: relative to the working directory when inside it, else absolute. */
export function shown(io: OperationIO, file: string): string {
  return displayPath(file, io.cwd, 'absolute');
}

/**
 * The config for a file (explicit, relative to io.cwd, wins), the directory its relative paths start from, and
 * the config file itself (an input of the operation: never written over).
 */
export function configFor(io: OperationIO, file: string | undefined, explicit: string | undefined): { config: ConfigObject; dir: string; source?: string } {
  if (explicit) {
    const source = absolute(io, explicit);
    return { config: loadConfigFile(source), dir: path.dirname(source), source };
  }
  if (file) {
    const { config, source } = configForFile(absolute(io, file));
    return { config, dir: source ? path.dirname(source) : io.cwd, source };
  }
  const source = findConfigFile(io.cwd);
  return source ? { config: loadConfigFile(source), dir: path.dirname(source), source } : { config: {}, dir: io.cwd };
}

/** The input files an operation read, those not given left out. */
export function inputsOf(...files: (string | undefined)[]): string[] {
  return files.filter((f): f is string => !!f);
}
