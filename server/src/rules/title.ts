// The report's title must exist and name the year and the reporting body (单位), e.g.
// 张八桥镇关于2023年法治政府建设情况的报告. doc.meta finds the title (including a body line above it).
import type { Rule } from '../engine/types.js';
import type { Block } from '../engine/document.js';
import { paragraphLayout } from '../engine/outline.js';
import { BODY_IN_TITLE, namesBodyAbove, titleText, withoutCoIssuers } from '../engine/meta.js';
import { toTraditional } from '../engine/script.js';
import { cite } from './shared/citations.js';

const rule: Rule = {
  id: 'title',
  severity: 'warning',
  tags: ['structure'],
  docs: {
    description: '报告没有标题，或标题中缺少年度或报告单位名称（包括只写“教育体育局”“区教育局”、没有所属地区的部门名称）。',
    why: '年度报告须向社会公开，标题应能让读者一眼看出是哪个单位哪一年度的法治政府建设情况报告；公文标题一般由发文机关名称、事由和文种组成。直接以正文开头、或标题只写“关于2023年法治政府建设情况的报告”的，公开后无法辨认。',
    ...cite(['gongwen-9-7']),
    howToFix: '在正文前加标题，写明单位和年度，例如“××镇关于2023年度法治政府建设情况的报告”。快速修复可插入标题骨架或补上单位名称。',
  },
  check({ doc, report }) {
    const { meta, text } = doc;
    const local = (s: string) => (doc.settings.script === 'traditional' ? toTraditional(s) : s);
    if (!meta.title || !meta.titleRange) {
      // The 公文's head lines (签发人：…, 〔2024〕3号, 特急) stand above where the title belongs: the text starts after them.
      const first = doc.blocks.find((b) => !doc.isIgnored(b.start, b.end) && !DOCUMENT_HEAD.test(b.text));
      const at = first ? first.start : 0;
      const preview = first ? first.text.slice(0, 12) : '';
      const { eol, blankLines } = paragraphLayout(text, doc.blocks);
      const body = meta.body ?? '××';
      const year = meta.year ? String(meta.year) : '20××';
      const insertAt = first ? doc.lines.lineStart(first.line) : 0;
      // A Markdown report gets a Markdown title.
      const markdown = doc.blocks.some((b) => b.markdownDepth > 0) ? '# ' : '';
      const inserted = local(`${body}关于${year}年度法治政府建设情况的报告`);
      // That title already in the text but not read as one (inserted inside an HTML block, a line the engine ignores):
      // another copy would not be read either, and --fix would add one per pass.
      const fix = text.includes(inserted) ? undefined : { title: '插入标题', edits: [{ start: insertAt, end: insertAt, newText: markdown + inserted + eol + (blankLines ? eol : '') }] };
      report({
        start: at,
        end: first ? Math.min(first.end, at + Math.max(1, firstClauseLength(first.text))) : at,
        message: `报告缺少标题：正文直接以“${preview}${first && first.text.length > 12 ? '…' : ''}”开头。标题应写明单位和年度。`,
        data: { kind: 'missing' },
        ...(fix ? { fix } : {}),
      });
      return;
    }
    const blocks = meta.titleBlocks;
    const { start, end } = meta.titleRange;
    // 《××镇2023年法治政府建设情况报告》: the 书名号 around the whole title are not part of its wording.
    const simplified = titleText(meta.title);
    // 2023年, ２０２３年, 二〇二三年.
    const hasYear = /(?:\d{4}|[０-９]{4}|[〇零○一二三四五六七八九]{4})\s*年/.test(simplified);
    const named = BODY_IN_TITLE.exec(withoutCoIssuers(simplified));
    // The body given in brackets after the title (2023年度法治政府建设情况报告（东安县司法局）).
    const bracketed = /[（(]([^（）()]{2,30})[）)]$/.exec(simplified);
    const hasBody = !!named || (!!bracketed && BODY_IN_TITLE.test(bracketed[1])) || restatedWithBody(doc.blocks, blocks, simplified);
    const missing = [hasBody ? '' : '单位名称', hasYear ? '' : '年度'].filter(Boolean);
    if (missing.length === 0) {
      // 教育体育局2023年度…, 区教育局2022年…: a department named without the region it belongs to names no body.
      const department = named && departmentWithoutRegion(named[0]);
      if (department) {
        report({
          start,
          end,
          message: `标题“${meta.title}”中的单位名称“${department}”不完整：缺少所属地区，应写全称（如“${/^[市区县省]/.test(department) ? '××' : '××县'}${department}”）。`,
          data: { kind: 'no-region', missing: ['单位名称'], body: department },
        });
      }
      return;
    }
    // The last title line (or the title glued at the start of the body's line).
    const last = blocks.length ? blocks[blocks.length - 1] : { start, text: meta.title };
    const edits = [];
    // Safe only where the place is clear: the body goes before a leading 关于; the year after 关于
    // (张八桥镇关于…) or right after the body (张八桥镇法治政府…).
    const guan = last.text.indexOf('关于');
    if (!hasBody && meta.body && meta.bodySource !== 'title' && blocks.length === 1 && guan === 0) {
      edits.push({ start: last.start, end: last.start, newText: local(meta.body) });
    }
    if (!hasYear && meta.year) {
      const bodyAt = meta.bodyShort ? last.text.indexOf(meta.bodyShort) : -1;
      const at = guan >= 0 && guan <= 30 ? guan + 2 : bodyAt >= 0 && bodyAt <= 20 ? bodyAt + meta.bodyShort!.length : -1;
      if (at >= 0) edits.push({ start: last.start + at, end: last.start + at, newText: `${meta.year}年度` });
    }
    report({
      start,
      end,
      message: `标题“${meta.title}”缺少${missing.join('和')}。`,
      data: { kind: hasBody ? 'no-year' : hasYear ? 'no-body' : 'no-body-year', missing },
      ...(edits.length === missing.length ? { fix: { title: `在标题中补上${missing.join('和')}`, edits } } : {}),
    });
  },
};

/**
 * The department a title names, when it gives no region (教育体育局, 区教育局, 市市场监管局): a unit ending in
 * 局、委、办… with no place name before it. National bodies (司法部, 国家××局, ××总局) need none.
 */
function departmentWithoutRegion(named: string): string | undefined {
  const body = named.replace(/^\d{4}\s*(?:年度|年)?/, '').replace(/^关于/, '');
  const place = '[\\u4e00-\\u9fa5XxＸｘ×*＊]{1,12}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道)';
  // 省人民政府关于…, 县政府关于…: a government named by its level alone.
  if (/^(?:省|自治区|市|自治州|州|盟|县|自治县|区|旗|镇|乡)(?:人民政府|政府)$/.test(body)) return body;
  if (!/(局|委员会|委|办公室|办|厅|中心)$/.test(body) || /^(?:国家|国务院|中国|中华|全国|最高|中共中央)|(?:总局|总署)$/.test(body)) return undefined;
  // A place before the department: 2+ characters ending in a unit of region (武汉市, 潼南区, 城口县鸡鸣乡).
  const region = new RegExp(`^${place}(?=[\\u4e00-\\u9fa5])`).exec(body)?.[0];
  // 市市场监管局: the "place" is 市 + the department's first character.
  if (region && (!/^[市区县省]$/.test(region[0]) || region.length > 2)) return undefined;
  return body;
}

/**
 * The title given again below the page's heading, under a line naming the body: the report's own title block
 * (2023年法治政府建设工作年度报告 ⏎ 政策法规科 2023-12-29 ⏎ 广元市人力资源和社会保障局 ⏎ 2023年法治政府建设工作年度报告).
 * Looked for among the few lines before the text starts.
 */
function restatedWithBody(all: Block[], titleBlocks: Block[], title: string): boolean {
  const from = titleBlocks.length ? titleBlocks[titleBlocks.length - 1].index + 1 : 0;
  for (let i = from; i < all.length && i < from + 8; i++) {
    const b = all[i];
    if (b.numbering || (b.text.length >= 30 && /[。；;，,]/.test(b.text))) return false;
    if (b.chrome) continue;
    const t = titleText(b.text);
    // The same title, or another title line of the report (关于2023年度…的报告 under the page's 2023年…报告).
    if ((t === title || (t.length <= 80 && /法治|依法/.test(t) && /报告$/.test(t))) && (namesBodyAbove(all, b) || BODY_IN_TITLE.test(withoutCoIssuers(t)))) return true;
  }
  return false;
}

/** A line a 公文 carries above its title: 签发人, the document number, an urgency or secrecy mark. */
const DOCUMENT_HEAD = /^(?:签发人|簽發人)\s*[:：]|^[\u4e00-\u9fa5]{1,10}〔\s*\d{4}\s*〕\s*\d+\s*号$|^(?:特急|加急|平急|特提|秘密|机密|绝密)(?:[\s\u3000★]|$)/;

/** Length of the opening up to the first comma, for a precise range on "2024年,在…" (at most 20). */
function firstClauseLength(s: string): number {
  const stop = s.search(/[，,。；;：:]/);
  return Math.min(stop > 0 ? stop : s.length, 20);
}

export default rule;
