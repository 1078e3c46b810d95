// A check thread whose checker has one more rule, slow on purpose: on a text containing 慢慢慢 it holds the
// thread for 10 s (as a pathological text or a catastrophic pattern would). The server must go on
// answering meanwhile, and stop the check at its time limit.
import { register } from 'tsx/esm/api';

register();
const { RULES } = await import('../../server/src/rules/index.ts');
RULES.push({
  id: 'test-slow-rule',
  severity: 'hint',
  tags: ['test'],
  docs: { description: '测试用：很慢的规则。', why: '测试', basis: '测试', howToFix: '—' },
  check({ doc }) {
    if (!doc.text.includes('慢慢慢')) return;
    const channel = new BroadcastChannel('fazhi-lint-test-slow-check');
    channel.postMessage('busy');
    channel.close();
    // Stuck for 10 s, as a runaway match would be (blocked rather than spinning: the same to the server, no CPU
    // taken from the tests running beside it; terminating the thread ends the wait).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  },
});
const { runWorker } = await import('../../server/src/lsp/worker.ts');
runWorker();
