// Entry of `fazhi-lint-server` (dist/server.cjs):
//   --stdio | --node-ipc | --socket=PORT   run the language server (transport parsed by vscode-languageserver)
//   --write-rule-docs DIR                  write one Markdown page per rule (the diagnostics link to them)
//   --version
// The same file is the body of the worker thread that checks large documents.
import { version as VERSION } from '../../../package.json';
import { isCheckWorker, runWorker } from './worker.js';
import { RULES } from '../rules/index.js';
import { ruleDocsCurrent, ruleDocsDir, writeRuleDocs } from './rule-docs.js';
import { startServer } from './server.js';

function main(argv: string[]): void {
  if (isCheckWorker()) return runWorker();
  if (argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const docsAt = argv.indexOf('--write-rule-docs');
  if (docsAt >= 0) {
    const dir = argv[docsAt + 1];
    if (!dir) {
      process.stderr.write('用法：fazhi-lint-server --write-rule-docs DIR\n');
      process.exitCode = 2;
      return;
    }
    const files = writeRuleDocs(dir, RULES);
    process.stderr.write(`已写入 ${files.length} 个规则说明到 ${dir}\n`);
    return;
  }
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
    process.stderr.write('fazhi-lint-server: 请指定传输方式 --stdio 或 --node-ipc（specify --stdio or --node-ipc）\n');
    process.exitCode = 2;
    return;
  }
  ensureRuleDocs();
  startServer();
}

/**
 * The diagnostics link to dist/rules/<id>.md; a development build has none until written (packaging writes
 * them), and a rebuilt one may have a new rule or changed docs: every page must be there and current.
 */
function ensureRuleDocs(): void {
  try {
    if (!ruleDocsCurrent(ruleDocsDir(), RULES)) writeRuleDocs(ruleDocsDir(), RULES);
  } catch {
    // A read-only install: the links stay dead, the hovers still carry the text.
  }
}

main(process.argv.slice(2));
