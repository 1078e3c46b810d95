// The check thread of a server running from the sources in a test (test/lsp/client.ts, inProcess): a worker
// does not inherit the test's TypeScript loader, so this plain module registers it, then runs the worker body.
import { register } from 'tsx/esm/api';

register();
const { runWorker } = await import('../../server/src/lsp/worker.ts');
runWorker();
