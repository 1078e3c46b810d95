// The worker pool of node/worker-pool.ts on its own (the CLI's and the review's byte-for-byte tests run it on
// reports): the caller claims every input in order and gets a worker's reply or does the input itself; a job
// that throws, a worker that dies, an input not prepared are left to it; no pool for one thread, a small batch,
// or a worker script that is not there.
import assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/engine/config.js';
import { WorkerPool, workerCount, type PoolOptions } from '../../server/src/node/worker-pool.js';

const here = import.meta.url;
const config = resolveConfig({ script: 'simplified' }, []);

function pool(payloads: (number | undefined)[], options: Partial<PoolOptions<number, number>> = {}) {
  return WorkerPool.start<number, number, number>({
    script: { here, bundle: './fixtures/none.cjs', source: './fixtures/double-worker.ts' },
    count: payloads.length,
    bytes: 1 << 20,
    env: { FAZHI_LINT_THREADS: '3' },
    setup: 100,
    prepare: (index) => (payloads[index] === undefined ? undefined : { config, payload: payloads[index]! }),
    ...options,
  });
}

/** Claims every input in order: [the worker's reply, or 'own' when left to the caller]. */
async function claimAll(p: WorkerPool<number, number, number>, count: number): Promise<(number | 'own')[]> {
  const out: (number | 'own')[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const done = await p.claim(i);
      if (done) assert.equal(done.job.config, config);
      out.push(done ? done.reply : 'own');
    }
  } finally {
    p.close();
  }
  return out;
}

describe('node: the worker pool', function () {
  this.timeout(60_000);

  it('hands the last inputs to the workers and gives every input back in order, with the setup and config shipped', async () => {
    const payloads = Array.from({ length: 12 }, (_, i) => i);
    const out = await claimAll(pool(payloads)!, payloads.length);
    // Two workers, two jobs each, handed out from the end before the caller starts.
    for (const i of [8, 9, 10, 11]) assert.equal(out[i], i * 2 + 100 + 1, `input ${i}: ${out}`);
    out.forEach((r, i) => assert.ok(r === 'own' || r === i * 2 + 101, `input ${i}: ${r}`));
    assert.equal(out[0], 'own', 'the first input is always the caller’s');
  });

  it('leaves to the caller a job that throws, the jobs of a worker that died, and an input not prepared', async () => {
    // Worker 1 gets inputs 11 and 10, worker 2 gets 9 (its thread ends) and 8.
    const payloads: (number | undefined)[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, -1, 13, 11];
    const out = await claimAll(pool(payloads)!, payloads.length);
    assert.equal(out[11], 11 * 2 + 101);
    assert.equal(out[10], 'own', 'threw');
    assert.equal(out[9], 'own', 'its worker ended');
    assert.equal(out[8], 'own', 'its worker had ended');

    const skipped = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, undefined];
    const again = await claimAll(pool(skipped)!, skipped.length);
    assert.equal(again[11], 'own', 'not prepared');
    assert.equal(again[10], 10 * 2 + 101, 'the next one was handed out instead');
  });

  it('no pool for one thread, a small batch, or a worker script that is not installed', () => {
    assert.equal(pool([1, 2, 3, 4, 5], { env: { FAZHI_LINT_THREADS: '1' } }), undefined);
    assert.equal(pool([1, 2, 3, 4, 5], { script: { here, bundle: './fixtures/none.cjs', source: './fixtures/none.ts' } }), undefined);
    assert.equal(workerCount(3, 1 << 20, {}), 0, 'fewer than four inputs');
    assert.equal(workerCount(100, 1000, {}), 0, 'less than 256 KB');
    assert.equal(workerCount(100, 1000, { FAZHI_LINT_THREADS: '4' }), 3, 'asked for: three workers and the caller');
    assert.equal(workerCount(2, 1000, { FAZHI_LINT_THREADS: '4' }), 1, 'never more workers than inputs after the first');
  });
});
