// fazhi-lint new --profile town|county|city|department --body 单位 --year 2025 [-o report.md]
import path from 'node:path';
import { check } from '../../index.js';
import { PROFILE_NAMES, SKELETON_PROFILES, isSkeletonProfile, renderSkeleton } from '../../assemble/skeleton.js';
import { loadSkeleton } from '../../assemble/skeleton-files.js';
import type { CommandIO } from './index.js';
import { UsageError, parseArgs } from './args.js';
import { EXIT_OK, absolute, configFor, guarded, shown, writeOutput } from './shared.js';

export const NEW_USAGE = `用法（usage）: fazhi-lint new --profile <${SKELETON_PROFILES.join('|')}> [--body 单位名称] [--year 年度] [-o 文件.md]
  按主体类型生成年度报告骨架：标题、主送机关、开头段、五个法定部分及常见的小标题、署名和日期。
  需要填写的地方都是【请填写：…】提示，检查器会逐一报出，填完后检查应无错误。
  --profile   town 乡镇（街道），county 县（市、区）政府，city 设区的市政府，department 政府部门
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
      if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new UsageError(`--year 应为四位年份（got "${options.year}"）`);
    }
    const body = options.body === undefined ? undefined : String(options.body).trim();
    if (body !== undefined && body.length < 2) throw new UsageError('--body 应为单位全称');

    const output = options.output === undefined || options.output === '-' ? undefined : absolute(io, String(options.output));
    const { config, dir } = configFor(io, output, options.config as string | undefined);
    const own = options.skeleton ? absolute(io, String(options.skeleton)) : config.skeletons?.[profile] ? path.resolve(dir, config.skeletons[profile]!) : undefined;
    const skeleton = loadSkeleton(profile, own);
    const text = renderSkeleton(skeleton.text, { body, year });

    const todo = check(text, { ...config, profile }).filter((f) => f.rule === 'placeholder').length;
    if (!output) {
      io.stdout(text);
      return EXIT_OK;
    }
    writeOutput(output, text, !!options.force);
    io.stderr(
      `已生成 ${shown(io, output)}（${PROFILE_NAMES[profile]}年度报告骨架${own ? `，来自 ${shown(io, skeleton.path)}` : ''}）：` +
        `还有 ${todo} 处【请填写】待填写，运行 fazhi-lint ${shown(io, output)} 可逐条列出。\n`,
    );
    return EXIT_OK;
  });
}
