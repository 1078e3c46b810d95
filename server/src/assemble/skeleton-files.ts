// Finding skeleton files: a user's own (config `skeletons`, or an explicit path) or the
// built-in rules/skeletons/<profile>.md shipped with the package. The built-in files
// are found beside the bundle (dist/rules/skeletons, copied by scripts/build.mjs, shipped in
// the .vsix), under the package root (npm package) or relative to this module in the sources.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SkeletonProfile } from './skeleton.js';

function builtInDirectories(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.resolve(here, 'rules/skeletons'), path.resolve(here, '../rules/skeletons'), path.resolve(here, '../../../rules/skeletons')];
}

export function builtInSkeletonPath(profile: SkeletonProfile): string {
  for (const dir of builtInDirectories()) {
    const file = path.join(dir, `${profile}.md`);
    if (existsSync(file)) return file;
  }
  throw new Error(`找不到内置骨架 ${profile}.md（built-in skeleton not found; looked in ${builtInDirectories().join(', ')}）`);
}

export interface SkeletonFile {
  path: string;
  text: string;
}

/** `explicit` (a path, relative to `baseDir`) wins over the built-in skeleton of the profile. */
export function loadSkeleton(profile: SkeletonProfile, explicit?: string, baseDir = process.cwd()): SkeletonFile {
  const file = explicit ? path.resolve(baseDir, explicit) : builtInSkeletonPath(profile);
  try {
    return { path: file, text: readFileSync(file, 'utf8').replace(/^\ufeff/, '') };
  } catch (error) {
    throw new Error(`无法读取骨架文件（cannot read skeleton）${file}：${(error as Error).message}`);
  }
}
