// Entry point of the `fazhi-lint` command (bundled to dist/cli.cjs).
// Never shows a stack trace: an unexpected failure is one line on stderr and exit code 2.
import { constants } from 'node:os';
import { run } from './run.js';
import { EXIT_FAILURE } from './exit-codes.js';

async function readStdin(): Promise<Uint8Array> {
  // At a terminal, --stdin waits for typed text: say so, so that it does not look like a hang.
  if (process.stdin.isTTY) process.stderr.write('fazhi-lint: 正在从标准输入读取，输入完毕后按 Ctrl-D（Windows：Ctrl-Z 回车）结束（reading stdin: end with Ctrl-D）\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// --fix writes each file synchronously and yields between files: a signal ends the run there, so no report is
// left half-replaced and no temporary file is left behind. (Without --fix, the default handling stops at once.)
if (process.argv.includes('--fix')) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => process.exit(128 + (constants.signals[signal] ?? 0)));
}

// A closed pipe (fazhi-lint … | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdoutIsTTY: !!process.stdout.isTTY,
  readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`fazhi-lint: 内部错误（internal error）：${message}\n`);
    if (process.env.FAZHI_LINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
