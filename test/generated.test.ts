// Files generated from the rule registry (scripts/generate/) are checked in, so that a reader of the
// repository, an editor validating .fazhi-lint.json and VS Code's settings UI see them without a build.
// `npm test` builds with --no-generate: if a rule changed and the files were not regenerated
// (node scripts/build.mjs), these tests fail rather than the build silently rewriting them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { REGISTRY, catalogueOrder, expectedRegistry, registrySource } from '../scripts/generate/registry.mjs';
import { generatedFiles, RULE_PAGES_DIR } from '../scripts/generate/index.js';
import { RULES } from '../server/src/rules/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const STALE = 'is stale: run `node scripts/build.mjs` (npm run build), which regenerates it from the rules';

describe('generated files are current', () => {
  it(`${REGISTRY} lists every rule module of its folder`, () => {
    assert.ok(read(REGISTRY) === expectedRegistry(ROOT), `${REGISTRY} ${STALE}`);
  });

  for (const file of generatedFiles(read)) {
    it(file.path, () => {
      assert.ok(existsSync(path.join(ROOT, file.path)), `${file.path} is missing: run \`node scripts/build.mjs\``);
      // Not assert.equal: the diff of a whole package.json or README would bury the message.
      assert.ok(read(file.path) === file.text, `${file.path} ${STALE}`);
    });
  }

  it('the VS Code settings and the README table name every rule, with its default, linking to its page', () => {
    const pkg = JSON.parse(read('package.json'));
    const settings = pkg.contributes.configuration.properties['fazhiLint.rules'].properties;
    assert.deepEqual(Object.keys(settings), RULES.map((r) => r.id));
    const rows = [...read('README.md').matchAll(/^\| \[`([a-z-]+)`\]\(([^)]+)\) \| (\w+) \|/gm)];
    assert.deepEqual(rows.map((m) => `${m[1]} ${m[3]}`), RULES.map((r) => `${r.id} ${r.severity}`));
    for (const m of rows) assert.ok(existsSync(path.join(ROOT, m[2])), m[2]);
  });

  it(`${RULE_PAGES_DIR}/ holds the page of each rule and nothing else`, () => {
    const pages = readdirSync(path.join(ROOT, RULE_PAGES_DIR)).sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.id}.md`).sort());
  });
});

describe('the registry generator', () => {
  it('orders the modules as the contract\'s catalogue does, and puts a module it does not list last, by name', () => {
    const contract = '# x\n\n| `b-rule` | x |\n\n## Rules\n\n| rule | default |\n|---|---|\n| `c-rule` | error |\n| `a-rule` | hint |\n\n## Output\n\n| `d-rule` | x |\n';
    assert.deepEqual(catalogueOrder(contract), ['c-rule', 'a-rule']);
    const source = registrySource(['a-rule', 'z-rule', 'c-rule', 'b-rule'], catalogueOrder(contract));
    assert.deepEqual([...source.matchAll(/^import (\w+) from '\.\/([\w-]+)\.js';$/gm)].map((m) => `${m[1]}=${m[2]}`), ['cRule=c-rule', 'aRule=a-rule', 'bRule=b-rule', 'zRule=z-rule']);
    assert.match(source, /export const RULES: readonly Rule\[\] = \[\n  cRule,\n  aRule,\n  bRule,\n  zRule,\n\];/);
  });
});

describe('docs/rules.md is the contract', () => {
  // Tools outside the project read the contract; the copy here is never generated or edited, only copied.
  const shared = '/work/shared/docs/rules.md';
  it('is a verbatim copy of the shared contract (where that file exists)', function () {
    if (!existsSync(shared)) this.skip();
    assert.ok(read('docs/rules.md') === readFileSync(shared, 'utf8'), `docs/rules.md differs from ${shared}: copy it again`);
  });
});
