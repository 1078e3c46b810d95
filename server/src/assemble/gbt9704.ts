// Page and type layout of 《党政机关公文格式》（GB/T 9704-2012）, in Word's units.
// 1 mm = 1440 / 25.4 twips; font sizes in half-points (Word's w:sz).

const mm = (v: number): number => Math.round((v * 1440) / 25.4);

/** A4 (§5.2.1), as Word writes it. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** §5.2.2: 天头（上白边）37 mm, 订口（左白边）28 mm, 版心 156 mm × 225 mm (without page number). */
export const TYPE_AREA = { width: mm(156), height: mm(225) } as const; // 8844 × 12756 twips
export const MARGIN = {
  top: mm(37), // 2098
  left: mm(28), // 1587
  right: PAGE.width - mm(28) - TYPE_AREA.width, // 1475 ≈ 26 mm
  bottom: PAGE.height - mm(37) - TYPE_AREA.height, // 1984 ≈ 35 mm
} as const;

/** §5.2.4: 22 lines a page, 28 characters a line, in 三号 (16 pt) 仿宋. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * Fixed line pitch: the largest whole number of twips at which 22 lines fit the 225 mm type
 * area: 12756 / 22 = 579.8 → 579 twips = 28.95 pt (22 × 579 = 12738 ≤ 12756; 580 would need
 * 12760 and push the 22nd line onto the next page). This is the 28.95 pt of the usual templates.
 */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE); // 579

/** Size of 三号 body text in points. */
export const BODY_PT = 16;

/**
 * 28 characters a line: 三号 characters need 28 × 16 pt = 158 mm > 156 mm, so only 27 would fit.
 * Word templates squeeze them with a character grid (w:docGrid linesAndChars, charSpace ≈ −848),
 * which Word honours but LibreOffice does not (it gives each wider character two grid cells, 14 a
 * line). Condensing characters by 0.25 pt (w:spacing −5, in twentieths of a point) works in every
 * program: 28 × 15.75 pt = 441 pt ≤ 442.2 pt (156 mm) < 29 × 15.75 pt. Justified lines then fill the
 * type area. Likewise the 22 lines come from exact 579-twip spacing on every paragraph, not from a
 * line grid, under which LibreOffice gives the 22 pt title two grid rows a line.
 */
export const CHAR_CONDENSE = -5;
export const CHAR_PITCH_TWIPS = BODY_PT * 20 + CHAR_CONDENSE; // 315

/** Twips for n characters of the grid, for indents Word expresses in twips. */
export const chars = (n: number): number => Math.round(n * CHAR_PITCH_TWIPS);

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;

/** 二号 characters on a line of the type area: 8844 twips / 440 twips = 20. */
export const TITLE_CHARS_PER_LINE = Math.floor(TYPE_AREA.width / (SIZE.title * 10));

/**
 * The page number's line: exactly one 四号 character high (14 pt = 280 twips). The footer must not
 * inherit the body's 579-twip pitch: a footer taller than the space between footer distance and
 * bottom margin pushes the type area up (Word and LibreOffice both do this), and the 22nd line
 * would go to the next page.
 */
export const PAGE_NUMBER_LINE = SIZE.pageNumber * 10; // 280

/**
 * §7.5: 一字线上距版心下边缘 7 mm — the dashes (at mid-height of the page number's line) are 7 mm
 * below the type area. The footer distance is where that line's lower edge goes:
 * 35 mm − 7 mm − half a 四号 line ≈ 25.5 mm (1447 twips); the footer's top (1447 + 280 = 1727 twips)
 * stays inside the bottom margin (1984), so the type area keeps its 225 mm.
 */
export const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - PAGE_NUMBER_LINE / 2; // 1447
export const HEADER_DISTANCE = mm(15);

/**
 * Font names as government templates write them, so Word on the reviewer's machine picks the right ones
 * (fonts.ts adds the alternate names Word falls back to, and lets a config change them).
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;
