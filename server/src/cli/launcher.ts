// The `fazhi-lint` command (dist/cli.cjs): runs the CLI bundle (dist/cli-main.cjs) compiled with V8's code
// cache (node/code-cache.ts: Node 20 does not keep one by itself). Compiling the 3.5 MB bundle was a fifth of a
// small report's CPU time; with the cache it is mostly skipped. FAZHI_LINT_NO_CODE_CACHE=1 runs without it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../../package.json';
import { requireWithCodeCache } from '../node/code-cache.js';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-main.cjs');

// `fazhi-lint --version` alone needs nothing of the CLI (what run.ts prints for it).
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) process.stdout.write(`${(pkg as { version: string }).version}\n`);
else requireWithCodeCache(main);
