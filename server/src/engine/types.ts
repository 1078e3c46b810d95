// Shared vocabulary of the engine. Offsets are UTF-16 code units into the
// checked text (what JavaScript strings index); lines and columns are 1-based
// and derived once per document from the LineIndex.
import type { ReportDocument } from './document.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The one Chinese word for each severity, as VS Code's Chinese UI names them: CLI, editor and rule pages all use these. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };

/** The five statutory parts of the report (法治政府建设与责任落实督察工作规定 第二十五条). */
export type PartId = 'measures' | 'shortcomings' | 'first-responsible' | 'next-year' | 'other';
export const PART_IDS: readonly PartId[] = ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other'];

/** A replacement of text[start, end) by newText. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
}

/** What a rule reports; the engine adds rule id, severity and positions. */
export interface Report {
  start: number;
  end: number;
  message: string;
  data?: Record<string, unknown>;
  /** A safe fix: applied by --fix and fix-all (punctuation, script, spacing, debris lines). */
  fix?: Fix;
  /** Edits a person must choose (deleting report prose, guessing a name): offered as quick fixes only, never applied in bulk. */
  suggestions?: Fix[];
  /** Overrides the configured severity only where the rule's docs say so (e.g. required-section for `other`). */
  severity?: Severity;
}

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

export interface PositionedEdit extends OffsetEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number; // exclusive
  data: Record<string, unknown>;
  fix?: { title: string; edits: PositionedEdit[] };
  /** Quick fixes only (docs/rules.md: `suggestions`); never applied by --fix or fix-all. */
  suggestions?: { title: string; edits: PositionedEdit[] }[];
}

/** Per-rule settings after config resolution: severity plus the rule's own options (e.g. `extend`). */
export interface RuleOptions {
  severity: SeveritySetting;
  [option: string]: unknown;
}

export interface RuleContext {
  readonly doc: ReportDocument;
  readonly options: RuleOptions;
  /** Caches derived data (compiled word lists, regexes) for the lifetime of the resolved config. */
  memo<T>(key: string, build: () => T): T;
  report(report: Report): void;
}

export interface RuleDocs {
  /** What the rule checks, one Chinese sentence. */
  description: string;
  /** Why it matters: the regulation, standard or reader expectation behind it. */
  why: string;
  /** The regulation or standard cited, e.g. 《党政机关公文格式》（GB/T 9704-2012）. */
  basis: string;
  /** How to fix it by hand or with the quick fix. */
  howToFix: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  tags: string[];
  docs: RuleDocs;
  /**
   * JSON Schema (draft-07, no $ref) of what the rule accepts in `options.extend`. A rule without one
   * takes no `extend`: the config validation (engine/config.ts) rejects it, naming the rule.
   */
  extendSchema?: { [keyword: string]: unknown };
  check(context: RuleContext): void;
}
