import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { DialogkitError, ExitCode } from '../core/diagnostics.js';
import type { OutputFile } from '../core/model.js';
import { environmentError, isSystemError, onDisk } from './environment-error.js';

/**
 * Writes each file to a temporary name beside it, then renames it into place. A rename is
 * atomic on one file system, so `out/` never holds a half-written PDF, even if the process
 * is killed mid-build. Refuses any path that would leave `outDir`. A failed write is an
 * environment error naming the file (exit 4); the file's earlier version stays.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], onWritten?: (file: OutputFile) => void): Promise<void> {
  const held: string[] = [];
  for (const file of files) {
    const target = insideOut(outDir, file.path);
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
    const target = insideOut(outDir, path);
    await onDisk('remove', target, () => rm(target, { force: true }));
  }
}

/** Removes `folder` (inside `outDir`) if it is empty; a folder still holding anything stays. */
export async function removeFolderIfEmpty(outDir: string, folder: string): Promise<boolean> {
  const target = insideOut(outDir, folder);
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
    const dir = folder === '' ? resolve(outDir) : insideOut(outDir, folder);
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

/** The size of a file in `outDir`, or `undefined` when it is not there (or not a file). */
export async function sizeInOut(outDir: string, path: string): Promise<number | undefined> {
  const info = await stat(insideOut(outDir, path)).catch(() => undefined);
  return info?.isFile() ? info.size : undefined;
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

function temporaryName(name: string): string {
  return `.${name}.dialogkit-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** The absolute path of `path` inside `outDir`; refuses one that would land outside it. */
function insideOut(outDir: string, path: string): string {
  const root = resolve(outDir);
  const target = resolve(root, path);
  if (!target.startsWith(root + sep))
    throw new DialogkitError(`refusing to write "${path}": it would land outside ${outDir}`, { exitCode: ExitCode.contentError });
  return target;
}
