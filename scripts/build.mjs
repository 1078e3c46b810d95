// Bundles the CLI, the language server and the VS Code client with esbuild.
// Everything (remark, opencc-js, rule data) is inlined, so dist/ runs without node_modules.
import { build } from 'esbuild';

const common = {
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
  { in: 'server/src/cli/main.ts', out: 'dist/cli.cjs', shebang: true },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.cjs', shebang: true },
  { in: 'client/src/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] },
  // Required by the extension on the first document-assembly command (client/src/assembly-commands.ts).
  { in: 'client/src/assembly-actions.ts', out: 'dist/assembly.cjs', external: ['vscode'] },
];

import { existsSync } from 'node:fs';
await Promise.all(entries.filter((e) => existsSync(e.in)).map((e) => build({
  ...common,
  entryPoints: [e.in],
  outfile: e.out,
  external: e.external ?? [],
  banner: { js: (e.shebang ? '#!/usr/bin/env node\n' : '') + common.banner.js },
})));

// Report skeletons (fazhi-lint new / assemble) are Markdown data read at run time; ship them beside the bundles.
import { cpSync } from 'node:fs';
cpSync('rules/skeletons', 'dist/rules/skeletons', { recursive: true });

// rules/schema/config.schema.json (what editors validate .fazhi-lint.json with, through "$schema") is
// generated from the rules, each declaring what its `extend` accepts; rewritten only when it changed.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
const schemaDir = mkdtempSync(path.join(tmpdir(), 'fazhi-config-schema-'));
try {
  const bundled = path.join(schemaDir, 'config-schema.cjs');
  await build({ ...common, sourcemap: false, entryPoints: ['scripts/config-schema.ts'], outfile: bundled });
  const { text } = createRequire(import.meta.url)(bundled);
  const target = 'rules/schema/config.schema.json';
  if (readFileSync(target, 'utf8') !== text) {
    writeFileSync(target, text);
    console.log(`${target} updated from the rules`);
  }
} finally {
  rmSync(schemaDir, { recursive: true, force: true });
}
