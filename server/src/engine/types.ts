// Shared vocabulary of the engine. Offsets are UTF-16 code units into the
// checked text (what JavaScript strings index); lines and columns are 1-based
// and derived once per document from the LineIndex.
import type { ReportDocument } from './document.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
/** What a config, `--rule` or the editor's settings may set a rule to: a severity, or off. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', ...SEVERITIES];

/** The one Chinese word for each severity, as VS Code's Chinese UI names them: CLI, editor and rule pages all use these. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };

/** How many findings of each severity, named as the JSON contract's summary names them (counted by engine/severity.ts). */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

/** The kinds of reporting body a report (and its skeleton) is written for; `auto` infers it from the title. */
export type ReportProfile = 'town' | 'county' | 'city' | 'department';
export const REPORT_PROFILES: readonly ReportProfile[] = ['town', 'county', 'city', 'department'];
export type ProfileSetting = ReportProfile | 'auto';
export const PROFILE_SETTINGS: readonly ProfileSetting[] = ['auto', ...REPORT_PROFILES];
/** The one Chinese name of each profile: CLI help, skeleton picker, config schema. */
export const PROFILE_LABELS: Readonly<Record<ReportProfile, string>> = {
  town: '乡镇（街道）',
  county: '县（市、区）政府',
  city: '设区的市政府',
  department: '政府部门',
};

/** The years a report may be about (config `year`, `fazhi-lint new --year`, the editor's 新建年度报告). */
export const REPORT_YEARS = { min: 1990, max: 2100 } as const;

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
  /**
   * Only for a rule with `documentContext`, and only when it runs on a piece of a larger document (the incremental
   * re-check of engine/incremental.ts): the decision `documentContext.decide` took on the whole document's counts.
   * The rule takes it instead of deciding on the piece; undefined: the rule decides on its document, as always.
   */
  readonly decided?: string;
}

/**
 * What makes a rule local given a small document-level decision (Rule.documentContext): e.g. mixed-script reports
 * each run of the other script, unless the document is mostly in the other script (then one document-level
 * finding); that decision is taken on counts summed over the lines. The incremental re-check keeps each line's
 * counts, recounts only the lines around an edit, and re-runs the rule only there while the decision stays the same.
 */
export interface DocumentContext {
  /**
   * The counts of the lines of `doc`, each given by `add(offset, counts)` (offset: where in the line they are;
   * counts: named numbers, e.g. { other: 3, han: 120 }, summed by name by the engine; the names may be open-ended,
   * such as the names of bodies a line mentions). Counts outside [start, end) may be given: the engine keeps those
   * inside. A line's counts may depend on what a `local` rule's findings may depend on (the line, its neighbours,
   * the report's body and year), nothing more.
   */
  count(doc: ReportDocument, start: number, end: number, add: (offset: number, counts: Readonly<Record<string, number>>) => void): void;
  /**
   * The decision on a document whose lines' counts sum to `totals`, which `check` takes on a whole document: a
   * string under which the rule's findings are local (given it, a finding on a line depends only on that line and
   * its neighbours), or undefined when they are not (a document-level finding sums up the whole text: the rule
   * then runs on the whole text).
   */
  decide(totals: Readonly<Record<string, number>>, doc: ReportDocument): string | undefined;
}

export interface RuleDocs {
  /** What the rule checks, one Chinese sentence. */
  description: string;
  /** Why it matters: the regulation, standard or reader expectation behind it. */
  why: string;
  /** The regulation or standard cited, e.g. 《党政机关公文格式》（GB/T 9704-2012）; built from `citations`. */
  basis: string;
  /** Ids of the articles cited (rules/citations.json), from which `basis` is built. */
  citations?: string[];
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
  /**
   * The rule's own options besides `severity` and `extend` (e.g. report-date's `deadline`): option name →
   * JSON Schema (draft-07, no $ref). The config validation checks them like `extend`.
   */
  optionsSchema?: { [option: string]: { [keyword: string]: unknown } };
  /**
   * Its findings on a line depend only on that line and its neighbours (given the report's body and year):
   * the language server re-runs it on a window around an edit of a large document (engine/incremental.ts).
   */
  local?: boolean;
  /**
   * Local given a document-level decision (see DocumentContext; not with `local`): the incremental re-check runs
   * it on the lines around an edit, with the whole document's decision in `context.decided`, while that decision
   * stays the same, and on the whole text when it changes or is undefined. Its `check` must give, on a whole
   * document, what it gives with `decided` set to `decide(counts of that document)`.
   */
  documentContext?: DocumentContext;
  check(context: RuleContext): void;
}
