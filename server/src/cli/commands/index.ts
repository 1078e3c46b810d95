// Subcommands of the CLI besides checking: `fazhi-lint <name> …`.
// Each takes its own arguments (after the name) and returns the exit code.
import { runNew } from './new.js';
import { runAssemble } from './assemble.js';
import { runExport } from './export.js';
import { runImport } from './import.js';

export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export type Subcommand = (args: string[], io: CommandIO) => Promise<number>;

/** Document assembly: new, assemble, export, import (docs/assembly.md). */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  new: (args, io) => runNew(args, io),
  assemble: (args, io) => runAssemble(args, io),
  export: (args, io) => runExport(args, io),
  import: (args, io) => runImport(args, io),
  review: (args, io) => import('./review.js').then((m) => m.runReview(args, io)),
};
