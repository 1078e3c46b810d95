// Command-line options, parsed and validated, for the checking command and the subcommands
// (node:util parseArgs for both). Every problem is a UsageError (exit code 2) with a
// Chinese + English message.
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity, type SeveritySetting } from '../engine/types.js';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
/** --fail-on levels (docs/rules.md): hints never fail a run. */
export const FAIL_ON: Severity[] = ['error', 'warning', 'info'];

export interface CliOptions {
  operands: string[];
  format: Format;
  fix: boolean;
  failOn: Severity;
  config?: string;
  noConfig: boolean;
  rules: Record<string, SeveritySetting>;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  /** Last year's report (copied-report compares against it). */
  previous?: string;
  color?: boolean;
  /** Text output: show at most this many findings of one rule per file (the rest is counted). */
  maxPerRule?: number;
  /** Print the config that applies to the one operand, instead of checking. */
  printConfig: boolean;
  version: boolean;
  help: boolean;
}

/** Bad arguments: the message (Chinese, then English) and the usage go to stderr, exit code 2. Every command throws this one. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs errors, in Chinese first (the option named as the user wrote it), Node's English after. */
function describeParseError(error: NodeJS.ErrnoException): string {
  const english = error.message.replace(/\. To specify a positional argument.*$/s, '');
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知的选项 ${option}；以 - 开头的文件名请写在 -- 之后（${english}）`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? `选项 ${option.replace(/ <value>$/, '')} 需要一个取值（${english}）`
        : /does not take an argument/.test(error.message)
          ? `选项 ${option} 不接受取值（${english}）`
          : /is ambiguous/.test(error.message)
            ? `选项 ${option} 的取值以 - 开头，像是漏写了取值；确实如此时请写成 ${option}=-…（${english.split('\n')[0]}）`
            : `选项的取值无效（${english}）`;
    default:
      return `参数无效（invalid arguments）：${english}`;
  }
}

export function parseCliArgs(argv: string[], knownRules: ReadonlySet<string>): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        previous: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'max-per-rule': { type: 'string' },
        'print-config': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException));
  }
  const v = parsed.values;
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`未知的输出格式 "${v.format}"，应为 ${FORMATS.join('|')}（unknown --format）`);
  }
  const failOn = (v['fail-on'] ?? 'error') as Severity;
  if (!FAIL_ON.includes(failOn)) {
    throw new UsageError(`--fail-on 的取值应为 ${FAIL_ON.join('|')}，而不是 "${v['fail-on']}"（invalid --fail-on）`);
  }
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config 与 --no-config 不能同时使用（--config conflicts with --no-config）');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename 需要与 --stdin 一起使用（--stdin-filename needs --stdin）');
  if (v.stdin && parsed.positionals.length) throw new UsageError('使用 --stdin 时不能再给出文件（--stdin takes no file operands）');
  let maxPerRule: number | undefined;
  if (v['max-per-rule'] !== undefined) {
    maxPerRule = Number(v['max-per-rule']);
    if (!/^\d+$/.test(v['max-per-rule']) || maxPerRule < 1) throw new UsageError(`--max-per-rule 的取值应为正整数，而不是 "${v['max-per-rule']}"（expected a positive integer）`);
    if (format !== 'text') throw new UsageError(`--max-per-rule 只用于 text 格式；${format} 输出总是列出全部问题（--max-per-rule applies to --format text only）`);
  }
  if (v['print-config'] && !v.stdin && parsed.positionals.length !== 1) {
    throw new UsageError('--print-config 需要且只需要一个文件（--print-config takes exactly one file）');
  }
  const rules = ruleOverrides(v.rule, knownRules);
  return {
    operands: parsed.positionals,
    format,
    fix: !!v.fix,
    failOn,
    config: v.config,
    noConfig: !!v['no-config'],
    rules,
    quiet: !!v.quiet,
    stdin: !!v.stdin,
    stdinFilename: v['stdin-filename'],
    previous: v.previous,
    color: v['no-color'] ? false : v.color ? true : undefined,
    maxPerRule,
    printConfig: !!v['print-config'],
    version: !!v.version,
    help: !!v.help,
  };
}

/** The severities set with --rule id=severity (repeatable): the checking command's and the review's. */
export function ruleOverrides(specs: readonly string[] | undefined, knownRules: ReadonlySet<string>): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of specs ?? []) {
    const m = /^\s*([a-z0-9-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(spec);
    if (!m) throw new UsageError(`--rule 的格式应为 规则=级别，例如 cjk-spacing=off，而不是 "${spec}"（expected id=severity）`);
    const [, id, severity] = m;
    if (!knownRules.has(id)) throw new UsageError(`未知的规则 "${id}"（unknown rule id in --rule）`);
    if (severity !== 'off' && !SEVERITIES.includes(severity as Severity)) {
      throw new UsageError(`规则 ${id} 的级别应为 off|${SEVERITIES.join('|')}，而不是 "${severity}"（invalid severity in --rule）`);
    }
    rules[id] = severity as SeveritySetting;
  }
  return rules;
}

/** A subcommand's options: those taking a value (`lists`: repeatable), boolean flags, and one-letter aliases ({ o: 'output' }). */
export interface ArgSpec {
  values: string[];
  lists?: string[];
  flags?: string[];
  aliases?: Record<string, string>;
}

export interface ParsedArgs {
  options: Record<string, string | boolean | string[]>;
  positional: string[];
}

/** The options of a subcommand (new, assemble, export, import), with the same parser and messages as the checking command. */
export function parseSubcommandArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const shortOf = new Map(Object.entries(spec.aliases ?? {}).map(([short, long]) => [long, short]));
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  const add = (name: string, type: 'string' | 'boolean', multiple = false) => {
    options[name] = { type, ...(multiple ? { multiple } : {}), ...(shortOf.has(name) ? { short: shortOf.get(name) } : {}) };
  };
  for (const name of spec.values) add(name, 'string');
  for (const name of spec.lists ?? []) add(name, 'string', true);
  for (const name of spec.flags ?? []) add(name, 'boolean');
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException));
  }
  return { options: { ...parsed.values } as ParsedArgs['options'], positional: parsed.positionals };
}
