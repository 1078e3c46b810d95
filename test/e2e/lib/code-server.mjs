// An isolated code-server: its own user-data, extensions and XDG folders under one temp dir,
// bound to 127.0.0.1 on a free port, in its own process group so that stopping it also
// stops the extension hosts it forks (they outlive the main process otherwise).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';

/** Locates Node 24 and code-server in the setup cache (scripts/e2e/setup.sh). */
export function locateTools() {
  const cache = process.env.FAZHI_E2E_CACHE || path.join(os.homedir(), '.cache', 'fazhi-lint-e2e');
  const node = path.join(cache, 'node24', 'node_modules', 'node', 'bin', 'node');
  const entry = path.join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const missing = [node, entry, '/usr/bin/chromium'].filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(`e2e tools missing (${missing.join(', ')}): run \`bash scripts/e2e/setup.sh\` first (cache ${cache})`);
  }
  return { cache, node, entry };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The folders that keep code-server away from the real home directory. */
export function isolatedDirs(root) {
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
    xdg: {
      XDG_CONFIG_HOME: path.join(root, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(root, 'xdg', 'data'),
      XDG_CACHE_HOME: path.join(root, 'xdg', 'cache'),
      XDG_STATE_HOME: path.join(root, 'xdg', 'state'),
    },
  };
  for (const d of [dirs.userData, dirs.extensions, ...Object.values(dirs.xdg)]) mkdirSync(d, { recursive: true });
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

function env(tools, dirs) {
  return {
    ...process.env,
    ...dirs.xdg,
    PATH: `${path.dirname(tools.node)}:${process.env.PATH}`,
    // Never let a developer's password or session leak in.
    PASSWORD: '', HASHED_PASSWORD: '',
  };
}

/** `code-server --install-extension x.vsix` into the isolated extensions folder. */
export function installExtension(tools, dirs, vsix) {
  const r = spawnSync(tools.node, [tools.entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--config', dirs.config, '--install-extension', vsix, '--force'], { env: env(tools, dirs), encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout}\n${r.stderr}`.trim();
  if (r.status !== 0 || !/successfully installed|was successfully|already installed/i.test(out)) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${r.status}): ${out}`);
  }
  return out;
}

/**
 * Starts code-server with setsid (new session = new process group) and resolves once it
 * prints that it listens. `stop()` kills the whole group; it is safe to call twice.
 */
export async function startCodeServer(tools, dirs, { port, folder, smokeTestDriver = false, logFile }) {
  const args = [tools.entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(folder);
  const log = openSync(logFile, 'w');
  const child = spawn('setsid', [tools.node, ...args], { env: env(tools, dirs), stdio: ['ignore', log, log], detached: false });
  let pgid;
  const stop = () => {
    // setsid makes the node process the leader of a new group whose id is its pid.
    if (pgid === undefined) return;
    try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
    const deadline = Date.now() + 5000;
    const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
    while (alive() && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    if (alive()) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
    pgid = undefined;
  };
  // setsid exec()s node when it is not already a group leader (it is not: we spawned it), so the pid is the node's.
  pgid = child.pid;
  const url = `http://127.0.0.1:${port}/`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { clearInterval(poll); reject(new Error(`code-server did not listen on ${url} within 60 s; log: ${tail(logFile)}`)); }, 60_000);
    child.once('exit', (code) => { clearTimeout(timer); clearInterval(poll); reject(new Error(`code-server exited (${code}) before listening; log: ${tail(logFile)}`)); });
    // Wait for its own "HTTP server listening" line in the log (an event, not a guess).
    const poll = setInterval(() => {
      if (readFileSync(logFile, 'utf8').includes(`HTTP server listening on http://127.0.0.1:${port}`)) { clearTimeout(timer); clearInterval(poll); resolve(); }
    }, 100);
  });
  child.removeAllListeners('exit');
  return { url, port, pgid, stop, child };
}

function tail(file, n = 2000) {
  try { const s = readFileSync(file, 'utf8'); return s.slice(-n); } catch { return '(no log)'; }
}
