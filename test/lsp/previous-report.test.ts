// fazhiLint.previousReport: the language server reads last year's report and copied-report compares with it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileUri, startClient } from './client.js';
import { seed } from '../rules/helpers.js';

describe('language server: fazhiLint.previousReport', function () {
  this.timeout(60000);
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-previous-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('compares the document with the report the setting names (relative to the workspace folder)', async () => {
    const text = seed('004');
    writeFileSync(path.join(dir, '2022.md'), text);
    const file = path.join(dir, '2023.md');
    writeFileSync(file, text);
    const c = await startClient({ inProcess: true, rootUri: fileUri(dir), settings: { previousReport: '2022.md' } });
    try {
      const since = c.published.length;
      c.open(fileUri(file), text, 'markdown');
      const p = await c.diagnostics(fileUri(file), { since });
      const copied = p.diagnostics.filter((d) => d.code === 'copied-report');
      assert.ok(copied.some((d) => /相同或几乎相同的句子占100%/.test(String(d.message))), JSON.stringify(copied.map((d) => String(d.message))));
    } finally {
      await c.stop();
    }
  });

  it('an unreadable file is reported once, and the document is checked without the comparison', async () => {
    const file = path.join(dir, 'b.md');
    const text = seed('002');
    writeFileSync(file, text);
    const c = await startClient({ inProcess: true, rootUri: fileUri(dir), settings: { previousReport: '没有这个文件.md' } });
    try {
      const since = c.published.length;
      c.open(fileUri(file), text, 'markdown');
      const p = await c.diagnostics(fileUri(file), { since });
      assert.ok(!p.diagnostics.some((d) => d.code === 'copied-report' && /相同或几乎相同/.test(String(d.message))));
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(c.shown.filter((m) => m.message.includes('无法读取上一年度报告')).length, 1, JSON.stringify(c.shown));
    } finally {
      await c.stop();
    }
  });
});
