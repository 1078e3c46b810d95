// The config validator precompiled at build time (engine/config-validator.ts) must judge exactly as Ajv compiling
// the schema at run time: same verdict and same errors (which config-errors.ts turns into the messages).
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { RULES } from '../../server/src/rules/index.js';
import { buildConfigSchema } from '../../server/src/engine/config-schema.js';
import { regexError } from '../../server/src/engine/config-errors.js';
import { AJV_OPTIONS, precompiledValidator } from '../../server/src/engine/config-validator.js';

describe('engine/config-validator: the precompiled validator', () => {
  const { $id: _id, ...schema } = buildConfigSchema(RULES) as { $id?: string };
  const regex = { type: 'string' as const, validate: (s: string) => regexError(s) === undefined };
  const configs: unknown[] = [
    {},
    { script: 'traditional', profile: 'town', body: '张八桥镇', year: 2023, ignores: ['drafts/**'] },
    { rules: { 'cjk-spacing': 'off', typo: { severity: 'error', extend: { 错字: '正字' } } } },
    { rules: { placeholder: { extend: ['(a+)+$', '某某'] } } },
    { rules: { placeholder: { extend: ['('] } } },
    { rules: { 'no-such-rule': 'error', typo: { severity: 'fatal' } } },
    { script: 'klingon', year: 1800, body: 'x', unknown: true },
    { rules: { typo: { extend: { 错字: { right: 1 } } } } },
    { rules: { 'conversion-artifact': { extend: { phrases: [1], lines: 'x' } } } },
    [],
    'text',
  ];

  it('is used for the built-in rules schema, and not for another', () => {
    assert.ok(precompiledValidator(schema, { regex }));
    assert.equal(precompiledValidator({ ...schema, title: 'other' }, { regex }), undefined);
  });

  it('gives the verdict and errors of a run-time compilation', () => {
    const runtime = new Ajv({ ...AJV_OPTIONS }).addFormat('regex', regex).compile(schema);
    const pre = precompiledValidator(schema, { regex })!;
    for (const config of configs) {
      const a = runtime(config);
      const b = pre(config);
      assert.equal(b, a, JSON.stringify(config));
      assert.deepEqual(JSON.parse(JSON.stringify(pre.errors ?? null)), JSON.parse(JSON.stringify(runtime.errors ?? null)), JSON.stringify(config));
    }
  });
});
