// A Markdown report written as Word in GB/T 9704-2012 layout (`fazhi-lint export`, the editor's 导出为 Word).
import { readFileSync } from 'node:fs';
import { check } from '../../index.js';
import { exportDocx } from '../docx-export.js';
import { writeOutput } from '../../node/write-file.js';
import { configFor, inputsOf, shown, type OperationIO } from './io.js';

export interface ExportRequest {
  /** The Markdown report (absolute): read unless `text` is given, never written over. */
  input: string;
  /** Its text as the editor holds it (unsaved changes included). */
  text?: string;
  /** The .docx to write (absolute). */
  output: string;
  force: boolean;
  /** Explicit config file, relative to io.cwd (else the one nearest the report). */
  config?: string;
  from?: 'cli' | 'editor';
}

/** Writes the report as Word; `errors` counts the report's errors, for a reminder. */
export async function exportReport(io: OperationIO, req: ExportRequest): Promise<{ errors: number }> {
  let text = req.text;
  if (text === undefined) {
    try {
      text = readFileSync(req.input, 'utf8').replace(/^\ufeff/, '');
    } catch (error) {
      throw new Error(`无法读取（cannot read）${shown(io, req.input)}：${(error as Error).message}`);
    }
  }
  const { config, source: configSource } = configFor(io, req.input, req.config);
  const inputs = inputsOf(req.input, configSource);
  writeOutput(req.output, await exportDocx(text, config), { force: req.force, inputs, display: shown(io, req.output), from: req.from });
  return { errors: check(text, config).filter((f) => f.severity === 'error').length };
}
