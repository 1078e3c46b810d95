// Assembling a report: the profile's skeleton as the frame, each part filled with the
// contributions the manifest lists for it, in statutory order; headings renumbered
// consistently (一、 （一） 1. （1））; {{单位}}/{{年度}} replaced; then the checker runs on
// the result and every finding is traced back to the contributing file and line.
import { buildDocument, type Block } from '../engine/document.js';
import { formatMarker, type NumberingStyle } from '../engine/numbering.js';
import { SECTION_DATA } from '../engine/outline.js';
import { PART_IDS, type Finding, type PartId } from '../engine/types.js';
import type { ConfigObject } from '../engine/config.js';
import { lint } from '../index.js';
import { partEntry, positionOfKey, type Manifest } from './manifest.js';
import { parseFrame, type Frame } from './skeleton.js';
import { OutputBuilder, type SourceLine, type SourceMap, type SourcePosition } from './source-map.js';
import { substitute, type ReportValues } from './variables.js';

export interface AssembleInput {
  manifest: Manifest;
  /** The manifest's path as shown in findings. */
  manifestPath: string;
  manifestText: string;
  skeleton: { path: string; text: string };
  /** Reads a file named in the manifest (as written there); throws if it cannot. */
  read(file: string): string;
  /** User config (rule severities etc.); body, year and profile come from the manifest. */
  config?: ConfigObject;
}

export interface TracedFinding extends Finding {
  /** Where the finding's start came from: a contribution's file and line (or the manifest, for the frame). */
  source: SourcePosition;
  sourceEnd: SourcePosition;
}

export interface AssembleResult {
  markdown: string;
  map: SourceMap;
  findings: TracedFinding[];
  /** Remarks about the assembly itself (a contribution that names another part, an empty file). */
  notes: string[];
}

/** Numbering of headings by level under a part heading (level 1). */
const STYLE_OF_LEVEL: NumberingStyle[] = ['cn-comma', 'cn-comma', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled'];
const MD_HEADING = /^(\s*)(#{1,6})[ \t]+/;

export function assemble(input: AssembleInput): AssembleResult {
  const { manifest, manifestPath, manifestText } = input;
  const values: ReportValues = { body: manifest.body, year: manifest.year };
  const frame = parseFrame(input.skeleton.text);
  const out = new OutputBuilder();
  const notes: string[] = [];
  // Lines of the frame are reported at the manifest key they depend on (a part, the date, …).
  const at = (key: string): SourceLine => {
    const { line, column } = positionOfKey(manifestText, key);
    return { file: manifestPath, line, segments: [{ out: 0, src: column - 1 }] };
  };

  const frameLine = (i: number, origin: SourceLine): void => {
    const raw = frame.lines[i];
    if (raw.trim() === '') return out.blank(origin);
    out.push(substitute(raw, values).text, origin);
  };

  // Head: title, addressee, opening.
  let openingDone = false;
  for (let i = frame.head.from; i < frame.head.to; i++) {
    if (i === frame.addresseeLine && manifest.addressee) {
      out.push(`${manifest.addressee.replace(/[：:]$/, '')}：`, at('addressee'));
    } else if (frame.openingLines.includes(i) && manifest.opening) {
      if (!openingDone) {
        for (const file of manifest.opening) emitPlain(out, file, input.read(file), values);
        openingDone = true;
      }
    } else {
      frameLine(i, at(i === 0 ? 'body' : frame.openingLines.includes(i) ? 'opening' : 'body'));
    }
  }
  if (manifest.opening && !openingDone) for (const file of manifest.opening) emitPlain(out, file, input.read(file), values);

  // The five parts in statutory order.
  let ordinal = 0;
  for (const part of PART_IDS) {
    const entry = partEntry(manifest.parts[part]);
    const framePart = frame.parts.get(part);
    if (!entry && !framePart) continue;
    ordinal++;
    const origin = at(part);
    const depth = framePart ? (MD_HEADING.exec(frame.lines[framePart.headingLine])?.[2] ?? '') : '##';
    const title = entry?.heading ?? (framePart ? substitute(framePart.heading, values).text : SECTION_DATA.parts[part].name);
    out.blank(origin);
    out.push(`${depth ? depth + ' ' : ''}${formatMarker('cn-comma', ordinal)}${title}`, origin);
    out.blank(origin);
    if (!entry) {
      for (let i = framePart!.from; i < framePart!.to; i++) frameLine(i, origin);
      continue;
    }
    if (framePart) emitIntro(frame, framePart, (i) => frameLine(i, origin));
    const counters: number[] = [];
    for (const file of entry.files) {
      const text = input.read(file);
      if (text.trim() === '') notes.push(`${file}：文件为空（empty contribution）。`);
      emitContribution(out, file, text, part, counters, values, notes);
    }
  }

  // Signature and date.
  out.blank(at('body'));
  for (let i = frame.tail.from; i < frame.tail.to; i++) {
    if (i === frame.dateLine && manifest.date) out.push(manifest.date, at('date'));
    else frameLine(i, at(i === frame.dateLine ? 'date' : 'body'));
  }

  const markdown = out.text();
  const config: ConfigObject = { ...(input.config ?? {}), body: manifest.body, year: manifest.year, profile: manifest.profile };
  const findings = lint(markdown, config).findings.map((f) => ({
    ...f,
    source: out.map.resolve(f.line, f.column),
    sourceEnd: out.map.resolve(f.endLine, f.endColumn),
  }));
  return { markdown, map: out.map, findings, notes };
}

/** The skeleton's lead-in of a part (text before its first sub-heading), unless it is only a prompt. */
function emitIntro(frame: Frame, part: { from: number; to: number }, emit: (line: number) => void): void {
  const intro: number[] = [];
  for (let i = part.from; i < part.to; i++) {
    const line = frame.lines[i];
    if (MD_HEADING.test(line) || /^\s*[（(][一二三四五六七八九十]+[）)]/.test(line)) break;
    if (/【请填写/.test(line)) return;
    intro.push(i);
  }
  for (const i of intro) emit(i);
}

/** Copies a file's lines with variables replaced, one block per paragraph. */
function emitPlain(out: OutputBuilder, file: string, text: string, values: ReportValues): void {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const { text: line, segments } = substitute(raw, values);
    out.push(line, { file, line: i + 1, segments });
    out.blank({ file, line: i + 1 });
  });
}

function emitContribution(
  out: OutputBuilder,
  file: string,
  text: string,
  part: PartId,
  counters: number[],
  values: ReportValues,
  notes: string[],
): void {
  const source = text.replace(/\r\n?/g, '\n');
  const doc = buildDocument(source, { script: 'simplified', profile: 'auto' });
  const blockOfLine = new Map<number, Block>();
  for (const b of doc.blocks) blockOfLine.set(b.line, b);
  const levelOf = new Map<Block, number>();
  for (const s of doc.outline.all) levelOf.set(s.heading, s.level);

  // A contribution's own title (# … 报告/材料) is not part of the report.
  const dropped = new Set<Block>(doc.blocks.filter((b) => b.markdownDepth > 0 && !levelOf.has(b)));
  const first = doc.blocks[0];
  if (first && first.markdownDepth === 1 && !first.numbering && doc.blocks.some((b) => b !== first && levelOf.has(b))) dropped.add(first);
  // A single top heading naming the part itself (二、存在的不足和原因) duplicates the part heading.
  const tops = doc.outline.sections;
  if (tops.length === 1 && tops[0].part && tops[0].partByName) {
    if (tops[0].part !== part) {
      notes.push(`${file}:${tops[0].heading.line + 1}：标题“${tops[0].title}”属于“${SECTION_DATA.parts[tops[0].part].short}”部分，清单却把它列在“${SECTION_DATA.parts[part].short}”下。`);
    }
    dropped.add(tops[0].heading);
  }
  // A heading's place in the contribution's own hierarchy: how many kept headings it is nested in.
  // Renumbering follows that nesting, not the numbering style the writer chose, so a file that goes
  // 一、 → 1、 (skipping （一）) gets （一） → 1. like every other contribution.
  const depthOf = new Map<Block, number>();
  for (const s of doc.outline.all) {
    let depth = 0;
    for (let p = s.parent; p; p = p.parent) if (!dropped.has(p.heading)) depth++;
    depthOf.set(s.heading, depth);
  }

  const lines = source.split('\n');
  out.blank({ file, line: 1 });
  lines.forEach((raw, i) => {
    const block = blockOfLine.get(i);
    if (raw.trim() === '' || (block && dropped.has(block))) return;
    const origin = { file, line: i + 1 };
    if (!block) return out.push(raw, origin); // comments, directives: as written, attached to the next line
    const lineStart = doc.lines.lineStart(i);
    const depth = levelOf.has(block) ? depthOf.get(block) : undefined;
    if (depth === undefined) {
      const { text: line, segments } = substitute(raw, values);
      out.push(line, { ...origin, segments });
    } else {
      const target = Math.min(depth + 2, STYLE_OF_LEVEL.length - 1);
      counters[target] = (counters[target] ?? 0) + 1;
      counters.length = target + 1;
      const marker = formatMarker(STYLE_OF_LEVEL[target], counters[target]);
      const contentCol = block.contentStart - lineStart;
      const content = substitute(source.slice(block.contentStart, block.end), values, contentCol);
      const hashes = block.markdownDepth > 0 ? '#'.repeat(Math.min(target + 1, 6)) + ' ' : '';
      const head = hashes + marker;
      out.push(head + content.text, {
        ...origin,
        segments: [{ out: 0, src: block.start - lineStart }, ...content.segments.map((s) => ({ ...s, out: s.out + head.length }))],
      });
    }
    out.blank(origin);
  });
}
