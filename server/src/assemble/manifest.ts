// The assembly manifest (rules/schema/manifest.schema.json): body, year, profile and,
// per statutory part, the Markdown files that contribute to it.
import Ajv from 'ajv';
import manifestSchema from '../../../rules/schema/manifest.schema.json';
import type { PartId } from '../engine/types.js';
import type { SkeletonProfile } from './skeleton.js';

export interface PartEntry {
  heading?: string;
  files: string[];
}

export interface Manifest {
  $schema?: string;
  body: string;
  year: number;
  profile: SkeletonProfile;
  skeleton?: string;
  addressee?: string;
  date?: string;
  opening?: string[];
  parts: Partial<Record<PartId, string[] | PartEntry>>;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

let validate: ReturnType<Ajv['compile']> | undefined;

export function parseManifest(text: string, source = 'manifest'): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const message = (error as Error).message;
    // Node reports where parsing stopped as "at position N" (newer versions add "(line L column C)").
    const body = text.replace(/^\ufeff/, '');
    const at = /\bposition (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/i.test(message) ? body.trimEnd().length : undefined;
    const where = offset !== undefined && !/\bline \d+ column \d+/.test(message) ? lineColumn(body, offset) : undefined;
    throw new ManifestError(`${source}${where ? `:${where.line}:${where.column}` : ''}：清单不是有效的 JSON（invalid JSON: ${message}）`);
  }
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(manifestSchema);
  if (!validate(value)) {
    const problems = (validate.errors ?? [])
      .filter((e) => e.keyword !== 'oneOf')
      .map((e) => {
        const where = e.instancePath || '(根)';
        if (e.keyword === 'additionalProperties') return `${where}: 未知的项 "${(e.params as { additionalProperty: string }).additionalProperty}"`;
        if (e.keyword === 'required') return `${where}: 缺少 "${(e.params as { missingProperty: string }).missingProperty}"`;
        if (e.keyword === 'enum') return `${where}: 取值应为 ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(' | ')}`;
        return `${where}: ${e.message}`;
      });
    throw new ManifestError(`${source}：清单无效（invalid manifest）：${[...new Set(problems)].join('；')}`);
  }
  return value as Manifest;
}

export function partEntry(entry: string[] | PartEntry | undefined): PartEntry | undefined {
  if (!entry) return undefined;
  return Array.isArray(entry) ? { files: entry } : entry;
}

/** 1-based line and column of the first `"key"` in the manifest text (where a finding about that key is reported), else 1:1. */
export function positionOfKey(text: string, key: string): { line: number; column: number } {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) return { line: 1, column: 1 };
  return lineColumn(text, at);
}

/** Every file the manifest names (opening and parts, in the order written), with the key it is listed under. */
export function manifestFiles(manifest: Manifest): { file: string; key: string }[] {
  const files = (manifest.opening ?? []).map((file) => ({ file, key: 'opening' }));
  for (const [key, entry] of Object.entries(manifest.parts)) for (const file of partEntry(entry)?.files ?? []) files.push({ file, key });
  return files;
}

/** 1-based line and column of where `file` is listed under `key` (the key itself if the string is not found after it). */
export function positionOfFile(text: string, key: string, file: string): { line: number; column: number } {
  const keyAt = text.indexOf(`"${key}"`);
  const at = text.indexOf(JSON.stringify(file), Math.max(keyAt, 0));
  return at < 0 ? positionOfKey(text, key) : lineColumn(text, at);
}

/** 1-based line and column (UTF-16 code units) of offset `at` in `text`. */
function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}
