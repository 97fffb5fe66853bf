import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DialogkitError, ExitCode } from '../core/diagnostics.js';
import type { OutputFile } from '../core/model.js';
import { environmentError, isSystemError, onDisk } from './environment-error.js';
import { confine, isRefusedPath, RefusedPath } from './out-path.js';
import { readBounded, UnreadableFile } from './read-file.js';

/**
 * Writes each file to a temporary name beside it, then renames it into place. A rename is
 * atomic on one file system, so `out/` never holds a half-written PDF, even if the process
 * is killed mid-build. Refuses (`RefusedPath`) any path that would leave `outDir` or pass a
 * symbolic link. A failed write is an environment error naming the file (exit 4); the file's
 * earlier version stays.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], onWritten?: (file: OutputFile) => void): Promise<void> {
  const held: string[] = [];
  for (const file of files) {
    const target = await confine(outDir, file.path);
    await makeFolder(dirname(target));
    const temporary = join(dirname(target), temporaryName(basename(target)));
    try {
      await writeFile(temporary, file.bytes);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      if (isHeldOpen(error)) {
        held.push(target);
        continue;
      }
      throw isSystemError(error) ? environmentError(error, 'write', target) : error;
    }
    onWritten?.(file);
  }
  if (held.length > 0) throw new HeldOpenError(held);
}

/**
 * Files that could not be replaced because another program holds them open (Acrobat and Foxit
 * lock an open PDF on Windows); every other file was written. One line per file; the earlier
 * version stays, and the next build, whose fingerprints no longer match it, writes it again.
 */
export class HeldOpenError extends DialogkitError {
  constructor(readonly paths: readonly string[]) {
    super(
      paths.map((path) => `cannot replace ${path}: another program has it open; close it there, and the next build writes it`).join('\n'),
      {
        exitCode: ExitCode.environmentError,
      },
    );
  }
}

/** Creates `path` and its parents, if missing; a failure is an environment error with its true cause. */
export async function makeFolder(path: string): Promise<void> {
  await onDisk('create the folder', path, async () => {
    try {
      await mkdir(path, { recursive: true });
    } catch (error) {
      // Node's recursive mkdir reports ENOENT on a read-only file system; a plain mkdir tells the truth.
      if (!isSystemError(error) || error.code !== 'ENOENT') throw error;
      await mkdir(path);
    }
  });
}

/** Removes files Dialogkit wrote and no longer makes (listed in its manifest); missing ones are fine. */
export async function removeFiles(outDir: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const target = await confine(outDir, path);
    const info = await lstat(target).catch(() => undefined);
    if (info === undefined) continue;
    if (!info.isFile())
      throw new RefusedPath(`${join(outDir, path)} is not a file Dialogkit wrote (it is a folder or a special file); remove it`);
    await onDisk('remove', target, () => rm(target, { force: true }));
  }
}

/** Removes `folder` (inside `outDir`) if it is empty; a folder still holding anything stays. */
export async function removeFolderIfEmpty(outDir: string, folder: string): Promise<boolean> {
  const target = await confine(outDir, folder);
  try {
    await rmdir(target);
    return true;
  } catch (error) {
    if (isSystemError(error) && ['ENOTEMPTY', 'EEXIST', 'ENOENT', 'ENOTDIR'].includes(error.code)) return false;
    throw isSystemError(error) ? environmentError(error, 'remove the folder', target) : error;
  }
}

/**
 * Deletes temporary files a killed build left behind, in the given folders of `outDir` only
 * (not below them), and only files with Dialogkit's own temporary names. Harmless when there
 * are none or a folder does not exist.
 */
export async function removeLeftovers(outDir: string, folders: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of folders) {
    // A folder behind a link is not looked into: writing that topic is refused with a line of its own.
    const dir =
      folder === ''
        ? await onDisk('look at the output folder', outDir, () => realpath(outDir))
        : await confine(outDir, folder).catch((error: unknown) => {
            if (isRefusedPath(error)) return undefined;
            throw error;
          });
    if (dir === undefined) continue;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !TEMPORARY.test(entry.name)) continue;
      const path = join(dir, entry.name);
      await onDisk('remove', path, () => rm(path, { force: true }));
      removed.push(path);
    }
  }
  return removed;
}

/**
 * The size of a file in `outDir`, or `undefined` when it is not there, not a regular file, or
 * behind a symbolic link (then it is not Dialogkit's: writing it is refused with a line of its own).
 */
export async function sizeInOut(outDir: string, path: string): Promise<number | undefined> {
  try {
    const info = await lstat(await confine(outDir, path));
    return info.isFile() ? info.size : undefined;
  } catch (error) {
    if (isRefusedPath(error) || isSystemError(error)) return undefined;
    throw error;
  }
}

/** The largest file Dialogkit reads back from `out/` (to zip it or check it is unchanged). */
export const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/** The bytes of a file Dialogkit wrote in `outDir`, through the guard: never through a link, never a pipe. */
export async function readInOut(outDir: string, path: string): Promise<Uint8Array> {
  const target = await confine(outDir, path);
  try {
    return await onDisk('read', target, () => readBounded(target, { cap: MAX_OUTPUT_BYTES, refuseLinks: true }));
  } catch (error) {
    if (error instanceof UnreadableFile)
      throw new RefusedPath(`${join(outDir, path)} ${error.problem}; Dialogkit reads back only files it wrote`);
    throw error;
  }
}

// --- internal ---

/** A rename refused because the target is open elsewhere: EBUSY, and on Windows EPERM (a sharing violation). */
function isHeldOpen(error: unknown): boolean {
  if (!isSystemError(error) || error.syscall !== 'rename') return false;
  return error.code === 'EBUSY' || (error.code === 'EPERM' && process.platform === 'win32');
}

/**
 * Temporary files are `.<name>.dialogkit-<pid>-<random>.tmp`: hidden, never `*.pdf`, and
 * unmistakably Dialogkit's, so cleaning up can never take someone else's file.
 */
const TEMPORARY = /^\..+\.dialogkit-\d+-[0-9a-f]{8}\.tmp$/;

/** Whether `name` is one of Dialogkit's temporary names (a killed build's leftover). */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name);
}

/** A temporary name beside `name` that only this process uses. */
export function temporaryName(name: string): string {
  return `.${name}.dialogkit-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}
