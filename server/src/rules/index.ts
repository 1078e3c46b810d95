// The rule registry: one module per rule. Adding a rule means adding its file and one line here.
import requiredSection from './required-section.js';
import sectionIncomplete from './section-incomplete.js';
import sectionOrder from './section-order.js';
import headingNumbering from './heading-numbering.js';
import itemSequence from './item-sequence.js';
import title from './title.js';
import yearConsistency from './year-consistency.js';
import mixedScript from './mixed-script.js';
import pinyinResidue from './pinyin-residue.js';
import conversionArtifact from './conversion-artifact.js';
import brokenParagraph from './broken-paragraph.js';
import placeholder from './placeholder.js';
import foreignEntity from './foreign-entity.js';
import duplicateText from './duplicate-text.js';
import dateFormat from './date-format.js';
import cjkSpacing from './cjk-spacing.js';
import halfwidthPunctuation from './halfwidth-punctuation.js';
import unpairedPunctuation from './unpaired-punctuation.js';
import endPunctuation from './end-punctuation.js';
import typo from './typo.js';
import terminology from './terminology.js';
import outdatedReference from './outdated-reference.js';
import type { Rule } from '../engine/types.js';

export const RULES: readonly Rule[] = [
  requiredSection,
  sectionIncomplete,
  sectionOrder,
  headingNumbering,
  itemSequence,
  title,
  yearConsistency,
  mixedScript,
  pinyinResidue,
  conversionArtifact,
  brokenParagraph,
  placeholder,
  foreignEntity,
  duplicateText,
  dateFormat,
  cjkSpacing,
  halfwidthPunctuation,
  unpairedPunctuation,
  endPunctuation,
  typo,
  terminology,
  outdatedReference,
];
