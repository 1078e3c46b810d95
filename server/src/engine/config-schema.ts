// The JSON Schema of the config file (.fazhi-lint.json), built from the rules:
// each rule may declare the shape of its `extend` (Rule.extendSchema) and its
// other options (Rule.optionsSchema); a rule that declares no `extend` takes
// none. validateConfig (config.ts) validates against this schema, and
// rules/schema/config.schema.json — what editors use through "$schema" — is
// the same schema for the built-in rules, written by scripts/build.mjs (and
// checked by test/generated.test.ts).
// The engine knows nothing of particular rules: everything rule-specific comes
// from the Rule objects passed in.
//
// Schemas here are inlined (no $ref), so that an Ajv error's schemaPath says
// which alternative of a oneOf/anyOf it belongs to (see config.ts), and carry
// `errorMessage` (shown by VS Code's JSON support too) where the plain keyword
// message would not say what is allowed.
import { PROFILE_LABELS, PROFILE_SETTINGS, REPORT_PROFILES, REPORT_YEARS, SEVERITY_SETTINGS, type Rule } from './types.js';
import { EXPORT_CONFIG_SCHEMA } from './export-config.js';

/** A JSON Schema fragment (draft-07), as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

const SEVERITY_LIST = SEVERITY_SETTINGS.map((s) => JSON.stringify(s)).join('|');

/** A list of non-empty strings; `regex` when each is a regular expression (checked with the u flag). */
export function stringList(description: string, opts: { regex?: boolean } = {}): JsonSchema {
  return {
    type: 'array',
    description,
    items: { type: 'string', minLength: 1, ...(opts.regex ? { format: 'regex' } : {}) },
  };
}

/** The parts of the config that are not rules. */
const TOP_LEVEL: Record<string, JsonSchema> = {
  $schema: { type: 'string' },
  script: {
    enum: ['simplified', 'traditional'],
    description: '报告应使用的字形：simplified（规范汉字，默认）或 traditional。Expected script.',
  },
  profile: {
    enum: [...PROFILE_SETTINGS],
    description: `报告主体类型：${REPORT_PROFILES.map((p) => `${p} ${PROFILE_LABELS[p]}`).join('，')}，auto 自动推断。`,
  },
  body: {
    type: 'string',
    minLength: 2,
    description: '报告主体（单位）名称，覆盖自动推断，例如 张八桥镇。',
  },
  year: {
    type: 'integer',
    minimum: REPORT_YEARS.min,
    maximum: REPORT_YEARS.max,
    description: '报告所述年度，覆盖自动推断。',
  },
  files: {
    type: 'array',
    items: { type: 'string' },
    description: '语言服务器检查的文件（glob）。',
  },
  ignores: {
    type: 'array',
    items: { type: 'string' },
    description: '不检查的文件（glob）。',
  },
  skeletons: {
    type: 'object',
    description: '用自己的骨架替换内置骨架（fazhi-lint new / assemble）：每类主体一个 Markdown 文件，路径相对于配置文件。Own report skeletons per profile.',
    additionalProperties: false,
    properties: Object.fromEntries(REPORT_PROFILES.map((p) => [p, { type: 'string', description: PROFILE_LABELS[p] }])),
  },
  export: EXPORT_CONFIG_SCHEMA,
};

/** The schema of `rules[rule.id]`: a severity, or { severity, extend } (extend only if the rule declares its shape). */
export function ruleSettingSchema(rule: Pick<Rule, 'id' | 'severity' | 'docs' | 'extendSchema' | 'optionsSchema'>): JsonSchema {
  const keys = ['severity', ...(rule.extendSchema ? ['extend'] : []), ...Object.keys(rule.optionsSchema ?? {})];
  const objectForm = `{ ${keys.join(', ')} }`;
  const expected = `应为 ${SEVERITY_LIST} 或 ${objectForm}（expected a severity or an object ${objectForm}）`;
  const extend: JsonSchema = rule.extendSchema
    ? rule.extendSchema
    : {
        not: {},
        doNotSuggest: true,
        errorMessage: `规则 ${rule.id} 没有可扩展的词表，不接受 extend（rule ${rule.id} has no list to extend）`,
      };
  return {
    description: `${rule.docs.description}（默认 default: ${rule.severity}）`,
    errorMessage: expected,
    oneOf: [
      { type: 'string', enum: [...SEVERITY_SETTINGS], errorMessage: expected },
      {
        type: 'object',
        // Other keys are allowed (and ignored unless a rule reads them); validateConfig rejects near misses
        // of these two ("extnd", "severty").
        properties: {
          severity: { type: 'string', enum: [...SEVERITY_SETTINGS], description: '严重程度；"off" 关闭该规则。Severity, or "off".' },
          extend,
          ...rule.optionsSchema,
        },
      },
    ],
  };
}

/** The whole config schema for these rules. */
export function buildConfigSchema(rules: readonly Pick<Rule, 'id' | 'severity' | 'docs' | 'extendSchema' | 'optionsSchema'>[]): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'fazhi-lint-config',
    title: 'fazhi-lint 配置（.fazhi-lint.json）',
    description: '法治政府建设年度报告检查器的配置。Configuration of fazhi-lint. 本文件由规则生成（generated from the rules by scripts/build.mjs）：请勿手工修改。',
    type: 'object',
    additionalProperties: false,
    properties: {
      ...TOP_LEVEL,
      rules: {
        type: 'object',
        description: '规则的开关、严重程度和词表扩展。',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleSettingSchema(rule)])),
      },
    },
  };
}

/** The text of rules/schema/config.schema.json for these rules. */
export function configSchemaText(rules: Parameters<typeof buildConfigSchema>[0]): string {
  return `${JSON.stringify(buildConfigSchema(rules), null, 2)}\n`;
}
