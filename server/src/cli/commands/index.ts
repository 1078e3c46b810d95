// Subcommands of the CLI besides checking: `fazhi-lint <name> …`.
// Each takes its own arguments (after the name) and returns the exit code.
export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export type Subcommand = (args: string[], io: CommandIO) => Promise<number>;

/** Filled in by the document-assembly work (issue 6): new, assemble, export, import. */
export const SUBCOMMANDS: Record<string, Subcommand> = {};
