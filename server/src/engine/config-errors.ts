// Ajv's errors for a config, as one Chinese+English message per problem, naming the config path
// (rules.typo.extend["错字"]), what was given and what is allowed.
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from './config-schema.js';
import { userPatternError } from './user-pattern.js';

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['字符串', 'a string'],
  object: ['对象', 'an object'],
  array: ['数组', 'an array'],
  integer: ['整数', 'an integer'],
  number: ['数字', 'a number'],
  boolean: ['true 或 false', 'a boolean'],
  null: ['null', 'null'],
};

/** 应为字符串或对象（expected a string or an object） */
function expectedTypes(types: readonly string[]): string {
  const zh = types.map((t) => TYPE_NAMES[t]?.[0] ?? t).join('或');
  const en = types.map((t) => TYPE_NAMES[t]?.[1] ?? t).join(' or ');
  return `应为${zh}（expected ${en}）`;
}

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

/** Why a user's pattern cannot be used: invalid, or beyond the linear-time engine it runs on (user-pattern.ts). */
export function regexError(pattern: string): string | undefined {
  return userPatternError(pattern);
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
export function distance(a: string, b: string): number {
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
      if (e.keyword === 'type') return `${where}: ${expectedTypes(String(params.type).split(','))}${given}`;
      if (e.keyword === 'not') return `${where}: 不允许该值（value not allowed）${given}`;
      const types = [...new Set(((e.schema ?? []) as JsonSchema[]).flatMap((b) => (b && b.type ? [b.type].flat() : [])) as string[])];
      if (types.length) return `${where}: ${expectedTypes(types)}${given}`;
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

export function describeErrors(errors: ErrorObject[], ruleIds: readonly string[] | undefined): string[] {
  return [...new Set(simplify(errors).map((e) => describeError(e, ruleIds)))];
}
