// Document assembly for the editor (新建年度报告, 组装报告, 导出为 Word, 导入 Word), as server commands: the
// client keeps the UI (pickers, prompts, the save dialog that asks before replacing a file, opening the result),
// the server does the work with the operations the CLI's subcommands run (assemble/operations/), loaded on the
// first command (dist/assembly.cjs), so that the server starts without the Word libraries and the client
// bundles no engine. Outputs are written as the CLI writes them: atomically, never over one of the inputs.
import path from 'node:path';
import { loadOnDemand } from '../node/on-demand.js';
import { isSkeletonProfile } from '../assemble/skeleton.js';
import { REPORT_YEARS } from '../engine/types.js';
import {
  SERVER_COMMANDS,
  type AssembleParams,
  type AssembleResult,
  type AssemblyAnswer,
  type AssemblyPlanParams,
  type AssemblyPlanResult,
  type ExportWordParams,
  type ExportWordResult,
  type ImportWordParams,
  type NewReportParams,
  type NewReportResult,
} from './protocol.js';
import { filePath } from './documents.js';

/** What the assembly commands need of the server: the text of an open document, and a folder to start from. */
export interface AssemblyHost {
  /** The editor's current text of an open document (unsaved changes included), if open. */
  openText(uri: string): string | undefined;
  /** Where paths of a new, unsaved report start from (config lookup): the first workspace folder. */
  roots: readonly string[];
}

export const ASSEMBLY_COMMANDS: readonly string[] = [
  SERVER_COMMANDS.newReport,
  SERVER_COMMANDS.assemblyPlan,
  SERVER_COMMANDS.assemble,
  SERVER_COMMANDS.exportWord,
  SERVER_COMMANDS.importWord,
];

type Operations = typeof import('../assemble/operations/index.js');

function loadOperations(): Promise<Operations> {
  return loadOnDemand<Operations>(import.meta.url, './assembly.cjs', '../assemble/operations/index.ts');
}

function absolutePath(value: unknown, what: string): string {
  if (typeof value !== 'string' || !path.isAbsolute(value)) throw new Error(`${what}应为绝对路径（expected an absolute path）`);
  return value;
}

/** Runs an assembly command; a thrown error becomes `{ error }` with its Chinese message. */
export async function executeAssemblyCommand(command: string, params: unknown, host: AssemblyHost): Promise<AssemblyAnswer<unknown>> {
  const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  try {
    const ops = await loadOperations();
    switch (command) {
      case SERVER_COMMANDS.newReport:
        return newReport(ops, p as unknown as NewReportParams, host);
      case SERVER_COMMANDS.assemblyPlan: {
        const manifest = absolutePath((p as unknown as AssemblyPlanParams).manifest, '清单');
        return ops.assemblyPlan({ cwd: path.dirname(manifest) }, manifest) satisfies AssemblyPlanResult;
      }
      case SERVER_COMMANDS.assemble:
        return assemble(ops, p as unknown as AssembleParams);
      case SERVER_COMMANDS.exportWord:
        return await exportWord(ops, p as unknown as ExportWordParams, host);
      case SERVER_COMMANDS.importWord: {
        const { input, output } = p as unknown as ImportWordParams;
        const from = absolutePath(input, 'Word 文档');
        await ops.importWord({ cwd: path.dirname(from) }, { input: from, output: absolutePath(output, '输出文件'), force: true, from: 'editor' });
        return {};
      }
      default:
        return { error: `未知的命令 ${command}（unknown command）` };
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function newReport(ops: Operations, p: NewReportParams, host: AssemblyHost): NewReportResult {
  if (typeof p.profile !== 'string' || !isSkeletonProfile(p.profile)) throw new Error(`报告主体类型应为 town、county、city 或 department（got "${String(p.profile)}"）`);
  const body = String(p.body ?? '').trim();
  if (body.length < 2) throw new Error('请填写单位全称');
  const year = Number(p.year);
  if (!Number.isInteger(year) || year < REPORT_YEARS.min || year > REPORT_YEARS.max) throw new Error(`年度应为四位年份（got "${String(p.year)}"）`);
  const output = p.output === undefined ? undefined : absolutePath(p.output, '输出文件');
  const cwd = output ? path.dirname(output) : (host.roots[0] ?? process.cwd());
  // The save dialog has asked before replacing a file: force, but never over the skeleton or the config.
  const made = ops.newReport({ cwd }, { profile: p.profile, body, year, output, force: true, from: 'editor' });
  return { text: made.text, todo: made.todo };
}

function assemble(ops: Operations, p: AssembleParams): AssembleResult {
  const manifest = absolutePath(p.manifest, '清单');
  const dir = path.dirname(manifest);
  const r = ops.assembleManifest({ cwd: dir }, {
    manifest,
    output: absolutePath(p.output, '输出文件'),
    force: true,
    allowMissing: p.allowMissing === true,
    allowOutside: false,
    from: 'editor',
  });
  return {
    findings: r.findings.map((f) => {
      const sameLine = f.sourceEnd.file === f.source.file && f.sourceEnd.line === f.source.line;
      const start = { line: f.source.line - 1, character: f.source.column - 1 };
      const end = sameLine ? { line: start.line, character: Math.max(f.sourceEnd.column - 1, start.character) } : start;
      return { rule: f.rule, severity: f.severity, message: f.message, file: path.resolve(dir, f.source.file), range: { start, end }, reportLine: f.line };
    }),
    notes: r.notes,
  };
}

async function exportWord(ops: Operations, p: ExportWordParams, host: AssemblyHost): Promise<ExportWordResult> {
  const input = typeof p.uri === 'string' ? filePath(p.uri) : undefined;
  if (!input) throw new Error('只能导出已保存的报告文件（save the report first）');
  const output = absolutePath(p.output, '输出文件');
  return ops.exportReport({ cwd: path.dirname(input) }, { input, text: host.openText(p.uri), output, force: true, from: 'editor' });
}
