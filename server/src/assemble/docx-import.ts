// Reading Word documents (.docx) as report text. Implemented by the document-assembly work (issue 6).

export interface DocxText {
  /** The document as Markdown: headings as #, one paragraph per line, blank line between paragraphs. */
  markdown: string;
  /** For each 1-based line of `markdown`, the 1-based Word paragraph it came from (0 where none). */
  paragraphOfLine: number[];
}

export async function readDocx(_buffer: Uint8Array): Promise<DocxText> {
  throw new Error('Word (.docx) input is not supported yet');
}
