// The role of each paragraph of a report as an official document (GB/T 9704-2012):
// title, addressee (主送机关), heading of level 1–4, body text, signature (发文机关署名)
// and date (成文日期). Built on the engine's own reading of the report (blocks,
// outline, meta), so the Word layout follows what the checker understands.
import type { Block, ReportDocument } from '../engine/document.js';
import { levelOf } from '../engine/meta.js';

export type Role =
  | 'title'
  | 'addressee'
  | 'heading'
  | 'body'
  /** 附件说明 (§7.3.4): 附件：1.×× and the items under it. */
  | 'attachment-note'
  | 'signature'
  | 'date'
  /** The 附件 / 附件2 line at the top of an attachment's page (§7.3.7). */
  | 'attachment-label'
  /** The attachment's title, centred on the page's third line. */
  | 'attachment-title';

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

/** 附件 or 附件2 alone on its line: the label of an attachment's page. */
const ATTACHMENT_LABEL = /^附\s*件\s*[0-9０-９]{0,2}$/;
/** 附件：1.×× — the attachment note (附件说明), first line. */
const ATTACHMENT_NOTE = /^附\s*件\s*[:：]/;
const ATTACHMENT_ITEM = /^[0-9０-９]{1,2}\s*[.．]/;

export function assignRoles(doc: ReportDocument): RoledBlock[] {
  const { blocks, meta, outline } = doc;
  const levelOfHeading = new Map<number, number>();
  for (const s of outline.all) levelOfHeading.set(s.heading.index, s.level);
  const titles = new Set(meta.titleBlocks.map((b) => b.index));
  // A title the engine does not take for one (a forced <br> in it): the document's opening # line.
  if (titles.size === 0 && blocks[0]?.markdownDepth === 1 && !levelOfHeading.has(0) && /<br\s*\/?>/i.test(blocks[0].text)) titles.add(0);

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
  const lastTitle = Math.max(-1, ...titles);
  if (lastTitle >= 0) {
    const next = roles[lastTitle + 1];
    if (next && next.role === 'body' && /[：:]$/.test(next.block.text) && next.block.text.length <= 50 && !/[。；]/.test(next.block.text)) {
      next.role = 'addressee';
    }
  }

  // Attachments (§7.3.7) follow the date, each on a new page: 附件N, then its title, then its text.
  let end = roles.length;
  for (let k = 1; k < roles.length; k++) {
    if (!ATTACHMENT_LABEL.test(roles[k].block.text)) continue;
    if (!roles.slice(Math.max(0, k - 2), k).some((r) => isDateLine(r.block.text))) continue;
    end = k;
    for (let j = k; j < roles.length; j++) {
      if (!ATTACHMENT_LABEL.test(roles[j].block.text)) continue;
      roles[j] = { block: roles[j].block, role: 'attachment-label' };
      const title = roles[j + 1];
      if (title && title.block.text.length <= 60 && !/[。；]$/.test(title.block.text) && !ATTACHMENT_LABEL.test(title.block.text)) {
        roles[j + 1] = { block: title.block, role: 'attachment-title' };
      }
    }
    break;
  }

  // 附件说明: 附件：1.×× and the items that continue it (2.×× …).
  for (let k = 0; k < end; k++) {
    if (roles[k].role !== 'body' || !ATTACHMENT_NOTE.test(roles[k].block.text)) continue;
    roles[k].role = 'attachment-note';
    for (let j = k + 1; j < end && roles[j].role !== 'title' && ATTACHMENT_ITEM.test(roles[j].block.text); j++) roles[j] = { block: roles[j].block, role: 'attachment-note' };
  }

  // Signature and date at the very end: date last, up to two name lines above it.
  let i = end - 1;
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
