// The server's pieces, each alone, in process: document state, scheduling, the order of quick fixes and
// hovers, the cap on problems, settings validated by the config schema, which documents are reports (and
// that rule pages never are), and LSP framing that survives bad headers.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { check, RULES, type Finding } from '../../server/src/index.js';
import { byRelevance, codeActions } from '../../server/src/lsp/code-actions.js';
import { capAndCount, capFindings, toDiagnostic } from '../../server/src/lsp/diagnostics.js';
import { countSeverities } from '../../server/src/engine/severity.js';
import { Documents } from '../../server/src/lsp/documents.js';
import { contentLength, ResyncingMessageReader } from '../../server/src/lsp/frames.js';
import { hoverAt } from '../../server/src/lsp/hover.js';
import { isRulePage, rulePage, ruleMarkdown } from '../../server/src/lsp/rule-docs.js';
import { Scheduler } from '../../server/src/lsp/scheduling.js';
import { checkSettings, DEFAULT_SETTINGS, looksLikeReport, partsNamed, selectDocument } from '../../server/src/lsp/settings.js';
import { SEVERITY_LABELS } from '../../server/src/engine/types.js';
import { readSeed, seedFiles } from '../helpers/corpus.js';
import { PassThrough } from 'node:stream';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lsp pieces: documents and scheduling', () => {
  it('applies incremental changes and records them as offset changes, each to the text the previous one left', () => {
    const docs = new Documents();
    docs.open('untitled:a', 'markdown', 1, '甲乙丙\n丁戊');
    const st = docs.change('untitled:a', 2, [
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'XY' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '𠮷' },
    ])!;
    assert.equal(st.doc.getText(), '甲XY丙\n𠮷丁戊');
    assert.equal(st.doc.version, 2);
    assert.deepEqual(st.changes, [
      { start: 1, end: 2, newText: 'XY' },
      { start: 5, end: 5, newText: '𠮷' },
    ]);
    assert.equal(docs.change('untitled:closed', 2, [{ text: 'x' }]), undefined);
    assert.ok(docs.close('untitled:a'));
    assert.equal(docs.get('untitled:a'), undefined);
  });

  it('runs only the last job scheduled for a document, after its delay', async () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    scheduler.schedule('a', 30, () => ran.push('a1'));
    scheduler.schedule('a', 30, () => ran.push('a2'));
    scheduler.schedule('b', 10, () => ran.push('b'));
    assert.ok(scheduler.pending('a'));
    await sleep(80);
    assert.deepEqual(ran, ['b', 'a2']);
    assert.ok(!scheduler.pending('a'));
    scheduler.schedule('c', 10, () => ran.push('c'));
    assert.ok(scheduler.cancel('c'));
    await sleep(30);
    assert.deepEqual(ran, ['b', 'a2']);
  });
});

describe('lsp pieces: quick fixes and hover at the cursor', () => {
  // Seed 000: 鎮(zhèn) sits inside a paragraph that also lacks its final full stop (an info finding for
  // the whole paragraph) and is traditional (a mixed-script finding on the line).
  const text = readSeed('000_6895dad6e85ea9c9.txt');
  const doc = TextDocument.create('file:///seed-000.txt', 'plaintext', 1, text);
  const findings = check(text);
  const pinyin = findings.find((f) => f.rule === 'pinyin-residue' && text.slice(f.start, f.end).includes('zhèn'))!;
  const cursor = pinyin.start + 2;
  const here = findings.filter((f) => f.start <= cursor && cursor <= f.end);
  const diagnostics: Diagnostic[] = here.map((f) => toDiagnostic(doc, f));
  const params = {
    textDocument: { uri: doc.uri },
    range: { start: doc.positionAt(cursor), end: doc.positionAt(cursor) },
    context: { diagnostics },
  };

  it('puts the fix of the narrowest finding under the cursor first, and only that one preferred', () => {
    assert.ok(here.length >= 2, `several findings under the cursor: ${here.map((f) => f.rule).join(', ')}`);
    assert.ok(here.some((f) => f.end - f.start > pinyin.end - pinyin.start && f.fix), 'a wider finding with a fix is there too');
    const actions = codeActions(params, doc, findings, [], { command: true }) as CodeAction[];
    assert.equal(actions[0].title, pinyin.fix!.title);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    // Fixes before "disable" actions.
    const firstDisable = actions.findIndex((a) => a.title.includes('停用'));
    assert.ok(actions.slice(0, firstDisable).every((a) => !a.title.includes('停用')));
    assert.ok(actions.slice(firstDisable).every((a) => a.title.includes('停用')));
  });

  it('orders by range width, then severity, keeping the given order otherwise', () => {
    const f = (start: number, end: number, severity: Finding['severity']) => ({ start, end, severity });
    const list = [f(0, 100, 'error'), f(10, 20, 'info'), f(10, 20, 'error'), f(50, 60, 'hint')];
    assert.deepEqual(byRelevance(list, 15), [list[2], list[1], list[0], list[3]]);
  });

  it('hovers in the same order, without repeating the diagnostic\'s message', () => {
    const hover = hoverAt(doc, findings, doc.positionAt(cursor), RULES) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.ok(value.startsWith('**`pinyin-residue`**'), value.slice(0, 80));
    for (const f of here) assert.ok(!value.includes(f.message), `message of ${f.rule} not repeated`);
    assert.deepEqual(hover.range, { start: doc.positionAt(pinyin.start), end: doc.positionAt(pinyin.end) });
    assert.equal(value.split('\n---\n').length, new Set(here.map((f) => f.rule)).size, 'one part per rule');
  });
});

describe('lsp pieces: the cap on problems', () => {
  const finding = (start: number, severity: Finding['severity'], data: Record<string, unknown> = {}): Finding => ({
    rule: 'x', severity, message: '', start, end: start + 1, line: 1, column: start + 1, endLine: 1, endColumn: start + 2, data,
  });

  it('keeps document-level findings and errors before a flood of hints', () => {
    const flood = Array.from({ length: 50 }, (_, i) => finding(i + 10, 'hint'));
    const summary = finding(5, 'hint', { scope: 'document' });
    const error = finding(100, 'error');
    const kept = capFindings([summary, ...flood, error], 3);
    assert.deepEqual(kept.map((f) => [f.start, f.severity]), [[5, 'hint'], [10, 'hint'], [100, 'error']]);
    assert.equal(capFindings(flood, 100).length, 50);
  });

  it('capAndCount (one pass) chooses as the obvious way does, and counts every finding by severity', () => {
    // The obvious way: document-level findings first, then each severity in turn, each in document order.
    const obvious = (findings: Finding[], max: number) => {
      if (findings.length <= max) return findings;
      const chosen: Finding[] = [];
      const take = (wanted: (f: Finding) => boolean) => findings.forEach((f) => chosen.length < max && wanted(f) && chosen.push(f));
      take((f) => f.data.scope === 'document');
      for (const s of ['error', 'warning', 'info', 'hint']) take((f) => f.severity === s && f.data.scope !== 'document');
      return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
    };
    const severities = ['error', 'warning', 'info', 'hint'] as const;
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const findings = Array.from({ length: 3000 }, (_, i) => finding(i >> 1, severities[random(4)], random(40) ? {} : { scope: 'document' }));
    for (const max of [0, 1, 7, 100, 1000, 2999, 3000, 5000]) {
      const { capped, counts } = capAndCount(findings, max);
      assert.deepEqual(capped, obvious(findings, max), `max ${max}`);
      assert.deepEqual(counts, countSeverities(findings));
    }
  });
});

describe('lsp pieces: settings and which documents are reports', () => {
  it('validates editor settings with the config file\'s schema, keeping the valid ones', () => {
    const { settings, problems } = checkSettings({ rules: { typo: { severity: 'error', extend: { 错字: '正字' } }, placeholder: 'loud', 'no-such-rule': 'off' }, profile: 'village', debounce: -1, maxProblems: 50 }, RULES);
    assert.deepEqual(settings.rules, { typo: { severity: 'error', extend: { 错字: '正字' } } }, 'a rule with options, as in .fazhi-lint.json');
    assert.equal(settings.maxProblems, 50);
    assert.equal(settings.debounce, DEFAULT_SETTINGS.debounce);
    assert.equal(settings.profile, undefined);
    for (const bad of ['fazhiLint.rules.placeholder', '"no-such-rule"', 'fazhiLint.profile', 'fazhiLint.debounce']) assert.ok(problems.some((p) => p.includes(bad)), `${bad} in ${problems.join(' / ')}`);
    assert.equal(problems.length, 4);
    assert.deepEqual(checkSettings(undefined, RULES), { settings: { ...DEFAULT_SETTINGS, rules: {} }, problems: [] });
  });

  it('recognises reports by the statutory parts their headings name (rules/sections.json)', () => {
    for (const file of seedFiles()) assert.ok(looksLikeReport(readSeed(file)), file);
    // Body text first, no 报告 in the opening: two parts as headings decide.
    const bodyFirst = `我县坚持依法行政，推进法治政府建设。\n\n${'正文。'.repeat(10)}\n\n一、主要举措和成效\n\n内容。\n\n二、存在的问题和下一步打算\n\n内容。\n`;
    assert.ok(looksLikeReport(bodyFirst));
    assert.deepEqual([...partsNamed(bodyFirst)].sort(), ['measures', 'next-year', 'shortcomings'], 'a combined heading names two parts');
    // The same words in prose, not as headings, do not make a report.
    assert.ok(!looksLikeReport('我县坚持依法行政。\n\n今年的主要举措和成效很多，存在的问题也不少，下一步还要努力。\n'));
    assert.ok(!looksLikeReport('# My project\n\nSome notes.\n'));
  });

  it('never checks a rule page, whatever the toggle says', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const rule of RULES) {
      const page = rulePage(rule);
      assert.ok(isRulePage(page, undefined, ids), rule.id);
      const opts = { languageId: 'markdown', text: page, settings: DEFAULT_SETTINGS, fileConfig: { config: {} }, roots: [], ruleIds: ids };
      assert.deepEqual(selectDocument({ ...opts, override: true }), { check: false, reason: 'rule-page' });
      assert.deepEqual(selectDocument({ ...opts, file: '/ext/dist/rules/x.md', text: '# 法治政府建设报告\n' }).reason, 'content');
      assert.deepEqual(selectDocument({ ...opts, file: `/ext/dist/rules/${rule.id}.md`, text: '# 法治政府建设报告\n' }).reason, 'rule-page');
    }
    assert.ok(!isRulePage(readSeed('001_59b600c439da888f.txt'), '/reports/001.txt', ids));
  });

  it('words severities as the CLI and the editor do', () => {
    const rule = RULES.find((r) => r.severity === 'info') ?? RULES[0];
    assert.ok(ruleMarkdown(rule).includes(`默认严重程度：${SEVERITY_LABELS[rule.severity]}`));
    assert.ok(!Object.values(SEVERITY_LABELS).includes('建议'));
  });
});

describe('lsp pieces: framing', () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const message = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'm', params: { text: '报告' } });

  function reader(): { r: ResyncingMessageReader; got: unknown[]; rejected: string[] } {
    const rejected: string[] = [];
    const r = new ResyncingMessageReader(new PassThrough(), (m) => rejected.push(m));
    const got: unknown[] = [];
    r.listen((m) => got.push((m as unknown as { id: number }).id));
    return { r, got, rejected };
  }

  it('reads frames split anywhere, multi-byte characters included', () => {
    const { r, got, rejected } = reader();
    const bytes = Buffer.from(frame(message(1)) + frame(message(2)) + frame(message(3)));
    for (let i = 0; i < bytes.length; i += 7) r.push(bytes.subarray(i, i + 7));
    assert.deepEqual(got, [1, 2, 3]);
    assert.deepEqual(rejected, []);
  });

  it('rejects a frame with a bad Content-Length, says so, and reads the next one', () => {
    for (const bad of ['-1', 'abc', '', '99999999999', '1.5']) {
      const { r, got, rejected } = reader();
      r.push(Buffer.from(`Content-Length: ${bad}\r\n\r\n${message(9)}` + frame(message(1)) + 'noise\r\n' + frame(message(2))));
      assert.deepEqual(got, [1, 2], bad);
      assert.ok(rejected.some((m) => m.includes('Content-Length')), `${bad}: ${rejected.join(' / ')}`);
    }
    assert.equal(contentLength('Content-Length: 12\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 12);
    assert.equal(typeof contentLength('Content-Type: x'), 'string');
  });

  it('drops a body that is not a JSON object and goes on', () => {
    const { r, got, rejected } = reader();
    r.push(Buffer.from(frame('{garbage}') + frame('[]') + frame(message(4))));
    assert.deepEqual(got, [4]);
    assert.equal(rejected.length, 2);
  });
});
