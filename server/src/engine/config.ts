// Configuration: validation against the config schema built from the rules
// (config-schema.ts; rules/schema/config.schema.json for the built-in rules)
// and resolution into per-rule options. Pure: the CLI and the language server
// find and read the files (server/src/node/config-files.ts) and pass the
// parsed objects here, so both resolve config identically.
import Ajv, { type ErrorObject } from 'ajv';
import configSchema from '../../../rules/schema/config.schema.json';
import type { DocumentSettings, Profile, Script } from './document.js';
import { buildConfigSchema } from './config-schema.js';
import { configPath, describeErrors, distance, regexError } from './config-errors.js';
import { AJV_OPTIONS, precompiledValidator } from './config-validator.js';
import type { ReportProfile, Rule, RuleOptions, SeveritySetting } from './types.js';

export type RuleSetting = SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>);

/** The config file format (.fazhi-lint.json). */
export interface ConfigObject {
  $schema?: string;
  script?: Script;
  profile?: Profile;
  body?: string;
  year?: number;
  rules?: Record<string, RuleSetting>;
  /** Globs of files the language server checks (besides documents that look like a report). */
  files?: string[];
  ignores?: string[];
  /** Own skeletons per profile (paths relative to the config file), for `fazhi-lint new` / `assemble`. */
  skeletons?: Partial<Record<ReportProfile, string>>;
  /** Word export settings: font names (engine/export-config.ts). */
  export?: import('./export-config.js').ExportConfig;
  /**
   * Last year's report, as text (copied-report compares against it). Given by the caller — the API, the CLI's
   * --previous, the editor's fazhiLint.previousReport — never by a config file: the file schema rejects it.
   */
  previous?: string;
}

export interface ResolvedConfig {
  settings: DocumentSettings;
  rules: Map<string, RuleOptions>;
  /** Options the user set explicitly (their severity overrides a rule's per-finding default). */
  explicitSeverity: Set<string>;
  /** Derived data cache (compiled dictionaries); lives as long as this resolved config. */
  cache: Map<string, unknown>;
  raw: ConfigObject;
}

export class ConfigError extends Error {
  constructor(message: string, readonly source?: string) {
    super(source ? `${source}: ${message}` : message);
    this.name = 'ConfigError';
  }
}

type Validator = ReturnType<Ajv['compile']>;

let ajv: Ajv | undefined;
let builtIn: Validator | undefined;
const byRules = new WeakMap<readonly Rule[], Validator>();

const REGEX_FORMAT = { type: 'string' as const, validate: (s: string) => regexError(s) === undefined };

function compile(schema: object): Validator {
  // Several schemas (one per rule set) share the Ajv instance: compiled without their common $id.
  const { $id: _id, ...anonymous } = schema as { $id?: string };
  // The built-in rules' schema was compiled at build time (config-validator.ts).
  const precompiled = precompiledValidator(anonymous, { regex: REGEX_FORMAT });
  if (precompiled) return precompiled as Validator;
  ajv ??= new Ajv({ ...AJV_OPTIONS }).addFormat('regex', REGEX_FORMAT);
  return ajv.compile(anonymous);
}

/**
 * Throws ConfigError (Chinese and English) for anything the schema rejects: unknown keys and rule ids,
 * wrong types, and an `extend` that does not have the shape the rule declares (Rule.extendSchema) or is
 * given to a rule that has no list to extend. One message per problem, naming the config path
 * (`rules.typo.extend["错字"]`), what was given and what is allowed.
 * Without `rules`, validates against rules/schema/config.schema.json (the built-in rules).
 */
export function validateConfig(raw: unknown, source?: string, rules?: readonly Rule[]): ConfigObject {
  let validate: Validator;
  if (rules) {
    validate = byRules.get(rules) ?? compile(buildConfigSchema(rules));
    byRules.set(rules, validate);
  } else validate = builtIn ??= compile(configSchema);
  if (!validate(raw)) {
    const problems = describeErrors((validate.errors ?? []) as ErrorObject[], rules?.map((r) => r.id));
    throw new ConfigError(`配置无效（invalid config）：${problems.join('；')}`, source);
  }
  const misspelled = misspelledRuleKeys(raw as ConfigObject, rules);
  if (misspelled.length) throw new ConfigError(`配置无效（invalid config）：${misspelled.join('；')}`, source);
  return raw as ConfigObject;
}

const RULE_KEYS = ['severity', 'extend'];

/**
 * A rule's object may hold other keys (rule-specific options), but one that is a near miss of `severity` or
 * `extend` is a typo that would otherwise be silently ignored.
 */
function misspelledRuleKeys(config: ConfigObject, rules?: readonly Rule[]): string[] {
  const out: string[] = [];
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!setting || typeof setting !== 'object') continue;
    // The options a rule declares (Rule.optionsSchema: report-date's `deadline`) are as easy to misspell.
    const keys = [...RULE_KEYS, ...Object.keys(rules?.find((r) => r.id === id)?.optionsSchema ?? {})];
    for (const key of Object.keys(setting)) {
      if (keys.includes(key)) continue;
      const near = keys.find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
      if (near) out.push(`${configPath(`/rules/${id}`)}: 未知的键 "${key}"，是否应为 "${near}"？（unknown key; did you mean "${near}"?）`);
    }
  }
  return out;
}

/** Later configs override earlier ones; rule settings merge per rule, `extend` lists concatenate/merge. */
export function mergeConfigs(...configs: (ConfigObject | undefined)[]): ConfigObject {
  const out: ConfigObject = {};
  for (const c of configs) {
    if (!c) continue;
    for (const [k, v] of Object.entries(c)) {
      if (k === 'rules' || k === '$schema' || v === undefined) continue;
      (out as Record<string, unknown>)[k] = v;
    }
    if (c.rules) {
      out.rules ??= {};
      for (const [id, setting] of Object.entries(c.rules)) {
        const prev = out.rules[id];
        if (typeof setting === 'string' || typeof prev !== 'object' || prev === null) {
          out.rules[id] = typeof setting === 'string' && typeof prev === 'object' && prev ? { ...prev, severity: setting } : setting;
        } else {
          out.rules[id] = { ...prev, ...setting, extend: mergeExtend(prev.extend, setting.extend) };
          if (out.rules[id] && (out.rules[id] as Record<string, unknown>).extend === undefined) delete (out.rules[id] as Record<string, unknown>).extend;
        }
      }
    }
  }
  return out;
}

function mergeExtend(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (typeof a === 'object' && typeof b === 'object' && a && b) return { ...a, ...b };
  return b;
}

export function resolveConfig(raw: ConfigObject | undefined, rules: readonly Rule[]): ResolvedConfig {
  // `previous` is a text handed over by the caller, not a setting of the file format the schema describes.
  const { previous, ...file } = raw ?? {};
  if (previous !== undefined && typeof previous !== 'string') throw new ConfigError('previous 应为上一年度报告的文本（字符串）（previous must be a string）');
  // An empty config (no file, no --rule) is valid: no validator is compiled for it (a third of a small run's CPU).
  const config = raw && Object.keys(file).length > 0 ? validateConfig(file, undefined, rules) : {};
  const known = new Set(rules.map((r) => r.id));
  const resolved = new Map<string, RuleOptions>();
  const explicitSeverity = new Set<string>();
  for (const rule of rules) resolved.set(rule.id, { severity: rule.severity });
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`未知的规则 "${id}"（unknown rule id）`);
    const base = resolved.get(id)!;
    if (typeof setting === 'string') {
      resolved.set(id, { ...base, severity: setting });
      explicitSeverity.add(id);
    } else {
      resolved.set(id, { ...base, ...setting, severity: setting.severity ?? base.severity });
      if (setting.severity) explicitSeverity.add(id);
    }
  }
  return {
    settings: {
      script: config.script ?? 'simplified',
      profile: config.profile ?? 'auto',
      body: config.body,
      year: config.year,
      ...(previous !== undefined ? { previous } : {}),
    },
    rules: resolved,
    explicitSeverity,
    cache: new Map(),
    raw: config,
  };
}
