// Skeletons: the statutory frame of a report per profile (rules/skeletons/<profile>.md),
// rendered by `fazhi-lint new` and used by `fazhi-lint assemble` as the frame into
// which contributions go. Pure: reading the files is skeleton-files.ts's job.
import { buildDocument, type Block } from '../engine/document.js';
import { PROFILE_LABELS, REPORT_PROFILES, type PartId, type ReportProfile } from '../engine/types.js';
import { assignRoles } from './roles.js';
import { substituteAll, type ReportValues } from './variables.js';

// One skeleton per report profile (engine/types.ts).
export const SKELETON_PROFILES = REPORT_PROFILES;
export type SkeletonProfile = ReportProfile;
export const PROFILE_NAMES = PROFILE_LABELS;

export function isSkeletonProfile(value: string): value is SkeletonProfile {
  return (SKELETON_PROFILES as readonly string[]).includes(value);
}

/** The skeleton with body and year filled in; every other spot stays a 【请填写：…】 prompt. */
export function renderSkeleton(template: string, values: ReportValues): string {
  return substituteAll(template.replace(/\r\n?/g, '\n'), values);
}

/** A skeleton cut into the pieces assembly needs. Line numbers are 0-based into the skeleton's lines. */
export interface Frame {
  lines: string[];
  /** Title, addressee, opening: lines before the first part. */
  head: { from: number; to: number };
  addresseeLine?: number;
  /** Lines of the opening paragraph(s) between addressee (or title) and the first part. */
  openingLines: number[];
  parts: Map<PartId, { headingLine: number; heading: string; from: number; to: number }>;
  /** Signature and date. */
  tail: { from: number; to: number };
  dateLine?: number;
}

export function parseFrame(template: string): Frame {
  const text = template.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const doc = buildDocument(text, { script: 'simplified', profile: 'auto' });
  const roles = assignRoles(doc);
  const tailBlock = roles.find((r) => r.role === 'signature' || r.role === 'date')?.block;
  const tailFrom = tailBlock ? tailBlock.line : lines.length;

  const starts: { part: PartId; line: number; heading: Block }[] = [];
  for (const s of doc.outline.sections) {
    if (s.part && !starts.some((x) => x.part === s.part)) starts.push({ part: s.part, line: s.heading.line, heading: s.heading });
  }
  starts.sort((a, b) => a.line - b.line);
  const firstPart = starts[0]?.line ?? tailFrom;
  const parts: Frame['parts'] = new Map();
  starts.forEach((s, i) => {
    const to = i + 1 < starts.length ? starts[i + 1].line : tailFrom;
    parts.set(s.part, { headingLine: s.line, heading: text.slice(s.heading.contentStart, s.heading.end), from: s.line + 1, to });
  });

  const addressee = roles.find((r) => r.role === 'addressee')?.block;
  const openingLines = roles
    .filter((r) => r.role === 'body' && r.block.line < firstPart && r.block.line > (addressee?.line ?? -1))
    .map((r) => r.block.line);
  const date = roles.find((r) => r.role === 'date')?.block;
  return {
    lines,
    head: { from: 0, to: firstPart },
    addresseeLine: addressee?.line,
    openingLines,
    parts,
    tail: { from: tailFrom, to: lines.length },
    dateLine: date?.line,
  };
}
