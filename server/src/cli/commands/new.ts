// fazhi-lint new --profile town|county|city|department --body 单位 --year 2025 [-o report.md]
import { REPORT_YEARS } from '../../engine/types.js';
import { PROFILE_NAMES, SKELETON_PROFILES, isSkeletonProfile } from '../../assemble/skeleton.js';
import { newReport } from '../../assemble/operations/new-report.js';
import type { CommandIO } from './index.js';
import { UsageError, parseArgs } from './args.js';
import { EXIT_OK, absolute, guarded, shown } from './shared.js';

export const NEW_USAGE = `用法（usage）: fazhi-lint new --profile <${SKELETON_PROFILES.join('|')}> [--body 单位名称] [--year 年度] [-o 文件.md]
  按主体类型生成年度报告骨架：标题、主送机关、开头段、五个法定部分及常见的小标题、署名和日期。
  需要填写的地方都是【请填写：…】提示，检查器会逐一报出，填完后检查应无错误。
  --profile   ${SKELETON_PROFILES.map((p) => `${p} ${PROFILE_NAMES[p]}`).join('，')}
  --body      报告主体全称，例如 张八桥镇人民政府（省略时保留 {{单位}}）
  --year      报告所述年度，例如 2025（省略时保留 {{年度}}）
  -o, --output  写入文件（默认输出到标准输出）；--force 覆盖已有文件
  --skeleton  使用自己的骨架文件；也可在配置文件的 "skeletons" 中按主体类型指定
  --config    配置文件路径
`;

export async function runNew(args: string[], io: CommandIO): Promise<number> {
  return guarded(io, NEW_USAGE, async () => {
    const { options, positional } = parseArgs(args, {
      values: ['profile', 'body', 'year', 'output', 'skeleton', 'config'],
      flags: ['force', 'help'],
      aliases: { o: 'output', h: 'help', p: 'profile' },
    });
    if (options.help) {
      io.stdout(NEW_USAGE);
      return EXIT_OK;
    }
    if (positional.length) throw new UsageError(`多余的参数 ${positional.join(' ')}（unexpected argument）`);
    const profile = String(options.profile ?? '');
    if (!isSkeletonProfile(profile)) throw new UsageError(`--profile 应为 ${SKELETON_PROFILES.join(' | ')}（got "${profile}"）`);
    let year: number | undefined;
    if (options.year !== undefined) {
      year = Number(options.year);
      if (!Number.isInteger(year) || year < REPORT_YEARS.min || year > REPORT_YEARS.max) throw new UsageError(`--year 应为四位年份（got "${options.year}"）`);
    }
    const body = options.body === undefined ? undefined : String(options.body).trim();
    if (body !== undefined && body.length < 2) throw new UsageError('--body 应为单位全称');

    const output = options.output === undefined || options.output === '-' ? undefined : absolute(io, String(options.output));
    const made = newReport(io, { profile, body, year, output, force: !!options.force, skeleton: options.skeleton as string | undefined, config: options.config as string | undefined });
    if (!output) {
      io.stdout(made.text);
      return EXIT_OK;
    }
    io.stderr(
      `已生成 ${shown(io, output)}（${PROFILE_NAMES[profile]}年度报告骨架${made.own ? `，来自 ${shown(io, made.skeleton)}` : ''}）：` +
        `还有 ${made.todo} 处【请填写】待填写，运行 fazhi-lint ${shown(io, output)} 可逐条列出。\n`,
    );
    return EXIT_OK;
  });
}
