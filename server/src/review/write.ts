// Writing the review folder: index.html, reports/NNN-name.html, review.json, review.xlsx. Each file is
// written atomically (temp + rename, by node/'s writeOutput) and never over an input report; not fsynced, as the
// folder is regenerated at will and a hundred fsyncs would cost the reviewer a fifth of the run.
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { Rule } from '../engine/types.js';
import { OutputRefused, writeOutput } from '../node/write-file.js';
import { indexPage, reportPage, type Review, type ReviewedReport } from './review.js';
import { reviewXlsx } from './xlsx.js';

export function reviewJsonText(review: Review): string {
  return `${JSON.stringify(review.json, null, 2)}\n`;
}

/**
 * Writes the review folder: `page` writes a report's page (call it as each is rendered, see buildReview's
 * onPage), `finish` the summary, review.json and review.xlsx. Returns the files written (absolute paths).
 */
export function reviewFolderWriter(folder: string, rules: readonly Rule[], display = folder) {
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new OutputRefused(`${display} 不是文件夹；审核结果写入一个文件夹（-o 文件夹），或用 --format html 写成一个文件（output must be a folder）`);
  }
  const written: string[] = [];
  const write = (relative: string, data: string | Uint8Array, inputs: readonly string[]) => {
    const file = path.join(folder, relative);
    writeOutput(file, data, { force: true, inputs, display: path.join(display, relative), durable: false });
    written.push(file);
  };
  return {
    page(reviewed: ReviewedReport, inputs: readonly string[]): void {
      write(path.join('reports', reviewed.page!), reportPage(reviewed), inputs);
    },
    finish(review: Review): string[] {
      const inputs = review.reports.map((r) => r.file);
      for (const r of review.reports) if (r.section !== undefined) this.page(r, inputs);
      write('index.html', indexPage(review), inputs);
      write('review.json', reviewJsonText(review), inputs);
      write('review.xlsx', reviewXlsx(review.json, rules), inputs);
      return written;
    },
  };
}
