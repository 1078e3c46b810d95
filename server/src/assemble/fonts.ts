// The fonts of the export and their alternate names. Government templates name 仿宋_GB2312, 楷体_GB2312 and
// 方正小标宋简体, which a stock Windows lacks (it has 仿宋, 楷体, 黑体, 宋体); Word picks a substitute from the
// font table's w:altName, so every name is written with its chain of alternates (仿宋_GB2312 → 仿宋 →
// FangSong → 华文仿宋 …). A config's "export": { "fonts": { "body": "仿宋" } } (or a list: the name, then its
// alternates) replaces a chain.
import type { ConfigObject } from '../engine/config.js';

import { FONT_ROLES, DEFAULT_FONTS, type ExportConfig, type FontChains } from '../engine/export-config.js';

export type { FontChains };

/** The font chains for a config: its own names first (a single name keeps the default alternates after it). */
export function fontChains(config?: ConfigObject): FontChains {
  const own: ExportConfig['fonts'] = config?.export?.fonts ?? {};
  const chains = { ...DEFAULT_FONTS };
  for (const role of FONT_ROLES) {
    const value = own[role];
    if (value === undefined) continue;
    const names = (Array.isArray(value) ? value : [value]).map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) continue;
    // One name: a name of the default chain keeps the alternates after it (仿宋 → FangSong …); another goes before them all.
    const known = DEFAULT_FONTS[role].indexOf(names[0]);
    chains[role] = Array.isArray(value) ? names : known >= 0 ? DEFAULT_FONTS[role].slice(known) : [names[0], ...DEFAULT_FONTS[role]];
  }
  // 三、四级标题 are set in the body's 仿宋: a body font of one's own applies to them unless they have their own.
  if (own.body !== undefined && own.heading3 === undefined) chains.heading3 = chains.body;
  return chains;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml: every font the document names, each with the next name of its chain as w:altName. */
export function fontTableXml(chains: FontChains): string {
  const alt = new Map<string, string | undefined>();
  for (const chain of Object.values(chains)) {
    chain.forEach((name, i) => {
      if (!alt.has(name) || alt.get(name) === undefined) alt.set(name, chain[i + 1]);
    });
  }
  const latin = new Set(chains.latin);
  const fonts = [...alt].map(([name, next]) => {
    const cjk = !latin.has(name);
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (next ? `<w:altName w:val="${escapeXml(next)}"/>` : '') +
      `<w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${cjk ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/>` +
      `</w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}
