// A new report from its profile's skeleton (`fazhi-lint new`, the editor's 新建年度报告).
import path from 'node:path';
import { check } from '../../index.js';
import { renderSkeleton, type SkeletonProfile } from '../skeleton.js';
import { loadSkeleton } from '../skeleton-files.js';
import { writeOutput } from '../../node/write-file.js';
import { absolute, configFor, inputsOf, shown, type OperationIO } from './io.js';

export interface NewReportRequest {
  profile: SkeletonProfile;
  body?: string;
  year?: number;
  /** Absolute; written (refused over an existing file without `force`); none: the text only. */
  output?: string;
  force: boolean;
  /** Own skeleton file (else the config's `skeletons`, else the built-in one), relative to io.cwd. */
  skeleton?: string;
  /** Explicit config file, relative to io.cwd (else the one nearest the output). */
  config?: string;
  from?: 'cli' | 'editor';
}

/** The skeleton rendered for a body and year (written to `output` when given); `todo` counts its prompts. */
export function newReport(io: OperationIO, req: NewReportRequest): { text: string; todo: number; own: boolean; skeleton: string } {
  const { profile, body, output } = req;
  const { config, dir, source: configSource } = configFor(io, output, req.config);
  const own = req.skeleton ? absolute(io, req.skeleton) : config.skeletons?.[profile] ? path.resolve(dir, config.skeletons[profile]!) : undefined;
  const skeleton = loadSkeleton(profile, own);
  const text = renderSkeleton(skeleton.text, { body, year: req.year });
  // The skeleton's prompts, not a placeholder in the name the user typed (--body 某某镇).
  const todo = check(text, { ...config, profile }).filter((f) => f.rule === 'placeholder' && !(body && body.includes(String(f.data.text ?? '')))).length;
  if (output) writeOutput(output, text, { force: req.force, inputs: inputsOf(skeleton.path, configSource), display: shown(io, output), from: req.from });
  return { text, todo, own: !!own, skeleton: skeleton.path };
}
