// Command-line options, parsed and validated. Every problem is a UsageError
// (exit code 2) with a Chinese + English message.
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
  color?: boolean;
  version: boolean;
  help: boolean;
}

export class UsageError extends Error {}

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
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
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
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of v.rule ?? []) {
    const m = /^\s*([a-z0-9-]+)\s*[=:]\s*([a-z]+)\s*$/.exec(spec);
    if (!m) throw new UsageError(`--rule 的格式应为 规则=级别，例如 cjk-spacing=off，而不是 "${spec}"（expected id=severity）`);
    const [, id, severity] = m;
    if (!knownRules.has(id)) throw new UsageError(`未知的规则 "${id}"（unknown rule id in --rule）`);
    if (severity !== 'off' && !SEVERITIES.includes(severity as Severity)) {
      throw new UsageError(`规则 ${id} 的级别应为 off|${SEVERITIES.join('|')}，而不是 "${severity}"（invalid severity in --rule）`);
    }
    rules[id] = severity as SeveritySetting;
  }
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
    color: v['no-color'] ? false : v.color ? true : undefined,
    version: !!v.version,
    help: !!v.help,
  };
}
