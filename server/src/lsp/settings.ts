// Settings of the editor (fazhiLint.* in VS Code, `settings.fazhiLint` in
// other clients) merged with the nearest .fazhi-lint.json, which is found
// and read by the same code as the CLI's (server/src/node/config-files.ts).
// The config file wins over editor settings, so the editor shows what CI reports.
import path from 'node:path';
import picomatch from 'picomatch';
import { applyEdits as applyJsonEdits, modify as modifyJson, parseTree, findNodeAtLocation, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { findConfigFile, ignoresMatcher, loadConfigFile } from '../node/config-files.js';
import type { ConfigObject } from '../engine/config.js';
import type { Profile, Script } from '../engine/document.js';
import type { SeveritySetting } from '../engine/types.js';

export interface EditorSettings {
  enable: boolean;
  /** Globs (relative to the workspace folder or absolute) of documents always checked. */
  files: string[];
  script?: Script;
  profile?: Profile;
  /** Rule id → severity or "off". */
  rules: Record<string, SeveritySetting>;
  /** Milliseconds between the last keystroke and the check. */
  debounce: number;
  /** At most this many diagnostics per document are published (errors first). */
  maxProblems: number;
}

export const DEFAULT_SETTINGS: EditorSettings = {
  enable: true,
  files: ['**/*法治*报告*.{md,markdown,txt}', '**/*法治*報告*.{md,markdown,txt}'],
  rules: {},
  debounce: 300,
  maxProblems: 1000,
};

const SEVERITY_VALUES = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Accepts whatever a client sends (possibly nothing, possibly junk) and returns usable settings. */
export function normalizeSettings(raw: unknown, knownRules: ReadonlySet<string>): EditorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: EditorSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (typeof r.enable === 'boolean') out.enable = r.enable;
  if (Array.isArray(r.files)) out.files = r.files.filter((g): g is string => typeof g === 'string' && g.length > 0);
  if (r.script === 'simplified' || r.script === 'traditional') out.script = r.script;
  if (typeof r.profile === 'string' && ['auto', 'town', 'county', 'city', 'department'].includes(r.profile)) out.profile = r.profile as Profile;
  if (typeof r.debounce === 'number' && Number.isFinite(r.debounce)) out.debounce = Math.max(0, Math.min(5000, r.debounce));
  if (typeof r.maxProblems === 'number' && r.maxProblems >= 1) out.maxProblems = Math.floor(r.maxProblems);
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
      if (knownRules.has(id) && typeof sev === 'string' && SEVERITY_VALUES.has(sev)) out.rules[id] = sev as SeveritySetting;
    }
  }
  return out;
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
const REPORT_EXTENSIONS = /\.(md|markdown|txt|text)$/i;

/** Is this a Markdown or plain-text document (by language id or, for clients without ids, by name)? */
export function isTextLike(languageId: string, file: string | undefined): boolean {
  return REPORT_LANGUAGES.has(languageId) || (!!file && REPORT_EXTENSIONS.test(file));
}

const OPENING = 3000;
const TOPIC = /法治(政府)?建[设設]|依法行政|依法治[区區县縣市镇鎮]/;
const KIND = /[报報]告/;
const PART_MARKERS = [/第一[责責]任人/, /存在的?(主要)?(不足|问题|問題)/, /主要[举舉]措|主要措施/, /下一年度|下一步|明年/, /其他需要[报報]告/];

/**
 * Does the text look like an annual rule-of-law report? The topic in the opening lines and either
 * 报告 there too, or at least two of the statutory parts named somewhere (some reports open with body text).
 */
export function looksLikeReport(text: string): boolean {
  const opening = text.slice(0, OPENING);
  if (!TOPIC.test(opening)) return false;
  if (KIND.test(opening)) return true;
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  let parts = 0;
  for (const re of PART_MARKERS) if (re.test(sample)) parts++;
  return parts >= 2;
}

export interface Selection {
  check: boolean;
  reason: 'too-large' | 'disabled' | 'not-text' | 'ignored' | 'forced' | 'forced-off' | 'glob' | 'content' | 'unrelated';
}

export function selectDocument(opts: {
  languageId: string;
  file?: string;
  text: string;
  settings: EditorSettings;
  fileConfig: FileConfig;
  roots: readonly string[];
  override?: boolean | null;
}): Selection {
  const { languageId, file, text, settings, fileConfig, roots, override } = opts;
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

/**
 * What is wrong with the editor settings a client sent, in words for the user (normalizeSettings drops these
 * values silently and uses the defaults).
 */
export function settingsProblems(raw: unknown, knownRules: ReadonlySet<string>): string[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== 'object' || Array.isArray(raw)) return ['fazhiLint 设置应为一个对象（settings must be an object）'];
  const r = raw as Record<string, unknown>;
  const out: string[] = [];
  const bad = (key: string, expected: string) => out.push(`fazhiLint.${key} 的值 ${JSON.stringify(r[key])} 无效，应为${expected}`);
  if (r.enable !== undefined && typeof r.enable !== 'boolean') bad('enable', ' true 或 false');
  if (r.files !== undefined && (!Array.isArray(r.files) || r.files.some((g) => typeof g !== 'string'))) bad('files', '字符串数组（glob）');
  if (r.script !== undefined && r.script !== null && r.script !== 'simplified' && r.script !== 'traditional') bad('script', ' "simplified" 或 "traditional"');
  if (r.profile !== undefined && r.profile !== null && !['auto', 'town', 'county', 'city', 'department'].includes(r.profile as string)) bad('profile', ' "auto"、"town"、"county"、"city" 或 "department"');
  if (r.debounce !== undefined && (typeof r.debounce !== 'number' || !Number.isFinite(r.debounce) || r.debounce < 0)) bad('debounce', '非负的毫秒数');
  if (r.maxProblems !== undefined && (typeof r.maxProblems !== 'number' || !(r.maxProblems >= 1))) bad('maxProblems', '正整数');
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules !== 'object' || Array.isArray(r.rules)) bad('rules', '一个对象（规则 → 严重程度）');
    else {
      for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
        if (!knownRules.has(id)) out.push(`fazhiLint.rules 中有未知的规则 "${id}"（unknown rule id）`);
        else if (typeof sev !== 'string' || !SEVERITY_VALUES.has(sev)) out.push(`fazhiLint.rules["${id}"] 的值 ${JSON.stringify(sev)} 无效，应为 "off"、"error"、"warning"、"info" 或 "hint"`);
      }
    }
  }
  return out;
}
