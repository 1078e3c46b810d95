// A report assembled from a manifest (`fazhi-lint assemble`, the editor's 组装报告): the manifest, its skeleton
// and its contributions read (refusing those outside the manifest's folder unless allowed, devices, FIFOs),
// the report assembled and checked, and written where asked.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { assemble, missingPrompt, type TracedFinding } from '../assemble.js';
import { manifestFiles, parseManifest, positionOfFile, type Manifest } from '../manifest.js';
import { loadSkeleton } from '../skeleton-files.js';
import { describeFsError, notRegularFile } from '../../node/read-input.js';
import { writeOutput } from '../../node/write-file.js';
import { configFor, inputsOf, shown, type OperationIO } from './io.js';

export interface AssembleRequest {
  /** The manifest (absolute). */
  manifest: string;
  /** The report to write (absolute); none: not written. */
  output?: string;
  force: boolean;
  /** Contributions not there are replaced by a 【待报送】 prompt (--allow-missing). */
  allowMissing: boolean;
  /** Contributions may lie outside the manifest's folder (--allow-outside). */
  allowOutside: boolean;
  /** Explicit config file, relative to io.cwd (else the one nearest the manifest). */
  config?: string;
  from?: 'cli' | 'editor';
}

export interface Assembled {
  markdown: string;
  /** Findings of the assembled report, traced to the contributions (files shown relative to io.cwd). */
  findings: TracedFinding[];
  notes: string[];
  /** Contributions replaced by a 【待报送】 prompt, as the manifest names them. */
  missing: string[];
  /** How many parts have contributions. */
  parts: number;
}

/**
 * Reads the manifest, its skeleton and its contributions (refusing those outside its folder, devices and FIFOs,
 * and missing ones unless allowed), assembles and checks the report, and writes it to `output` (never over one
 * of those inputs).
 */
export function assembleManifest(io: OperationIO, req: AssembleRequest): Assembled {
  const manifestFile = req.manifest;
  const manifestDir = path.dirname(manifestFile);
  const { manifest, manifestText } = readManifest(io, manifestFile);
  const { config, dir, source: configSource } = configFor(io, manifestFile, req.config);
  const ownSkeleton = manifest.skeleton
    ? path.resolve(manifestDir, manifest.skeleton)
    : config.skeletons?.[manifest.profile]
      ? path.resolve(dir, config.skeletons[manifest.profile]!)
      : undefined;
  const skeleton = loadSkeleton(manifest.profile, ownSkeleton);
  const shownOf = (file: string) => shown(io, path.resolve(manifestDir, file));
  if (manifest.skeleton && !req.allowOutside) {
    const problem = outsideProblem(manifestDir, ownSkeleton!);
    if (problem) throw new Error(`清单指定的骨架 ${shownOf(manifest.skeleton)}${problem}`);
  }
  // Every contribution that cannot be read, at once, each at its place in the manifest.
  const missing = new Set<string>();
  const unreadable = manifestFiles(manifest).flatMap(({ file, key }) => {
    const problem = contributionProblem(manifestDir, file, !!req.allowOutside);
    if (problem === 'missing' && req.allowMissing) {
      missing.add(file);
      return [];
    }
    if (!problem) return [];
    const at = positionOfFile(manifestText, key, file);
    return [`  ${shown(io, manifestFile)}:${at.line}:${at.column}  ${shownOf(file)}：${problem === 'missing' ? '文件不存在（not found）' : problem}`];
  });
  if (unreadable.length) {
    const hint = unreadable.some((u) => u.includes('文件不存在')) && !req.allowMissing ? '；要先组装已报送的材料，请加 --allow-missing' : '';
    throw new Error(`清单列出的 ${unreadable.length} 份材料无法读取（cannot read contributions; paths are relative to the manifest${hint}）：\n${unreadable.join('\n')}`);
  }

  const result = assemble({
    manifest,
    manifestPath: shown(io, manifestFile),
    manifestText,
    skeleton,
    config,
    missing,
    read(file) {
      try {
        return readFileSync(path.resolve(manifestDir, file), 'utf8').replace(/^\ufeff/, '');
      } catch (error) {
        throw new Error(`无法读取材料（cannot read contribution）${shownOf(file)}：${(error as Error).message}`);
      }
    },
  });
  // Findings name files as the user would open them (relative to the working directory).
  const findings = result.findings.map((f) => (f.source.file === shown(io, manifestFile) ? f : { ...f, source: { ...f.source, file: shownOf(f.source.file) } }));

  if (req.output) {
    const inputs = inputsOf(manifestFile, skeleton.path, configSource, ...manifestFiles(manifest).map(({ file }) => path.resolve(manifestDir, file)));
    writeOutput(req.output, result.markdown, { force: req.force, inputs, display: shown(io, req.output), from: req.from });
  }
  return { markdown: result.markdown, findings, notes: result.notes, missing: [...missing], parts: Object.keys(manifest.parts).length };
}

/** What the editor asks before assembling: the contributions not sent in yet, and the report's usual name. */
export function assemblyPlan(io: OperationIO, manifestFile: string): { missing: { file: string; prompt: string }[]; reportName: string } {
  const { manifest, manifestText } = readManifest(io, manifestFile);
  const dir = path.dirname(manifestFile);
  const missing = manifestFiles(manifest).filter(({ file }) => contributionProblem(dir, file, true) === 'missing');
  return {
    missing: missing.map(({ file }) => ({ file, prompt: missingPrompt(file) })),
    reportName: `${manifest.body}关于${manifest.year}年法治政府建设情况的报告.md`,
  };
}

function readManifest(io: OperationIO, manifestFile: string): { manifest: Manifest; manifestText: string } {
  let manifestText: string;
  try {
    manifestText = readFileSync(manifestFile, 'utf8');
  } catch (error) {
    throw new Error(`无法读取清单（cannot read manifest）${shown(io, manifestFile)}：${(error as Error).message}`);
  }
  return { manifest: parseManifest(manifestText, shown(io, manifestFile)), manifestText };
}

/**
 * Why a contribution cannot be read: 'missing', a message, or undefined when it is a regular file inside the
 * manifest's folder (after symbolic links are resolved; anywhere with --allow-outside). A device or FIFO is
 * refused before any read: /dev/zero would never end, a FIFO would block.
 */
function contributionProblem(manifestDir: string, file: string, allowOutside: boolean): string | undefined {
  const full = path.resolve(manifestDir, file);
  let stat;
  try {
    stat = statSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'missing' : describeFsError(error);
  }
  if (!allowOutside) {
    const outside = outsideProblem(manifestDir, full);
    if (outside) return outside;
  }
  return notRegularFile(stat);
}

/** A message when `file` (links resolved) lies outside `dir` (links resolved), else undefined. */
function outsideProblem(dir: string, file: string): string | undefined {
  let real: string;
  let root: string;
  try {
    root = realpathSync(dir);
    real = realpathSync(file);
  } catch {
    return undefined; // missing: reported as such
  }
  const rel = path.relative(root, real);
  if (rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel))) return undefined;
  const via = path.resolve(dir, file) !== real ? `（链接到 ${real}）` : '';
  return `在清单所在文件夹之外${via}，不读取；确需使用请加 --allow-outside（outside the manifest's folder）`;
}
