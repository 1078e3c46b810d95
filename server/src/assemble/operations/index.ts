// The document-assembly operations on files, shared by the CLI's subcommands (cli/commands/, which parse the
// arguments and print) and the language server's assembly commands (lsp/assembly.ts, which loads this module
// on the first one, bundled as dist/assembly.cjs, so that the server starts without the Word libraries).
export { newReport, type NewReportRequest } from './new-report.js';
export { assembleManifest, assemblyPlan, type AssembleRequest, type Assembled } from './assemble-manifest.js';
export { exportReport, type ExportRequest } from './export-report.js';
export { importWord } from './import-word.js';
export type { OperationIO } from './io.js';
