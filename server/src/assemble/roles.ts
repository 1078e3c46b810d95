// The role of each paragraph of a report as an official document (GB/T 9704-2012):
// title, addressee (主送机关), heading of level 1–4, body text, signature (发文机关署名)
// and date (成文日期). Built on the engine's own reading of the report (blocks,
// outline, meta), so the Word layout follows what the checker understands.
import type { Block, ReportDocument } from '../engine/document.js';
import { levelOf } from '../engine/meta.js';

export type Role = 'title' | 'addressee' | 'heading' | 'body' | 'signature' | 'date';

export interface RoledBlock {
  block: Block;
  role: Role;
  /** Heading level 1–4 (deeper levels are laid out as 4). */
  level?: number;
  /** For a run-in heading (（一）加强领导。正文…): length of the heading part of block.text, up to its stop. */
  runIn?: number;
  /** True where the heading stands alone on its line (a Markdown heading or a short numbered line). */
  standalone?: boolean;
}

const CN_DIGIT = '[〇○零一二三四五六七八九十]';
const DATE = new RegExp(`^(?:\\d{4}|${CN_DIGIT}{4})\\s*年\\s*(?:\\d{1,2}|${CN_DIGIT}{1,2})\\s*月\\s*(?:\\d{1,2}|${CN_DIGIT}{1,3})\\s*日$`);
const DATE_PROMPT = /^(?:【请填写[:：]?[^】]*日期[^】]*】|\{\{\s*(?:成文日期|date)\s*\}\})$/;
const SENTENCE_PUNCT = /[。，；：！？,;:!?]/;

export function isDateLine(text: string): boolean {
  return DATE.test(text) || DATE_PROMPT.test(text);
}

function isNameLine(text: string, body: string | undefined): boolean {
  if (text.length > 30 || SENTENCE_PUNCT.test(text)) return false;
  if (/\{\{\s*(?:单位|body)\s*\}\}/.test(text) || (body !== undefined && text === body)) return true;
  return levelOf(text.replace(/人民政府$/, '')) !== undefined || /(?:人民政府|办事处)$/.test(text);
}

/** A numbered paragraph whose heading runs into body text: the length of its heading part, else undefined. */
export function runInLength(text: string): number | undefined {
  const stop = text.search(/[。：:；;！？!?]/);
  if (stop < 0 || stop >= text.length - 1) return undefined;
  return stop + 1;
}

export function assignRoles(doc: ReportDocument): RoledBlock[] {
  const { blocks, meta, outline } = doc;
  const levelOfHeading = new Map<number, number>();
  for (const s of outline.all) levelOfHeading.set(s.heading.index, s.level);
  const titles = new Set(meta.titleBlocks.map((b) => b.index));

  const roles: RoledBlock[] = blocks.map((block) => {
    if (titles.has(block.index)) return { block, role: 'title' };
    const level = levelOfHeading.get(block.index);
    if (level !== undefined) {
      const runIn = block.markdownDepth === 0 ? runInLength(block.text) : undefined;
      return { block, role: 'heading', level: Math.min(level, 4), runIn, standalone: runIn === undefined };
    }
    return { block, role: 'body' };
  });

  // Addressee: the line right after the title, ending with a colon (县委、县政府：).
  const lastTitle = meta.titleBlocks[meta.titleBlocks.length - 1];
  if (lastTitle) {
    const next = roles[lastTitle.index + 1];
    if (next && next.role === 'body' && /[：:]$/.test(next.block.text) && next.block.text.length <= 50 && !/[。；]/.test(next.block.text)) {
      next.role = 'addressee';
    }
  }

  // Signature and date at the very end: date last, up to two name lines above it.
  let i = roles.length - 1;
  let dated = false;
  if (i >= 0 && roles[i].role === 'body' && isDateLine(roles[i].block.text)) {
    roles[i].role = 'date';
    dated = true;
    i--;
  }
  for (let n = 0; n < 2 && i >= 0; n++, i--) {
    const r = roles[i];
    if (r.role !== 'body' || !isNameLine(r.block.text, meta.body)) break;
    const explicit = /\{\{\s*(?:单位|body)\s*\}\}/.test(r.block.text) || r.block.text === meta.body;
    if (!dated && !explicit) break;
    r.role = 'signature';
  }
  return roles;
}
