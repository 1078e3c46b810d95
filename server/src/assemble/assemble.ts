// Assembling a report: the profile's skeleton as the frame, each part filled with the
// contributions the manifest lists for it, in statutory order; headings renumbered
// consistently (一、 （一） 1. （1））; {{单位}}/{{年度}} replaced; then the checker runs on
// the result and every finding is traced back to the contributing file and line.
import { buildDocument, type Block } from '../engine/document.js';
import { formatMarker, type NumberingStyle } from '../engine/numbering.js';
import { SECTION_DATA } from '../engine/outline.js';
import { PART_IDS, type Finding, type PartId } from '../engine/types.js';
import type { ConfigObject } from '../engine/config.js';
import { lint, resolve } from '../index.js';
import { partEntry, positionOfFile, positionOfKey, type Manifest } from './manifest.js';
import { parseFrame, type Frame } from './skeleton.js';
import { OutputBuilder, type SourceLine, type SourceMap, type SourcePosition } from './source-map.js';
import { substitute, type FootnoteRename, type ReportValues } from './variables.js';

export interface AssembleInput {
  manifest: Manifest;
  /** The manifest's path as shown in findings. */
  manifestPath: string;
  manifestText: string;
  skeleton: { path: string; text: string };
  /** Reads a file named in the manifest (as written there); throws if it cannot. */
  read(file: string): string;
  /**
   * Files named in the manifest that are not there (`assemble --allow-missing`): each is replaced by a
   * 【待报送：单位】 prompt, the unit being the file's name without extension.
   */
  missing?: ReadonlySet<string>;
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

/** The prompt put where a contribution has not been sent in yet (`--allow-missing`). */
export function missingPrompt(file: string): string {
  const unit = file.replace(/\\/g, '/').split('/').pop()!.replace(/\.(?:md|markdown|txt)$/i, '');
  return `【待报送：${unit}】`;
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

  const labels = new FootnoteLabels();
  const prompts: { line: number; file: string; key: string }[] = [];
  const emitPrompt = (file: string, key: string): void => {
    const { line, column } = positionOfFile(manifestText, key, file);
    out.blank({ file: manifestPath, line });
    prompts.push({ line: out.lines.length + 1, file, key });
    out.push(missingPrompt(file), { file: manifestPath, line, segments: [{ out: 0, src: column - 1 }] });
    out.blank({ file: manifestPath, line });
  };
  const emitPlainOrPrompt = (file: string): void => {
    if (input.missing?.has(file)) emitPrompt(file, 'opening');
    else emitPlain(out, file, input.read(file), values, labels.forFile());
  };

  // Head: title, addressee, opening.
  let openingDone = false;
  for (let i = frame.head.from; i < frame.head.to; i++) {
    if (i === frame.addresseeLine && manifest.addressee) {
      out.push(`${manifest.addressee.replace(/[：:]$/, '')}：`, at('addressee'));
    } else if (frame.openingLines.includes(i) && manifest.opening) {
      if (!openingDone) {
        for (const file of manifest.opening) emitPlainOrPrompt(file);
        openingDone = true;
      }
    } else {
      frameLine(i, at(i === 0 ? 'body' : frame.openingLines.includes(i) ? 'opening' : 'body'));
    }
  }
  if (manifest.opening && !openingDone) for (const file of manifest.opening) emitPlainOrPrompt(file);

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
    const texts = entry.files.map((file) => (input.missing?.has(file) ? undefined : input.read(file)));
    // The skeleton's lead-in of the part, unless the first contribution brings its own (no doubled lead-in).
    if (framePart && !(texts[0] !== undefined && hasLeadIn(texts[0]))) emitIntro(frame, framePart, (i) => frameLine(i, origin));
    const counters: number[] = [];
    entry.files.forEach((file, k) => {
      const text = texts[k];
      if (text === undefined) return emitPrompt(file, part);
      if (text.trim() === '') notes.push(`${file}：文件为空（empty contribution）。`);
      emitContribution(out, file, text, part, counters, values, notes, labels.forFile());
    });
  }

  // Signature and date.
  out.blank(at('body'));
  for (let i = frame.tail.from; i < frame.tail.to; i++) {
    if (i === frame.dateLine && manifest.date) out.push(manifest.date, at('date'));
    else frameLine(i, at(i === frame.dateLine ? 'date' : 'body'));
  }

  const markdown = out.text();
  const config: ConfigObject = { ...(input.config ?? {}), body: manifest.body, year: manifest.year, profile: manifest.profile };
  const findings: TracedFinding[] = lint(markdown, config).findings.map((f) => ({
    ...f,
    source: out.map.resolve(f.line, f.column),
    sourceEnd: out.map.resolve(f.endLine, f.endColumn),
  }));
  // A contribution not sent in yet: a placeholder finding (error unless the config says otherwise) at its place in
  // the manifest, so the draft is never taken for done.
  const severity = resolve(config).rules.get('placeholder')?.severity ?? 'error';
  for (const p of prompts) {
    if (severity === 'off') break;
    const text = missingPrompt(p.file);
    const at = positionOfFile(manifestText, p.key, p.file);
    findings.push({
      rule: 'placeholder',
      severity,
      message: `材料“${p.file}”尚未报送，组装时以“${text}”占位；报送后重新组装。`,
      start: offsetOfLine(markdown, p.line),
      end: offsetOfLine(markdown, p.line) + text.length,
      line: p.line,
      column: 1,
      endLine: p.line,
      endColumn: text.length + 1,
      data: { match: text, missing: p.file },
      source: { file: manifestPath, line: at.line, column: at.column },
      sourceEnd: { file: manifestPath, line: at.line, column: at.column + JSON.stringify(p.file).length },
    });
  }
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
function emitPlain(out: OutputBuilder, file: string, text: string, values: ReportValues, labels: FootnoteRename): void {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const { text: line, segments } = substitute(raw, values, 0, labels);
    out.push(line, { file, line: i + 1, segments });
    if (!(isTableRow(raw) && isTableRow(lines[i + 1] ?? ''))) out.blank({ file, line: i + 1 });
  });
}

/** A line of a GFM table (| a | b |): consecutive rows stay together, with no blank line between them. */
export function isTableRow(line: string): boolean {
  return /^\s{0,3}\|.*\|\s*$/.test(line);
}

const FOOTNOTE_DEFINITION = /^\s{0,3}\[\^([^\]\s]+)\]:/;

/** True when a contribution starts with body text before its first heading: a lead-in of its own. */
function hasLeadIn(text: string): boolean {
  const doc = buildDocument(text.replace(/\r\n?/g, '\n'), { script: 'simplified', profile: 'auto' });
  const headings = new Set(doc.outline.all.map((s) => s.heading));
  const first = doc.blocks.find((b) => !(b.markdownDepth === 1 && !b.numbering));
  return !!first && !headings.has(first) && !isTableRow(first.text) && !/^【/.test(first.text);
}

/**
 * Footnote labels ([^1]) are per contribution: two departments both writing [^1] must not share a note.
 * A label already taken by an earlier file is renamed to the next free number.
 */
class FootnoteLabels {
  private readonly used = new Set<string>();
  private next = 1;

  /** The renaming of one file's labels, decided the first time each label is seen in that file. */
  forFile(): FootnoteRename {
    const renamed = new Map<string, string>();
    return (label) => {
      let name = renamed.get(label);
      if (name === undefined) renamed.set(label, (name = this.take(label)));
      return name;
    };
  }

  private take(label: string): string {
    if (!this.used.has(label)) {
      this.used.add(label);
      return label;
    }
    while (this.used.has(String(this.next))) this.next++;
    const fresh = String(this.next);
    this.used.add(fresh);
    return fresh;
  }
}

function offsetOfLine(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = text.indexOf('\n', at) + 1;
  return at;
}

function emitContribution(
  out: OutputBuilder,
  file: string,
  text: string,
  part: PartId,
  counters: number[],
  values: ReportValues,
  notes: string[],
  labels: FootnoteRename,
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
    if (!block) {
      // A footnote's definition is a paragraph of its own; comments and directives stay attached to the next line.
      if (FOOTNOTE_DEFINITION.test(raw)) {
        const { text: line, segments } = substitute(raw, values, 0, labels);
        out.push(line, { ...origin, segments });
        return out.blank(origin);
      }
      return out.push(raw, origin);
    }
    const lineStart = doc.lines.lineStart(i);
    const depth = levelOf.has(block) ? depthOf.get(block) : undefined;
    if (depth === undefined) {
      const { text: line, segments } = substitute(raw, values, 0, labels);
      out.push(line, { ...origin, segments });
      if (isTableRow(raw) && isTableRow(lines[i + 1] ?? '')) return; // the next row follows directly
    } else {
      const target = Math.min(depth + 2, STYLE_OF_LEVEL.length - 1);
      counters[target] = (counters[target] ?? 0) + 1;
      counters.length = target + 1;
      const marker = formatMarker(STYLE_OF_LEVEL[target], counters[target]);
      const contentCol = block.contentStart - lineStart;
      const content = substitute(source.slice(block.contentStart, block.end), values, contentCol, labels);
      const hashes = block.markdownDepth > 0 ? '#'.repeat(Math.min(target + 1, 6)) + ' ' : '';
      // A bold heading (**（1）推行复议意见书制度。**向…) keeps its opening ** before the new marker.
      const bold = /(\*\*|__)$/.exec(source.slice(lineStart, block.start))?.[1] ?? '';
      const head = hashes + bold + marker;
      // What follows the block on its line (the closing ** of a bold heading, trailing #s) is kept too.
      const rest = source.slice(block.end, doc.lines.lineEnd(i)).replace(/\s+$/, '');
      const tail = bold && rest.startsWith(bold) ? bold : '';
      out.push(head + content.text + tail, {
        ...origin,
        segments: [{ out: 0, src: block.start - lineStart - bold.length }, ...content.segments.map((s) => ({ ...s, out: s.out + head.length }))],
      });
    }
    out.blank(origin);
  });
}
