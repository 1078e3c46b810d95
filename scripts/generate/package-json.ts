// The parts of package.json that VS Code reads and that come from the engine: one entry per rule under
// the `fazhiLint.rules` setting (severity or "off", with the rule's description) and the choices of
// `fazhiLint.profile`. The rest of package.json is written by hand; only these keys are replaced.
import { PROFILE_SETTINGS, SEVERITY_SETTINGS, type Rule } from '../../server/src/engine/types.js';

interface Setting {
  [keyword: string]: unknown;
}

export function packageJsonText(current: string, rules: readonly Rule[]): string {
  const pkg = JSON.parse(current) as { contributes: { configuration: { properties: Record<string, Setting> } } };
  const settings = pkg.contributes.configuration.properties;
  settings['fazhiLint.rules'].properties = Object.fromEntries(
    rules.map((rule) => [rule.id, { type: 'string', enum: [...SEVERITY_SETTINGS], description: `${rule.docs.description}（默认 default: ${rule.severity}）` }]),
  );
  settings['fazhiLint.profile'].enum = [...PROFILE_SETTINGS];
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
