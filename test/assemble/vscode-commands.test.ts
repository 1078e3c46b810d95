// The VS Code commands of assembly: contributed in package.json under the ids the client
// registers, and run end to end against a scripted stand-in for the VS Code API (the client
// modules are bundled with esbuild as for the extension — the registration, and the actions it
// requires on first use from dist/assembly.cjs — with `vscode` resolved to the stand-in).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { check } from '../../server/src/index.js';
import { readDocx } from '../../server/src/assemble/docx-import.js';
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
    const next = () => answers.shift();
    const uri = (fsPath: string) => ({ scheme: 'file', fsPath, toString: () => `file://${fsPath}` });
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
        showWarningMessage: async (m: string) => messages.push(m),
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
      await bundle('client/src/assembly-actions.ts', path.join(dir, 'dist/assembly.cjs'));
      // The bundles find the skeletons beside them, as in the packaged extension.
      cpSync(path.join(ROOT, 'rules/skeletons'), path.join(dir, 'dist/rules/skeletons'), { recursive: true });
      (globalThis as Record<string, unknown>).__fakeVscode = fake;
      const client = createRequire(import.meta.url)(registration) as { registerAssemblyCommands(c: unknown): void };
      client.registerAssemblyCommands({ subscriptions: [], asAbsolutePath: (p: string) => path.join(dir, p) });
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

    it('导出为 Word and 导入 Word document round-trip the report', async () => {
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
      assert.ok(!messages.some((m) => m.startsWith('ERROR')), messages.join('\n'));
    });
  });
});
