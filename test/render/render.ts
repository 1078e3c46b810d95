// Seeing an exported .docx as a reader does: LibreOffice (headless) prints it to PDF with the template fonts
// mapped to free CJK fonts (fonts.conf), poppler's pdftotext -bbox-layout gives every line's box in points,
// and pdftoppm gives the pages as pictures (grey PGM to measure rules and borders, PNG to look at).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FONTS_CONF = path.join(HERE, 'fonts.conf');

/** What is missing to render, or undefined when soffice, pdftotext and pdftoppm are all there. */
export function missingTools(): string | undefined {
  const missing = ['soffice', 'pdftotext', 'pdftoppm'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  return missing.length ? missing.join(', ') : undefined;
}

/** The .docx printed to PDF by LibreOffice, in `dir` (a profile of its own there, so runs never share one). */
export function renderPdf(docx: string, dir: string): string {
  const profile = path.join(dir, 'lo-profile');
  mkdirSync(profile, { recursive: true });
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, docx], {
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF, HOME: dir },
    stdio: 'ignore',
    timeout: 180_000,
  });
  const pdf = path.join(dir, path.basename(docx).replace(/\.docx$/i, '.pdf'));
  readFileSync(pdf); // throws if LibreOffice wrote nothing
  return pdf;
}

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface TextLine extends Box {
  text: string;
  words: (Box & { text: string })[];
}

export interface Page {
  width: number;
  height: number;
  lines: TextLine[];
}

const num = (s: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(s)![1]);
const box = (s: string): Box => ({ xMin: num(s, 'xMin'), yMin: num(s, 'yMin'), xMax: num(s, 'xMax'), yMax: num(s, 'yMax') });
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every page's text lines with their boxes, in points from the page's top left. */
export function textLayout(pdf: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map(([, attrs, body]) => ({
    width: num(attrs, 'width'),
    height: num(attrs, 'height'),
    lines: [...body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)]
      .map(([, lineAttrs, lineBody]) => {
        const words = [...lineBody.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, w, text]) => ({ ...box(w), text: unescape(text) }));
        return { ...box(lineAttrs), words, text: words.map((w) => w.text).join('') };
      })
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin),
  }));
}

/** A page as a grey image: `pixel(x, y)` is 0 (black) … 255 (white); `scale` pixels a point. */
export interface GreyPage {
  width: number;
  height: number;
  scale: number;
  pixel(x: number, y: number): number;
}

export function greyPage(pdf: string, page: number, dir: string, dpi = 144): GreyPage {
  const prefix = path.join(dir, `grey-${page}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  const data = readFileSync(`${prefix}.pgm`);
  // P5 ⏎ width height ⏎ 255 ⏎ bytes
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = header[0].length;
  return { width, height, scale: dpi / 72, pixel: (x, y) => data[offset + y * width + x] };
}

/** PNG pictures of pages `first`..`last` at `dpi`, for people to look at; returns their paths. */
export function pngPages(pdf: string, dir: string, first: number, last: number, dpi = 80): string[] {
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), pdf, prefix]);
  return readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((f) => path.join(dir, f));
}

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
