// Helpers shared by the subcommands: paths, writing outputs, usage errors and exit codes.
import { OutputRefused } from '../../node/write-file.js';
import type { CommandIO } from './index.js';
import { UsageError } from './args.js';
import { EXIT_FAILURE } from '../exit-codes.js';

export { EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE } from '../exit-codes.js';
// Outputs are written by the one safe writer of node/ (never over an input, --force to replace, atomic).
export { writeOutput } from '../../node/write-file.js';
// Paths resolved and shown as the assembly operations resolve and show them.
export { absolute, shown } from '../../assemble/operations/io.js';
/** Runs a command body, turning thrown errors into a message on stderr and exit code 2. */
export async function guarded(io: CommandIO, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`fazhi-lint: ${message}\n`);
    if (error instanceof UsageError || error instanceof OutputRefused) io.stderr(`\n${usage}`);
    return EXIT_FAILURE;
  }
}
