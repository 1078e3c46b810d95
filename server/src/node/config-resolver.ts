// Which configuration applies to each checked file: an explicit file (--config), or none (--no-config), or
// the nearest .fazhi-lint.json(c) up the tree, cached per folder and per config file, so that a folder of
// reports reads each config once and the rules' memo caches are shared; severity overrides (--rule) go last.
// The CLI's checking and review, and the language server's review view, resolve configs with it.
import path from 'node:path';
import { mergeConfigs, resolveConfig, type ConfigObject, type ResolvedConfig } from '../engine/config.js';
import { ignoresMatcher, loadConfigFile, lookupConfigFile, shadowedConfigFile, type ConfigLookup } from './config-files.js';
import type { Rule, SeveritySetting } from '../engine/types.js';

export interface AppliedConfig {
  resolved: ResolvedConfig;
  /** The config file used, if any. */
  source?: string;
  /** Config files up the tree passed over (owned by another user), with the reason. */
  passedOver: string[];
  /** True when the file matches the config's `ignores` globs (relative to the config file's folder). */
  ignores(file: string): boolean;
}

export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigLookup>();
  private readonly bySource = new Map<string, AppliedConfig>();
  /** Things to tell the user about the configs found (printed on stderr; they do not change the exit code). */
  readonly notices: string[] = [];

  constructor(
    private readonly options: {
      explicit?: string;
      none: boolean;
      overrides: Record<string, SeveritySetting>;
      cwd: string;
      rules: readonly Rule[];
      env?: Record<string, string | undefined>;
    },
  ) {}

  /** Throws ConfigError (exit 2) for a config file that is missing, malformed or invalid. */
  forFile(file: string): AppliedConfig {
    const { explicit, none } = this.options;
    const lookup: ConfigLookup = none ? { ignored: [] } : explicit ? { source: path.resolve(this.options.cwd, explicit), ignored: [] } : this.nearest(path.dirname(file));
    const source = lookup.source;
    for (const why of lookup.ignored) if (!this.notices.includes(why)) this.notices.push(why);
    const key = source ?? '';
    let applied = this.bySource.get(key);
    if (!applied) {
      const fromFile: ConfigObject | undefined = source ? loadConfigFile(source, this.options.rules) : undefined;
      const overrides: ConfigObject | undefined = Object.keys(this.options.overrides).length ? { rules: { ...this.options.overrides } } : undefined;
      const merged = mergeConfigs(fromFile, overrides);
      const resolved = resolveConfig(merged, this.options.rules);
      const base = source ? path.dirname(source) : this.options.cwd;
      applied = { resolved, source, passedOver: lookup.ignored, ignores: ignoresMatcher(fromFile?.ignores, [base]) };
      const shadowed = source && !explicit ? shadowedConfigFile(source) : undefined;
      if (shadowed) {
        this.notices.push(
          `${source}: 同一文件夹中还有 ${path.basename(shadowed)}，它不会被使用；请只保留一个配置文件（${path.basename(shadowed)} in the same folder is ignored: keep one config file）`,
        );
      }
      this.bySource.set(key, applied);
    }
    return { ...applied, passedOver: lookup.ignored };
  }

  private nearest(dir: string): ConfigLookup {
    let lookup = this.byDir.get(dir);
    if (!lookup) this.byDir.set(dir, (lookup = lookupConfigFile(dir, this.options.env)));
    return lookup;
  }
}
