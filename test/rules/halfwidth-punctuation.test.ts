import assert from 'node:assert/strict';
import { applyFixes, check } from '../../server/src/index.js';
import { assertIdempotent, cleanFiles, coveredAll, findings, fixAll, seed } from './helpers.js';

const RULE = 'halfwidth-punctuation';

describe('halfwidth-punctuation', () => {
  it('flags , : ; ! ? next to Chinese text, one character each, and fixes to the full-width form', () => {
    const text = '2024年,在市委领导下:依法行政;成效如何?值得肯定!';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), [',', ':', ';', '?', '!']);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /全角逗号“，”，不用半角“,”：“2024年,在市委领导下”/);
    assert.deepEqual(fs[0].data, { char: ',', replacement: '，' });
    assert.equal(assertIdempotent(RULE, text), '2024年，在市委领导下：依法行政；成效如何？值得肯定！');
  });

  it('flags 100%, (Chinese on one side is enough) and swallows a space after the converted mark', () => {
    const text = '集体讨论率100%,严格落实制度。政府, 我镇坚持依法行政。';
    assert.equal(assertIdempotent(RULE, text), '集体讨论率100%，严格落实制度。政府，我镇坚持依法行政。');
  });

  it('converts a pair of brackets in one finding covering the pair', () => {
    const text = '《法治政府建设实施纲要(2021-2025年)》和(一)全面推行政务公开。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), ['(2021-2025年)', '(一)']);
    assert.match(fs[0].message, /“\(2021-2025年\)”应为“（2021-2025年）”/);
    assert.equal(fs[0].fix!.edits.length, 2);
    assert.equal(assertIdempotent(RULE, text), '《法治政府建设实施纲要（2021-2025年）》和（一）全面推行政务公开。');
  });

  it('reports half-width heading markers, except (四) among full-width siblings, which heading-numbering reports', () => {
    const uniform = '一、主要举措\n\n(一)加强领导。\n\n(二)完善制度。';
    assert.deepEqual(coveredAll(uniform, findings(RULE, uniform)), ['(一)', '(二)']);
    const mixed = '一、主要举措\n\n（一）加强领导。\n\n(二)完善制度(试行)。';
    assert.deepEqual(coveredAll(mixed, findings(RULE, mixed)), ['(试行)']);
    assert.ok(findings('heading-numbering', mixed).some((f) => mixed.slice(f.start, f.end) === '(二)'));
  });

  it('converts the half-width half of a mixed pair only', () => {
    const text = '村（社区)法律顾问和镇(街道）干部。';
    assert.equal(assertIdempotent(RULE, text), '村（社区）法律顾问和镇（街道）干部。');
  });

  it('converts ASCII quotes: a pair to “…”; a mismatched or lone " is left to unpaired-punctuation (one finding per character)', () => {
    const pair = '实现"一员多能"目标。';
    assert.deepEqual(coveredAll(pair, findings(RULE, pair)), ['"一员多能"']);
    assert.equal(assertIdempotent(RULE, pair), '实现“一员多能”目标。');
    // Seed 002 line 10: "一员多能” is an unpaired-punctuation finding, whose fix makes the opener full-width.
    for (const [text, fixed] of [['实现"一员多能”。', '实现“一员多能”。'], ['实现“一员多能"。', '实现“一员多能”。']]) {
      assert.deepEqual(findings(RULE, text), [], text);
      const unpaired = findings('unpaired-punctuation', text);
      assert.equal(unpaired.length, 1, text);
      assert.equal(fixAll(text, [RULE, 'unpaired-punctuation']), fixed);
    }
    const lone = '实现"一员多能目标。';
    assert.deepEqual(findings(RULE, lone), []);
    assert.deepEqual(findings('unpaired-punctuation', lone).map((f) => f.data.kind), ['unclosed']);
  });

  it('counts exactly the full-width marks ，：；！？（）“” of the text when deciding and in the document finding', () => {
    const half = [
      '2023年,我镇坚持以习近平法治思想为指导,深入推进依法行政,取得明显成效。',
      '一是健全制度:制定了《依法行政工作规则》;二是压实责任,明确分工,狠抓落实。',
      '全年办理行政复议案件3件(均已办结),行政诉讼案件2件,无败诉,调解2件。',
    ];
    // One of each counted mark, some twice, and full-width marks that are not counted (。、《》【】).
    const full = '“规范”执法：一是，二是；成效如何？（见附件）好！再看“两个”。【附】、《条例》';
    const text = [...half, full].join('\n');
    const counted = [...text].filter((c) => '，：；！？（）“”'.includes(c)).length;
    assert.equal(counted, 11);
    const doc = findings(RULE, text).filter((f) => f.data.scope === 'document');
    assert.equal(doc.length, 1);
    assert.equal(doc[0].data.fullWidth, counted);
    assert.match(doc[0].message, /全角标点只有11个/);
    // One more counted mark per half-width one tips the share below one half: marks reported one by one.
    const balanced = [...half, full, '“一”“二”“三”“四”（五）（六）'].join('\n');
    assert.deepEqual(findings(RULE, balanced).filter((f) => f.data.scope === 'document'), []);
  });

  it('a text typed with half-width punctuation throughout: one document warning fixing all, one hint per line', () => {
    const text = [
      '2023年,我镇坚持以习近平法治思想为指导,深入推进依法行政。',
      '一是健全制度:制定了《依法行政工作规则》;二是压实责任,明确分工。',
      '全年办理行政复议案件3件(均已办结),行政诉讼案件2件,无败诉。',
      '2024年,我镇将继续深化普法,强化执法监督。',
    ].join('\n');
    const fs = findings(RULE, text);
    const doc = fs.filter((f) => f.data.scope === 'document');
    assert.equal(doc.length, 1);
    assert.equal(doc[0].severity, 'warning');
    assert.equal(doc[0].message, '全文使用半角标点：中文语境中有11个半角标点（, 7处，: 1处，; 1处，( 1处，) 1处），全角标点只有0个；应使用全角标点，可一次全部替换。');
    const lines = fs.filter((f) => f.data.scope === 'line');
    assert.deepEqual(lines.map((f) => [f.line, f.severity]), [[1, 'hint'], [2, 'hint'], [3, 'hint'], [4, 'hint']]);
    assert.equal(lines[1].message, '本行有3个半角标点（: ; ,），应使用全角标点。');
    assert.equal(fs.length, 5);
    const fixed = assertIdempotent(RULE, text);
    assert.equal(fixed, text.replace(/,/g, '，').replace(':', '：').replace(';', '；').replace('(', '（').replace(')', '）'));
    // A few half-width marks in a text punctuated full-width stay warnings, one per mark.
    const few = '2023年，我镇坚持依法行政,深入推进法治建设。全年办理案件3件，均已办结。';
    assert.deepEqual(findings(RULE, few).map((f) => [f.severity, f.data.scope]), [['warning', undefined]]);
  });

  it('never touches numbers, times, ratios, Latin text, URLs, e-mails, code, Markdown syntax or entities', () => {
    const text = [
      '共投入资金1,000万元，于9:30召开会议，比例为1:2，增长3.5%。',
      'Hello, world (test)! Is it ok?',
      'The term (rule of law, 法治) is used, as in "the 法治 government".',
      '详见http://www.example.gov.cn/a?b=1,c=2 和 fzb@example.gov.cn 。',
      '运行`a,b:c`命令。',
      '![示意图](images/a.png)见[链接](http://x.cn/(a))。',
      '1) 第一项内容。',
      '法治&nbsp;政府建设。',
    ].join('\n\n');
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line}:${f.column} ${f.message}`), []);
  });

  it('leaves the punctuation of an English sentence that quotes a Chinese word alone (What is 法治? It is …)', () => {
    const text = 'Q&A环节：What is 法治? It is the rule of law. We call it 依法治国, which means law-based governance.';
    assert.deepEqual(findings(RULE, text).map((f) => `${f.line}:${f.column} ${f.message}`), []);
    // Chinese clauses keep being checked, with or without a Latin word after the mark.
    const chinese = '推行PPP模式,签约3个;采用 ABC 方法? Yes.';
    assert.deepEqual(findings(RULE, chinese).map((f) => chinese[f.start]), [',', ';', '?']);
  });

  it('leaves pinyin annotations to pinyin-residue; the fixes of the two rules do not overlap', () => {
    const text = '白蒲鎮(zhèn),堅持以習近平新時代中國特色社會主義思想為指導(dǎo),深入學習的(de)精神。';
    const fs = findings(RULE, text);
    assert.deepEqual(coveredAll(text, fs), [',', ',']);
    const both = check(text).filter((f) => f.rule === RULE || f.rule === 'pinyin-residue');
    const { text: fixed, skipped } = applyFixes(text, both);
    assert.deepEqual(skipped, []);
    assert.equal(fixed, '白蒲鎮，堅持以習近平新時代中國特色社會主義思想為指導，深入學習的(de)精神。');
  });

  it('seeds: 000 and 003 throughout, 001 and 002 at the listed places, none in 004; fixing is idempotent', () => {
    const s0 = seed('000');
    const f0 = findings(RULE, s0);
    // Typed half-width throughout: one document finding, then one hint for every line with half-width commas.
    assert.deepEqual(f0.filter((f) => f.data.scope === 'document').map((f) => [f.line, f.severity]), [[1, 'warning']]);
    assert.ok((f0[0].data.marks as number) > 100);
    for (let line = 1; line <= 20; line++) if (/,/.test(s0.split('\n')[line - 1])) assert.ok(f0.some((f) => f.line === line && f.severity === 'hint'), `line ${line}`);
    const fixed = assertIdempotent(RULE, s0);
    assert.doesNotMatch(fixed.replace(/[(（][a-zü\u0100-\u01dc]+[)）]/g, ''), /[,;]/);
    const s2 = seed('002');
    assert.ok(findings(RULE, s2).some((f) => f.line === 11 && s2.slice(f.start - 4, f.end) === '100%,'));
    assert.deepEqual(findings(RULE, seed('004')), []);
  });

  it('is silent on the clean fixtures', () => {
    for (const { file, text } of cleanFiles()) assert.deepEqual(findings(RULE, text).map((f) => `${file} ${f.line} ${f.message}`), []);
  });

  it('can be switched off', () => {
    assert.equal(findings(RULE, '2024年,我镇', { rules: { [RULE]: 'off' } }).length, 0);
  });
});

// The recall probe's case (test/helpers/inject.ts): the defect injected into the clean county report is found.
import * as recall from '../helpers/inject.js';

recall.injectionCase({ rule: 'halfwidth-punctuation', defect: '半角逗号', inject: (t) => recall.replaceOnce(t, '绩效考核，考核权重', '绩效考核,考核权重'), match: ',' });
