// fazhi-lint export report.md [-o report.docx]: Word in GB/T 9704-2012 layout.
import { exportReport } from '../../assemble/operations/export-report.js';
import type { CommandIO } from './index.js';
import { UsageError, parseArgs } from './args.js';
import { EXIT_OK, absolute, guarded, shown } from './shared.js';

export const EXPORT_USAGE = `用法（usage）: fazhi-lint export <报告.md> [-o 报告.docx] [--force]
  把 Markdown 报告导出为 Word 文档，版式依《党政机关公文格式》（GB/T 9704-2012）：A4，
  天头 37 mm、订口 28 mm、版心 156 mm × 225 mm，每页 22 行、每行 28 字；标题方正小标宋简体二号居中，
  正文仿宋_GB2312 三号、首行缩进二字，一级标题黑体、二级标题楷体_GB2312、三四级标题仿宋；
  页码四号半角阿拉伯数字“— 1 —”，单页居右、双页居左；署名和日期居右。
  -o, --output  输出文件（默认与输入同名，扩展名 .docx）
  --force       覆盖已有的输出文件（在 Word 中改过的导出文件会丢失改动，请先确认）；输入文件本身任何时候都不会被覆盖
  --config      配置文件路径
`;

export async function runExport(args: string[], io: CommandIO): Promise<number> {
  return guarded(io, EXPORT_USAGE, async () => {
    const { options, positional } = parseArgs(args, { values: ['output', 'config'], flags: ['help', 'force'], aliases: { o: 'output', h: 'help' } });
    if (options.help) {
      io.stdout(EXPORT_USAGE);
      return EXIT_OK;
    }
    if (positional.length !== 1) throw new UsageError('需要一个 Markdown 报告文件（expected one report file）');
    const input = absolute(io, positional[0]);
    if (/\.docx$/i.test(input)) throw new UsageError('输入已是 Word 文档；导出需要 Markdown 报告');
    const output = absolute(io, String(options.output ?? input.replace(/\.(md|markdown|txt)$/i, '') + '.docx'));
    const { errors } = await exportReport(io, { input, output, force: !!options.force, config: options.config as string | undefined });
    io.stderr(
      `已导出 ${shown(io, output)}（GB/T 9704-2012 版式）。` +
        (errors ? `注意：报告还有 ${errors} 个错误，运行 fazhi-lint ${shown(io, input)} 查看。` : '') +
        '\n',
    );
    return EXIT_OK;
  });
}
