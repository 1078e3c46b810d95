// Settings of the editor (fazhiLint.* in VS Code, `settings.fazhiLint` in
// other clients) merged with the nearest .fazhi-lint.json, which is found
// and read by the same code as the CLI's (server/src/node/config-files.ts).
// The config file wins over editor settings, so the editor shows what CI reports.
import path from 'node:path';
import picomatch from 'picomatch';
import { findConfigFile, loadConfigFile } from '../node/config-files.js';
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
    if (fileConfig.config.ignores?.length && matches(fileConfig.config.ignores, candidatePaths(file, configRoot.length ? configRoot : roots))) {
      return { check: false, reason: 'ignored' };
    }
    if (matches(settings.files, cands)) return { check: true, reason: 'glob' };
    if (fileConfig.config.files?.length && matches(fileConfig.config.files, candidatePaths(file, configRoot))) return { check: true, reason: 'glob' };
  }
  return looksLikeReport(text) ? { check: true, reason: 'content' } : { check: false, reason: 'unrelated' };
}
