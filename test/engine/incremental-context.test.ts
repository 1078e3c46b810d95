// engine/incremental.ts with rules local given a document-level decision (Rule.documentContext): after any edit,
// complete() must give exactly what a fresh lint() gives on the new text — also when the edit flips a decision (a
// text that becomes mostly traditional, or typed half-width throughout, and back), and after random edits of the
// kinds an editor sends on real reports (seeds, clean and Markdown fixtures; never the held real reports).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../server/src/index.js';
import { lint } from '../../server/src/engine/check.js';
import { resolveConfig } from '../../server/src/engine/config.js';
import { IncrementalChecker, type TextChange } from '../../server/src/engine/incremental.js';
import { toScript, toScriptReusing } from '../../server/src/engine/script.js';
import type { Finding, Rule } from '../../server/src/engine/types.js';
import { reportOfSize } from '../bench/inputs.js';
import { seededRandom } from '../helpers/random.js';

const key = (f: Finding) => JSON.stringify(f);
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

function fixtures(sub: string): { name: string; text: string }[] {
  const dir = path.join(FIXTURES, sub);
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
    .sort()
    .map((f) => ({ name: `${sub}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** An edit of the kinds an editor sends: typing (simplified, traditional, half-width marks), new lines, deletions, pastes. */
function randomChange(text: string, pick: (n: number) => number): TextChange {
  const at = pick(text.length + 1);
  const line = (offset: number) => {
    const s = text.lastIndexOf('\n', offset - 1) + 1;
    const e = text.indexOf('\n', offset);
    return { s, e: e < 0 ? text.length : e };
  };
  switch (pick(10)) {
    case 0:
      return { start: at, end: at, newText: '的' };
    case 1:
      return { start: at, end: at, newText: '鎮(zhèn)設立了臺賬,' };
    case 2:
      return { start: at, end: at, newText: '\n' };
    case 3:
      return { start: at, end: Math.min(text.length, at + 1 + pick(8)), newText: '' };
    case 4:
      return { start: at, end: Math.min(text.length, at + pick(200)), newText: '，20212025年XX (说明):' };
    case 5: {
      // A whole line converted to traditional (a pasted web page).
      const { s, e } = line(at);
      return { start: s, end: e, newText: toScript('traditional', text.slice(s, e)) };
    }
    case 6: {
      // A whole line's punctuation made half-width.
      const { s, e } = line(at);
      return { start: s, end: e, newText: text.slice(s, e).replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';') };
    }
    case 7:
      return { start: at, end: at, newText: '\n\n（三）加强队伍建设\n\n' };
    case 8: {
      // A line deleted with its break.
      const { s, e } = line(at);
      return { start: s, end: Math.min(text.length, e + 1), newText: '' };
    }
    default:
      return { start: at, end: at, newText: '\n\n```\n代码\n```\n\n' };
  }
}

const apply = (text: string, c: TextChange) => text.slice(0, c.start) + c.newText + text.slice(c.end);

describe('engine/incremental: rules local given a document-level decision', function () {
  this.timeout(600_000);
  const config = resolveConfig(undefined, RULES);
  const contextRules = RULES.filter((r) => r.documentContext);

  /** The decision of a rule's documentContext on a whole text. */
  function decisionOf(rule: Rule, text: string): string | undefined {
    const doc = lint(text, [], config).document;
    const sum: Record<string, number> = {};
    rule.documentContext!.count(doc, 0, text.length, (_, counts) => {
      for (const k in counts) sum[k] = (sum[k] ?? 0) + counts[k];
    });
    return rule.documentContext!.decide(sum, doc);
  }

  it('a conversion reusing the lines an edited text shares with the text before is the conversion of the whole', () => {
    const pick = seededRandom(42);
    for (const script of ['simplified', 'traditional'] as const) {
      let text = fixtures('corpus')[2].text;
      let before = { text, converted: toScript(script, text) };
      for (let k = 0; k < 60; k++) {
        const c = k % 7 === 0 ? { start: 0, end: pick(50), newText: '\n乾隆年間\r\n' } : randomChange(text, pick);
        text = apply(text, c);
        const reused = toScriptReusing(script, text, before);
        assert.equal(reused, toScript(script, text), `${script}, edit ${k}: ${JSON.stringify(c)}`);
        before = { text, converted: reused };
      }
      assert.equal(toScriptReusing(script, '', before), '');
      // Edits at the very end of a text without a final line break, and of its only line.
      for (const [a, b] of [['開會\n設置', '開會\n設'], ['開會\n設', '開會\n設置'], ['設置', '設置後'], ['開會\n', '開會'], ['開會', '開會\n'], ['\n', '']]) {
        assert.equal(toScriptReusing(script, b, { text: a, converted: toScript(script, a) }), toScript(script, b), `${a} → ${b}`);
      }
      assert.equal(toScriptReusing(script, text, { text: '', converted: '' }), toScript(script, text));
    }
  });

  it('some rules declare a documentContext, none of them also `local`', () => {
    assert.ok(contextRules.some((r) => r.id === 'mixed-script'));
    assert.ok(contextRules.some((r) => r.id === 'halfwidth-punctuation'));
    for (const r of contextRules) assert.ok(!r.local, r.id);
  });

  it("each rule's check on a whole document gives what it gives with its own decision handed to it", () => {
    // What the incremental re-check relies on: `decide(counts of the document)` is the decision check() takes.
    for (const { name, text } of [...fixtures('corpus'), ...fixtures('clean-md')]) {
      for (const variant of [text, toScript('traditional', text), text.replace(/，/g, ',').replace(/：/g, ':')]) {
        const doc = lint(variant, [], config).document;
        for (const rule of contextRules) {
          const decision = decisionOf(rule, variant);
          if (decision === undefined) continue;
          const own = lint(variant, [rule], config, { document: doc }).findings.map(key);
          const given = lint(variant, [rule], config, { document: doc, decisions: new Map([[rule.id, decision]]) }).findings.map(key);
          assert.deepEqual(given, own, `${rule.id} on ${name}`);
        }
      }
    }
  });

  it('equals a fresh check after edits that flip a decision: a text turned traditional, half-width throughout, and back', () => {
    for (const { name, text } of fixtures('corpus').slice(0, 3)) {
      const inc = new IncrementalChecker(RULES, config);
      inc.check(text);
      let current = text;
      const steps: [string, TextChange][] = [
        ['one line traditional', (() => {
          const s = current.indexOf('\n', current.length >> 1) + 1;
          const e = current.indexOf('\n', s);
          return { start: s, end: e, newText: toScript('traditional', current.slice(s, e)) };
        })()],
      ];
      const flips: [string, (t: string) => string][] = [
        ['the whole body traditional', (t) => t.slice(0, 40) + toScript('traditional', t.slice(40))],
        ['back to simplified', (t) => t.slice(0, 40) + toScript('simplified', t.slice(40))],
        ['half-width punctuation throughout', (t) => t.replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';')],
        ['full-width again', (t) => t.replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；')],
      ];
      for (const [what, c] of steps) {
        current = apply(current, c);
        inc.edit([c]);
        assert.deepEqual(inc.complete().findings.map(key), lint(current, RULES, config).findings.map(key), `${name}: ${what}`);
      }
      for (const [what, change] of flips) {
        // As an editor sends a replacement: the changed span only (common prefix and suffix left out).
        const next = change(current);
        let s = 0;
        while (s < current.length && s < next.length && current[s] === next[s]) s++;
        let e = 0;
        while (e < current.length - s && e < next.length - s && current[current.length - 1 - e] === next[next.length - 1 - e]) e++;
        const c = { start: s, end: current.length - e, newText: next.slice(s, next.length - e) };
        inc.edit([c]);
        current = next;
        const done = inc.complete();
        assert.deepEqual(done.findings.map(key), lint(current, RULES, config).findings.map(key), `${name}: ${what}`);
        // One small edit after the flip: the new decision is kept.
        const at = current.indexOf('。', current.length >> 1) + 1;
        const typed = { start: at, end: at, newText: '的' };
        inc.edit([typed]);
        current = apply(current, typed);
        assert.deepEqual(inc.complete().findings.map(key), lint(current, RULES, config).findings.map(key), `${name}: ${what}, then a character typed`);
      }
    }
  });

  it('equals a fresh check after each of 150 random edits on real reports (complete after one or several edits)', () => {
    const reports = [...fixtures('corpus'), ...fixtures('clean'), ...fixtures('clean-md')];
    const pick = seededRandom(20261204);
    let reusedRegion = 0;
    let checks = 0;
    for (let r = 0; r < reports.length; r++) {
      const { name } = reports[r];
      // Two reports in one text (longer, with several top-level sections), as the large-document bench does.
      let text = `${reports[r].text}\n\n${reports[(r + 1) % reports.length].text}`;
      const inc = new IncrementalChecker(RULES, config);
      inc.check(text);
      for (let k = 0; k < 10; k++) {
        const n = 1 + (pick(4) === 0 ? pick(3) : 0);
        const changes: TextChange[] = [];
        for (let j = 0; j < n; j++) {
          const c = randomChange(text, pick);
          changes.push(c);
          text = apply(text, c);
        }
        inc.edit(changes);
        const done = inc.complete();
        checks++;
        if (!done.fullLocal) reusedRegion++;
        assert.deepEqual(done.findings.map(key), lint(text, RULES, config).findings.map(key), `${name}, edit ${k}: ${JSON.stringify(changes).slice(0, 300)}`);
      }
    }
    assert.ok(reusedRegion >= checks / 3, `the region alone was re-checked after ${reusedRegion} of ${checks} edits`);
  });

  it('runs a context rule on the whole text only when its decision changes', () => {
    const text = reportOfSize(40_000);
    const inc = new IncrementalChecker(RULES, config);
    inc.check(text);
    const at = text.indexOf('。', text.length >> 1) + 1;
    inc.edit([{ start: at, end: at, newText: '的' }]);
    const typed = inc.complete();
    const current = apply(text, { start: at, end: at, newText: '的' });
    assert.equal(typed.fullLocal, false);
    // A character typed changes no decision: only the rules whose decision is undefined (not local) ran on the whole text.
    assert.deepEqual(typed.wholeText, contextRules.filter((r) => decisionOf(r, current) === undefined).map((r) => r.id));
    assert.ok(!typed.wholeText!.includes('mixed-script'));
    const traditional = current.slice(0, 40) + toScript('traditional', current.slice(40));
    inc.edit([{ start: 0, end: current.length, newText: traditional }]);
    const flipped = inc.complete();
    assert.ok(flipped.wholeText!.includes('mixed-script'), 'the text turned traditional: mixed-script on the whole text');
    assert.deepEqual(flipped.findings.map(key), lint(traditional, RULES, config).findings.map(key));
  });

  it('a rule with a documentContext that is not among the standard ones is handled as well (the engine knows no rule)', () => {
    // A toy rule: every 'X' is reported, unless the text has more than five (then one document-level finding).
    const toy: Rule = {
      id: 'toy-x',
      severity: 'warning',
      tags: [],
      docs: { description: 'x', why: 'x', basis: 'x', howToFix: 'x' },
      documentContext: {
        count(doc, _start, _end, add) {
          for (let i = doc.text.indexOf('X'); i >= 0; i = doc.text.indexOf('X', i + 1)) add(i, { x: 1 });
        },
        decide: ({ x = 0 }) => (x > 5 ? undefined : 'each'),
      },
      check({ doc, report, decided }) {
        const at: number[] = [];
        for (let i = doc.text.indexOf('X'); i >= 0; i = doc.text.indexOf('X', i + 1)) at.push(i);
        if (decided === undefined && at.length > 5) report({ start: 0, end: 0, message: `${at.length} X`, data: { scope: 'document' } });
        else for (const i of at) report({ start: i, end: i + 1, message: 'X' });
      },
    };
    const rules = [toy];
    const toyConfig = resolveConfig(undefined, rules);
    let text = fixtures('corpus')[1].text;
    const inc = new IncrementalChecker(rules, toyConfig);
    inc.check(text);
    const mid = text.indexOf('。', text.length >> 1) + 1;
    for (let k = 0; k < 8; k++) {
      const c = { start: mid + k, end: mid + k, newText: 'X' };
      text = apply(text, c);
      inc.edit([c]);
      const done = inc.complete();
      assert.deepEqual(done.findings.map(key), lint(text, rules, toyConfig).findings.map(key), `${k + 1} X`);
      assert.equal(done.wholeText!.length, k >= 5 ? 1 : 0, `${k + 1} X: on the whole text only once the decision is undefined`);
    }
  });
});
