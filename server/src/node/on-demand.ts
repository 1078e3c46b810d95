// Code loaded on first use rather than at start-up: bundled apart (dist/<name>.cjs beside the bundle that asks),
// so that a run which does not need it (checking a text report, a language server that assembles nothing)
// never compiles it. From the sources (tests under tsx), the module itself. The .docx reader is loaded so by
// the CLI, the review and the language server; the subcommands (cli/on-demand.ts) and the assembly operations
// (lsp/assembly.ts) likewise.
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache } from './code-cache.js';

type DocxImport = typeof import('../assemble/docx-import.js');

/**
 * The module `source` (a path relative to `here`, the caller's import.meta.url), or in a bundle the bundle
 * `bundle` beside it. Paths computed at run time, so that esbuild leaves both loads alone instead of inlining.
 */
export function loadOnDemand<T>(here: string, bundle: string, source: string): Promise<T> {
  // A bundle through V8's code cache (node/code-cache.ts): compiling the subcommands' bundle was ~0.1 s of a review.
  if (here.endsWith('.cjs')) return Promise.resolve(requireWithCodeCache(fileURLToPath(new URL(bundle, here))) as T);
  return import(new URL(source, here).href) as Promise<T>;
}

export function loadDocxImport(): Promise<DocxImport> {
  return loadOnDemand<DocxImport>(import.meta.url, './docx-import.cjs', '../assemble/docx-import.ts');
}
