// TODO(stub): not implemented yet — replaced by the rule's implementation.
import type { Rule } from '../engine/types.js';

const rule: Rule = {
  id: 'broken-paragraph',
  severity: 'warning',
  tags: [],
  docs: { description: 'TODO', why: 'TODO', basis: 'TODO', howToFix: 'TODO' },
  check() {},
};

export default rule;
