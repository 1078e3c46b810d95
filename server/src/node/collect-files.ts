// Expanding the CLI's operands (files, folders, globs) into the list of
// report files to check. Folders are walked recursively, skipping
// node_modules and dot-folders; globs go through tinyglobby. An operand
// that yields nothing is a problem reported to the user, not silence.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** Extensions checked when walking folders and expanding globs. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];

export interface CollectedFiles {
  /** Absolute paths, in operand order, each once. */
  files: string[];
  /** Per-operand problems (Chinese + English messages, operand first). */
  problems: { operand: string; message: string }[];
}

export function isReportFile(file: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function collectFiles(operands: string[], cwd: string): CollectedFiles {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: CollectedFiles['problems'] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = walk(absolute);
      if (found.length === 0) {
        problems.push({ operand, message: `文件夹中没有可检查的文件（.md、.markdown、.txt、.docx）（no report files in this folder）` });
      }
      found.forEach(add);
    } else if (stat) {
      // An explicitly named file is checked whatever its extension.
      add(absolute);
    } else if (isDynamicPattern(operand)) {
      const matched = globSync(operand, {
        cwd,
        absolute: true,
        onlyFiles: true,
        ignore: ['**/node_modules/**', '**/.*/**'],
      })
        .map((f) => path.resolve(f))
        .filter(isReportFile)
        .sort();
      if (matched.length === 0) problems.push({ operand, message: '没有匹配的报告文件（no report files match this pattern）' });
      matched.forEach(add);
    } else {
      // A missing file: still listed, so the reader reports it in the same way as an unreadable one.
      add(absolute);
    }
  }
  return { files, problems };
}

/** Report files under dir, sorted, skipping node_modules and hidden entries. */
function walk(dir: string): string[] {
  const out: string[] = [];
  const visit = (current: string) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && isReportFile(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}
