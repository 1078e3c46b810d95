// Builds dist/: first the files generated from the rules (scripts/generate/), then the bundles of the CLI,
// the language server and the VS Code client (esbuild; remark, opencc-js and the rule data are inlined, so
// dist/ runs without node_modules), then the data read at run time beside them.
//   node scripts/build.mjs                 regenerate what changed, then bundle (what a developer runs)
//   node scripts/build.mjs --no-generate   bundle only (npm ci and npm test: a stale generated file must
//                                          then fail test/generated.test.ts, not be silently rewritten)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REGISTRY, expectedRegistry } from './generate/registry.mjs';
import { asciiOnly } from './ascii-only.mjs';

/**
 * The rules' data files (rules/*.json) bundled as JSON.parse of one string, not as object literals: V8 parses JSON
 * faster than the same data as JavaScript, and a run creates it once (typo's 1,856 entries: ~20 ms of a small run).
 */
const jsonAsParse = {
  name: 'rules-json-as-parse',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/][^\\/]+\.json$/ }, (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

const common = {
  plugins: [jsonAsParse],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Prefer ES module builds: jsonc-parser's UMD "main" uses dynamic requires esbuild cannot bundle.
  mainFields: ['module', 'main'],
  // import.meta.url is only used to locate bundled assets; map it for CJS output.
  define: { 'import.meta.url': '__fazhi_import_meta_url' },
  banner: { js: 'const __fazhi_import_meta_url = require("url").pathToFileURL(__filename).href;' },
};

const entries = [
  // `fazhi-lint` (package.json bin): a launcher that runs dist/cli-main.cjs through V8's code cache (server/src/cli/launcher.ts).
  { in: 'server/src/cli/launcher.ts', out: 'dist/cli.cjs', shebang: true },
  { in: 'server/src/cli/main.ts', out: 'dist/cli-main.cjs' },
  // The language server and its check thread (server/src/lsp/thread-start.ts: the checker without the protocol),
  // ASCII-only (scripts/ascii-only.mjs), so that V8 keeps their source, for the life of the process, as one byte a
  // character rather than two.
  { in: 'server/src/lsp/main.ts', out: 'dist/server.cjs', shebang: true, ascii: true },
  { in: 'server/src/lsp/thread-main.ts', out: 'dist/server-thread.cjs', ascii: true },
  { in: 'client/src/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] },
  // The CLI's worker threads (server/src/cli/pool.ts): the engine and the rules only.
  { in: 'server/src/cli/pool-worker.ts', out: 'dist/lint-worker.cjs' },
  // Loaded on first use (server/src/node/on-demand.ts): the CLI's subcommands (server/src/cli/on-demand.ts), the
  // .docx reader (CLI, review, language server), and the assembly operations for the editor's assembly commands
  // (server/src/lsp/assembly.ts).
  { in: 'server/src/cli/commands/index.ts', out: 'dist/cli-commands.cjs' },
  { in: 'server/src/assemble/docx-import.ts', out: 'dist/docx-import.cjs' },
  { in: 'server/src/assemble/operations/index.ts', out: 'dist/assembly.cjs' },
  // The worker threads of `fazhi-lint review` (server/src/review/parallel.ts).
  { in: 'server/src/review/worker.ts', out: 'dist/review-worker.cjs' },
];

/** Writes `text` to `file` only if it differs (so that unchanged files keep their time stamps). */
function update(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`${file} regenerated from the rules`);
}

if (!process.argv.includes('--no-generate')) {
  // The registry first: every other generated file, and every bundle, comes from it.
  update(REGISTRY, expectedRegistry('.'));
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-generate-'));
  try {
    const bundled = path.join(dir, 'generate.cjs');
    await build({ ...common, sourcemap: false, entryPoints: ['scripts/generate/index.ts'], outfile: bundled });
    const { generatedFiles, RULE_PAGES_DIR } = createRequire(import.meta.url)(bundled);
    const files = generatedFiles((file) => readFileSync(file, 'utf8'));
    for (const { path: file, text } of files) update(file, text);
    // The page of a rule that no longer exists must not linger (nor be shipped).
    const pages = new Set(files.map((f) => f.path));
    for (const page of readdirSync(RULE_PAGES_DIR)) {
      const file = `${RULE_PAGES_DIR}/${page}`;
      if (page.endsWith('.md') && !pages.has(file)) {
        rmSync(file);
        console.log(`${file} removed (no such rule)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A bundle made ASCII-only (scripts/ascii-only.mjs), when it can be. */
async function asciiBundle(file) {
  const { default: ts } = await import('typescript');
  const ascii = asciiOnly(readFileSync(file, 'utf8'), ts);
  if (ascii === undefined) console.warn(`${file}: not made ASCII-only (a non-ASCII character in a string or template)`);
  else writeFileSync(file, ascii);
}

await Promise.all(entries.filter((e) => existsSync(e.in)).map(async (e) => {
  await build({
    ...common,
    entryPoints: [e.in],
    outfile: e.out,
    external: e.external ?? [],
    banner: { js: (e.shebang ? '#!/usr/bin/env node\n' : '') + common.banner.js },
  });
  if (e.ascii) await asciiBundle(e.out);
}));

// Read at run time, so shipped beside the bundles: report skeletons (fazhi-lint new / assemble) and the rule
// pages the diagnostics link to (dist/rules/<id>.md, server/src/lsp/rule-docs.ts).
cpSync('rules/skeletons', 'dist/rules/skeletons', { recursive: true });
mkdirSync('dist/rules', { recursive: true });
for (const page of readdirSync('dist/rules')) if (page.endsWith('.md')) rmSync(`dist/rules/${page}`);
for (const page of readdirSync('docs/rules')) if (page.endsWith('.md')) cpSync(`docs/rules/${page}`, `dist/rules/${page}`);
