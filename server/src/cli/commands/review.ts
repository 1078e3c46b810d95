// fazhi-lint review <folders|files|globs> -o review/: the reviewer's desk (docs/review.md). Loaded
// only when the command runs (commands/index.ts imports it dynamically), with the HTML and
// spreadsheet writers, so that checking does not pay for them.
import path from 'node:path';
import { RULES } from '../../rules/index.js';
import type { SeveritySetting } from '../../engine/types.js';
import { ConfigError } from '../../engine/config.js';
import { ConfigResolver } from '../../node/config-resolver.js';
import { buildReview, singlePage } from '../../review/review.js';
import { reviewFolderWriter, reviewJsonText } from '../../review/write.js';
import type { CommandIO } from './index.js';
import { UsageError, parseArgs } from './args.js';
import { ruleOverrides } from '../args.js';
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, guarded, shown, writeOutput } from './shared.js';
import pkg from '../../../../package.json';

export const REVIEW_USAGE = `用法（usage）: fazhi-lint review <文件夹|文件|通配符>… -o <输出文件夹> [选项]
  审核一批报告：汇总页（每份报告一行：单位、级别、年度、标题、五个法定部分、问题数、成文日期、
  与上年重复的比例；可按任一列排序、筛选；最常见问题的条形图），每份报告一页（全文中标出每个问题，
  可打印为 A4 并带编号的旁注），review.xlsx 和 review.json。所有文件自成一体，不联网。
  -o, --output     输出文件夹（--format html 时为一个 .html 文件；json 时不给则写到标准输出）
  -f, --format     folder（默认：index.html、reports/、review.json、review.xlsx）| html（一个文件）| json
  --previous DIR   上年报告所在的文件夹（或文件）：按引擎识别的单位与上年报告配对，给出重复比例
  -c, --config     配置文件；--no-config 不用配置文件；--rule 规则=级别（可重复）
  退出码：0 已写出；1 已写出，但有文件无法读取或有规则出错；2 没有可审核的报告或参数有误。
`;

const FORMATS = ['folder', 'html', 'json'] as const;
type ReviewFormat = (typeof FORMATS)[number];

interface ReviewOptions {
  operands: string[];
  format: ReviewFormat;
  output?: string;
  previous?: string;
  config?: string;
  noConfig: boolean;
  rules: Record<string, SeveritySetting>;
  help: boolean;
}

function parseReviewArgs(args: string[]): ReviewOptions {
  const { options: v, positional } = parseArgs(args, {
    values: ['output', 'format', 'previous', 'config'],
    lists: ['rule'],
    flags: ['no-config', 'help'],
    aliases: { o: 'output', f: 'format', c: 'config', h: 'help' },
  });
  const text = (name: string) => (v[name] === undefined ? undefined : String(v[name]));
  const format = (text('format') ?? 'folder') as ReviewFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`未知的输出格式 "${format}"，应为 ${FORMATS.join('|')}（unknown --format）`);
  if (v.config !== undefined && v['no-config']) throw new UsageError('--config 与 --no-config 不能同时使用（--config conflicts with --no-config）');
  return {
    operands: positional,
    format,
    output: text('output'),
    previous: text('previous'),
    config: text('config'),
    noConfig: !!v['no-config'],
    rules: ruleOverrides(v.rule as string[] | undefined, new Set(RULES.map((r) => r.id))),
    help: !!v.help,
  };
}

export async function runReview(args: string[], io: CommandIO): Promise<number> {
  return guarded(io, REVIEW_USAGE, async () => {
    const options = parseReviewArgs(args);
    if (options.help) {
      io.stdout(REVIEW_USAGE);
      return EXIT_OK;
    }
    if (!options.operands.length) throw new UsageError('没有给出要审核的报告（no reports given）');
    if (options.format !== 'json' && !options.output) {
      throw new UsageError(options.format === 'html' ? '请用 -o 给出输出的 .html 文件（-o is required）' : '请用 -o 给出输出文件夹，例如 -o review/（-o is required）');
    }
    const configs = new ConfigResolver({ explicit: options.config, none: options.noConfig, overrides: options.rules, cwd: io.cwd, rules: RULES });
    const output = options.output ? path.resolve(io.cwd, options.output) : undefined;
    // The folder's pages are written as the reports are reviewed.
    const folder = options.format === 'folder' ? reviewFolderWriter(output!, RULES, shown(io, output!)) : undefined;
    let review;
    try {
      review = await buildReview({
        operands: options.operands,
        cwd: io.cwd,
        configs,
        rules: RULES,
        previous: options.previous ? [options.previous] : undefined,
        tool: { name: 'fazhi-lint', version: (pkg as { version: string }).version },
        render: options.format === 'folder' ? 'folder' : options.format === 'html' ? 'single' : 'none',
        env: process.env,
        onPage: folder ? (page, inputs) => folder.page(page, inputs) : undefined,
      });
    } catch (error) {
      if (error instanceof ConfigError) {
        io.stderr(`fazhi-lint: ${error.message.split(io.cwd + path.sep).join('')}\n`);
        return EXIT_FAILURE;
      }
      throw error;
    }
    for (const n of [...configs.notices, ...review.notices]) io.stderr(`fazhi-lint: ${n}\n`);
    for (const p of review.json.problems) io.stderr(`fazhi-lint: ${p.path}: ${p.message}\n`);
    for (const [rule, files] of review.crashes) io.stderr(`fazhi-lint: 规则 ${rule} 运行出错，其结果缺失（rule crashed）：${files.slice(0, 3).join('、')}\n`);
    if (!review.reports.length) {
      if (!review.json.problems.length) io.stderr('fazhi-lint: 没有可审核的报告（nothing to review）\n');
      return EXIT_FAILURE;
    }
    if (review.copiedRuleMissing) {
      io.stderr('fazhi-lint: 本版本还没有 copied-report 规则，“与上年重复”一栏只列出配对的上年报告，不给比例（copied-report is not available: no copied share）\n');
    }
    const inputs = review.reports.map((r) => r.file);
    if (options.format === 'json') {
      if (output) writeOutput(output, reviewJsonText(review), { force: true, inputs, display: options.output });
      else io.stdout(reviewJsonText(review));
    } else if (options.format === 'html') {
      writeOutput(output!, singlePage(review), { force: true, inputs, display: options.output });
    } else {
      folder!.finish(review);
    }
    const s = review.json.summary;
    if (output) {
      io.stderr(
        `已审核 ${s.reports} 份报告（${s.complete} 份五个部分齐全；错误 ${s.errors}、警告 ${s.warnings}、信息 ${s.infos}），` +
          `写入 ${shown(io, output)}${options.format === 'folder' ? `${path.sep}index.html` : ''}` +
          (review.byWorkers ? `（其中 ${review.byWorkers} 份由工作线程检查）` : '') +
          '\n',
      );
    }
    return review.json.problems.length || review.crashes.size ? EXIT_FINDINGS : EXIT_OK;
  });
}
