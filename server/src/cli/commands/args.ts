// The subcommands' option parser is the checking command's (../args.ts: node:util parseArgs, one UsageError,
// the same Chinese messages); this module keeps the subcommands' imports short.
export { UsageError, parseSubcommandArgs as parseArgs, type ArgSpec, type ParsedArgs } from '../args.js';
