// Custom messages between the fazhi-lint server and its VS Code client.
// Dependency-free so the client bundle can import it without the engine.

/** Server → client after each publish: what the status bar shows. */
export const STATUS_NOTIFICATION = 'fazhi-lint/status';
export interface StatusParams {
  uri: string;
  /** False when the document is not a report (or checking is off for it). */
  checked: boolean;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /**
   * Why it is (not) checked: 'glob' (matches fazhiLint.files or the config's files), 'content' (looks like a
   * report), 'forced' / 'forced-off' (the per-file toggle), 'unrelated', 'ignored' (the config's ignores),
   * 'disabled' (fazhiLint.enable is false), 'not-text', 'too-large'.
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

/** Commands the server executes (workspace/executeCommand); the client's palette commands call them. */
export const SERVER_COMMANDS = {
  fixAll: 'fazhi-lint.server.fixAll',
  convertScript: 'fazhi-lint.server.convertScript',
  disableRuleInConfig: 'fazhi-lint.server.disableRuleInConfig',
} as const;
