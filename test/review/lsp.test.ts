// The language server's review requests (what the VS Code “年度报告审核” view shows), over JSON-RPC with
// the server from the sources in this process: the reports of a workspace folder and nothing else,
// the same numbers as `fazhi-lint review`, refreshed when a file changes, and the folder written.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startClient, fileUri, type TestClient } from '../lsp/client.js';
import { run } from '../../server/src/cli/run.js';
import { exportDocx } from '../../server/src/assemble/docx-export.js';
import { REVIEW_REQUEST, WRITE_REVIEW_REQUEST, type ReviewJson, type WorkspaceReview, type WriteReviewResult } from '../../server/src/review/protocol.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

describe('review requests of the language server', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fazhi-review-lsp-'));
    mkdirSync(path.join(dir, 'reports'));
    for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) cpSync(path.join(CORPUS, f), path.join(dir, 'reports', f));
    writeFileSync(path.join(dir, 'reports', '王鲍镇.docx'), await exportDocx(readFileSync(path.join(ROOT, 'examples', 'wangbao-2023-final.md'), 'utf8')));
    // Not reports: a README, notes, and a report in a folder the config ignores.
    writeFileSync(path.join(dir, 'README.md'), '# 项目说明\n\n这里存放各单位报告。\n');
    writeFileSync(path.join(dir, 'notes.txt'), '会议记录：下周一讨论。\n');
    mkdirSync(path.join(dir, 'drafts'));
    cpSync(path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('004'))!), path.join(dir, 'drafts', 'old.txt'));
    writeFileSync(path.join(dir, '.fazhi-lint.json'), JSON.stringify({ ignores: ['drafts/**'] }));
    client = await startClient({ inProcess: true, rootUri: fileUri(dir) });
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the reports of the workspace (Word included), not other files, with the CLI’s numbers', async () => {
    const listed = (await client.conn.sendRequest(REVIEW_REQUEST, { folders: [dir] })) as WorkspaceReview;
    const names = listed.files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
    assert.deepEqual(names, [...readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => `reports/${f}`), 'reports/王鲍镇.docx'].sort());
    assert.deepEqual(listed.review.reports.map((r) => r.path), listed.files.map((f) => path.relative(dir, f).split(path.sep).join('/')));
    // Findings are left out of the view's data; counts and parts are there.
    assert.ok(listed.review.reports.every((r) => r.findings.length === 0));
    const s003 = listed.review.reports.find((r) => r.path.includes('003_'))!;
    assert.equal(s003.parts['first-responsible'].label, '✘');
    assert.equal(listed.review.reports.find((r) => r.path.endsWith('.docx'))!.source, 'docx');

    let out = '';
    const code = await run(['review', 'reports', '--format', 'json'], {
      cwd: dir,
      env: {},
      stdout: (t) => void (out += t),
      stderr: () => {},
      stdoutIsTTY: false,
      readStdin: async () => new Uint8Array(),
    });
    assert.equal(code, 0);
    const cli = JSON.parse(out) as ReviewJson;
    for (const r of cli.reports) {
      const same = listed.review.reports.find((x) => x.path === r.path)!;
      assert.deepEqual(same.counts, r.counts, r.path);
      assert.deepEqual(same.parts, r.parts, r.path);
      assert.deepEqual(same.first, r.first, r.path);
    }
  });

  it('a changed file is checked again, the others come from the cache', async () => {
    const file = path.join(dir, 'reports', readdirSync(CORPUS).find((f) => f.startsWith('004'))!);
    const before = (await client.conn.sendRequest(REVIEW_REQUEST, { folders: [dir] })) as WorkspaceReview;
    const was = before.review.reports.find((r) => file.endsWith(r.path.split('/').pop()!))!;
    appendFileSync(file, '\n我镇XX年度工作已完成。\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = (await client.conn.sendRequest(REVIEW_REQUEST, { folders: [dir] })) as WorkspaceReview;
    const now = after.review.reports.find((r) => r.path === was.path)!;
    assert.ok(now.counts.errors > was.counts.errors, `${was.counts.errors} → ${now.counts.errors}`);
    assert.deepEqual(
      after.review.reports.filter((r) => r.path !== was.path).map((r) => r.counts),
      before.review.reports.filter((r) => r.path !== was.path).map((r) => r.counts),
    );
  });

  it('writes the review folder for the workspace; refuses a relative output', async () => {
    const output = path.join(dir, 'review-out');
    const result = (await client.conn.sendRequest(WRITE_REVIEW_REQUEST, { folders: [dir], output })) as WriteReviewResult;
    assert.equal(result.error, undefined);
    assert.equal(result.reports, 6);
    for (const f of ['index.html', 'review.json', 'review.xlsx']) assert.ok(existsSync(path.join(output, f)), f);
    assert.equal(readdirSync(path.join(output, 'reports')).length, 6);
    const bad = (await client.conn.sendRequest(WRITE_REVIEW_REQUEST, { folders: [dir], output: 'relative' })) as WriteReviewResult;
    assert.match(bad.error ?? '', /绝对路径/);
  });
});
