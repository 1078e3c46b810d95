// How a file's path is shown: in the reports (JSON, SARIF, text) and in messages of every command.
import path from 'node:path';

/**
 * `file` relative to `cwd`, "/" separated ("." for cwd itself). A file outside cwd is shown relative
 * ("../x.md": what the JSON and SARIF outputs carry, resolved by their readers) or, for messages,
 * absolute when `outside` says so.
 */
export function displayPath(file: string, cwd: string, outside: 'relative' | 'absolute' = 'relative'): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel === '') return '.';
  if (outside === 'absolute' && (/^\.\.(?:[\\/]|$)/.test(rel) || path.isAbsolute(rel))) return path.resolve(cwd, file);
  return rel.split(path.sep).join('/');
}
