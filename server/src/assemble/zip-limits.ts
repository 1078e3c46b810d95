// Limits on what a .docx may inflate to, checked before mammoth (through JSZip) reads it: a zip of a few
// megabytes can hold a document.xml of gigabytes ("zip bomb"). Every entry is inflated here with a ceiling
// on its output — the entry cap, or a compression ratio no Word document reaches — so inflation stops at
// the ceiling and memory stays bounded, and the file is refused with a message saying why.
import { inflateRawSync } from 'node:zlib';

/** No part of a real report comes near this (a 500-page document.xml is about 20 MB). */
export const ENTRY_CAP = 64 * 1024 * 1024;
/** All parts together. */
export const TOTAL_CAP = 256 * 1024 * 1024;
/** Word's XML deflates about 5–20 : 1; beyond this, and above RATIO_FLOOR bytes, the entry is refused. */
export const MAX_RATIO = 100;
const RATIO_FLOOR = 1024 * 1024;
const MAX_ENTRIES = 10_000;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function centralDirectory(zip: Buffer): Entry[] | undefined {
  // End of central directory: the last "PK\5\6" within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined; // not a zip we can read: mammoth says so in its own words
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) throw new ZipLimitError(`压缩包中有 ${count} 个文件，远超 Word 文档的正常数量，拒绝读取（too many zip entries）`);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return entries;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      uncompressed: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Throws ZipLimitError (in Chinese, naming the part) if some entry inflates beyond the caps. */
export function checkZipLimits(bytes: Uint8Array): void {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(zip);
  if (!entries) return;
  let total = 0;
  for (const e of entries) {
    const refuse = (why: string) =>
      new ZipLimitError(`Word 文档中的 ${e.name} ${why}，疑为恶意构造的压缩包（zip bomb），拒绝读取（decompressed size limit exceeded）`);
    if (e.uncompressed !== 0xffffffff && e.uncompressed > ENTRY_CAP) throw refuse(`声明解压后 ${MB(e.uncompressed)}，超过单个部件 ${MB(ENTRY_CAP)} 的上限`);
    if (e.method === 0) {
      total += e.compressed;
    } else if (e.method === 8) {
      const local = e.localOffset;
      if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) continue; // broken: mammoth reports it
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, Math.min(zip.length, start + e.compressed));
      const ratioLimit = Math.max(RATIO_FLOOR, data.length * MAX_RATIO);
      const limit = Math.min(ENTRY_CAP, ratioLimit, TOTAL_CAP - total);
      let size: number;
      try {
        size = inflateRawSync(data, { maxOutputLength: limit + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          if (limit === TOTAL_CAP - total) throw refuse(`使全部解压内容超过 ${MB(TOTAL_CAP)} 的上限`);
          if (limit === ratioLimit) throw refuse(`解压后超过 ${MB(limit)}（压缩比超过 ${MAX_RATIO}:1，正常 Word 文档不会如此）`);
          throw refuse(`解压后超过单个部件 ${MB(ENTRY_CAP)} 的上限`);
        }
        continue; // corrupt data: mammoth reports it
      }
      if (size > limit) throw refuse(`解压后超过 ${MB(limit)} 的上限`);
      total += size;
    }
  }
}
