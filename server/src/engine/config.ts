// Configuration: validation against the config schema built from the rules
// (config-schema.ts; rules/schema/config.schema.json for the built-in rules)
// and resolution into per-rule options. Pure: the CLI and the language server
// find and read the files (server/src/node/config-files.ts) and pass the
// parsed objects here, so both resolve config identically.
import Ajv, { type ErrorObject } from 'ajv';
import configSchema from '../../../rules/schema/config.schema.json';
import type { DocumentSettings, Profile, Script } from './document.js';
import { buildConfigSchema, type JsonSchema } from './config-schema.js';
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

type Validator = ReturnType<Ajv['compile']>;

let ajv: Ajv | undefined;
let builtIn: Validator | undefined;
const byRules = new WeakMap<readonly Rule[], Validator>();

function compile(schema: object): Validator {
  ajv ??= new Ajv({ allErrors: true, strict: false, verbose: true }).addFormat('regex', {
    type: 'string',
    validate: (s: string) => regexError(s) === undefined,
  });
  // Several schemas (one per rule set) share the Ajv instance: compiled without their common $id.
  const { $id: _id, ...anonymous } = schema as { $id?: string };
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
  const misspelled = misspelledRuleKeys(raw as ConfigObject);
  if (misspelled.length) throw new ConfigError(`配置无效（invalid config）：${misspelled.join('；')}`, source);
  return raw as ConfigObject;
}

const RULE_KEYS = ['severity', 'extend'];

/**
 * A rule's object may hold other keys (rule-specific options), but one that is a near miss of `severity` or
 * `extend` is a typo that would otherwise be silently ignored.
 */
function misspelledRuleKeys(config: ConfigObject): string[] {
  const out: string[] = [];
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!setting || typeof setting !== 'object') continue;
    for (const key of Object.keys(setting)) {
      if (RULE_KEYS.includes(key)) continue;
      const near = RULE_KEYS.find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
      if (near) out.push(`${configPath(`/rules/${id}`)}: 未知的键 "${key}"，是否应为 "${near}"？（unknown key; did you mean "${near}"?）`);
    }
  }
  return out;
}

// ---- Ajv errors → one message per problem ----

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['字符串', 'a string'],
  object: ['对象', 'an object'],
  array: ['数组', 'an array'],
  integer: ['整数', 'an integer'],
  number: ['数字', 'a number'],
  boolean: ['true 或 false', 'a boolean'],
  null: ['null', 'null'],
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Could `value` be valid under `schema` as far as its JSON type goes? */
function typeFits(schema: unknown, value: unknown): boolean {
  if (!schema || typeof schema !== 'object') return schema !== false;
  const s = schema as { type?: string | string[]; enum?: unknown[]; const?: unknown };
  const actual = jsonType(value);
  const fits = (t: string) => t === actual || (t === 'number' && actual === 'integer');
  if (s.type !== undefined) return (Array.isArray(s.type) ? s.type : [s.type]).some(fits);
  if (s.enum) return s.enum.some((v) => fits(jsonType(v)));
  if ('const' in s) return fits(jsonType(s.const));
  return true;
}

/** The config path of a JSON pointer: /rules/typo/extend/错字 → rules.typo.extend["错字"]. */
export function configPath(pointer: string): string {
  if (!pointer) return '(根)（top level）';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);

/**
 * Keeps, for each failed oneOf/anyOf, only the errors of the alternative the value was evidently meant for
 * (the one whose type it has); when no alternative fits its type, one error saying what is allowed.
 */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  let remaining = errors;
  const combinators = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    if (!remaining.includes(combinator)) continue; // inside an alternative already dropped
    const prefix = `${combinator.schemaPath}/`;
    const inside = remaining.filter((e) => e !== combinator && e.schemaPath.startsWith(prefix) && within(e.instancePath, combinator.instancePath));
    const branchOf = (e: ErrorObject) => Number(e.schemaPath.slice(prefix.length).split('/')[0]);
    const branches = (combinator.schema ?? []) as unknown[];
    const candidates = branches.map((_, i) => i).filter((i) => typeFits(branches[i], combinator.data));
    const hasMessage = typeof (combinator.parentSchema as JsonSchema | undefined)?.errorMessage === 'string';
    const passing = (combinator.params as { passingSchemas?: unknown }).passingSchemas;
    let keep: ErrorObject[];
    if (passing !== undefined && passing !== null) keep = [combinator]; // oneOf: more than one matched
    else if (candidates.length === 1) keep = inside.filter((e) => branchOf(e) === candidates[0]);
    else if (candidates.length === 0 || hasMessage) keep = [combinator];
    else {
      // Several alternatives fit the type: the one with the fewest errors.
      const count = (i: number) => inside.filter((e) => branchOf(e) === i).length;
      const best = candidates.reduce((a, b) => (count(b) < count(a) ? b : a));
      keep = inside.filter((e) => branchOf(e) === best);
    }
    if (!keep.length) keep = [combinator];
    remaining = remaining.filter((e) => (e !== combinator && !inside.includes(e)) || keep.includes(e));
  }
  return remaining;
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function describeError(e: ErrorObject, ruleIds: readonly string[] | undefined): string {
  const where = configPath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as JsonSchema;
  const custom = typeof parent.errorMessage === 'string' ? parent.errorMessage : undefined;
  const given = `，实际为（got）${show(e.data)}`;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = params.additionalProperty as string;
      const allowed = Object.keys((parent.properties ?? {}) as object);
      if (e.instancePath === '/rules') {
        const ids = ruleIds ?? allowed;
        const near = ids.filter((id) => distance(id, key) <= Math.max(1, Math.floor(id.length / 4))).sort((a, b) => distance(a, key) - distance(b, key));
        return near.length
          ? `未知的规则 "${key}"，是否应为 "${near[0]}"？（unknown rule id; did you mean "${near[0]}"?）`
          : `未知的规则 "${key}"（unknown rule id）；可用的规则（known rules）：${ids.join(', ')}`;
      }
      const what = e.instancePath ? ['未知的键', 'unknown key'] : ['未知的配置项', 'unknown option'];
      return `${e.instancePath ? `${where}: ` : ''}${what[0]} "${key}"（${what[1]}）；可用的${e.instancePath ? '键' : '配置项'}（allowed）：${allowed.join(', ')}`;
    }
    case 'type':
    case 'oneOf':
    case 'anyOf':
    case 'not':
    case 'enum': {
      if (custom) return `${where}: ${custom}${e.keyword === 'not' ? '' : given}`;
      if (e.keyword === 'enum') {
        const values = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join('|');
        return `${where}: 应为 ${values}（expected one of ${values}）${given}`;
      }
      if (e.keyword === 'type') {
        const types = String(params.type).split(',');
        const zh = types.map((t) => TYPE_NAMES[t]?.[0] ?? t).join('或');
        const en = types.map((t) => TYPE_NAMES[t]?.[1] ?? t).join(' or ');
        return `${where}: 应为${zh}（expected ${en}）${given}`;
      }
      if (e.keyword === 'not') return `${where}: 不允许该值（value not allowed）${given}`;
      const types = [...new Set(((e.schema ?? []) as JsonSchema[]).flatMap((b) => (b && b.type ? [b.type].flat() : [])) as string[])];
      if (types.length) {
        const zh = types.map((t) => TYPE_NAMES[t]?.[0] ?? t).join('或');
        const en = types.map((t) => TYPE_NAMES[t]?.[1] ?? t).join(' or ');
        return `${where}: 应为${zh}（expected ${en}）${given}`;
      }
      return `${where}: 不符合任何一种允许的写法（matches none of the allowed forms）${given}`;
    }
    case 'required':
      return `${where}: 缺少 "${params.missingProperty}"（missing property "${params.missingProperty}"）`;
    case 'minLength':
      return params.limit === 1
        ? `${where}: 不能为空字符串（must not be empty）`
        : `${where}: 至少应有 ${params.limit} 个字符（must have at least ${params.limit} characters）${given}`;
    case 'minimum':
    case 'maximum': {
      const s = e.parentSchema as { minimum?: number; maximum?: number };
      if (s.minimum !== undefined && s.maximum !== undefined) {
        return `${where}: 应在 ${s.minimum} 到 ${s.maximum} 之间（must be between ${s.minimum} and ${s.maximum}）${given}`;
      }
      const [zh, en] = e.keyword === 'minimum' ? ['不小于', '>='] : ['不大于', '<='];
      return `${where}: 应${zh} ${params.limit}（must be ${en} ${params.limit}）${given}`;
    }
    case 'format':
      if (params.format === 'regex') {
        return `${where}: 不是有效的正则表达式（${regexError(String(e.data))}）`;
      }
      return `${where}: 格式应为 ${params.format}（must be a ${params.format}）${given}`;
    default:
      return `${where}: ${custom ?? e.message}${given}`;
  }
}

function describeErrors(errors: ErrorObject[], ruleIds: readonly string[] | undefined): string[] {
  return [...new Set(simplify(errors).map((e) => describeError(e, ruleIds)))];
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
  const config = raw ? validateConfig(raw, undefined, rules) : {};
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
