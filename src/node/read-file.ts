import { constants, type Stats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

/**
 * Why a file was not read: it is not a regular file (a folder, a named pipe, a device), it is a
 * symbolic link where links are refused, or it is larger than its cap. `problem` reads after the
 * file's name: `"x" is a named pipe, not a regular file`.
 */
export class UnreadableFile extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    /** The file's size, when it was refused for being too large. */
    readonly size?: number,
  ) {
    super(`"${path}" ${problem}`);
    this.name = 'UnreadableFile';
  }
}

export interface ReadOptions {
  /** The most bytes the caller accepts. */
  cap: number;
  /** Refuse a symbolic link (the last part of the path) rather than follow it. */
  refuseLinks?: boolean;
}

/**
 * The one way Dialogkit reads a file it is given. Opened non-blocking, so a named pipe cannot
 * hang the build; a regular file only (a folder, pipe, socket or device is refused before a
 * byte is read); never more than `cap` + 1 bytes, so a huge file or `/dev/zero` costs nothing.
 * Throws `UnreadableFile` for those refusals; a failed system call (no such file, no
 * permission) is thrown as Node reports it, for the caller to word.
 */
export async function readBounded(path: string, options: ReadOptions): Promise<Uint8Array> {
  const { bytes, size } = await readUpTo(path, options);
  if (size > options.cap) throw tooLarge(path, size, options.cap);
  return bytes;
}

/**
 * Like `readBounded`, but a file over the cap is not refused: its first `cap` + 1 bytes come
 * back with its full size, for a parser that words the refusal itself (topic files).
 */
export async function readUpTo(path: string, options: ReadOptions): Promise<{ bytes: Uint8Array; size: number }> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.refuseLinks ? (constants.O_NOFOLLOW ?? 0) : 0);
  let handle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    if (options.refuseLinks && (error as NodeJS.ErrnoException).code === 'ELOOP' && (await isLink(path)))
      throw new UnreadableFile(path, 'is a symbolic link; only regular files are read here, not links');
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnreadableFile(path, `is ${kindOf(info)}, not a regular file`);
    // A file that grows while it is read is still never read past the cap + 1.
    const buffer = new Uint8Array(Math.min(info.size, options.cap) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.slice(0, Math.min(filled, options.cap + 1)), size: Math.max(info.size, filled) };
  } finally {
    await handle.close();
  }
}

/** The size of a cap in words: `2 MB`, `64 KB`. */
export function capInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

// --- internal ---

function tooLarge(path: string, size: number, cap: number): UnreadableFile {
  const shown = size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${size.toLocaleString('en')} bytes`;
  return new UnreadableFile(path, `is ${shown}; at most ${capInWords(cap)} is read`, size);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

async function isLink(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isSymbolicLink() ?? false;
}
