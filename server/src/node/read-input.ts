// Reading a report's bytes and decoding them, with a clear bilingual
// message for everything that is not a text file we can check: missing or
// unreadable paths, binary files, invalid UTF-8 (with where), and the
// encodings we do accept (UTF-8 with or without BOM, UTF-16 with BOM).
// The BOM is stripped so that positions are those the user's editor shows;
// `encoding` lets --fix write the file back the way it was.
import { readFileSync, statSync, type Stats } from 'node:fs';
import type { ReadSnapshot } from './write-file.js';

export type TextEncodingKind = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export interface DecodedText {
  ok: true;
  text: string;
  encoding: TextEncodingKind;
  /** Things worth telling the user that do not stop the check (empty file). */
  notices: string[];
  /** For a file: its bytes, size and mtime when read (--fix writes only if it is still so). */
  read?: ReadSnapshot;
}

export interface InputProblem {
  ok: false;
  /** Chinese + English, without the path (the caller prefixes it). */
  message: string;
}

export type InputResult = DecodedText | InputProblem;

/** Above this share of control bytes (besides tab, newlines, form feed, ESC) a file is binary. */
const CONTROL_RATIO = 0.1;
const SNIFF_BYTES = 64 * 1024;

export function readInputFile(file: string): InputResult {
  let bytes: Buffer;
  let stat: Stats;
  try {
    const problem = notRegularFile(statSync(file));
    if (problem) return { ok: false, message: problem };
    bytes = readFileSync(file);
    stat = statSync(file);
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
  const decoded = decodeInput(bytes);
  return decoded.ok ? { ...decoded, read: { bytes, size: stat.size, mtimeMs: stat.mtimeMs } } : decoded;
}

/**
 * Why a path cannot be read as a report, or undefined for a regular file. A FIFO or a device
 * would block or never end (/dev/zero), so it is refused before any read.
 */
export function notRegularFile(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return '这是一个文件夹，不是文件（is a directory）';
  if (stat.isFIFO()) return '这是一个管道（FIFO），不是普通文件；要检查管道中的内容，请用 --stdin（a FIFO, not a regular file: pipe it into --stdin instead）';
  return '不是普通文件（设备或套接字），不检查（not a regular file: a device or socket）';
}

/** A file-system error in Chinese and English; `writing` for errors while writing a file back (--fix). */
export function describeFsError(error: unknown, writing = false): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在（no such file or directory）';
  if (code === 'EACCES' || code === 'EPERM') return writing ? '没有写入权限（permission denied）' : '没有读取权限（permission denied）';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件（is a directory）';
  if (code === 'ELOOP') return '符号链接循环，无法解析（too many levels of symbolic links）';
  if (code === 'ENOTDIR') return '路径中的某一级不是文件夹（a component of the path is not a directory）';
  if (code === 'EROFS') return '文件系统只读（read-only file system）';
  if (code === 'ENOSPC') return '磁盘空间不足（no space left on device）';
  const what = writing ? '无法写入文件（cannot write file' : '无法读取文件（cannot read file';
  return `${what}: ${(error as Error).message ?? String(error)}）`;
}

export function decodeInput(bytes: Uint8Array): InputResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf16be');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const binary = sniffBinary(body);
  if (binary) return { ok: false, message: binary };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { ok: false, message: describeInvalidUtf8(body) };
  }
  return { ok: true, text, encoding: bom ? 'utf8-bom' : 'utf8', notices: emptyNotice(text) };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf16le' | 'utf16be'): InputResult {
  try {
    const text = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding, notices: emptyNotice(text) };
  } catch {
    return { ok: false, message: `不是有效的 ${encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} 文本（invalid UTF-16 despite its byte order mark）` };
  }
}

function emptyNotice(text: string): string[] {
  return /^[\s\u3000\ufeff]*$/.test(text)
    ? ['文件为空，按缺少全部内容的报告检查（empty file: checked as a report with every part missing）']
    : [];
}

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP/Office（如 .docx，请用 .docx 扩展名）'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'Word 97-2003（.doc）'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
];

/** A message if the bytes look like a binary file, else undefined. */
export function sniffBinary(bytes: Uint8Array): string | undefined {
  for (const [magic, kind] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return `二进制文件，不是文本（binary file: looks like ${kind}）`;
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) {
      const utf16 = looksLikeUtf16(bytes.subarray(0, n)) ? '；像是没有 BOM 的 UTF-16 文本，请另存为 UTF-8（looks like UTF-16 without BOM: save as UTF-8）' : '';
      return `二进制文件，含有 NUL 字节（binary file: NUL byte at offset ${i}）${utf16}`;
    }
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  if (n > 0 && control / n > CONTROL_RATIO) {
    return `二进制文件，控制字符过多（binary file: ${Math.round((control / n) * 100)}% control characters）`;
  }
  return undefined;
}

/** UTF-16 text of mostly ASCII/Latin has a zero in every other byte, and only there. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const zeros = [0, 0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) zeros[i & 1]++;
  const half = bytes.length / 2;
  return bytes.length >= 4 && Math.max(...zeros) > half * 0.3 && Math.min(...zeros) < half * 0.05;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

function describeInvalidUtf8(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  let where = '';
  if (at >= 0) {
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
    where = `：第 ${line} 行第 ${column} 列，字节偏移 ${at}（at line ${line}, column ${column}, byte ${at}）`;
  }
  let hint = '';
  try {
    // GB18030 accepts almost any bytes; only hint when the result is mostly Chinese.
    const gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes.subarray(0, SNIFF_BYTES));
    const nonAscii = gb.match(/[^\x00-\x7f]/g)?.length ?? 0;
    const han = gb.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
    if (nonAscii > 0 && han / nonAscii > 0.9) hint = '。看起来是 GBK/GB18030 编码，请另存为 UTF-8（looks like GBK/GB18030: save it as UTF-8）';
  } catch {
    // not GB18030 either: no hint
  }
  return `不是有效的 UTF-8 文本${where}（invalid UTF-8）${hint}`;
}

/** Encodes text back the way it was read (for --fix). */
export function encodeText(text: string, encoding: TextEncodingKind): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
  }
}
