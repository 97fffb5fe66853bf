import { DialogkitError, ExitCode } from '../core/diagnostics.js';

/** A failed file-system call as Node reports it. */
interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

/** The cause in words and what to do, by error code. */
const CAUSES: Record<string, { cause: string; remedy: string }> = {
  ENOSPC: { cause: 'no space is left on the device', remedy: 'free some space or choose another --out folder, then build again' },
  EDQUOT: { cause: 'the disk quota is used up', remedy: 'free some space or choose another --out folder, then build again' },
  EACCES: { cause: 'permission denied', remedy: 'check the permissions of that path, or choose another folder' },
  EPERM: { cause: 'the operation is not permitted', remedy: 'check the permissions of that path, or choose another folder' },
  EROFS: { cause: 'the file system is read-only', remedy: 'choose a writable --out folder' },
  ENOTDIR: { cause: 'a part of the path is a file, not a folder', remedy: 'rename or remove that file, or choose another path' },
  EISDIR: { cause: 'it is a folder, where a file was expected', remedy: 'rename or remove that folder, or choose another path' },
  EEXIST: { cause: 'something already exists there', remedy: 'rename or remove it, or choose another path' },
  ENOENT: { cause: 'it does not exist', remedy: 'check the path' },
  ENAMETOOLONG: { cause: 'the name is too long for the file system', remedy: 'use a shorter slug or a shorter --out path' },
  ELOOP: { cause: 'it is a loop of symbolic links', remedy: 'fix or remove the symbolic link' },
  EMFILE: { cause: 'too many files are open', remedy: 'raise the limit (ulimit -n) or build fewer topics at once (--topic)' },
  ENFILE: { cause: 'the system has too many files open', remedy: 'close other programs, then build again' },
  EIO: { cause: 'the device reported an input/output error', remedy: 'check the disk, then build again' },
  EBUSY: { cause: 'it is busy (in use by another program)', remedy: 'close the program using it, then build again' },
  ETXTBSY: { cause: 'it is busy (in use by another program)', remedy: 'close the program using it, then build again' },
  EXDEV: { cause: 'it is on another device', remedy: 'keep the output folder on one file system' },
  ENOTEMPTY: { cause: 'the folder is not empty', remedy: 'empty or remove that folder' },
  EFBIG: { cause: 'the file is too large for the file system', remedy: 'choose another --out folder' },
  ESTALE: { cause: 'the network file handle is stale', remedy: 'remount the share, then build again' },
};

/** Whether `error` is a failure of a system call (file system, OS), as opposed to a bug. */
export function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    typeof (error as SystemError).code === 'string' &&
    /^E[A-Z]+$/.test((error as SystemError).code) &&
    typeof (error as SystemError).syscall === 'string'
  );
}

/**
 * One line for a failed file-system call: what Dialogkit was doing, the path, the cause in
 * words and the remedy; exit code 4. `doing` reads like "writing", "reading the content folder".
 */
export function environmentError(error: SystemError, doing: string, path = error.path ?? ''): DialogkitError {
  const known = CAUSES[error.code];
  const what = known ? `${known.cause} (${error.code})` : error.message;
  const remedy = known?.remedy ?? 'check the path and the disk, then build again';
  return new DialogkitError(`cannot ${doing} ${path}: ${what}; ${remedy}`, { exitCode: ExitCode.environmentError, cause: error });
}

/** Runs `action`; a failed system call becomes an `environmentError` about `path`. */
export async function onDisk<T>(doing: string, path: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw isSystemError(error) ? environmentError(error, doing, path) : error;
  }
}
