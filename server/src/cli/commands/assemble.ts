// fazhi-lint assemble manifest.json [-o report.md] [--format text|json] [--fail-on error|warning|info]
import path from 'node:path';
import { SEVERITY_LABELS, type Severity } from '../../engine/types.js';
import { atLeast, countSeverities, describeCounts } from '../../engine/severity.js';
import { FAIL_ON } from '../args.js';
import { missingPrompt, type TracedFinding } from '../../assemble/assemble.js';
import { assembleManifest } from '../../assemble/operations/assemble-manifest.js';
import type { CommandIO } from './index.js';
import { UsageError, parseArgs } from './args.js';
import { EXIT_FINDINGS, EXIT_OK, absolute, guarded, shown } from './shared.js';

export const ASSEMBLE_USAGE = `用法（usage）: fazhi-lint assemble <清单.json> [-o 报告.md] [--force] [--allow-missing] [--allow-outside] [--format text|json] [--fail-on error|warning|info]
  按清单把各单位报送的 Markdown 材料装入骨架：五个法定部分按法定顺序排列，小标题统一重新编号
  （一、 （一） 1. （1）），替换 {{单位}} {{年度}} {{下一年度}}，然后检查结果，
  每条问题都对应到报送材料的文件和行，便于退回修改。清单格式见 rules/schema/manifest.schema.json。
  -o, --output  写入组装好的报告（默认输出到标准输出，问题列表输出到标准错误）；已有文件须加 --force 才覆盖，
                清单、材料和骨架本身任何时候都不会被覆盖
  --allow-missing  缺少的材料不中止组装，在其位置写入【待报送：单位】提示（传阅草稿时用）
  --allow-outside  允许读取清单所在文件夹以外的材料（默认拒绝，符号链接按其实际位置判断）
  --format      问题列表的格式：text（默认）或 json
  --fail-on     达到该严重程度即以退出码 1 结束（默认 error）
  --config      配置文件路径
`;

export async function runAssemble(args: string[], io: CommandIO): Promise<number> {
  return guarded(io, ASSEMBLE_USAGE, async () => {
    const { options, positional } = parseArgs(args, {
      values: ['output', 'format', 'fail-on', 'config'],
      flags: ['help', 'force', 'allow-missing', 'allow-outside'],
      aliases: { o: 'output', h: 'help', f: 'format' },
    });
    if (options.help) {
      io.stdout(ASSEMBLE_USAGE);
      return EXIT_OK;
    }
    if (positional.length !== 1) throw new UsageError('需要一个清单文件（expected one manifest file）');
    const format = String(options.format ?? 'text');
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format 应为 text 或 json（got "${format}"）`);
    const failOn = String(options['fail-on'] ?? 'error') as Severity;
    if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on 应为 ${FAIL_ON.join('|')}（invalid --fail-on）`);

    const manifestFile = absolute(io, positional[0]);
    const output = options.output === undefined || options.output === '-' ? undefined : absolute(io, String(options.output));
    const { findings, notes, missing, markdown, parts } = assembleManifest(io, {
      manifest: manifestFile,
      output,
      force: !!options.force,
      allowMissing: !!options['allow-missing'],
      allowOutside: !!options['allow-outside'],
      config: options.config as string | undefined,
    });
    if (!output) io.stdout(markdown);
    const shownOf = (file: string) => shown(io, path.resolve(path.dirname(manifestFile), file));
    for (const file of missing) io.stderr(`注意：${shownOf(file)} 尚未报送，已写入${missingPrompt(file)}提示。\n`);
    const report = output ? io.stdout : io.stderr;
    for (const note of notes) io.stderr(`注意：${note}\n`);
    report(format === 'json' ? formatJson(findings, output ? shown(io, output) : undefined) : formatText(findings));

    if (format === 'text') {
      io.stderr(
        `${output ? `已组装 ${shown(io, output)}` : '已组装报告'}（${parts} 个部分有材料）：` +
          `${describeCounts(countSeverities(findings))}。\n`,
      );
    }
    return findings.some((f) => atLeast(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
  });
}

function formatText(findings: TracedFinding[]): string {
  const sorted = [...findings].sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column);
  return sorted.map((f) => `${f.source.file}:${f.source.line}:${f.source.column}  ${SEVERITY_LABELS[f.severity]}  ${f.message}  [${f.rule}]（报告第 ${f.line} 行）\n`).join('');
}

/** The JSON output of docs/rules.md, with files and positions of the contributions; `output` gives the assembled position. */
function formatJson(findings: TracedFinding[], output?: string): string {
  const byFile = new Map<string, TracedFinding[]>();
  for (const f of findings) byFile.set(f.source.file, [...(byFile.get(f.source.file) ?? []), f]);
  return (
    JSON.stringify(
      {
        version: 1,
        files: [...byFile].map(([file, list]) => ({
          path: file,
          findings: list.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            line: f.source.line,
            column: f.source.column,
            endLine: f.sourceEnd.file === f.source.file ? f.sourceEnd.line : f.source.line,
            endColumn: f.sourceEnd.file === f.source.file ? f.sourceEnd.column : f.source.column,
            data: f.data,
            assembled: { path: output ?? '-', line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
          })),
        })),
        summary: { files: byFile.size, ...countSeverities(findings) },
      },
      null,
      2,
    ) + '\n'
  );
}
