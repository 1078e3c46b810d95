// fazhiLint.previousReport: last year's report, read for copied-report (ConfigObject.previous). The user names
// it (the setting, or the "compare with last year's report" command), so reading it is asked for. A relative
// path is taken from the workspace folder holding the document (else the document's folder); the text is
// cached by path and modification time, so a check does not re-read an unchanged file.
import { statSync } from 'node:fs';
import path from 'node:path';
import { readInputFile } from '../node/read-input.js';

const cache = new Map<string, { mtimeMs: number; size: number; text: string }>();

export type PreviousReport = { text: string } | { error: string };

export function previousReportText(setting: string, documentFile: string | undefined, roots: readonly string[]): PreviousReport {
  const base = documentFile ? (roots.find((r) => documentFile.startsWith(r + path.sep)) ?? path.dirname(documentFile)) : roots[0];
  if (!path.isAbsolute(setting) && !base) return { error: `fazhiLint.previousReport：无法确定“${setting}”相对于哪个文件夹，请使用绝对路径。` };
  const file = path.resolve(base ?? '', setting);
  try {
    const st = statSync(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return { text: hit.text };
    const read = readInputFile(file);
    if (!read.ok) return { error: `fazhiLint.previousReport：无法读取上一年度报告 ${file}：${read.message}` };
    cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, text: read.text });
    return { text: read.text };
  } catch (error) {
    return { error: `fazhiLint.previousReport：无法读取上一年度报告 ${file}（${(error as Error).message}）` };
  }
}
