// The VS Code client talks to the server over LSP (requests, notifications, commands — document assembly
// included) and imports of the server's code only its protocol modules (message names and parameter types,
// free of the engine), so the extension bundle stays small and the engine runs once, in the server.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT = fileURLToPath(new URL('../../client/src/', import.meta.url));
const PROTOCOLS = new Set(['lsp/protocol.js', 'review/protocol.js']);
/** The server sources a client bundle may hold: the protocols and the vocabulary they re-export (constants, type-only imports). */
const CLIENT_SAFE = new Set(['server/src/lsp/protocol.ts', 'server/src/review/protocol.ts', 'server/src/engine/types.ts']);
/** Packages of the engine and of document assembly: the server's alone. */
const SERVER_PACKAGES = /node_modules\/(?:remark[^/]*|micromark[^/]*|mdast[^/]*|unified|opencc-js|ajv[^/]*|re2js|docx|jszip|mammoth|jsonc-parser)\//;

/** The client entries of scripts/build.mjs (every bundle that runs in the extension host). */
function clientEntries(): string[] {
  const source = readFileSync(path.join(ROOT, 'scripts/build.mjs'), 'utf8');
  return [...source.matchAll(/\bin:\s*'(client\/[^']+)'/g)].map((m) => m[1]);
}

describe('layers: the VS Code client and the server', () => {
  it('the client imports nothing of server/src but its protocol modules', () => {
    const leaks: string[] = [];
    for (const file of readdirSync(CLIENT).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(CLIENT, file), 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1];
        const inServer = /^(\.\.\/)+server\/src\/(.+)$/.exec(spec);
        if (inServer && !PROTOCOLS.has(inServer[2]) && !/^import\s+type\b/.test(m[0].trim())) leaks.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(leaks, []);
  });

  it('no client bundle holds engine, rule or assembly code: only the protocol modules of the server', async function () {
    this.timeout(60000);
    const entries = clientEntries();
    assert.ok(entries.includes('client/src/extension.ts'), `client entries of build.mjs: ${entries.join(', ')}`);
    for (const entry of entries) {
      // As scripts/build.mjs bundles it; the metafile lists every input that went in.
      const { metafile } = await build({
        entryPoints: [path.join(ROOT, entry)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        write: false,
        metafile: true,
        logLevel: 'silent',
        mainFields: ['module', 'main'],
        external: ['vscode'],
        absWorkingDir: ROOT,
      });
      const inputs = Object.keys(metafile.inputs);
      const server = inputs.filter((i) => i.startsWith('server/') && !CLIENT_SAFE.has(i));
      assert.deepEqual(server, [], `${entry} bundles server code`);
      assert.deepEqual(inputs.filter((i) => SERVER_PACKAGES.test(i)).map((i) => i.split('node_modules/')[1].split('/')[0]).filter((p, n, all) => all.indexOf(p) === n), [], `${entry} bundles engine packages`);
      assert.ok(inputs.includes('server/src/lsp/protocol.ts'), `${entry}: the metafile lists server inputs as expected`);
    }
  });

  it('the protocol module itself imports no engine code beyond its severity words', () => {
    const text = readFileSync(fileURLToPath(new URL('../../server/src/lsp/protocol.ts', import.meta.url)), 'utf8');
    const imports = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(imports)], ['../engine/types.js']);
    const types = readFileSync(fileURLToPath(new URL('../../server/src/engine/types.ts', import.meta.url)), 'utf8');
    assert.ok([...types.matchAll(/^import\s+(?!type\b).*$/gm)].length === 0, 'engine/types.ts has type-only imports');
  });
});

/** The server's modules (path relative to server/src) with the server modules each imports, statically or dynamically. */
function serverImports(): { from: string; to: string }[] {
  const src = path.join(ROOT, 'server/src');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((e) => {
      const file = path.join(dir, e);
      return statSync(file).isDirectory() ? walk(file) : file.endsWith('.ts') ? [file] : [];
    });
  return walk(src).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)]
      .map((m) => path.relative(src, path.resolve(path.dirname(file), m[1])).split(path.sep).join('/'))
      .filter((to) => !to.startsWith('..'))
      .map((to) => ({ from: path.relative(src, file).split(path.sep).join('/'), to })),
  );
}

describe('layers: the folders of server/src', () => {
  const imports = serverImports();
  const folder = (p: string) => p.split('/')[0];
  const leaks = (from: readonly string[], to: readonly string[]) =>
    imports.filter((i) => from.includes(folder(i.from)) && to.includes(folder(i.to))).map((i) => `${i.from} → ${i.to}`);

  it('finds the imports it checks', () => {
    assert.ok(imports.some((i) => i.from === 'cli/run.ts' && i.to === 'node/config-resolver.js'), JSON.stringify(imports.slice(0, 5)));
  });

  it('the language server, the review and the assembly import nothing from the CLI', () => {
    assert.deepEqual(leaks(['lsp', 'review', 'assemble', 'node', 'engine', 'rules'], ['cli']), []);
  });

  it('the review and the assembly import no front end; node/ and the engine no front end and not the review', () => {
    assert.deepEqual(leaks(['review', 'assemble'], ['cli', 'lsp']), []);
    assert.deepEqual(leaks(['node', 'engine', 'rules'], ['cli', 'lsp', 'review']), []);
  });

  it('the engine and the rules stay pure: no file I/O layer (node/) and no feature (assembly) above them', () => {
    assert.deepEqual(leaks(['engine', 'rules'], ['node', 'assemble']), []);
  });
});
