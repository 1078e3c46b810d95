// The server's document-assembly commands, run by the bundle a user installs (dist/server.cjs), which
// loads the assembly operations (dist/assembly.cjs) on the first one: what the VS Code client's
// 新建年度报告 / 组装报告 / 导出为 Word / 导入 Word call (test/assemble/vscode-commands.test.ts runs the
// client against the sources).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVER_COMMANDS } from '../../server/src/lsp/protocol.js';
import { staleBundleReason } from './bundle.js';
import { ROOT, startClient, type TestClient } from './client.js';

const FIXTURES = fileURLToPath(new URL('../assemble/fixtures/', import.meta.url));

describe('lsp: document assembly as server commands (the bundle)', function () {
  this.timeout(60000);
  let c: TestClient;
  let dir: string;
  const run = (command: string, params: unknown) => c.conn.sendRequest('workspace/executeCommand', { command, arguments: [params] }) as Promise<Record<string, unknown>>;

  before(async () => {
    const stale = staleBundleReason(path.join(ROOT, 'dist/assembly.cjs'));
    if (stale) throw new Error(`dist/assembly.cjs 已过期：${stale}。请先构建（build first）`);
    dir = mkdtempSync(path.join(tmpdir(), 'fazhi-lsp-assembly-'));
    c = await startClient({ rootUri: pathToFileURL(dir).href });
  });
  after(async () => {
    await c?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('advertises the assembly commands', () => {
    const commands = (c.initialized!.capabilities.executeCommandProvider as { commands: string[] }).commands;
    for (const id of [SERVER_COMMANDS.newReport, SERVER_COMMANDS.assemblyPlan, SERVER_COMMANDS.assemble, SERVER_COMMANDS.exportWord, SERVER_COMMANDS.importWord]) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('newReport renders the skeleton (and writes it when given a file)', async () => {
    const only = await run(SERVER_COMMANDS.newReport, { profile: 'town', body: '张八桥镇人民政府', year: 2025 });
    assert.match(String(only.text), /^# 张八桥镇人民政府关于2025年法治政府建设情况的报告/);
    assert.ok(Number(only.todo) > 0, 'the skeleton has prompts to fill');
    const file = path.join(dir, 'new.md');
    const written = await run(SERVER_COMMANDS.newReport, { profile: 'county', body: '如东县人民政府', year: 2025, output: file });
    assert.equal(readFileSync(file, 'utf8'), written.text);
    const bad = await run(SERVER_COMMANDS.newReport, { profile: 'village', body: '某村', year: 2025 });
    assert.match(String(bad.error), /报告主体类型应为 town、county、city 或 department/);
  });

  it('assemblyPlan names the missing contributions; assemble traces findings and never writes over an input', async () => {
    const town = path.join(dir, 'town');
    cpSync(path.join(FIXTURES, 'town'), town, { recursive: true });
    rmSync(path.join(town, '党政办.md'));
    const manifest = path.join(town, 'manifest.json');
    const plan = await run(SERVER_COMMANDS.assemblyPlan, { manifest });
    assert.deepEqual(plan.missing, [{ file: '党政办.md', prompt: '【待报送：党政办】' }]);
    assert.match(String(plan.reportName), /关于\d{4}年法治政府建设情况的报告\.md$/);

    const out = path.join(town, 'report.md');
    const refused = await run(SERVER_COMMANDS.assemble, { manifest, output: out, allowMissing: false });
    assert.match(String(refused.error), /党政办\.md：文件不存在/);
    assert.ok(!existsSync(out));

    const done = (await run(SERVER_COMMANDS.assemble, { manifest, output: out, allowMissing: true })) as { findings: { file: string; rule: string; range: { start: { line: number } } }[] };
    assert.match(readFileSync(out, 'utf8'), /【待报送：党政办】/);
    assert.ok(done.findings.some((f) => f.file === path.join(town, '综合执法队.md') && f.rule === 'placeholder' && f.range.start.line === 0), JSON.stringify(done.findings.slice(0, 3)));

    const before = readFileSync(manifest, 'utf8');
    const overInput = await run(SERVER_COMMANDS.assemble, { manifest, output: manifest, allowMissing: true });
    assert.match(String(overInput.error), /manifest\.json 是本命令的输入文件，不能用输出覆盖它；请另选文件名/);
    assert.equal(readFileSync(manifest, 'utf8'), before);
  });

  it('exportWord and importWord round-trip a report; a relative path is refused', async () => {
    const md = path.join(dir, 'town', 'report.md');
    const docx = path.join(dir, 'town', 'report.docx');
    const exported = await run(SERVER_COMMANDS.exportWord, { uri: pathToFileURL(md).href, output: docx });
    assert.equal(exported.error, undefined);
    assert.equal(typeof exported.errors, 'number');
    const back = path.join(dir, 'town', 'back.md');
    assert.deepEqual(await run(SERVER_COMMANDS.importWord, { input: docx, output: back }), {});
    assert.match(readFileSync(back, 'utf8'), /【待报送：党政办】/);
    writeFileSync(path.join(dir, 'keep.md'), 'x');
    const relative = await run(SERVER_COMMANDS.importWord, { input: docx, output: 'keep.md' });
    assert.match(String(relative.error), /输出文件应为绝对路径/);
    assert.equal(readFileSync(path.join(dir, 'keep.md'), 'utf8'), 'x');
  });
});
