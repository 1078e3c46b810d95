// Finding and reading config files, shared by the CLI and the language
// server so both resolve configuration the same way (as vscode-markdownlint
// and markdownlint-cli2 do): the nearest .fazhi-lint.json / .fazhi-lint.jsonc
// up the tree from the checked file, or an explicit path.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ConfigError, validateConfig, type ConfigObject } from '../engine/config.js';
import { decodeInput, describeFsError, notRegularFile } from './read-input.js';
import { pathMatcher } from './collect-files.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../engine/types.js';

export const CONFIG_FILE_NAMES = ['.fazhi-lint.json', '.fazhi-lint.jsonc'];

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Reads, parses (JSON with comments) and validates a config file against the schema of `rules` (each rule's
 * `extend` included); throws ConfigError with a clear message.
 */
export function loadConfigFile(file: string, rules: readonly Rule[] = RULES): ConfigObject {
  let source: string;
  try {
    const problem = notRegularFile(statSync(file));
    if (problem) throw new ConfigError(`无法读取配置文件（cannot read config file）：${problem}`, file);
    // Decoded like a report: a UTF-8 BOM (Windows Notepad writes one) or UTF-16 with BOM is fine.
    const decoded = decodeInput(readFileSync(file));
    if (!decoded.ok) throw new ConfigError(`无法读取配置文件（cannot read config file）：${decoded.message}`, file);
    source = decoded.text;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`无法读取配置文件（cannot read config file）：${describeFsError(error)}`, file);
  }
  return parseConfigText(source, file, rules);
}

/** The other config file name in the same folder as `file`, when both exist (only `file` is used). */
export function shadowedConfigFile(file: string): string | undefined {
  const name = path.basename(file);
  if (!CONFIG_FILE_NAMES.includes(name)) return undefined;
  for (const other of CONFIG_FILE_NAMES) {
    if (other === name) continue;
    const candidate = path.join(path.dirname(file), other);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function parseConfigText(source: string, file: string, rules: readonly Rule[] = RULES): ConfigObject {
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const errors: ParseError[] = [];
  const value = parse(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0];
    const before = source.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    throw new ConfigError(`配置文件不是有效的 JSON（invalid JSON: ${printParseErrorCode(first.error)}，第 ${line} 行第 ${column} 列）`, file);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError('配置文件的内容应为一个 JSON 对象（config must be a JSON object）', file);
  }
  return validateConfig(value, file, rules);
}

/** The config that applies to a file: an explicit path wins, else the nearest file up the tree. */
export function configForFile(file: string, explicitPath?: string): { config: ConfigObject; source?: string } {
  const source = explicitPath ?? findConfigFile(path.dirname(path.resolve(file)));
  return source ? { config: loadConfigFile(source), source } : { config: {} };
}

/**
 * The config's `ignores`, matched the same way by the CLI and the language server: case-insensitive,
 * against the bare file name, the absolute path and the path relative to each base folder (the
 * config file's folder, or the workspace roots); a glob naming a folder ("drafts", "drafts/") covers it all.
 */
export function ignoresMatcher(globs: readonly string[] | undefined, bases: readonly string[]): (file: string) => boolean {
  if (!globs?.length) return () => false;
  const matcher = pathMatcher(globs, { nocase: true });
  return (file) => {
    if (matcher(path.basename(file)) || matcher(path.resolve(file).split(path.sep).join('/'))) return true;
    return bases.some((base) => {
      const rel = path.relative(base, file);
      return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && matcher(rel.split(path.sep).join('/'));
    });
  };
}
