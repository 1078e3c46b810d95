// fazhi-lint assemble manifest.json [-o report.md] [--format text|json] [--fail-on error|warning|info]
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../../engine/types.js';
import { FAIL_ON } from '../args.js';
import { SEVERITY_LABEL } from '../format/text.js';
import { assemble, type TracedFinding } from '../../assemble/assemble.js';
import { manifestFiles, parseManifest, positionOfFile } from '../../assemble/manifest.js';
import { loadSkeleton } from '../../assemble/skeleton-files.js';
import type { CommandIO } from './index.js';
import { UsageError, parseArgs } from './args.js';
import { EXIT_FINDINGS, EXIT_OK, absolute, configFor, guarded, shown, writeOutput } from './shared.js';

export const ASSEMBLE_USAGE = `用法（usage）: fazhi-lint assemble <清单.json> [-o 报告.md] [--format text|json] [--fail-on error|warning|info]
  按清单把各单位报送的 Markdown 材料装入骨架：五个法定部分按法定顺序排列，小标题统一重新编号
  （一、 （一） 1. （1）），替换 {{单位}} {{年度}} {{下一年度}}，然后检查结果，
  每条问题都对应到报送材料的文件和行，便于退回修改。清单格式见 rules/schema/manifest.schema.json。
  -o, --output  写入组装好的报告（默认输出到标准输出，问题列表输出到标准错误）
  --format      问题列表的格式：text（默认）或 json
  --fail-on     达到该严重程度即以退出码 1 结束（默认 error）
  --config      配置文件路径
`;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export async function runAssemble(args: string[], io: CommandIO): Promise<number> {
  return guarded(io, ASSEMBLE_USAGE, async () => {
    const { options, positional } = parseArgs(args, {
      values: ['output', 'format', 'fail-on', 'config'],
      flags: ['help', 'force'],
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
    const manifestDir = path.dirname(manifestFile);
    let manifestText: string;
    try {
      manifestText = readFileSync(manifestFile, 'utf8');
    } catch (error) {
      throw new Error(`无法读取清单（cannot read manifest）${positional[0]}：${(error as Error).message}`);
    }
    const manifest = parseManifest(manifestText, shown(io, manifestFile));
    const { config, dir } = configFor(io, manifestFile, options.config as string | undefined);
    const ownSkeleton = manifest.skeleton
      ? path.resolve(manifestDir, manifest.skeleton)
      : config.skeletons?.[manifest.profile]
        ? path.resolve(dir, config.skeletons[manifest.profile]!)
        : undefined;
    const skeleton = loadSkeleton(manifest.profile, ownSkeleton);
    const shownOf = (file: string) => shown(io, path.resolve(manifestDir, file));
    // Every contribution that cannot be read, at once, each at its place in the manifest.
    const unreadable = manifestFiles(manifest).flatMap(({ file, key }) => {
      let problem: string | undefined;
      try {
        if (statSync(path.resolve(manifestDir, file)).isDirectory()) problem = '是文件夹，不是文件（is a directory）';
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problem = code === 'ENOENT' ? '文件不存在（not found）' : `无法读取（${code ?? (error as Error).message}）`;
      }
      if (!problem) return [];
      const at = positionOfFile(manifestText, key, file);
      return [`  ${shown(io, manifestFile)}:${at.line}:${at.column}  ${shownOf(file)}：${problem}`];
    });
    if (unreadable.length) {
      throw new Error(`清单列出的 ${unreadable.length} 份材料无法读取（cannot read contributions; paths are relative to the manifest）：\n${unreadable.join('\n')}`);
    }

    const result = assemble({
      manifest,
      manifestPath: shown(io, manifestFile),
      manifestText,
      skeleton,
      config,
      read(file) {
        try {
          return readFileSync(path.resolve(manifestDir, file), 'utf8').replace(/^\ufeff/, '');
        } catch (error) {
          throw new Error(`无法读取材料（cannot read contribution）${shownOf(file)}：${(error as Error).message}`);
        }
      },
    });
    // Findings name files as the user would open them (relative to the working directory).
    const findings = result.findings.map((f) => (f.source.file === shown(io, manifestFile) ? f : { ...f, source: { ...f.source, file: shownOf(f.source.file) } }));

    const output = options.output === undefined || options.output === '-' ? undefined : absolute(io, String(options.output));
    if (output) writeOutput(output, result.markdown, true);
    else io.stdout(result.markdown);
    const report = output ? io.stdout : io.stderr;
    for (const note of result.notes) io.stderr(`注意：${note}\n`);
    report(format === 'json' ? formatJson(findings, output ? shown(io, output) : undefined) : formatText(findings));

    const counts = count(findings);
    if (format === 'text') {
      io.stderr(
        `${output ? `已组装 ${shown(io, output)}` : '已组装报告'}（${Object.keys(manifest.parts).length} 个部分有材料）：` +
          `${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示，${counts.hint} 个建议。\n`,
      );
    }
    return findings.some((f) => RANK[f.severity] <= RANK[failOn]) ? EXIT_FINDINGS : EXIT_OK;
  });
}

function count(findings: TracedFinding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function formatText(findings: TracedFinding[]): string {
  const sorted = [...findings].sort((a, b) => a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column);
  return sorted.map((f) => `${f.source.file}:${f.source.line}:${f.source.column}  ${SEVERITY_LABEL[f.severity]}  ${f.message}  [${f.rule}]（报告第 ${f.line} 行）\n`).join('');
}

/** The JSON output of docs/rules.md, with files and positions of the contributions; `output` gives the assembled position. */
function formatJson(findings: TracedFinding[], output?: string): string {
  const byFile = new Map<string, TracedFinding[]>();
  for (const f of findings) byFile.set(f.source.file, [...(byFile.get(f.source.file) ?? []), f]);
  const c = count(findings);
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
        summary: { files: byFile.size, errors: c.error, warnings: c.warning, infos: c.info, hints: c.hint },
      },
      null,
      2,
    ) + '\n'
  );
}
