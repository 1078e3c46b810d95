// Settings of the editor (fazhiLint.* in VS Code, `settings.fazhiLint` in
// other clients) merged with the nearest .fazhi-lint.json, which is found
// and read by the same code as the CLI's (server/src/node/config-files.ts).
// The config file wins over editor settings, so the editor shows what CI reports.
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import { applyEdits as applyJsonEdits, modify as modifyJson, parseTree, findNodeAtLocation, printParseErrorCode, type ParseError } from 'jsonc-parser';
import pkg from '../../../package.json';
import { findConfigFile, ignoresMatcher, loadConfigFile } from '../node/config-files.js';
import { TEXT_REPORT_EXTENSIONS } from '../node/collect-files.js';
import { validateConfig, type ConfigObject, type RuleSetting } from '../engine/config.js';
import { buildConfigSchema } from '../engine/config-schema.js';
import { describeErrors, regexError } from '../engine/config-errors.js';
import type { Profile, Script } from '../engine/document.js';
import { normalizeTitle, partsOfTitle } from '../engine/outline.js';
import { parseNumbering } from '../engine/numbering.js';
import type { PartId, Rule } from '../engine/types.js';
import { isRulePage } from './rule-docs.js';

export interface EditorSettings {
  enable: boolean;
  /** Globs (relative to the workspace folder or absolute) of documents always checked. */
  files: string[];
  script?: Script;
  profile?: Profile;
  /** Rule id → severity or "off", or the rule's options as in .fazhi-lint.json. */
  rules: Record<string, RuleSetting>;
  /** Milliseconds between the last keystroke and the check. */
  debounce: number;
  /** At most this many diagnostics per document are published (errors first). */
  maxProblems: number;
  /** Last year's report (a path), for copied-report; '' for none. Read by lsp/previous-report.ts. */
  previousReport: string;
}

/** The editor's own settings, as package.json declares them to VS Code: their defaults and their schemas. */
const DECLARED = (pkg as { contributes: { configuration: { properties: Record<string, { default?: unknown } & Record<string, unknown>> } } }).contributes.configuration
  .properties;
const EDITOR_ONLY = ['enable', 'debounce', 'maxProblems', 'previousReport'] as const;
/** Keys the editor settings share with .fazhi-lint.json, validated by its schema. */
const SHARED = ['script', 'profile', 'rules', 'files'] as const;

export const DEFAULT_SETTINGS: EditorSettings = {
  enable: DECLARED['fazhiLint.enable'].default as boolean,
  files: DECLARED['fazhiLint.files'].default as string[],
  rules: {},
  debounce: DECLARED['fazhiLint.debounce'].default as number,
  maxProblems: DECLARED['fazhiLint.maxProblems'].default as number,
  previousReport: DECLARED['fazhiLint.previousReport'].default as string,
};

const validatorsByRules = new WeakMap<readonly Rule[], Map<string, ValidateFunction>>();
let ajv: Ajv | undefined;

/**
 * The validator of one setting: a shared one by its property of the config file's schema (built from the
 * rules, as rules/schema/config.schema.json is), an editor-only one by its package.json declaration.
 * Compiled on first use (compiling the rules' schema costs a few hundred milliseconds).
 */
function validatorOf(key: string, rules: readonly Rule[]): ValidateFunction {
  let byKey = validatorsByRules.get(rules);
  if (!byKey) validatorsByRules.set(rules, (byKey = new Map()));
  let validate = byKey.get(key);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: false, verbose: true }).addFormat('regex', { type: 'string', validate: (s: string) => regexError(s) === undefined });
    let schema: object;
    if ((SHARED as readonly string[]).includes(key)) schema = (buildConfigSchema(rules) as { properties: Record<string, object> }).properties[key];
    else {
      const { description: _d, markdownDescription: _m, scope: _s, enumDescriptions: _e, default: _default, ...declared } = DECLARED[`fazhiLint.${key}`];
      schema = declared;
    }
    validate = ajv.compile({ type: 'object', properties: { [key]: schema } });
    byKey.set(key, validate);
  }
  return validate;
}

const isDefault = (key: string, value: unknown) =>
  value === undefined || value === null || JSON.stringify(value) === JSON.stringify(key === 'rules' ? {} : DECLARED[`fazhiLint.${key}`]?.default);

/** What is wrong with the editor settings a client sent, in words for the user, and the valid part of them. */
export function checkSettings(raw: unknown, rules: readonly Rule[]): { settings: EditorSettings; problems: string[] } {
  const settings: EditorSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (raw === undefined || raw === null) return { settings, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['fazhiLint 设置应为一个对象（settings must be an object）'] };
  const r = raw as Record<string, unknown>;
  const problems: string[] = [];
  const ids = rules.map((rule) => rule.id);
  // Defaults (what VS Code sends for every setting left alone) need no check.
  const given = [...SHARED, ...EDITOR_ONLY].filter((key) => !isDefault(key, r[key]));
  // The shared settings all valid is the common case: the engine's own validator says so, compiled once for the check anyway.
  const shared = Object.fromEntries(given.filter((k) => (SHARED as readonly string[]).includes(k)).map((k) => [k, r[k]]));
  let sharedValid = Object.keys(shared).length === 0;
  try {
    if (!sharedValid) sharedValid = !!validateConfig(shared, undefined, rules);
  } catch {
    // told below, setting by setting
  }
  for (const key of given) {
    const value = r[key];
    if (sharedValid && key in shared) {
      (settings as unknown as Record<string, unknown>)[key] = value;
      continue;
    }
    // An editor-only number, flag or path that plainly fits its declaration needs no validator compiled (a fresh
    // server's first check would wait for Ajv); anything else is worded by Ajv as the config file's errors are.
    if (!(SHARED as readonly string[]).includes(key) && plainlyValid(DECLARED[`fazhiLint.${key}`], value)) {
      (settings as unknown as Record<string, unknown>)[key] = value;
      continue;
    }
    const validate = validatorOf(key, rules);
    if (key === 'rules' && value && typeof value === 'object' && !Array.isArray(value)) {
      // Rule by rule: a misspelt rule id costs that entry only.
      for (const [id, setting] of Object.entries(value)) {
        if (validate({ rules: { [id]: setting } })) settings.rules[id] = setting as RuleSetting;
        else problems.push(...describe(validate.errors, ids));
      }
      continue;
    }
    if (validate({ [key]: value })) (settings as unknown as Record<string, unknown>)[key] = value;
    else problems.push(...describe(validate.errors, ids));
  }
  if (settings.maxProblems !== DEFAULT_SETTINGS.maxProblems) settings.maxProblems = Math.max(1, Math.floor(settings.maxProblems));
  return { settings, problems };
}

/** Whether a value fits a declared setting of type number (with its bounds), boolean or string (with its choices). */
function plainlyValid(declared: Record<string, unknown> | undefined, value: unknown): boolean {
  if (!declared) return false;
  const { type, minimum, maximum } = declared;
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'string') return typeof value === 'string' && (!Array.isArray(declared.enum) || declared.enum.includes(value));
  if (type !== 'number' || typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (typeof minimum !== 'number' || value >= minimum) && (typeof maximum !== 'number' || value <= maximum);
}

/** Ajv's errors as the config file's are worded, with the path named as the setting (fazhiLint.rules.typo). */
function describe(errors: ValidateFunction['errors'], ids: readonly string[]): string[] {
  const named = (errors ?? []).map((e) => ({ ...e, instancePath: `/fazhiLint${e.instancePath}` })) as ErrorObject[];
  return describeErrors(named, ids);
}

export interface FileConfig {
  /** The config file, when one applies. */
  source?: string;
  config: ConfigObject;
  /** A broken config file: reported to the user, and the editor settings are used alone. */
  error?: string;
}

/** Caches config lookups per directory; cleared when a config file changes. */
export class ConfigFiles {
  private readonly byDir = new Map<string, FileConfig>();

  forFile(file: string): FileConfig {
    const dir = path.dirname(path.resolve(file));
    let entry = this.byDir.get(dir);
    if (!entry) {
      const source = findConfigFile(dir);
      if (!source) entry = { config: {} };
      else {
        try {
          entry = { source, config: loadConfigFile(source) };
        } catch (error) {
          entry = { source, config: {}, error: (error as Error).message };
        }
      }
      this.byDir.set(dir, entry);
    }
    return entry;
  }

  clear(): void {
    this.byDir.clear();
  }
}

/** Editor settings first, then the config file over them. */
export function effectiveConfig(settings: EditorSettings, file: FileConfig): ConfigObject {
  const fromEditor: ConfigObject = {};
  if (settings.script) fromEditor.script = settings.script;
  if (settings.profile) fromEditor.profile = settings.profile;
  if (Object.keys(settings.rules).length) fromEditor.rules = { ...settings.rules };
  const fromFile = { ...file.config };
  const rules = { ...(fromEditor.rules ?? {}), ...(fromFile.rules ?? {}) };
  const merged: ConfigObject = { ...fromEditor, ...fromFile };
  delete merged.files;
  delete merged.ignores;
  delete merged.$schema;
  if (Object.keys(rules).length) merged.rules = rules;
  else delete merged.rules;
  return merged;
}

const matcherCache = new Map<string, (p: string) => boolean>();
function matches(globs: readonly string[], candidates: string[]): boolean {
  for (const glob of globs) {
    let m = matcherCache.get(glob);
    if (!m) {
      m = picomatch(glob, { dot: true, nocase: true });
      matcherCache.set(glob, m);
    }
    if (candidates.some((c) => m!(c))) return true;
  }
  return false;
}

/** Paths a glob may be written against: relative to each root, absolute, and the bare name. */
function candidatePaths(file: string, roots: readonly string[]): string[] {
  const abs = path.resolve(file).split(path.sep).join('/');
  const out = [abs, path.basename(file)];
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) out.push(rel.split(path.sep).join('/'));
  }
  return out;
}

const REPORT_LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'txt', '']);

/** Is this a Markdown or plain-text document (by language id or, for clients without ids, by name)? */
export function isTextLike(languageId: string, file: string | undefined): boolean {
  return REPORT_LANGUAGES.has(languageId) || (!!file && TEXT_REPORT_EXTENSIONS.includes(path.extname(file).toLowerCase()));
}

const OPENING = 3000;
const TOPIC = /法治(政府)?建[设設]|依法行政|依法治[区區县縣市镇鎮]/;
const KIND = /[报報]告/;
/** Lines read for part headings: a report's parts are all named well within this. */
const SAMPLE = 400_000;
/** A line that may be a heading: Markdown `#`, or opening with a numbering such as 一、（一）第一部分. */
const HEADING_LINE = /^[ \t\u3000]*(#{1,6}[ \t]+)?(.+)$/gm;

/** The statutory parts named by heading-like lines of the text, recognised as the checker recognises them (rules/sections.json). */
export function partsNamed(text: string): Set<PartId> {
  const parts = new Set<PartId>();
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  for (const m of sample.matchAll(HEADING_LINE)) {
    let title = m[2].trim().slice(0, 120);
    if (!m[1]) {
      const numbering = parseNumbering(title) ?? (/^第[一二三四五六七八九十]+部分/.exec(title) ? { marker: /^第[一二三四五六七八九十]+部分[、，,：:\s]*/.exec(title)![0] } : undefined);
      if (!numbering) continue;
      title = title.slice(numbering.marker.length);
    }
    // A run-in heading ends at its first full stop or colon.
    title = title.split(/[。：:；;！？!?]/)[0];
    for (const part of partsOfTitle(normalizeTitle(title))) parts.add(part);
    if (parts.size >= 2) break;
  }
  return parts;
}

/**
 * Does the text look like an annual rule-of-law report? The topic in the opening lines and either
 * 报告 there too, or at least two of the statutory parts as headings (some reports open with body text).
 */
export function looksLikeReport(text: string): boolean {
  const opening = text.slice(0, OPENING);
  if (!TOPIC.test(opening)) return false;
  if (KIND.test(opening)) return true;
  return partsNamed(text).size >= 2;
}

export interface Selection {
  check: boolean;
  reason: 'too-large' | 'rule-page' | 'disabled' | 'not-text' | 'ignored' | 'forced' | 'forced-off' | 'glob' | 'content' | 'unrelated';
}

export function selectDocument(opts: {
  languageId: string;
  file?: string;
  text: string;
  settings: EditorSettings;
  fileConfig: FileConfig;
  roots: readonly string[];
  override?: boolean | null;
  /** The rule ids: their pages are never checked, whatever the toggle says. */
  ruleIds?: ReadonlySet<string>;
}): Selection {
  const { languageId, file, text, settings, fileConfig, roots, override } = opts;
  if (opts.ruleIds && isRulePage(text, file, opts.ruleIds)) return { check: false, reason: 'rule-page' };
  if (override === false) return { check: false, reason: 'forced-off' };
  if (override === true) return { check: true, reason: 'forced' };
  if (!settings.enable) return { check: false, reason: 'disabled' };
  if (!isTextLike(languageId, file)) return { check: false, reason: 'not-text' };
  if (file) {
    const configRoot = fileConfig.source ? [path.dirname(fileConfig.source)] : [];
    const cands = candidatePaths(file, [...configRoot, ...roots]);
    if (ignoresMatcher(fileConfig.config.ignores, configRoot.length ? configRoot : roots)(file)) {
      return { check: false, reason: 'ignored' };
    }
    if (matches(settings.files, cands)) return { check: true, reason: 'glob' };
    if (fileConfig.config.files?.length && matches(fileConfig.config.files, candidatePaths(file, configRoot))) return { check: true, reason: 'glob' };
  }
  return looksLikeReport(text) ? { check: true, reason: 'content' } : { check: false, reason: 'unrelated' };
}

/**
 * The text of a config file with `rules[rule]` set to "off" (comments, indentation and line ends kept), or
 * why it cannot be edited: a file that is not valid JSON(C) is left as it is rather than made worse.
 * A rule set with options (`{ "severity": …, … }`) keeps its options; only its severity becomes "off".
 */
export function disableRuleInConfigText(before: string | undefined, rule: string): { text: string } | { error: string; errorEn: string } {
  const source = before === undefined || before.trim() === '' ? '{}\n' : before;
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const code = errors.length ? printParseErrorCode(errors[0].error) : 'empty';
    const line = errors.length ? source.slice(0, errors[0].offset).split('\n').length : 1;
    return { error: `该文件不是有效的 JSON（第 ${line} 行）`, errorEn: `invalid JSON, ${code} at line ${line}` };
  }
  if (tree.type !== 'object') return { error: '该文件的内容不是一个 JSON 对象', errorEn: 'not a JSON object' };
  const rulesNode = findNodeAtLocation(tree, ['rules']);
  if (rulesNode && rulesNode.type !== 'object') return { error: '其中的 "rules" 不是一个对象', errorEn: '"rules" is not an object' };
  const current = findNodeAtLocation(tree, ['rules', rule]);
  const pathTo = current?.type === 'object' ? ['rules', rule, 'severity'] : ['rules', rule];
  const indentation = /^([ \t]+)\S/m.exec(source)?.[1];
  const formattingOptions = {
    insertSpaces: !indentation?.startsWith('\t'),
    tabSize: indentation && !indentation.startsWith('\t') ? indentation.length : 2,
    eol: source.includes('\r\n') ? '\r\n' : '\n',
  };
  const text = applyJsonEdits(source, modifyJson(source, pathTo, 'off', { formattingOptions }));
  return { text: before === undefined || before.trim() === '' ? (text.endsWith('\n') ? text : `${text}\n`) : text };
}
