// The VS Code commands of assembly: contributed in package.json under the ids the client
// registers, and run end to end against a scripted stand-in for the VS Code API (the client
// modules are bundled with esbuild as for the extension, with `vscode` resolved to the stand-in)
// and a real language server (in process, over LSP): the client asks and shows, the server's
// assembly commands (the CLI's code) do the work.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/index.js';
import { readDocx } from '../../server/src/assemble/docx-import.js';
import { startClient, type TestClient } from '../lsp/client.js';
import { FIXTURES, ROOT } from './helpers.js';

describe('assembly: VS Code commands', () => {
  it('are contributed with Chinese titles (English alias) in category fazhi-lint', () => {
    const source = readFileSync(path.join(ROOT, 'client/src/assembly-commands.ts'), 'utf8');
    const block = /ASSEMBLY_COMMANDS = \{([\s\S]*?)\}/.exec(source)![1];
    const ids = [...block.matchAll(/'(fazhi-lint\.[A-Za-z]+)'/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['fazhi-lint.newReport', 'fazhi-lint.assemble', 'fazhi-lint.exportWord', 'fazhi-lint.importWord']);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const commands: { command: string; title: string; category: string }[] = pkg.contributes.commands;
    // Titles may be localised: "%key%" resolves through package.nls.json (and package.nls.zh-cn.json).
    const nls = (file: string): Record<string, string> => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
    const key = (title: string) => /^%(.+)%$/.exec(title)?.[1];
    for (const id of ids) {
      const c = commands.find((x) => x.command === id);
      assert.ok(c, `${id} in package.json`);
      assert.equal(c.category, 'fazhi-lint');
      const k = key(c.title);
      const title = k ? nls('package.nls.json')[k] : c.title;
      assert.match(title ?? '', /^[\u4e00-\u9fa5].*（[A-Za-z][^）]*）$/, `${id}: ${c.title}`);
      if (k) assert.match(nls('package.nls.zh-cn.json')[k] ?? '', /^[\u4e00-\u9fa5]/, `${k} in package.nls.zh-cn.json`);
    }
  });

  describe('run against a stand-in VS Code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-vscode-'));
    const answers: unknown[] = [];
    const messages: string[] = [];
    const opened: string[] = [];
    const untitled: string[] = [];
    const diagnostics = new Map<string, { message: string; code: string; range: { start: { line: number; character: number } } }[]>();
    const commands = new Map<string, (...args: unknown[]) => Promise<void>>();
    let server: TestClient;
    const next = () => answers.shift();
    const uri = (fsPath: string) => ({ scheme: 'file', fsPath, toString: () => pathToFileURL(fsPath).href });
    const uri_ = uri;
    class Position {
      constructor(readonly line: number, readonly character: number) {}
    }
    const fake = {
      Uri: { file: uri, joinPath: (base: { fsPath: string }, ...parts: string[]) => uri(path.join(base.fsPath, ...parts)) },
      Position,
      Range: class {
        constructor(readonly start: Position, readonly end: Position) {}
      },
      Diagnostic: class {
        source?: string;
        code?: string;
        constructor(readonly range: unknown, readonly message: string, readonly severity: number) {}
      },
      DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
      commands: { registerCommand: (id: string, fn: (...args: unknown[]) => Promise<void>) => (commands.set(id, fn), { dispose() {} }) },
      languages: {
        createDiagnosticCollection: () => ({
          clear: () => diagnostics.clear(),
          set: (u: { fsPath: string }, list: never[]) => diagnostics.set(u.fsPath, list),
          dispose() {},
        }),
      },
      window: {
        activeTextEditor: undefined,
        showQuickPick: async (items: { profile: string }[]) => {
          const profile = next();
          return items.find((i) => i.profile === profile);
        },
        showInputBox: async (o: { validateInput: (v: string) => string | undefined }) => {
          const v = next() as string;
          assert.equal(o.validateInput(v), undefined, `input ${v} is valid`);
          return v;
        },
        showSaveDialog: async (o: { defaultUri?: { fsPath: string } }) => {
          const v = next() as string | undefined;
          return v === undefined ? undefined : uri(v === '' ? o.defaultUri!.fsPath : v);
        },
        showOpenDialog: async () => [uri(next() as string)],
        showTextDocument: async (d: { uri: { fsPath: string } }) => opened.push(d.uri.fsPath),
        showInformationMessage: async (m: string) => (messages.push(m), undefined),
        // A modal question answers with the scripted choice; a plain warning with nothing.
        showWarningMessage: async (m: string, ...rest: unknown[]) => (messages.push(m), rest.some((r) => typeof r === 'string') ? next() : undefined),
        showErrorMessage: async (m: string) => messages.push(`ERROR ${m}`),
      },
      workspace: {
        workspaceFolders: [{ uri: uri(dir) }],
        textDocuments: [],
        openTextDocument: async (u: { fsPath?: string; content?: string }) => {
          if (typeof u.content === 'string') untitled.push(u.content);
          return { uri: u };
        },
        fs: {
          writeFile: async (u: { fsPath: string }, data: Uint8Array) => writeFileSync(u.fsPath, data),
          readFile: async (u: { fsPath: string }) => new Uint8Array(readFileSync(u.fsPath)),
        },
      },
      env: { openExternal: async () => true },
    };

    before(async function () {
      this.timeout(60000);
      const bundle = (entry: string, outfile: string) =>
        build({
          entryPoints: [path.join(ROOT, entry)],
          bundle: true,
          platform: 'node',
          format: 'cjs',
          outfile,
          logLevel: 'error',
          mainFields: ['module', 'main'],
          define: { 'import.meta.url': '__url' },
          banner: { js: 'const __url = require("url").pathToFileURL(__filename).href;' },
          plugins: [
            {
              name: 'fake-vscode',
              setup(b) {
                b.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'fake' }));
                b.onLoad({ filter: /.*/, namespace: 'fake' }, () => ({ contents: 'module.exports = globalThis.__fakeVscode;' }));
              },
            },
          ],
        });
      const registration = path.join(dir, 'dist/extension.cjs');
      await bundle('client/src/assembly-commands.ts', registration);
      (globalThis as Record<string, unknown>).__fakeVscode = fake;
      server = await startClient({ inProcess: true, rootUri: pathToFileURL(dir).href });
      // The LanguageClient's one method the commands use.
      const languageClient = { sendRequest: (method: string, params: unknown) => server.conn.sendRequest(method, params) };
      const client = createRequire(import.meta.url)(registration) as { registerAssemblyCommands(c: unknown, l: unknown): void };
      client.registerAssemblyCommands({ subscriptions: [] }, languageClient);
    });

    after(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('新建年度报告 asks profile, body and year and writes the skeleton', async () => {
      answers.push('department', '启东市市场监督管理局', '2025', '');
      await commands.get('fazhi-lint.newReport')!();
      const file = path.join(dir, '启东市市场监督管理局关于2025年法治政府建设情况的报告.md');
      assert.ok(existsSync(file), messages.join('\n'));
      assert.deepEqual(opened.slice(-1), [file]);
      const text = readFileSync(file, 'utf8');
      assert.match(text, /^# 启东市市场监督管理局关于2025年法治政府建设情况的报告/);
      assert.match(text, /## 三、主要负责人履行推进法治建设第一责任人职责情况/);
      assert.ok(check(text).some((f) => f.rule === 'placeholder'));
    });

    it('新建年度报告 with its answers passed as arguments asks nothing and opens an untitled skeleton', async () => {
      const before = answers.length;
      await commands.get('fazhi-lint.newReport')!({ profile: 'town', body: '张八桥镇人民政府', year: 2025, untitled: true });
      assert.equal(answers.length, before);
      const text = untitled.at(-1)!;
      assert.match(text, /^# 张八桥镇人民政府关于2025年法治政府建设情况的报告/);
      assert.deepEqual(check(text).filter((f) => f.severity === 'error' && f.rule !== 'placeholder').map((f) => f.rule), []);
    });

    it('组装报告 writes the report and marks findings in the contributing files', async () => {
      const town = path.join(dir, 'town');
      cpSync(path.join(FIXTURES, 'town'), town, { recursive: true });
      const out = path.join(town, 'report.md');
      answers.push(out);
      await commands.get('fazhi-lint.assemble')!(uri(path.join(town, 'manifest.json')));
      assert.ok(existsSync(out), messages.join('\n'));
      const marked = diagnostics.get(path.join(town, '综合执法队.md'));
      assert.ok(marked?.some((d) => d.code === 'placeholder' && d.range.start.line === 0), JSON.stringify([...diagnostics.keys()]));
      assert.ok(diagnostics.get(path.join(town, '下一年度安排.md'))?.some((d) => d.code === 'conversion-artifact'));
      assert.match(messages[messages.length - 1], /已组装报告：2 个错误/);
    });

    it('组装报告 with a contribution not sent in asks, then assembles with 【待报送】; never saves over an input', async () => {
      const town = path.join(dir, 'town-draft');
      cpSync(path.join(FIXTURES, 'town'), town, { recursive: true });
      rmSync(path.join(town, '党政办.md'));
      const out = path.join(town, 'draft.md');
      answers.push(undefined); // "cancel" to the question: nothing is written
      await commands.get('fazhi-lint.assemble')!(uri(path.join(town, 'manifest.json')));
      assert.match(messages[messages.length - 1], /有 1 份材料尚未报送：党政办\.md → 【待报送：党政办】/);
      assert.ok(!existsSync(out));
      answers.push('以【待报送】占位组装（Assemble with placeholders）', out);
      await commands.get('fazhi-lint.assemble')!(uri(path.join(town, 'manifest.json')));
      assert.match(readFileSync(out, 'utf8'), /\n【待报送：党政办】\n/);
      assert.ok(diagnostics.get(path.join(town, 'manifest.json'))?.some((d) => /党政办\.md”尚未报送/.test(d.message)));
      const contribution = path.join(town, '司法所.md');
      const before = readFileSync(contribution, 'utf8');
      answers.push('以【待报送】占位组装（Assemble with placeholders）', contribution);
      await commands.get('fazhi-lint.assemble')!(uri(path.join(town, 'manifest.json')));
      assert.equal(readFileSync(contribution, 'utf8'), before);
      assert.match(messages[messages.length - 1], /^ERROR fazhi-lint：司法所\.md 是本命令的输入文件，不能用输出覆盖它；请另选文件名/);
    });

    it('导出为 Word and 导入 Word document round-trip the report', async () => {
      const from = messages.length;
      const md = path.join(dir, 'town', 'report.md');
      const docx = path.join(dir, 'town', 'report.docx');
      answers.push(docx);
      await commands.get('fazhi-lint.exportWord')!(uri(md));
      assert.ok(existsSync(docx), messages.join('\n'));
      const back = path.join(dir, 'town', 'back.md');
      answers.push(back);
      await commands.get('fazhi-lint.importWord')!(uri(docx));
      assert.equal(readFileSync(back, 'utf8'), (await readDocx(readFileSync(docx))).markdown);
      assert.deepEqual(opened.slice(-1), [back]);
      assert.ok(!messages.slice(from).some((m) => m.startsWith('ERROR')), messages.join('\n'));
      // Never over the report itself.
      const size = readFileSync(md).length;
      answers.push(md);
      await commands.get('fazhi-lint.exportWord')!(uri(md));
      assert.equal(readFileSync(md).length, size);
      assert.match(messages[messages.length - 1], /^ERROR fazhi-lint：report\.md 是本命令的输入文件，不能用输出覆盖它/);
    });

    it('导出为 Word exports the report as the editor holds it, unsaved changes included', async () => {
      const md = path.join(dir, 'town', 'report.md');
      const uri = pathToFileURL(md).href;
      const edited = readFileSync(md, 'utf8').replace(/\n/, '\n\n本段为尚未保存的修改。\n');
      server.open(uri, edited, 'markdown');
      const docx = path.join(dir, 'town', 'edited.docx');
      answers.push(docx);
      await commands.get('fazhi-lint.exportWord')!({ ...uri_(md), toString: () => uri });
      server.close(uri);
      assert.match((await readDocx(readFileSync(docx))).markdown, /本段为尚未保存的修改。/);
      assert.doesNotMatch(readFileSync(md, 'utf8'), /尚未保存/);
      // Replacing an export the save dialog asked about (the server does not ask again), from the saved text.
      answers.push(docx);
      await commands.get('fazhi-lint.exportWord')!(uri_(md));
      assert.doesNotMatch((await readDocx(readFileSync(docx))).markdown, /尚未保存/);
    });

    it('a server refusal is shown, nothing written: 导入 Word of a file that is not a .docx', async () => {
      const fake_ = path.join(dir, 'fake.docx');
      writeFileSync(fake_, 'not a zip');
      const out = path.join(dir, 'fake.md');
      answers.push(out);
      await commands.get('fazhi-lint.importWord')!(uri_(fake_));
      assert.ok(!existsSync(out));
      assert.match(messages[messages.length - 1], /^ERROR fazhi-lint：fake\.docx 不是有效的 Word 文档/);
    });
  });
});
