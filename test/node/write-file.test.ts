// writeFileAtomic's durability switch: by default the new bytes and the folder entry reach the disk (fsync) before
// the write counts as done; `durable: false` (the review folder: regenerated at will, written by the hundred) stays
// atomic — a temporary file renamed over the target — without waiting for the disk.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic, type WriteFs } from '../../server/src/node/write-file.js';

function counting(): { fs: WriteFs; fsyncs: () => number; renames: string[] } {
  let fsyncs = 0;
  const renames: string[] = [];
  return {
    fs: {
      ...fs,
      fsyncSync: ((fd: number) => {
        fsyncs++;
        fs.fsyncSync(fd);
      }) as typeof fs.fsyncSync,
      renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
        renames.push(path.basename(String(from)));
        fs.renameSync(from, to);
      }) as typeof fs.renameSync,
    },
    fsyncs: () => fsyncs,
    renames,
  };
}

describe('writeFileAtomic: durable or not', () => {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'fazhi-write-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const durable of [undefined, false] as const) {
    it(`durable ${durable ?? '(default)'}: replaces the file through a renamed temporary file${durable === false ? ', without fsync' : ', fsyncing file and folder'}`, () => {
      const file = path.join(dir, `out-${String(durable)}.html`);
      fs.writeFileSync(file, '旧内容');
      const spy = counting();
      writeFileAtomic(file, Buffer.from('新内容', 'utf8'), { fs: spy.fs, durable });
      assert.equal(fs.readFileSync(file, 'utf8'), '新内容');
      assert.equal(spy.renames.length, 1);
      assert.match(spy.renames[0], /\.tmp$/);
      assert.equal(spy.fsyncs(), durable === false ? 0 : 2);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    });
  }
});
