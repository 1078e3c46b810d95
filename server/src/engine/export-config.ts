// The `export` section of .fazhi-lint.json: which fonts the Word export uses, and their alternate names.
// It lives in the engine because the config (engine/config.ts, config-schema.ts) validates it; the
// export itself (assemble/fonts.ts) builds its font chains and font table from these.
export const FONT_ROLES = ['title', 'body', 'heading1', 'heading2', 'heading3', 'pageNumber', 'latin'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

/** What each font is for, in the config schema and docs. */
export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  title: '标题（二号小标宋）',
  body: '正文、主送机关、署名和日期（三号仿宋）',
  heading1: '一级标题（三号黑体），附件标识',
  heading2: '二级标题（三号楷体）',
  heading3: '三、四级标题（三号仿宋）',
  pageNumber: '页码（四号宋体）',
  latin: '数字和西文',
};

export const DEFAULT_FONTS: Record<FontRole, readonly string[]> = {
  title: ['方正小标宋简体', '小标宋', '华文中宋', 'STZhongsong', '宋体', 'SimSun'],
  body: ['仿宋_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'],
  heading1: ['黑体', 'SimHei', '华文黑体', 'STHeiti'],
  heading2: ['楷体_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti'],
  heading3: ['仿宋_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'],
  pageNumber: ['宋体', 'SimSun', '华文宋体', 'STSong'],
  latin: ['Times New Roman'],
};

export type FontChains = Record<FontRole, readonly string[]>;

/** The export's config section (`export` in .fazhi-lint.json). */
export interface ExportConfig {
  fonts?: Partial<Record<FontRole, string | string[]>>;
}

/** JSON Schema of the config's `export` section (part of rules/schema/config.schema.json). */
export const EXPORT_CONFIG_SCHEMA = {
  type: 'object',
  description: 'Word 导出（fazhi-lint export）的设置。Settings of the Word export.',
  additionalProperties: false,
  properties: {
    fonts: {
      type: 'object',
      description:
        '导出使用的字体名：一个名字（其后仍接内置的备选字体），或一组名字（第一个为首选，其余依次为 Word 找不到时的备选，写入字体表 w:altName）。Font names: one, or a list of the name and its alternates.',
      additionalProperties: false,
      properties: Object.fromEntries(
        FONT_ROLES.map((role) => [
          role,
          {
            description: `${FONT_ROLE_LABELS[role]}；默认 ${DEFAULT_FONTS[role].join(' → ')}`,
            oneOf: [
              { type: 'string', minLength: 1 },
              { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
            ],
          },
        ]),
      ),
    },
  },
} as const;
