// Skeletons (rules/skeletons/<profile>.md) and `fazhi-lint new`: the checker flags every spot to
// fill and nothing else; filled in, the report is clean.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, lint } from '../../server/src/index.js';
import { SKELETON_PROFILES, renderSkeleton, type SkeletonProfile } from '../../server/src/assemble/skeleton.js';
import { builtInSkeletonPath } from '../../server/src/assemble/skeleton-files.js';
import { assignRoles } from '../../server/src/assemble/roles.js';
import { PART_IDS } from '../../server/src/engine/types.js';
import { BODIES, PROMPT, fillPrompts, run } from './helpers.js';

const YEAR = 2025;
const skeletonOf = (profile: SkeletonProfile) =>
  renderSkeleton(readFileSync(builtInSkeletonPath(profile), 'utf8'), { body: BODIES[profile], year: YEAR });
const describeFinding = (f: { line: number; column: number; rule: string; severity: string; message: string }) =>
  `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;

describe('assembly: skeletons', () => {
  for (const profile of SKELETON_PROFILES) {
    describe(profile, () => {
      const text = skeletonOf(profile);

      it('has the title, addressee, five statutory parts in order, signature and date', () => {
        const { document: doc } = lint(text);
        assert.equal(doc.meta.title, `${BODIES[profile]}关于${YEAR}年法治政府建设情况的报告`);
        assert.deepEqual(doc.outline.sections.map((s) => s.part), [...PART_IDS]);
        assert.ok(doc.outline.sections.every((s) => s.partByName), 'each part is named by its heading');
        const roles = assignRoles(doc).map((r) => r.role);
        assert.equal(roles[1], 'addressee');
        assert.deepEqual(roles.slice(-2), ['signature', 'date']);
        // Every part has sub-sections typical of the profile, and the shortcomings part names causes.
        for (const s of doc.outline.sections.slice(0, 4)) assert.ok(s.children.length >= 1, `${s.title} has sub-sections`);
        assert.ok(doc.outline.parts.get('shortcomings')![0].children.some((c) => /原因/.test(c.title)));
      });

      it('checks clean except for placeholder findings, and every prompt is flagged', () => {
        const findings = check(text);
        assert.deepEqual(findings.filter((f) => f.rule !== 'placeholder').map(describeFinding), []);
        const flagged = findings.filter((f) => f.rule === 'placeholder');
        const prompts = [...text.matchAll(PROMPT)];
        assert.ok(prompts.length >= 15, `${prompts.length} prompts`);
        for (const p of prompts) {
          const start = p.index!;
          assert.ok(flagged.some((f) => f.start <= start && f.end > start), `prompt ${p[0]} is flagged`);
        }
      });

      it('filled in, checks fully clean (no error or warning)', () => {
        const filled = fillPrompts(text, profile);
        assert.doesNotMatch(filled, /【请填写|\{\{/);
        const findings = check(filled).filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(findings.map(describeFinding), []);
      });
    });
  }

  it('differ by profile: a 乡镇 report is not a 政府部门 report', () => {
    const subTitles = (profile: SkeletonProfile) =>
      lint(skeletonOf(profile)).document.outline.parts.get('measures')![0].children.map((c) => c.title);
    const town = subTitles('town');
    const department = subTitles('department');
    const county = subTitles('county');
    assert.ok(town.some((t) => /矛盾纠纷/.test(t)) && town.some((t) => /法治乡村/.test(t)));
    assert.ok(department.some((t) => /谁执法谁普法/.test(t)) && !department.some((t) => /乡村/.test(t)));
    assert.ok(county.some((t) => /数字法治政府/.test(t)));
    const firstResponsible = (profile: SkeletonProfile) => lint(skeletonOf(profile)).document.outline.parts.get('first-responsible')![0].title;
    assert.match(firstResponsible('town'), /^党政主要负责人/);
    assert.match(firstResponsible('department'), /^主要负责人/);
  });

  it('leaves {{单位}} and {{年度}} (flagged) when body and year are not given', () => {
    const text = renderSkeleton(readFileSync(builtInSkeletonPath('town'), 'utf8'), {});
    assert.match(text, /^# \{\{单位\}\}关于\{\{年度\}\}年/);
    assert.ok(check(text).some((f) => f.rule === 'placeholder' && f.line === 1));
  });
});

describe('assembly: fazhi-lint new', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-new-'));

  it('writes the profile skeleton with body and year filled in', async () => {
    const r = await run('new', ['--profile', 'department', '--body', '启东市市场监督管理局', '--year', '2025', '-o', 'report.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(path.join(dir, 'report.md'), 'utf8');
    assert.equal(text, skeletonOf('department'));
    const todo = check(text).filter((f) => f.rule === 'placeholder').length;
    assert.match(r.stderr, new RegExp(`还有 ${todo} 处【请填写】`));
  });

  it('does not overwrite without --force, rejects a bad profile, prints to stdout without -o', async () => {
    assert.equal((await run('new', ['--profile', 'town', '-o', 'report.md'], dir)).code, 2);
    assert.equal((await run('new', ['--profile', 'town', '-o', 'report.md', '--force'], dir)).code, 0);
    const bad = await run('new', ['--profile', 'village'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--profile/);
    const out = await run('new', ['--profile', 'county', '--body', '如东县人民政府', '--year', '2025'], dir);
    assert.equal(out.stdout, skeletonOf('county'));
  });

  it('uses the skeleton named in the config instead of the built-in one', async () => {
    const own = mkdtempSync(path.join(tmpdir(), 'fazhi-own-'));
    writeFileSync(path.join(own, '.fazhi-lint.json'), JSON.stringify({ skeletons: { town: 'skeletons/my-town.md' } }));
    const mine = '# {{单位}}关于{{年度}}年法治政府建设情况的报告\n\n本镇自定义骨架。\n';
    mkdirSync(path.join(own, 'skeletons'));
    writeFileSync(path.join(own, 'skeletons/my-town.md'), mine);
    const r = await run('new', ['--profile', 'town', '--body', '白蒲镇人民政府', '--year', '2024'], own);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '# 白蒲镇人民政府关于2024年法治政府建设情况的报告\n\n本镇自定义骨架。\n');
  });
});
