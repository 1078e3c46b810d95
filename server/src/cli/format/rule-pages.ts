// Where a rule's page is, for SARIF's helpUri: the generated docs/rules/<id>.md of the package.
// When package.json names a repository (a published release), the page's address there
// (<repository>/blob/HEAD/docs/rules/<id>.md), the same for everyone who reads the SARIF log;
// otherwise (a clone or a local install) the file: URI of the page in the package on this machine.
// SARIF asks for an absolute URI, so a path relative to the package is not an option.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pkg from '../../../../package.json';

const PAGES = 'docs/rules';

/** The package folder: the nearest folder above this module holding the package's package.json. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === (pkg as { name: string }).name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function repositoryUrl(): string | undefined {
  const repo = (pkg as { repository?: string | { url?: string } }).repository;
  const url = typeof repo === 'string' ? repo : repo?.url;
  if (!url) return undefined;
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://');
  return /^https?:\/\//.test(web) ? web : undefined;
}

let base: string | undefined;

/** The absolute URI of the page of rule `id`. */
export function ruleHelpUri(id: string): string {
  base ??= repositoryUrl() ? `${repositoryUrl()}/blob/HEAD/${PAGES}/` : pathToFileURL(path.join(packageRoot(), PAGES)).href + '/';
  return `${base}${encodeURIComponent(id)}.md`;
}
