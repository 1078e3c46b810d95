// Imported first by the entry (main.ts): a language server starts its check thread before the rest of the bundle
// is evaluated, so that the thread loads the checker while the main thread loads the server.
import { startEarlyThread } from './thread-start.js';

const transports = (a: string) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId');
if (process.argv.slice(2).some(transports) && !process.argv.includes('--version')) startEarlyThread();
