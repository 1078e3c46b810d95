// One check of a document as the server keeps it: findings, rule errors
// (serialisable, so a worker thread can produce them), the section outline
// for symbols/folding/the checklist, and the meta a partial re-check needs.
import { lint, type RuleError } from '../engine/check.js';
import { resolveConfig, type ConfigObject, type ResolvedConfig } from '../engine/config.js';
import type { ReportDocument, Section } from '../engine/document.js';
import type { Finding, PartId, Rule } from '../engine/types.js';
import { RULES } from '../rules/index.js';

export interface SectionSummary {
  level: number;
  /** The heading block's text as written (numbering included). */
  heading: string;
  part?: PartId;
  partByName?: boolean;
  /** Offsets: section start/end and the heading block's range. */
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  headingLine: number;
  /** The numbering marker of the heading, e.g. "三、", or undefined for a Markdown heading. */
  marker?: string;
  markdownDepth: number;
  children: SectionSummary[];
}

export interface RuleFailure {
  rule: string;
  message: string;
}

export interface Analysis {
  findings: Finding[];
  errors: RuleFailure[];
  sections: SectionSummary[];
  meta: { body?: string; year?: number };
}

const resolvedCache = new Map<string, ResolvedConfig>();
/** Resolved configs are cached by content, so rules' memo() caches survive across checks. */
export function resolveCached(config: ConfigObject, rules: readonly Rule[]): ResolvedConfig {
  const key = JSON.stringify(config);
  let resolved = resolvedCache.get(key);
  if (!resolved) {
    resolved = resolveConfig(config, rules);
    if (resolvedCache.size > 32) resolvedCache.delete(resolvedCache.keys().next().value!);
    resolvedCache.set(key, resolved);
  }
  return resolved;
}

function summarize(section: Section): SectionSummary {
  return {
    level: section.level,
    heading: section.heading.text,
    part: section.part,
    partByName: section.partByName,
    start: section.start,
    end: section.end,
    headingStart: section.heading.start,
    headingEnd: section.heading.end,
    headingLine: section.heading.line,
    marker: section.heading.numbering?.marker,
    markdownDepth: section.heading.markdownDepth,
    children: section.children.map(summarize),
  };
}

export function analyze(text: string, config: ConfigObject, rules: readonly Rule[] = RULES, only?: readonly Rule[]): Analysis {
  const result = lint(text, only ?? rules, resolveCached(config, rules));
  return analysisOf(result.findings, result.errors, result.document);
}

/** The analysis of a check's result (also of an incremental one, lsp/incremental.ts). */
export function analysisOf(findings: Finding[], errors: readonly RuleError[], doc: ReportDocument): Analysis {
  // Top-level sections plus deeper roots (e.g. a "（一）" before the first "一、") so the outline shows everything.
  const roots: Section[] = doc.outline.all.filter((s) => !s.parent);
  return {
    findings,
    errors: errors.map((e) => ({ rule: e.rule, message: e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error) })),
    sections: roots.map(summarize),
    meta: { body: doc.meta.body, year: doc.meta.year },
  };
}
