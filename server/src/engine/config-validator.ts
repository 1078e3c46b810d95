// The config validator precompiled at build time for the built-in rules (config-validator.generated.cjs, Ajv
// standalone code): used when the schema to validate against is the one it was generated from (same key), so
// that no Ajv compilation runs; any other schema (tests' own rule sets, a stale file) is compiled as before.
import { createHash } from 'node:crypto';
import type { ErrorObject } from 'ajv';
import * as precompiled from './config-validator.generated.cjs';

/** The Ajv options of every config validator, precompiled or not (config.ts). */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

export type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** What identifies a schema: a hash of its JSON. */
export function schemaKey(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

let made: ConfigValidator | undefined;

/** The precompiled validator if `schema` is the one it was generated from, else undefined. */
export function precompiledValidator(schema: object, formats: { regex: { type: 'string'; validate: (s: string) => boolean } }): ConfigValidator | undefined {
  if (schemaKey(schema) !== precompiled.key) return undefined;
  return (made ??= precompiled.create(formats));
}
