// The CLI's subcommands (new, assemble, export, import, review: docx, mammoth, jszip, the assembly and review
// code), loaded on first use (node/on-demand.ts) from their own bundle, dist/cli-commands.cjs, so that checking
// a text report does not compile them: that was a quarter of a small run's CPU time.
import { loadOnDemand } from '../node/on-demand.js';

type Commands = typeof import('./commands/index.js');

/** The names of the subcommands (`fazhi-lint <name> …`); test/cli/pool.test.ts keeps them those of commands/index.ts. */
export const SUBCOMMAND_NAMES: readonly string[] = ['new', 'assemble', 'export', 'import', 'review'];

export function isSubcommand(name: string | undefined): name is string {
  return name !== undefined && SUBCOMMAND_NAMES.includes(name);
}

export function loadCommands(): Promise<Commands> {
  return loadOnDemand<Commands>(import.meta.url, './cli-commands.cjs', './commands/index.ts');
}
