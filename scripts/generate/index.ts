// Every file generated from the rule registry, as { path, text }: scripts/build.mjs writes those that
// changed, test/generated.test.ts fails when one on disk differs. `read` gives the current text of a
// file of the repository (package.json and README.md are only partly generated).
//   rules/schema/config.schema.json   the config file's schema (what editors validate it with)
//   package.json                      the `fazhiLint.rules` and `fazhiLint.profile` settings
//   README.md                         the rule table
//   docs/rules/<id>.md                one page per rule (hover links; shipped as dist/rules/<id>.md)
//   snippets/fazhi-lint.json          the part and sub-section snippets, from the report skeleton (./snippets.ts)
//   server/src/engine/config-validator.generated.cjs   the config schema's validator, precompiled (Ajv standalone)
// The registry itself (server/src/rules/index.ts) is generated before, by ./registry.mjs.
import { RULES } from '../../server/src/rules/index.js';
import { configSchemaText } from '../../server/src/engine/config-schema.js';
import { configValidatorText } from '../../server/src/engine/config-validator-compile.js';
import { rulePage } from '../../server/src/lsp/rule-docs.js';
import { packageJsonText } from './package-json.js';
import { readmeText } from './readme.js';
import { SNIPPETS_FILE, snippetsText } from './snippets.js';

export const RULE_PAGES_DIR = 'docs/rules';

export interface GeneratedFile {
  path: string;
  text: string;
}

export function generatedFiles(read: (path: string) => string): GeneratedFile[] {
  return [
    { path: 'rules/schema/config.schema.json', text: configSchemaText(RULES) },
    { path: 'package.json', text: packageJsonText(read('package.json'), RULES) },
    { path: 'README.md', text: readmeText(read('README.md'), RULES, RULE_PAGES_DIR) },
    ...RULES.map((rule) => ({ path: `${RULE_PAGES_DIR}/${rule.id}.md`, text: rulePage(rule) })),
    { path: SNIPPETS_FILE, text: snippetsText(read) },
    { path: 'server/src/engine/config-validator.generated.cjs', text: configValidatorText(RULES) },
  ];
}
