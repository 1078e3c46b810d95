// The "年度报告审核" view's data, over LSP (docs/review.md): every report in the workspace folders with
// its parts checklist and counts (fazhi-lint/review), and the review folder written for them
// (fazhi-lint/writeReview). Reports are read, configured and summarised by the same code as
// `fazhi-lint review` (server/src/review/), so the view and the written folder agree with the CLI.
// A file's summary is cached by modification time, size and config: a refresh after one saved file
// re-checks that file only. The review modules are imported on the first request, not at start-up.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../engine/types.js';
import { RULES } from '../rules/index.js';
import { ConfigResolver } from '../node/config-resolver.js';
import { collectFiles } from '../node/collect-files.js';
import { looksLikeReport } from './settings.js';
import {
  REVIEW_REQUEST,
  WRITE_REVIEW_REQUEST,
  type ReviewParams,
  type ReviewReport,
  type WorkspaceReview,
  type WriteReviewParams,
  type WriteReviewResult,
} from '../review/protocol.js';
import pkg from '../../../package.json';

/** Report files named as the default fazhiLint.files globs name them, listed even when their opening does not look like one. */
const REPORT_NAME = /法治.*[报報]告/;

interface Cached {
  mtimeMs: number;
  size: number;
  configKey: string;
  /** null: not a report (or unreadable). */
  report: ReviewReport | null;
  problem?: string;
}

export function registerReviewRequests(connection: Connection, rules: readonly Rule[] = RULES): void {
  const cache = new Map<string, Cached>();
  const tool = { name: 'fazhi-lint', version: (pkg as { version: string }).version };

  async function folders(params: ReviewParams | undefined): Promise<string[]> {
    if (params?.folders?.length) return params.folders.map((f) => path.resolve(f));
    const ws = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
    return ws.map((f) => (f.uri.startsWith('file:') ? fileURLToPath(f.uri) : '')).filter((p) => p);
  }

  /** The report files of the workspace, with their summaries (findings left out: the view needs counts only). */
  async function workspaceReview(roots: string[]): Promise<WorkspaceReview & { cwd: string }> {
    const { readReportText } = await import('../review/collect.js');
    const { reviewOne } = await import('../review/review-one.js');
    const { reviewJson } = await import('../review/model.js');
    const files: string[] = [];
    const reports: ReviewReport[] = [];
    const problems: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    for (const root of roots) {
      const configs = new ConfigResolver({ none: false, overrides: {}, cwd: root, rules });
      for (const file of collectFiles([root], root).files) {
        seen.add(file);
        const display = roots.length > 1 ? `${path.basename(root)}/${rel(root, file)}` : rel(root, file);
        let entry: Cached | undefined;
        try {
          const applied = configs.forFile(file);
          if (applied.ignores(file)) continue;
          const stat = statSync(file);
          const configKey = `${applied.source ?? ''}\u0000${JSON.stringify(applied.resolved.raw)}`;
          entry = cache.get(file);
          if (!entry || entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size || entry.configKey !== configKey) {
            entry = { mtimeMs: stat.mtimeMs, size: stat.size, configKey, report: null };
            const read = await readReportText(file);
            if (!read.ok) {
              if (REPORT_NAME.test(path.basename(file))) entry.problem = read.message;
            } else if (looksLikeReport(read.text) || REPORT_NAME.test(path.basename(file))) {
              const { report } = reviewOne({ path: display, text: read.text, source: read.source, config: applied.resolved }, 0, rules);
              entry.report = { ...report, findings: [] };
            }
            cache.set(file, entry);
          }
        } catch (error) {
          // A broken config file: said for the file, the others still listed.
          problems.push({ path: display, message: (error as Error).message });
          continue;
        }
        if (entry.problem) problems.push({ path: display, message: entry.problem });
        if (!entry.report) continue;
        files.push(file);
        reports.push({ ...entry.report, id: `r${reports.length + 1}`, path: display });
      }
    }
    for (const file of cache.keys()) if (!seen.has(file)) cache.delete(file);
    const severityOf = (id: string) => rules.find((r) => r.id === id)?.severity;
    return { files, review: reviewJson(reports, problems, severityOf, tool), cwd: roots[0] ?? process.cwd() };
  }

  connection.onRequest(REVIEW_REQUEST, async (params: ReviewParams): Promise<WorkspaceReview> => {
    const { files, review } = await workspaceReview(await folders(params));
    return { files, review };
  });

  connection.onRequest(WRITE_REVIEW_REQUEST, async (params: WriteReviewParams): Promise<WriteReviewResult> => {
    if (!params?.output || !path.isAbsolute(params.output)) return { written: [], reports: 0, error: '输出文件夹应为绝对路径（output must be an absolute path）' };
    try {
      const roots = await folders(params);
      const listed = await workspaceReview(roots);
      if (!listed.files.length) return { written: [], reports: 0, error: '工作区中没有找到年度报告（no reports in the workspace）' };
      const { buildReview } = await import('../review/review.js');
      const { reviewFolderWriter } = await import('../review/write.js');
      const folder = reviewFolderWriter(params.output, rules);
      const review = await buildReview({
        operands: listed.files,
        cwd: listed.cwd,
        configs: new ConfigResolver({ none: false, overrides: {}, cwd: listed.cwd, rules }),
        rules,
        tool,
        render: 'folder',
        // The server's own thread: the bundles of worker threads are not part of the extension.
        threads: 1,
        onPage: (page, inputs) => folder.page(page, inputs),
      });
      const written = folder.finish(review);
      return { written, reports: review.reports.length };
    } catch (error) {
      return { written: [], reports: 0, error: (error as Error).message };
    }
  });
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
