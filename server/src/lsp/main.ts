// Entry of `fazhi-lint-server` (dist/server.cjs):
//   --stdio | --node-ipc | --socket=PORT   run the language server (transport parsed by vscode-languageserver)
//   --version
// The thread that checks documents (worker.ts) runs its own bundle, dist/server-thread.cjs (thread-main.ts); this
// file is its body too where that bundle is missing.
import './early-thread.js'; // first: the check thread starts loading while the rest of this file is evaluated
import { version as VERSION } from '../../../package.json';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { ResyncingMessageReader } from './frames.js';
import { isCheckWorker, runWorker } from './worker.js';
import { startServer } from './server.js';

function main(argv: string[]): void {
  if (isCheckWorker()) return runWorker();
  if (argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
    process.stderr.write('fazhi-lint-server: 请指定传输方式 --stdio 或 --node-ipc（specify --stdio or --node-ipc）\n');
    process.exitCode = 2;
    return;
  }
  let shutdown = false;
  const connection = argv.includes('--stdio') ? stdioConnection(() => shutdown) : undefined;
  const server = startServer({ connection, onShutdown: () => (shutdown = true), warmWorker: true });
  process.on('uncaughtException', (error) => server.console.error(`未处理的异常（uncaught）：${error.stack ?? error}`));
  process.on('unhandledRejection', (error) => server.console.error(`未处理的异常（unhandled rejection）：${(error as Error)?.stack ?? error}`));
}

/**
 * Over stdio, frames are read by our own reader, which rejects a bad header and reads on from the next one
 * (vscode-jsonrpc's stops understanding the stream). stdout carries the protocol: console output goes to stderr.
 */
function stdioConnection(shutdown: () => boolean): Connection {
  let connection: Connection | undefined;
  const reader = new ResyncingMessageReader(process.stdin, (message) => {
    process.stderr.write(`${message}\n`);
    connection?.console.error(message);
  });
  connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  for (const name of ['log', 'info', 'debug', 'warn', 'error'] as const) console[name] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  // The client closed our input: it is gone (as vscode-languageserver does for its own stdio streams).
  const exit = () => process.exit(shutdown() ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  return connection;
}

main(process.argv.slice(2));
