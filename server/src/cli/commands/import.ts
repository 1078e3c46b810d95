// fazhi-lint import report.docx [-o report.md]: Word → Markdown with headings.
import { importWord } from '../../assemble/operations/import-word.js';
import type { CommandIO } from './index.js';
import { UsageError, parseArgs } from './args.js';
import { EXIT_OK, absolute, guarded, shown } from './shared.js';

export const IMPORT_USAGE = `用法（usage）: fazhi-lint import <报告.docx> [-o 报告.md] [--force]
  把 Word 文档转换为 Markdown：标题、各级小标题（按 Word 标题样式，或按“一、（一）1.（1）”编号）
  和正文段落各占一行，便于在编辑器中逐条查看检查结果。
  -o, --output  输出文件（默认与输入同名，扩展名 .md；“-”为标准输出）；--force 覆盖已有文件
`;

export async function runImport(args: string[], io: CommandIO): Promise<number> {
  return guarded(io, IMPORT_USAGE, async () => {
    const { options, positional } = parseArgs(args, { values: ['output'], flags: ['help', 'force'], aliases: { o: 'output', h: 'help' } });
    if (options.help) {
      io.stdout(IMPORT_USAGE);
      return EXIT_OK;
    }
    if (positional.length !== 1) throw new UsageError('需要一个 Word 文件（expected one .docx file）');
    const input = absolute(io, positional[0]);
    if (!/\.docx$/i.test(input)) throw new UsageError('只支持 .docx（Word 2007 及以后）文件；.doc 请先在 Word 或 WPS 中另存为 .docx');
    if (options.output === '-') {
      io.stdout((await importWord(io, { input, force: false })).markdown);
      return EXIT_OK;
    }
    const output = absolute(io, String(options.output ?? input.replace(/\.docx$/i, '.md')));
    await importWord(io, { input, output, force: !!options.force });
    io.stderr(`已转换为 ${shown(io, output)}。运行 fazhi-lint ${shown(io, output)} 检查。\n`);
    return EXIT_OK;
  });
}
