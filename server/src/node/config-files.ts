// Finding and reading config files, shared by the CLI and the language
// server so both resolve configuration the same way (as vscode-markdownlint
// and markdownlint-cli2 do): the nearest .fazhi-lint.json / .fazhi-lint.jsonc
// up the tree from the checked file, or an explicit path.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { ConfigError, validateConfig, type ConfigObject } from '../engine/config.js';
import { configPath } from '../engine/config-errors.js';
import { decodeInput, describeFsError, notRegularFile } from './read-input.js';
import { pathMatcher } from './collect-files.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../engine/types.js';

export const CONFIG_FILE_NAMES = ['.fazhi-lint.json', '.fazhi-lint.jsonc'];

/**
 * Config files trusted whoever owns them: FAZHI_LINT_TRUSTED_CONFIGS, paths separated by the platform's
 * delimiter (: or ;), or * for all — as git's safe.directory.
 */
export const TRUSTED_CONFIGS_ENV = 'FAZHI_LINT_TRUSTED_CONFIGS';

/**
 * Why a config file found up the tree is not applied: owned by another user (not root), so anyone who can
 * write to a parent folder (/tmp, a shared drive) could otherwise change how the user's reports are checked,
 * and through regular expressions how long it takes. Undefined when it may be applied.
 */
export function untrustedConfig(file: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined; // Windows: no owners to compare
  const owner = statSync(file).uid;
  if (owner === uid || owner === 0) return undefined;
  const trusted = (env[TRUSTED_CONFIGS_ENV] ?? '').split(path.delimiter).filter(Boolean);
  if (trusted.includes('*') || trusted.some((t) => path.resolve(t) === file)) return undefined;
  return (
    `未使用配置文件 ${file}：它属于另一个用户（uid ${owner}），而不是你或 root；如果信任它，请把它的路径加入环境变量 ${TRUSTED_CONFIGS_ENV}，或用 --config 指定` +
    `（config owned by another user is ignored; trust it with ${TRUSTED_CONFIGS_ENV}=path or --config）`
  );
}

export interface ConfigLookup {
  /** The config file that applies, if any. */
  source?: string;
  /** Config files passed over on the way up, with the reason (untrustedConfig). */
  ignored: string[];
}

/** The nearest applicable config file at or above `dir`, and the ones passed over (owned by another user). */
export function lookupConfigFile(dir: string, env: Record<string, string | undefined> = process.env): ConfigLookup {
  const ignored: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
      const why = untrustedConfig(candidate, env);
      if (!why) return { source: candidate, ignored };
      ignored.push(why);
    }
    const parent = path.dirname(current);
    if (parent === current) return { ignored };
    current = parent;
  }
}

/** The nearest applicable config file at or above `dir`, or undefined (configs of other users are passed over). */
export function findConfigFile(dir: string): string | undefined {
  return lookupConfigFile(dir).source;
}

/**
 * One line saying which config applies to files in `dir` (and which were passed over), for the language
 * server's output channel and --print-config: the user must be able to see where the settings come from.
 */
export function describeConfigLookup(dir: string, env: Record<string, string | undefined> = process.env): string {
  const { source, ignored } = lookupConfigFile(dir, env);
  const applied = source ? `使用配置文件 ${source}（config: ${source}）` : '没有找到配置文件，使用默认设置（no config file: defaults）';
  return [applied, ...ignored].join('；');
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
  // Before parsing: the parser (and the validation) recurse, and would overflow the stack on a deep file.
  const deep = tooDeep(source);
  if (deep) {
    throw new ConfigError(
      `配置文件嵌套过深：第 ${deep.line} 行已有 ${MAX_DEPTH + 1} 层数组或对象，最多允许 ${MAX_DEPTH} 层（nesting deeper than ${MAX_DEPTH} levels at line ${deep.line}）`,
      file,
    );
  }
  const reserved = reservedKeys(source);
  if (reserved.length) {
    throw new ConfigError(`配置无效（invalid config）：${reserved.map((r) => `${r}: 未知的配置项（unknown option）`).join('；')}`, file);
  }
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

/** A config is a few levels deep; anything beyond this is not a config. */
const MAX_DEPTH = 64;

/** Where the nesting of [ and { first goes beyond MAX_DEPTH (strings and comments skipped), in one pass. */
function tooDeep(text: string): { line: number } | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      for (i += 2; i < text.length && !(text[i] === '*' && text[i + 1] === '/'); i++) if (text[i] === '\n') line++;
      i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return { line };
    } else if (c === ']' || c === '}') depth--;
  }
  return undefined;
}

/** Keys JavaScript treats specially (__proto__ would silently become the object's prototype): never options. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The config paths of reserved keys, e.g. rules.typo["__proto__"]. */
function reservedKeys(text: string): string[] {
  const out: string[] = [];
  visit(text, {
    onObjectProperty(property, _offset, _length, _line, _column, pathSupplier) {
      if (RESERVED_KEYS.has(property)) out.push(configPath(['', ...pathSupplier(), property].map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')));
    },
  });
  return out;
}
