// The CLI run in this process (run(argv, io)), to compare the server with: what `fazhi-lint --fix` writes
// for a text (read on stdin as if it were the file `name`, so the same config applies), and a plain run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../server/src/cli/run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function cliFix(text: string, name: string): Promise<string> {
  let out = '';
  let err = '';
  const code = await run(['--fix', '--stdin', '--stdin-filename', name, '--no-color'], {
    cwd: path.isAbsolute(name) ? path.dirname(name) : ROOT,
    env: {},
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stdoutIsTTY: false,
    readStdin: async () => new TextEncoder().encode(text),
  });
  if (code === 2) throw new Error(`fazhi-lint --fix failed: ${err}`);
  return out;
}

export async function cliRun(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run([...argv, '--no-color'], {
    cwd,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdoutIsTTY: false,
    readStdin: async () => new Uint8Array(),
  });
  return { code, stdout, stderr };
}
