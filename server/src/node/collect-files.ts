// Expanding the CLI's operands (files, folders, globs) into the list of
// report files to check. Folders are walked recursively, skipping
// node_modules and dot-folders, following symbolic links (each real folder
// once, so a link loop cannot hang); globs go through tinyglobby. As in
// markdownlint-cli2, an operand starting with ! or # (and naming no
// existing path) excludes what it matches. A file reached twice (named
// twice, or through a link) is checked once. An operand that yields
// nothing, or a folder that cannot be read, is a problem reported to the
// user, not silence.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { describeFsError } from './read-input.js';

/** Reports as text: what the CLI walks folders for, --fix rewrites and the language server checks. */
export const TEXT_REPORT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.text'];
/** Extensions checked when walking folders and expanding globs: the text reports, and Word documents. */
export const REPORT_EXTENSIONS: readonly string[] = [...TEXT_REPORT_EXTENSIONS, '.docx'];

export interface CollectedFiles {
  /** Absolute paths, in operand order, each once. */
  files: string[];
  /** Per-operand problems (Chinese + English messages, operand first). */
  problems: { operand: string; message: string }[];
}

export function isReportFile(file: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** A "/" separated path relative to cwd (for messages and for matching exclusions). */
function relative(cwd: string, file: string): string {
  return (path.relative(cwd, file) || '.').split(path.sep).join('/');
}

/**
 * A matcher for glob lists (config `ignores`, ! / # operands): a path matches when it, or one of its
 * folders, matches a glob, so "drafts" and "drafts/" exclude the whole folder as in .gitignore and
 * markdownlint-cli2; a leading "./" is the base folder itself.
 */
export function pathMatcher(globs: readonly string[], options: { nocase?: boolean } = {}): (relativePath: string) => boolean {
  const cleaned = globs
    .map((g) => g.trim().replace(/^(?:\.\/)+/, '').replace(/\/+$/, ''))
    .filter((g) => g.length > 0);
  if (cleaned.length === 0) return () => false;
  const isMatch = picomatch(cleaned, { dot: true, nocase: options.nocase });
  return (relativePath: string) => {
    const parts = relativePath.split('/');
    for (let n = parts.length; n > 0; n--) if (isMatch(parts.slice(0, n).join('/'))) return true;
    return false;
  };
}

export function collectFiles(operands: string[], cwd: string): CollectedFiles {
  const files: string[] = [];
  const byReal = new Map<string, number>();
  const problems: CollectedFiles['problems'] = [];
  const add = (file: string) => {
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // missing or unreadable: the reader reports it
    }
    const at = byReal.get(real);
    if (at === undefined) {
      byReal.set(real, files.length);
      files.push(file);
    } else if (file === real && files[at] !== real) {
      // Reached through a link first: show the real path.
      files[at] = file;
    }
  };

  // ! or # first: exclusions (markdownlint-cli2's syntax; # because shells treat ! specially).
  const exclusions: string[] = [];
  const positives: string[] = [];
  for (const operand of operands) {
    if (/^[!#]./.test(operand) && !existsSync(path.resolve(cwd, operand))) exclusions.push(operand.slice(1));
    else positives.push(operand);
  }
  if (positives.length === 0) {
    problems.push({ operand: operands.join(' '), message: '只有排除模式（! 或 #），没有要检查的文件（only exclusions given: name the files, folders or globs to check）' });
    return { files, problems };
  }

  for (const operand of positives) {
    const absolute = path.resolve(cwd, operand);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = walk(absolute, (dir, error) => problems.push({ operand: dir === absolute ? operand : relative(cwd, dir), message: `无法读取文件夹：${describeFsError(error)}` }));
      if (found.files.length === 0 && !found.unreadableRoot) {
        problems.push({ operand, message: `文件夹中没有可检查的文件（${REPORT_EXTENSIONS.join('、')}）（no report files in this folder）` });
      }
      found.files.forEach(add);
    } else if (stat) {
      // An explicitly named file is checked whatever its extension (the reader refuses what is not a regular file).
      add(absolute);
    } else if (isDynamicPattern(operand)) {
      const matched = expandGlob(operand, cwd);
      if (matched.length === 0) problems.push({ operand, message: '没有匹配的报告文件（no report files match this pattern）' });
      matched.forEach(add);
    } else {
      // A missing file: still listed, so the reader reports it in the same way as an unreadable one.
      add(absolute);
    }
  }

  if (exclusions.length) {
    const excluded = pathMatcher(exclusions);
    return { files: files.filter((f) => !excluded(relative(cwd, f))), problems };
  }
  return { files, problems };
}

/**
 * Report files matching a glob, sorted. node_modules and dot-folders are skipped only where the
 * pattern does not name them: ".github/**\/*.md" and "vendor/node_modules/x/*.md" work.
 */
function expandGlob(pattern: string, cwd: string): string[] {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const names = (test: (segment: string) => boolean) => segments.some(test);
  const ignore: string[] = [];
  if (!names((s) => s === 'node_modules')) ignore.push('**/node_modules/**');
  // dot: false already keeps ** and * out of dot-folders; a segment written with a leading dot is the user's choice.
  return globSync(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true, ignore })
    .map((f) => path.resolve(f))
    .filter(isReportFile)
    .sort();
}

/** Report files under dir, sorted, skipping node_modules and hidden entries; links followed, each real folder once. */
function walk(dir: string, onError: (dir: string, error: unknown) => void): { files: string[]; unreadableRoot: boolean } {
  const out: string[] = [];
  const visited = new Set<string>();
  let unreadableRoot = false;
  const visit = (current: string) => {
    let real = current;
    try {
      real = realpathSync(current);
    } catch {
      // keep the path as it is
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      if (current === dir) unreadableRoot = true;
      onError(current, error);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link: nothing to check
        }
      }
      if (isDirectory) visit(full);
      else if (isFile && isReportFile(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return { files: out, unreadableRoot };
}
