// Custom messages between the fazhi-lint server and its VS Code client: the one
// module of the server the client imports. Free of the engine (only the severity
// words, a constant of engine/types.ts), so the client bundle stays small.
export { SEVERITY_LABELS, REPORT_PROFILES, PROFILE_LABELS, type ReportProfile } from '../engine/types.js';
import type { ReportProfile, Severity, SeverityCounts } from '../engine/types.js';

/** Server → client after each publish: what the status bar shows. */
export const STATUS_NOTIFICATION = 'fazhi-lint/status';
/** The counts are those of all the document's findings. */
export interface StatusParams extends SeverityCounts {
  uri: string;
  /** False when the document is not a report (or checking is off for it). */
  checked: boolean;
  /**
   * Why it is (not) checked: 'glob' (matches fazhiLint.files or the config's files), 'content' (looks like a
   * report), 'forced' / 'forced-off' (the per-file toggle), 'unrelated', 'ignored' (the config's ignores),
   * 'disabled' (fazhiLint.enable is false), 'not-text', 'too-large', 'rule-page' (one of fazhi-lint's rule pages).
   */
  reason?: string;
  /** Whether it would be checked without the per-file toggle (so the toggle can go back to the default). */
  checkedByDefault?: boolean;
}

/** Client → server: force checking on or off for one document (the "toggle checking" command). */
export const SET_FILE_ENABLED_NOTIFICATION = 'fazhi-lint/setFileEnabled';
export interface SetFileEnabledParams {
  uri: string;
  /** true: check it even if it does not look like a report; false: never; null: back to the default. */
  enabled: boolean | null;
}

/** Client → server: which of the five statutory parts the document has. */
export const CHECKLIST_REQUEST = 'fazhi-lint/checklist';
export interface ChecklistParams {
  uri: string;
}
export interface ChecklistItem {
  part: string;
  /** The part's name as the regulation words it. */
  name: string;
  /** Its short name, as used in required-section messages. */
  short: string;
  present: boolean;
  /** Headings as written and their 0-based lines, when present. */
  headings: { text: string; line: number }[];
}

/**
 * Client → server: the Markdown page of a rule, for a client that shows rule pages itself (read-only) and
 * asked for links in its own scheme with `initializationOptions.ruleDocScheme`.
 */
export const RULE_DOC_REQUEST = 'fazhi-lint/ruleDoc';
export interface RuleDocParams {
  /** The rule id (`required-section`). */
  rule: string;
}
/** The scheme of the VS Code extension's read-only rule pages: fazhi-lint-rule:/<id>.md. */
export const RULE_DOC_SCHEME = 'fazhi-lint-rule';

/** Commands the server executes (workspace/executeCommand); the client's palette commands call them. */
export const SERVER_COMMANDS = {
  fixAll: 'fazhi-lint.server.fixAll',
  convertScript: 'fazhi-lint.server.convertScript',
  disableRuleInConfig: 'fazhi-lint.server.disableRuleInConfig',
  // Document assembly (server/src/lsp/assembly.ts: the CLI's new, assemble, export and import). One argument,
  // the params below; the client has asked the user everything (names, overwriting) before.
  newReport: 'fazhi-lint.server.newReport',
  assemblyPlan: 'fazhi-lint.server.assemblyPlan',
  assemble: 'fazhi-lint.server.assemble',
  exportWord: 'fazhi-lint.server.exportWord',
  importWord: 'fazhi-lint.server.importWord',
} as const;

/** Every assembly command answers with its result or with `{ error }`, a Chinese message to show. */
export type AssemblyAnswer<T> = T | { error: string };

/** newReport: the skeleton for a body and year, written to `output` (a file: path) or only returned. */
export interface NewReportParams {
  profile: ReportProfile;
  body: string;
  year: number;
  output?: string;
}
export interface NewReportResult {
  text: string;
  /** How many 【请填写】 prompts it holds. */
  todo: number;
}

/** assemblyPlan: what to ask before assembling. */
export interface AssemblyPlanParams {
  manifest: string;
}
export interface AssemblyPlanResult {
  /** Contributions not sent in yet, with the prompt put in their place. */
  missing: { file: string; prompt: string }[];
  /** The report's usual file name (beside the manifest). */
  reportName: string;
}

/** assemble: the manifest's report, written to `output` (never over the manifest, a contribution, the skeleton). */
export interface AssembleParams {
  manifest: string;
  output: string;
  /** Put a 【待报送】 prompt where a contribution is missing (the user agreed). */
  allowMissing: boolean;
}
export interface AssembledFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** The contribution (or the manifest) the finding comes from: absolute path, 0-based range. */
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** 1-based line in the assembled report. */
  reportLine: number;
}
export interface AssembleResult {
  findings: AssembledFinding[];
  notes: string[];
}

/** exportWord: the report (an open document's current text, else the file) as .docx in GB/T 9704-2012 layout. */
export interface ExportWordParams {
  /** The report's document URI. */
  uri: string;
  output: string;
}
export interface ExportWordResult {
  /** The report's errors, for a reminder. */
  errors: number;
}

/** importWord: a .docx as Markdown, written to `output`. */
export interface ImportWordParams {
  input: string;
  output: string;
}
