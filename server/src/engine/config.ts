// Configuration: validation against rules/schema/config.schema.json and
// resolution into per-rule options. Pure: the CLI and the language server
// find and read the files (server/src/node/config-files.ts) and pass the
// parsed objects here, so both resolve config identically.
import Ajv from 'ajv';
import configSchema from '../../../rules/schema/config.schema.json';
import type { DocumentSettings, Profile, Script } from './document.js';
import type { Rule, RuleOptions, SeveritySetting } from './types.js';

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
  skeletons?: Partial<Record<'town' | 'county' | 'city' | 'department', string>>;
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

let validate: ReturnType<Ajv['compile']> | undefined;

/** Throws ConfigError (Chinese and English) for anything the schema rejects, including unknown rule ids. */
export function validateConfig(raw: unknown, source?: string): ConfigObject {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  if (!validate(raw)) {
    const problems = (validate.errors ?? []).map((e) => {
      const where = e.instancePath || '(根)';
      if (e.keyword === 'additionalProperties') {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        return e.instancePath === '/rules'
          ? `未知的规则 "${key}"（unknown rule id）`
          : `${where}: 未知的配置项 "${key}"（unknown option）`;
      }
      if (e.keyword === 'enum') return `${where}: 取值应为 ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(' | ')}`;
      return `${where}: ${e.message}`;
    });
    throw new ConfigError(`配置无效（invalid config）：${[...new Set(problems)].join('；')}`, source);
  }
  return raw as ConfigObject;
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
  const config = raw ? validateConfig(raw) : {};
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
    },
    rules: resolved,
    explicitSeverity,
    cache: new Map(),
    raw: config,
  };
}
