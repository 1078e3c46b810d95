// A small option parser for the subcommands: --name value, --name=value, -o value, boolean flags.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ArgSpec {
  /** Options that take a value, by long name. */
  values: string[];
  /** Boolean options, by long name. */
  flags?: string[];
  /** Short aliases: { o: 'output' }. */
  aliases?: Record<string, string>;
}

export interface ParsedArgs {
  options: Record<string, string | boolean>;
  positional: string[];
}

export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const options: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      name = spec.aliases?.[arg.slice(1)] ?? '';
      if (!name) throw new UsageError(`未知的选项 ${arg}（unknown option）`);
    }
    if (spec.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`选项 --${name} 需要一个值（option needs a value）`);
      options[name] = value;
    } else if (spec.flags?.includes(name) && inline === undefined) {
      options[name] = true;
    } else {
      throw new UsageError(`未知的选项 ${arg}（unknown option）`);
    }
  }
  return { options, positional };
}
