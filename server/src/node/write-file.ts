// Writing a report back (--fix) without ever losing it: the new text goes to a temporary file
// in the same folder, is flushed to disk (fsync) and only then renamed over the report, so a
// full disk, a crash or a kill leaves either the old file or the new one, never a truncated
// one. The report's permissions (and owner, when we may) are kept; a symbolic link stays a link
// (its target is rewritten). A file with several hard links is rewritten in place, since a
// rename would cut it off from its other names — but only once the full new text is safely
// written elsewhere, so that a failure can put the old text back and keep the new one aside.
// Right before the rename the file is compared with what was read: if someone saved it in
// the meantime, nothing is written.
//
// Every file-system call goes through `WriteFs`, so tests can make a write fail (ENOSPC) at
// any point without a full disk.
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { describeFsError } from './read-input.js';

export type WriteFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'fchmodSync'
  | 'fchownSync'
  | 'ftruncateSync'
  | 'statSync'
  | 'readFileSync'
  | 'realpathSync'
>;

/** What the file was when it was read: the write is refused if it is no longer so. */
export interface ReadSnapshot {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
}

export class WriteRefused extends Error {
  constructor(
    message: string,
    /** Where the new text was kept when it could not be put in place. */
    readonly keptAt?: string,
  ) {
    super(message);
    this.name = 'WriteRefused';
  }
}

function writeAll(fs: WriteFs, fd: number, data: Uint8Array): void {
  for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at, at);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

function tryUnlink(fs: WriteFs, file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

/** A new file next to `target` (same folder, so the rename is atomic), with the target's permissions. */
function writeTemp(fs: WriteFs, target: string, data: Uint8Array, stat: nodeFs.Stats | undefined, durable = true): string {
  const dir = path.dirname(target);
  let temp = '';
  let fd: number | undefined;
  for (let attempt = 0; fd === undefined; attempt++) {
    temp = path.join(dir, `.${path.basename(target)}.fazhi-lint-${process.pid}-${Date.now().toString(36)}${attempt}.tmp`);
    try {
      fd = fs.openSync(temp, 'wx', stat ? stat.mode & 0o777 : 0o666);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 10) throw error;
    }
  }
  try {
    if (stat) {
      fs.fchmodSync(fd, stat.mode & 0o7777);
      try {
        fs.fchownSync(fd, stat.uid, stat.gid);
      } catch {
        // only root may give a file away: the user's own file keeps its owner anyway
      }
    }
    writeAll(fs, fd, data);
    if (durable) fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    tryUnlink(fs, temp);
    throw error;
  }
  fs.closeSync(fd);
  return temp;
}

function syncFolder(fs: WriteFs, dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some file systems cannot fsync a folder; the rename itself is still atomic
  }
}

/** Throws WriteRefused when the file on disk is no longer the one that was read. */
function assertUnchanged(fs: WriteFs, target: string, read: ReadSnapshot): void {
  const stat = fs.statSync(target);
  if (stat.size !== read.size || stat.mtimeMs !== read.mtimeMs || !sameBytes(fs.readFileSync(target), read.bytes)) {
    throw new WriteRefused('文件在检查期间被修改过，未写入修复结果，以免覆盖新的内容；请重新运行 --fix（the file changed while it was being checked: not written, run --fix again）');
  }
}

/**
 * Writes `data` to `file` atomically (temporary file, fsync, rename). An existing file keeps its mode and
 * owner and, when `read` is given, is only replaced if it is still what was read. Throws WriteRefused (a
 * message in Chinese and English) when the file changed meanwhile or a hard-linked file could not be
 * rewritten, and the file-system error otherwise; in every case the file keeps its old content.
 */
export function writeFileAtomic(file: string, data: Uint8Array, options: { read?: ReadSnapshot; fs?: WriteFs; durable?: boolean } = {}): void {
  const fs = options.fs ?? nodeFs;
  let target = file;
  let stat: nodeFs.Stats | undefined;
  try {
    target = fs.realpathSync(file); // through a symbolic link: its target is rewritten, the link stays
    stat = fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || options.read) throw error;
  }
  const durable = options.durable ?? true;
  const temp = writeTemp(fs, target, data, stat, durable);
  try {
    if (options.read) assertUnchanged(fs, target, options.read);
    if (stat && stat.nlink > 1) {
      rewriteInPlace(fs, target, data, fs.readFileSync(target), temp);
      tryUnlink(fs, temp);
      return;
    }
    fs.renameSync(temp, target);
  } catch (error) {
    if (!(error instanceof WriteRefused && error.keptAt)) tryUnlink(fs, temp);
    throw error;
  }
  if (durable) syncFolder(fs, path.dirname(target));
}

/** A hard-linked file: overwrite its bytes; on failure put the old bytes back and keep the new text in `temp`. */
function rewriteInPlace(fs: WriteFs, target: string, data: Uint8Array, old: Uint8Array, temp: string): void {
  const fd = fs.openSync(target, 'r+');
  try {
    writeAll(fs, fd, data);
    fs.ftruncateSync(fd, data.length);
    fs.fsyncSync(fd);
  } catch (error) {
    let restored = true;
    try {
      writeAll(fs, fd, old);
      fs.ftruncateSync(fd, old.length);
      fs.fsyncSync(fd);
    } catch {
      restored = false;
    }
    throw new WriteRefused(
      `无法改写这个有多个硬链接的文件（${describeFsError(error, true)}）；${restored ? '原文已恢复' : '原文可能已损坏'}，修复后的全文保存在 ${temp}` +
        `（could not rewrite a hard-linked file in place; ${restored ? 'the original was restored' : 'the original may be damaged'}, the fixed text is in ${temp}）`,
      temp,
    );
  } finally {
    fs.closeSync(fd);
  }
}

/** Why an output file was not written (a folder, a device, one of the command's inputs, an existing file without force). */
export class OutputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRefused';
  }
}

export interface OutputOptions {
  /** Replace an existing file (never one of `inputs`): --force, or the editor's save dialog having asked. */
  force: boolean;
  /** Files the command read (its input, a manifest and its contributions, a skeleton, a config): never written over. */
  inputs?: readonly string[];
  /** The output as shown in messages. */
  display?: string;
  /** Who asks: the CLI's messages name its options (-o, --force); the editor's name none. Default 'cli'. */
  from?: 'cli' | 'editor';
  /**
   * false: still atomic (temporary file, rename), but without waiting for the disk (no fsync). For output that is
   * regenerated at will and written by the hundred (the review folder: 206 fsyncs were a fifth of its time).
   */
  durable?: boolean;
}

function statOrUndefined(file: string, follow = true): nodeFs.Stats | undefined {
  try {
    return follow ? nodeFs.statSync(file) : nodeFs.lstatSync(file);
  } catch {
    return undefined;
  }
}

/** True when `a` and `b` are the same file: the same path once links are resolved, or hard links to one inode. */
function sameFile(a: string, statA: nodeFs.Stats, b: string): boolean {
  const statB = statOrUndefined(b);
  if (!statB) return false;
  if (statA.dev === statB.dev && statA.ino === statB.ino) return true;
  try {
    return nodeFs.realpathSync(a) === nodeFs.realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Writes an output file of a command (new, assemble, export, import, review; the CLI's and the editor's) without
 * ever losing one: refuses a folder, a device, one of the command's own inputs (even with force), and an existing
 * file without force (OutputRefused); then writes it with writeFileAtomic (temporary file, fsync, rename; mode
 * kept; a symbolic link written through; a hard-linked file rewritten in place once the new text is safe).
 * Other failures throw an Error saying the old file is untouched.
 */
export function writeOutput(file: string, data: string | Uint8Array, options: OutputOptions): void {
  const display = options.display ?? file;
  const cli = (options.from ?? 'cli') === 'cli';
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) {
    throw new OutputRefused(`${display} 是文件夹，不能作为输出文件；${cli ? '请用 -o 给出文件名' : '请给出文件名'}（output is a directory）`);
  }
  if (existing && !existing.isFile()) throw new OutputRefused(`${display} 不是普通文件（设备、管道或套接字），不写入（output is not a regular file）`);
  if (existing) {
    if ((options.inputs ?? []).some((input) => sameFile(file, existing, input))) {
      throw new OutputRefused(
        `${display} 是本命令的输入文件，不能用输出覆盖它${cli ? '（即使加 --force）；请用 -o 另选文件名' : '；请另选文件名'}（output would overwrite an input）`,
      );
    }
    if (!options.force) throw new OutputRefused(`${display} 已存在；${cli ? '要覆盖请加 --force' : '未覆盖'}（file exists${cli ? '; use --force' : ''}）`);
  }
  try {
    nodeFs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new Error(`无法创建输出文件夹 ${path.dirname(display)}：${describeFsError(error, true)}`);
  }
  try {
    writeFileAtomic(file, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { durable: options.durable });
  } catch (error) {
    throw new Error(`无法写入 ${display}${existing ? '，原文件未改动' : ''}：${error instanceof WriteRefused ? error.message : describeFsError(error, true)}`);
  }
}
