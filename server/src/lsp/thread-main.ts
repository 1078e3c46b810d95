// Entry of the check thread's own bundle (dist/server-thread.cjs, started by thread-start.ts): the checker and the
// thread's side of worker.ts, without the protocol, the review and the other parts only the main thread runs, so
// that the thread compiles and keeps less code (and its source, which V8 keeps for the life of the thread).
import { isCheckWorker, runWorker } from './worker.js';

if (isCheckWorker()) runWorker();
else {
  process.stderr.write('fazhi-lint: server-thread.cjs 是语言服务器的检查线程，请运行 server.cjs（the check thread of fazhi-lint-server: run server.cjs）\n');
  process.exitCode = 2;
}
