import { lstat, open, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { join, parse, relative, resolve, isAbsolute } from 'node:path';
import { DialogkitError, ExitCode } from '../core/diagnostics.js';
import { parseManifest, type Manifest } from '../core/publish/manifest.js';
import { environmentError, isSystemError, onDisk } from './environment-error.js';
import { makeFolder } from './write.js';

/** The lock a build holds in its output folder. */
export const LOCK_FILE = '.dialogkit.lock';

/** What the output folder holds of Dialogkit's before a build. */
export interface OutputFolderState {
  /** The previous build's manifest; `undefined` for a new or empty folder. */
  previous: Manifest | undefined;
}

/**
 * Refuses an output folder Dialogkit must not write into (exit 2, one line saying why and what
 * to do): an empty name, the root, the home folder or one containing it, the content or
 * templates folder or one containing them, a file, and a folder that holds anything but holds
 * no manifest of Dialogkit's. Returns the previous manifest, read once.
 */
export async function checkOutputFolder(outDir: string, guarded: { content: string; templates: string }): Promise<OutputFolderState> {
  if (outDir.trim() === '') throw refuse('--out is empty; name a folder for the output, e.g. --out out');
  const target = await realOrResolved(outDir);
  const name = `--out ${outDir}`;
  if (parse(target).root === target) throw refuse(`${name} is the root of the file system; name a folder of its own, e.g. --out out`);
  if (contains(target, await realOrResolved(homedir())))
    throw refuse(`${name} is your home folder or holds it; name a folder of its own, e.g. --out out`);
  for (const [what, dir] of [
    ['content', guarded.content],
    ['templates', guarded.templates],
  ] as const) {
    if (contains(target, await realOrResolved(dir)))
      throw refuse(
        `${name} is the ${what} folder or holds it; Dialogkit would write among your sources; name a folder of its own, e.g. --out out`,
      );
  }
  const info = await lstat(target).catch((error: unknown) => {
    if (isSystemError(error) && error.code === 'ENOENT') return undefined;
    throw isSystemError(error) ? environmentError(error, 'look at the output folder', target) : error;
  });
  if (info === undefined) return { previous: undefined };
  if (!(await stat(target)).isDirectory()) throw refuse(`${name} is a file, not a folder; name a folder for the output`);
  const entries = await onDisk('read the output folder', target, () => readdir(target));
  if (entries.length === 0) return { previous: undefined };
  if (entries.includes('manifest.json')) {
    const previous = parseManifest(
      await onDisk('read', join(target, 'manifest.json'), () => readFile(join(target, 'manifest.json'), 'utf8')),
    );
    if (previous) return { previous };
    throw refuse(
      `${name} holds a manifest.json that Dialogkit did not write or cannot read; choose another folder, or delete that manifest.json if the folder is Dialogkit's output`,
    );
  }
  // A first build killed before its manifest: only its lock says the folder is Dialogkit's.
  if (entries.includes(LOCK_FILE)) return { previous: undefined };
  throw refuse(
    `${name} is not empty and holds no manifest.json of Dialogkit's; choose an empty or new folder (Dialogkit replaces only files it wrote)`,
  );
}

/** Another build holds the output folder's lock: `watch` and `preview` try again a moment later. */
export class LockHeldError extends DialogkitError {}

/**
 * Takes the output folder's lock (created exclusively, with this process's id and host), so one
 * build at a time writes there. A lock left by a process that is gone is taken over; a live
 * one stops this build with one line (exit 4). Returns a function that releases the lock.
 */
export async function lockOutputFolder(outDir: string): Promise<() => Promise<void>> {
  await makeFolder(outDir);
  const path = join(outDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(mine) + '\n');
      await handle.close();
      held.add(resolve(path));
      // Releasing never fails a build: a lock that cannot be removed is a dead process's, taken over next time.
      return async () => {
        held.delete(resolve(path));
        const holder = await readHolder(path);
        if (holder?.pid === mine.pid && holder.host === mine.host) await rm(path, { force: true }).catch(() => undefined);
      };
    } catch (error) {
      if (!isSystemError(error) || error.code !== 'EEXIST')
        throw isSystemError(error) ? environmentError(error, 'create the lock', path) : error;
    }
    const holder = await readHolder(path);
    if (!(await isStale(path, holder))) {
      const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another process';
      throw new LockHeldError(
        `another build (${who}) is writing into ${outDir}; wait for it to finish, or delete ${path} if no build is running`,
        { exitCode: ExitCode.environmentError },
      );
    }
    await onDisk('remove the stale lock', path, () => rm(path, { force: true }));
  }
  throw new LockHeldError(`cannot take the lock ${path}: another build keeps taking it; wait for it to finish`, {
    exitCode: ExitCode.environmentError,
  });
}

// --- internal ---

/** Locks this process holds now: a lock with this process's id and not in here was left by an earlier process with the same id (containers reuse ids). */
const held = new Set<string>();

interface LockHolder {
  pid: number;
  host: string;
}

/** Whether `dir` is `inner` or one of its ancestors. */
function contains(dir: string, inner: string): boolean {
  const rel = relative(dir, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path (symbolic links followed) where it exists, else the resolved one. */
async function realOrResolved(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

function refuse(message: string): DialogkitError {
  return new DialogkitError(message, { exitCode: ExitCode.usageError });
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host } : undefined;
  } catch {
    return undefined;
  }
}

/** How long an unreadable lock (a build killed between creating and filling it) is taken as live. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/**
 * A lock is stale when its process is gone: on this host, when no process has its id; an
 * unreadable lock after a grace period. A lock from another host (a shared network folder) is
 * never stale: its process cannot be seen from here.
 */
async function isStale(path: string, holder: LockHolder | undefined): Promise<boolean> {
  if (holder === undefined) {
    const info = await stat(path).catch(() => undefined);
    return info === undefined || Date.now() - info.mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  }
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(resolve(path));
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return isSystemError(error) && error.code === 'ESRCH';
  }
}
