// Shared by the assembly tests: filling a skeleton's prompts as a writer would, running
// subcommands in-process, and reading a .docx's XML parts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { SUBCOMMANDS } from '../../server/src/cli/commands/index.js';
import type { SkeletonProfile } from '../../server/src/assemble/skeleton.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const BODIES: Record<SkeletonProfile, string> = {
  town: '张八桥镇人民政府',
  county: '如东县人民政府',
  city: '南通市人民政府',
  department: '启东市市场监督管理局',
};

const SUPERIOR: Record<SkeletonProfile, string> = {
  town: '县委、县政府',
  county: '市委、市政府',
  city: '省委、省政府',
  department: '市委、市政府',
};

export const PROMPT = /【请填写：([^】]*)】/g;

/** Replaces every 【请填写：…】 prompt by real-looking text (each different, so nothing repeats). */
export function fillPrompts(text: string, profile: SkeletonProfile): string {
  let k = 0;
  return text.replace(PROMPT, (_whole, what: string) => {
    k++;
    switch (what) {
      case '主送机关':
      case '上级党委、政府名称':
      case '本级党委、政府名称':
        return SUPERIOR[profile];
      case '成文日期':
        return '2026年3月20日';
      case '全年总体情况和主要成效':
        return '法治政府建设各项任务全面完成，依法行政水平稳步提升';
      case '其他需要报告的事项':
        return '本年度无其他需要报告的情况';
      default:
        return `围绕${what.replace(/的?(情况|安排)$/, '')}，全年制定完善制度${k}项，开展专项工作${k + 7}次，各项任务均按期完成`;
    }
  });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(name: string, args: string[], cwd: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await SUBCOMMANDS[name](args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

export async function docxParts(bytes: Uint8Array | string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(typeof bytes === 'string' ? readFileSync(bytes) : bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = await zip.file(name)!.async('string');
  return parts;
}
