// The data files of the text rules (placeholder, date-format, halfwidth-punctuation, mixed-script, typo's
// doubled-word list) match their JSON Schemas, and their regular expressions compile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../rules/${path}`, import.meta.url), 'utf8'));

describe('text rule data', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  for (const name of ['placeholder', 'date-format', 'halfwidth-punctuation', 'mixed-script', 'doubled-words']) {
    it(`rules/${name}.json matches rules/schema/${name}.schema.json`, () => {
      const validate = ajv.compile(read(`schema/${name}.schema.json`) as object);
      assert.ok(validate(read(`${name}.json`)), JSON.stringify(validate.errors));
    });
  }

  it('placeholder patterns compile (flags gmu, as the rule compiles them)', () => {
    const data = read('placeholder.json') as { explicit: { pattern: string }[]; stripped: { pattern: string }[] };
    for (const { pattern } of [...data.explicit, ...data.stripped]) assert.doesNotThrow(() => new RegExp(pattern, 'gmu'), pattern);
  });

  it('doubled-words: every listed word is two different characters, the allowed forms are ABAB', () => {
    const data = read('doubled-words.json') as { words: string; allow: string[] };
    const words = data.words.split(' ');
    assert.ok(words.length > 1000, String(words.length));
    for (const w of words) assert.ok(w.length === 2 && w[0] !== w[1], w);
    assert.ok(words.includes('配合') && words.includes('加强'));
    for (const a of data.allow) assert.ok(a.slice(0, 2) === a.slice(2), a);
  });
});
