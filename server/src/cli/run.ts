// The checking command: operands → files → text → findings → output and
// exit code. Everything the process provides (cwd, env, streams, stdin) is
// passed in, so the whole command can run in tests without spawning.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fixUntilStable, RULES, ConfigError, type Finding, type Rule } from '../index.js';
import { lint, type LintResult, type RuleError } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import { collectFiles, isReportFile, TEXT_REPORT_EXTENSIONS } from '../node/collect-files.js';
import { decodeInput, encodeText, readInputFile, describeFsError, notRegularFile, type DecodedText } from '../node/read-input.js';
import { writeFileAtomic, WriteRefused, type WriteFs } from '../node/write-file.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { displayPath } from '../node/display-path.js';
import { parseCliArgs, UsageError, type CliOptions } from './args.js';
import { ConfigResolver } from '../node/config-resolver.js';
import { HELP, USAGE } from './help.js';
import type { FileResult } from './results.js';
import { atLeast } from '../engine/severity.js';
import { formatJson } from './format/json.js';
import { formatText, visible } from './format/text.js';
import { formatSarif } from './format/sarif.js';
import { formatGithub } from './format/github.js';
import { batched } from './format/json-chunks.js';
import { isSubcommand, loadCommands } from './on-demand.js';
import { loadDocxImport } from '../node/on-demand.js';
import { startLintPool } from './pool.js';
import pkg from '../../../package.json';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  readStdin: () => Promise<Uint8Array>;
  /** The rule registry; tests pass their own (e.g. a rule that throws). Default: RULES. */
  rules?: readonly Rule[];
  /** The file system --fix writes through; tests pass one that fails (a full disk). Default: node:fs. */
  fs?: WriteFs;
}

export const VERSION: string = (pkg as { version: string }).version;

export async function run(argv: string[], io: CliIO): Promise<number> {
  // Subcommands and the .docx reader are loaded only when a run needs them (on-demand.ts).
  if (isSubcommand(argv[0])) return (await loadCommands()).SUBCOMMANDS[argv[0]](argv.slice(1), { cwd: io.cwd, stdout: io.stdout, stderr: io.stderr });

  let options: CliOptions;
  try {
    options = parseCliArgs(argv, new Set((io.rules ?? RULES).map((r) => r.id)));
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`fazhi-lint: ${error.message}\n${USAGE}`);
      return EXIT_FAILURE;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (!options.stdin && options.operands.length === 0) {
    io.stderr(`fazhi-lint: 没有给出要检查的文件（no files given）\n${USAGE}`);
    return EXIT_FAILURE;
  }
  try {
    return options.printConfig ? printConfig(options, io) : await check(options, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`fazhi-lint: ${visible(relativize(error.message, io.cwd))}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}

interface Input {
  /** Absolute path, or undefined for stdin. */
  file?: string;
  /** As shown in the output. */
  display: string;
  /** Where to look for the config. */
  configAnchor: string;
  explicit: boolean;
}

/** --previous FILE: last year's report, read as the inputs are (encodings, BOM); unreadable is a usage error (exit 2). */
function readPrevious(file: string, cwd: string): string {
  const result = readInputFile(path.resolve(cwd, file));
  if (!result.ok) throw new ConfigError(`--previous ${file}: 无法读取上一年度报告（cannot read last year's report）：${result.message}`);
  return result.text;
}

/** The file's config with last year's text beside it (copied-report); the derived-data cache stays shared. */
function withPrevious<A extends { resolved: ResolvedConfig }>(applied: A, previous: string | undefined): A {
  if (previous === undefined) return applied;
  return { ...applied, resolved: { ...applied.resolved, settings: { ...applied.resolved.settings, previous } } };
}

async function check(options: CliOptions, io: CliIO): Promise<number> {
  const rules = io.rules ?? RULES;
  const resolverOptions = { explicit: options.config, none: options.noConfig, overrides: options.rules, cwd: io.cwd, rules, env: io.env };
  const configs = new ConfigResolver(resolverOptions);
  const problems: string[] = [];
  const inputs: Input[] = [];
  if (options.stdin) {
    const name = options.stdinFilename;
    const abs = name ? path.resolve(io.cwd, name) : undefined;
    inputs.push({ display: name ? displayPath(abs!, io.cwd) : '<stdin>', configAnchor: abs ?? path.join(io.cwd, '<stdin>'), explicit: true });
  } else {
    const collected = collectFiles(options.operands, io.cwd);
    for (const p of collected.problems) problems.push(`${p.operand}: ${p.message}`);
    const explicit = new Set(options.operands.map((o) => path.resolve(io.cwd, o)));
    for (const file of collected.files) {
      inputs.push({ file, display: displayPath(file, io.cwd), configAnchor: file, explicit: explicit.has(file) });
    }
  }

  const results: FileResult[] = [];
  const crashes = new Map<string, { error: unknown; files: string[] }>();
  const notices: string[] = [];
  let stdinFixed: string | undefined;
  const previous = options.previous === undefined ? undefined : readPrevious(options.previous, io.cwd);

  // Worker threads check some of the inputs meanwhile (plain checks with the built-in rules only; pool.ts).
  const pool = !options.fix && !options.stdin && !io.rules && previous === undefined ? startLintPool(inputs, resolverOptions, io.env) : undefined;
  for (const [index, input] of inputs.entries()) {
    // With --fix, a signal (Ctrl-C, SIGTERM) is handled here, between two files (main.ts), never while one is written.
    if (options.fix) await new Promise((resolve) => setImmediate(resolve));
    const applied = withPrevious(configs.forFile(input.configAnchor), previous);
    if (!input.explicit && input.file && applied.ignores(input.file)) continue;

    // Bytes → text.
    let decoded: DecodedText;
    let paragraphOfLine: number[] | undefined;
    let wordLocation: FileResult['wordLocation'];
    const isDocx = !!input.file && path.extname(input.file).toLowerCase() === '.docx';
    if (isDocx) {
      let bytes: Buffer;
      try {
        const notFile = notRegularFile(statSync(input.file!));
        if (notFile) {
          problems.push(`${input.display}: ${notFile}`);
          continue;
        }
        bytes = readFileSync(input.file!);
      } catch (error) {
        problems.push(`${input.display}: ${describeFsError(error)}`);
        continue;
      }
      try {
        const { readDocx, locateInWord } = await loadDocxImport();
        const docx = await readDocx(bytes);
        decoded = { ok: true, text: docx.markdown, encoding: 'utf8', notices: [] };
        paragraphOfLine = docx.paragraphOfLine;
        wordLocation = (f) => locateInWord(docx, f);
      } catch (error) {
        problems.push(`${input.display}: 无法读取 Word 文档（cannot read .docx: ${(error as Error).message ?? String(error)}）`);
        continue;
      }
    } else {
      const result = input.file ? readInputFile(input.file) : decodeInput(await io.readStdin());
      if (!result.ok) {
        problems.push(`${input.display}: ${result.message}`);
        continue;
      }
      decoded = result;
    }
    for (const n of decoded.notices) notices.push(`${input.display}: ${n}`);

    // Text → findings (and fixes).
    let outcome = pool
      ? await pool.lint(index, decoded.text, applied.resolved, () => lintOnce(decoded.text, rules, applied.resolved, crashes, input.display), (r) => recordCrashes(r.errors, crashes, input.display))
      : lintOnce(decoded.text, rules, applied.resolved, crashes, input.display);
    if (options.fix) {
      const refused = input.file ? fixRefusal(input.file) : undefined;
      if (refused) {
        notices.push(`${input.display}: ${refused}`);
      } else {
        const fixed = fixUntilStable(decoded.text, outcome, (t) => lintOnce(t, rules, applied.resolved, crashes, input.display));
        if (fixed.text !== decoded.text && input.file) {
          try {
            writeFileAtomic(input.file, encodeText(fixed.text, decoded.encoding), { read: decoded.read, fs: io.fs });
            outcome = fixed.outcome;
            notices.push(`${input.display}: 已修复 ${fixed.applied} 处（fixed ${fixed.applied} problem(s)）`);
          } catch (error) {
            // The file is unchanged: report its findings, not those of the text that could not be written.
            const why = error instanceof WriteRefused ? error.message : describeFsError(error, true);
            problems.push(`${input.display}: 无法写回修复结果，文件未改动（cannot write the fixed file, left unchanged）：${why}`);
          }
        } else {
          outcome = fixed.outcome;
        }
        if (!input.file) stdinFixed = fixed.text;
      }
    }
    results.push({ path: input.display, findings: outcome.findings, ...(paragraphOfLine ? { paragraphOfLine, wordLocation } : {}) });
  }

  pool?.close();

  // Exit code: on every finding, whatever --quiet shows and whatever the format.
  const failing = results.some((r) => r.findings.some((f) => atLeast(f.severity, options.failOn)));
  const shown = options.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  if (options.quiet && options.failOn !== 'error') {
    const hidden = results.reduce((n, r) => n + r.findings.filter((f) => f.severity !== 'error' && atLeast(f.severity, options.failOn)).length, 0);
    if (hidden) {
      notices.push(
        `--quiet 未显示 ${hidden} 个达到 --fail-on ${options.failOn} 级别的非错误问题，退出码仍为 1（--quiet hid ${hidden} non-error finding(s) at or above --fail-on ${options.failOn}; they still fail the run）`,
      );
    }
  }

  // Nothing checked: no report at all on stdout (an empty result would read as "no problems").
  const target = stdinFixed !== undefined ? io.stderr : io.stdout;
  if (stdinFixed !== undefined) io.stdout(stdinFixed);
  const hidden = options.quiet ? results.reduce((n, r) => n + r.findings.filter((f) => f.severity !== 'error').length, 0) : 0;
  if (results.length) for (const chunk of batched(render(shown, options, io, rules, hidden))) target(chunk);
  for (const n of [...configs.notices.map((n) => relativize(n, io.cwd)), ...notices]) io.stderr(`fazhi-lint: ${visible(n)}\n`);
  for (const p of problems) io.stderr(`fazhi-lint: ${visible(p)}\n`);
  for (const [rule, c] of crashes) {
    const where = c.files.length > 3 ? `${c.files.slice(0, 3).join('、')} 等 ${c.files.length} 个文件` : c.files.join('、');
    io.stderr(`fazhi-lint: 规则 ${rule} 运行出错，其结果缺失（rule crashed; its findings are missing）：${errorText(c.error)}（${where}）\n`);
  }

  if (results.length === 0) {
    if (problems.length === 0) io.stderr('fazhi-lint: 没有可检查的文件（nothing to check）\n');
    return EXIT_FAILURE;
  }
  if (failing || problems.length > 0 || crashes.size > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** Why --fix leaves a file alone: a Word document, or a file that is not a report (meta.json named explicitly). */
function fixRefusal(file: string): string | undefined {
  if (path.extname(file).toLowerCase() === '.docx') return 'Word 文档不能自动修复，只报告问题（--fix does not write .docx files）';
  if (!isReportFile(file)) {
    const types = TEXT_REPORT_EXTENSIONS.join('、');
    return `不是报告文件（${types}），--fix 不改写它，只报告问题（--fix only rewrites ${TEXT_REPORT_EXTENSIONS.join(' ')} files）`;
  }
  return undefined;
}

/**
 * --print-config FILE: which config file applies to FILE (and which were passed over), and the settings that
 * result, as JSON on stdout; nothing is checked.
 */
function printConfig(options: CliOptions, io: CliIO): number {
  const rules = io.rules ?? RULES;
  const name = options.stdin ? (options.stdinFilename ?? '<stdin>') : options.operands[0];
  const file = path.resolve(io.cwd, name);
  const configs = new ConfigResolver({ explicit: options.config, none: options.noConfig, overrides: options.rules, cwd: io.cwd, rules, env: io.env });
  const applied = configs.forFile(file);
  const resolved = applied.resolved;
  const out = {
    file: displayPath(file, io.cwd),
    configFile: applied.source ? displayPath(applied.source, io.cwd) : null,
    ignoredConfigFiles: applied.passedOver.map((n) => relativize(n, io.cwd)),
    settings: resolved.settings,
    rules: Object.fromEntries([...resolved.rules].map(([id, o]) => [id, o])),
    ignores: resolved.raw.ignores ?? [],
  };
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  for (const n of configs.notices) io.stderr(`fazhi-lint: ${visible(relativize(n, io.cwd))}\n`);
  return EXIT_OK;
}

function lintOnce(
  text: string,
  rules: readonly Rule[],
  config: ResolvedConfig,
  crashes: Map<string, { error: unknown; files: string[] }>,
  display: string,
): LintResult {
  const result = lint(text, rules, config);
  recordCrashes(result.errors, crashes, display);
  return result;
}

function recordCrashes(errors: RuleError[], crashes: Map<string, { error: unknown; files: string[] }>, display: string): void {
  for (const e of errors) {
    const c = crashes.get(e.rule) ?? { error: e.error, files: [] };
    if (!c.files.includes(display)) c.files.push(display);
    crashes.set(e.rule, c);
  }
}

function render(results: FileResult[], options: CliOptions, io: CliIO, rules: readonly Rule[], hidden: number): Iterable<string> {
  switch (options.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, rules, io.cwd, VERSION);
    case 'github':
      return formatGithub(results);
    case 'text': {
      const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
      // FORCE_COLOR as Node and chalk read it: set and not 0/false forces colours on, 0/false forces them off.
      const forceEnv = io.env.FORCE_COLOR;
      const force = forceEnv === undefined ? undefined : !(forceEnv === '0' || forceEnv === 'false');
      const color = options.color ?? force ?? (io.stdoutIsTTY && !noColor);
      return formatText(results, { color, hidden, maxPerRule: options.maxPerRule });
    }
  }
}


function relativize(message: string, cwd: string): string {
  return message.split(cwd + path.sep).join('');
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export type { Finding };
