import { link, lstat, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { basename, dirname, join, parse, relative, resolve, isAbsolute } from 'node:path';
import { DialogkitError, ExitCode } from '../core/diagnostics.js';
import { parseManifest, type Manifest } from '../core/publish/manifest.js';
import { environmentError, isSystemError, onDisk } from './environment-error.js';
import { readBounded, UnreadableFile } from './read-file.js';
import { isTemporaryName, makeFolder, temporaryName } from './write.js';

/** The lock a build holds in its output folder. */
export const LOCK_FILE = '.dialogkit.lock';
const TAKEOVER_WAIT_MS = 10_000;
/** The short-lived lock a build holds while it takes over a dead build's lock. */
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;

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
    const previous = parseManifest(await readManifest(join(target, 'manifest.json'), name));
    if (previous) return { previous };
    throw refuse(
      `${name} holds a manifest.json that Dialogkit did not write or cannot read; choose another folder, or delete that manifest.json if the folder is Dialogkit's output`,
    );
  }
  // A first build killed before its manifest: only its lock (and perhaps its temporary files) says
  // the folder is Dialogkit's. A lock beside anything else does not make a folder Dialogkit's.
  if (
    entries.includes(LOCK_FILE) &&
    entries.every((e) => e === LOCK_FILE || e === TAKEOVER_FILE || isTemporaryName(e)) &&
    (await readHolder(join(target, LOCK_FILE)))
  )
    return { previous: undefined };
  throw refuse(
    `${name} is not empty and holds no manifest.json of Dialogkit's; choose an empty or new folder (Dialogkit replaces only files it wrote)`,
  );
}

/** Another build holds the output folder's lock: `watch` and `preview` try again a moment later. */
export class LockHeldError extends DialogkitError {}

/**
 * Takes the output folder's lock, so one build at a time writes there. The lock is made whole
 * (this process's id and host written to a file of its own, then linked into place: never seen
 * empty) and exclusively. A lock left by a process that is gone is taken over under a second,
 * short-lived lock, so two builds finding the same dead lock cannot both take it; a live one
 * stops this build with one line (exit 4). Returns a function that releases the lock.
 */
export async function lockOutputFolder(outDir: string): Promise<() => Promise<void>> {
  await makeFolder(outDir);
  const path = join(outDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname() };
  // Another build taking over a dead lock holds the take-over lock for microseconds, on a busy
  // machine perhaps for a while: this one waits for it, up to TAKEOVER_WAIT_MS.
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  while (Date.now() < deadline) {
    if (await createWhole(path, mine)) {
      held.add(resolve(path));
      // Releasing never fails a build: a lock that cannot be removed is a dead process's, taken over next time.
      return async () => {
        held.delete(resolve(path));
        const holder = await readHolder(path);
        if (holder?.pid === mine.pid && holder.host === mine.host) await rm(path, { force: true }).catch(() => undefined);
      };
    }
    const holder = await lockHolder(path);
    if (!(await isStale(path, holder))) throw liveLock(outDir, path, holder);
    // Only the holder of the take-over lock removes a dead lock, after looking again: another build
    // may have taken it over (and made a live lock of its own) since this one looked.
    const takeover = join(outDir, TAKEOVER_FILE);
    if (await createWhole(takeover, mine)) {
      held.add(resolve(takeover));
      try {
        // Only a lock that is there: one that is gone may be linked into place by its new holder at
        // any moment. One that is there stays the same file until removed, and only here is it removed.
        const there = await lstat(path).catch(() => undefined);
        if (there && (await isStale(path, await lockHolder(path))))
          await onDisk('remove the stale lock', path, () => rm(path, { force: true }));
      } finally {
        held.delete(resolve(takeover));
        await rm(takeover, { force: true }).catch(() => undefined);
      }
    } else if (await isDeadTakeover(takeover)) {
      // A build died while taking a lock over (a window of microseconds): its take-over lock goes.
      await rm(takeover, { force: true }).catch(() => undefined);
    } else await new Promise((done) => setTimeout(done, 10 + Math.random() * 20));
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

/** The holder a lock file names; `undefined` when it is missing, not a lock of Dialogkit's, or unreadable. */
async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const data = JSON.parse(new TextDecoder().decode(await readBounded(path, { cap: 4096, refuseLinks: true }))) as Partial<LockHolder>;
    return Number.isInteger(data.pid) && typeof data.host === 'string' ? { pid: data.pid!, host: data.host } : undefined;
  } catch {
    return undefined;
  }
}

/** `readHolder`, but a lock that is not a regular file (a folder, a link) is one line, exit 4: it is not Dialogkit's. */
async function lockHolder(path: string): Promise<LockHolder | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (info !== undefined && !info.isFile())
    throw new DialogkitError(
      `the lock ${path} is ${info.isDirectory() ? 'a folder' : info.isSymbolicLink() ? 'a symbolic link' : 'not a file'}, not Dialogkit's lock; remove it if no build is running`,
      { exitCode: ExitCode.environmentError },
    );
  return readHolder(path);
}

/**
 * Creates the file at `path` holding `holder`, whole and exclusively: written under a name of its
 * own, then hard-linked into place (a link fails if anything is there). False when something is.
 */
async function createWhole(path: string, holder: LockHolder): Promise<boolean> {
  const temporary = join(dirname(path), temporaryName(basename(path)));
  await onDisk('create the lock', temporary, () => writeFile(temporary, JSON.stringify(holder) + '\n', { flag: 'wx' }));
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    // ENOENT: a build holding the lock cleaned up our half-made lock as its own leftover; the lock is taken.
    if (isSystemError(error) && (error.code === 'EEXIST' || error.code === 'ENOENT')) return false;
    throw isSystemError(error) ? environmentError(error, 'create the lock', path) : error;
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

/** A take-over lock whose build is gone (readable, its process ended): never one that is just absent or being made. */
async function isDeadTakeover(path: string): Promise<boolean> {
  const holder = await readHolder(path);
  return holder !== undefined && (await isStale(path, holder));
}

function liveLock(outDir: string, path: string, holder: LockHolder | undefined): DialogkitError {
  const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another process';
  return new LockHeldError(
    `another build (${who}) is writing into ${outDir}; wait for it to finish, or delete ${path} if no build is running`,
    {
      exitCode: ExitCode.environmentError,
    },
  );
}

/** The previous manifest's text, read through the bounded reader: never a link, a pipe or a huge file. */
async function readManifest(path: string, name: string): Promise<string> {
  try {
    return new TextDecoder().decode(await onDisk('read', path, () => readBounded(path, { cap: MAX_MANIFEST_BYTES, refuseLinks: true })));
  } catch (error) {
    if (error instanceof UnreadableFile)
      throw refuse(
        `${name} holds a manifest.json that Dialogkit cannot read: ${error.message}; remove it if the folder is Dialogkit's output`,
      );
    throw error;
  }
}

/** The largest manifest read: some 20,000 topics. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

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
