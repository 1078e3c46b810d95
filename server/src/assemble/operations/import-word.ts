// A Word document read as Markdown with headings (`fazhi-lint import`, the editor's 导入 Word).
import { readFileSync } from 'node:fs';
import { readDocx } from '../docx-import.js';
import { writeOutput } from '../../node/write-file.js';
import { shown, type OperationIO } from './io.js';

/** Reads a .docx as Markdown, written to `output` when given (never over the .docx). */
export async function importWord(io: OperationIO, req: { input: string; output?: string; force: boolean; from?: 'cli' | 'editor' }): Promise<{ markdown: string }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(req.input);
  } catch (error) {
    throw new Error(`无法读取（cannot read）${shown(io, req.input)}：${(error as Error).message}`);
  }
  let markdown: string;
  try {
    ({ markdown } = await readDocx(bytes));
  } catch (error) {
    throw new Error(`${shown(io, req.input)} 不是有效的 Word 文档（not a valid .docx）：${(error as Error).message}`);
  }
  if (req.output) writeOutput(req.output, markdown, { force: req.force, inputs: [req.input], display: shown(io, req.output), from: req.from });
  return { markdown };
}
