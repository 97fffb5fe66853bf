import { statSync, watch, type FSWatcher } from 'node:fs';
import { isEditorArtifact } from './load.js';

/** What a run of `onChange` asks for: nothing, or the same files again a little later (the output folder was locked). */
export type ChangeOutcome = void | 'retry';

export interface WatchTiming {
  /**
   * Editors write a save's pieces within a few milliseconds; every millisecond waited here is
   * one the writer waits for the PDF. A later piece is not lost: it triggers one more run.
   */
  quietMs: number;
  /** How often a folder that is gone is looked for again. */
  pollMs: number;
  /** The first wait before a refused run is tried again; it doubles up to `retryMaxMs`. */
  retryMs: number;
  retryMaxMs: number;
}

const TIMING: WatchTiming = { quietMs: 25, pollMs: 500, retryMs: 250, retryMaxMs: 4000 };

/**
 * Calls `onChange` once per burst of saves in any of `folders` (editors often write a file
 * several times per save). Changes that arrive while `onChange` runs are collected and trigger
 * one more run afterwards, so no save is lost. A run that answers `'retry'` (another build held
 * the output folder's lock) is run again, with the same files, after a growing pause.
 *
 * A folder that is deleted is reported to `onError` once and looked for every `pollMs`; when it
 * is back (made again, or restored by a sync tool) it is watched again and counts as changed.
 * Returns a function that stops watching.
 */
export function watchFolders(
  folders: readonly string[],
  onChange: (files: string[]) => Promise<ChangeOutcome>,
  onError: (folder: string, error: Error) => void,
  timing: Partial<WatchTiming> = {},
): () => void {
  const { quietMs, pollMs, retryMs, retryMaxMs } = { ...TIMING, ...timing };
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopped = false;
  let retryWait = retryMs;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, ms);
  };
  const fire = async () => {
    timer = undefined;
    if (running || pending.size === 0 || stopped) return;
    running = true;
    const files = [...pending].sort();
    pending.clear();
    let next = quietMs;
    try {
      if ((await onChange(files)) === 'retry') {
        for (const file of files) pending.add(file);
        next = retryWait;
        retryWait = Math.min(retryWait * 2, retryMaxMs);
      } else retryWait = retryMs;
    } catch {
      // onChange reports its own failures; one rebuild going wrong must not end the watching.
    } finally {
      running = false;
      if (pending.size > 0) schedule(next);
    }
  };
  const changed = (path: string) => {
    pending.add(path);
    if (!running) schedule(quietMs);
  };
  const watched = folders.map((folder) => watchOne(folder, changed, onError, pollMs));
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const stop of watched) stop();
  };
}

// --- internal ---

/**
 * Watches one folder, and checks every `pollMs` that it is still the folder watched. Linux's
 * inotify watches the folder's inode: a folder deleted and made again is another inode, which the
 * old watcher never hears from; it is watched again as soon as it is seen, and counts as changed.
 */
function watchOne(
  folder: string,
  changed: (path: string) => void,
  onError: (folder: string, error: Error) => void,
  pollMs: number,
): () => void {
  let watcher: FSWatcher | undefined;
  let identity: string | undefined;
  const check = (error?: Error) => {
    const now = identityOf(folder);
    if (now === identity && (watcher || now === undefined)) return;
    watcher?.close();
    watcher = undefined;
    if (identity !== undefined && now === undefined)
      onError(folder, error ?? new Error('the folder was deleted; watching for it to come back'));
    const before = identity;
    identity = now;
    if (now === undefined) return;
    try {
      watcher = watch(folder, (_event, name) => {
        if (identityOf(folder) !== identity) return check();
        // Only sources count: editors' and tools' temporary files (sedXYZ, .swp, ~, .#lock) do not.
        if (!name || !/\.(md|hbs|yml)$/i.test(name) || isEditorArtifact(name)) return;
        changed(`${folder}/${name}`);
      }).on('error', (e) => {
        watcher?.close();
        watcher = undefined;
        check(e);
      });
    } catch {
      identity = undefined; // not watchable yet: tried again at the next poll
      return;
    }
    if (before !== undefined || started) changed(`${folder}/`); // whatever is in it now is new
  };
  let started = false;
  check();
  if (identity === undefined) onError(folder, new Error('the folder does not exist; watching for it to appear'));
  started = true;
  const poll = setInterval(() => check(), pollMs);
  poll.unref();
  return () => {
    clearInterval(poll);
    watcher?.close();
  };
}

/** The folder's device and inode, or `undefined` when it is not a folder (gone). */
function identityOf(folder: string): string | undefined {
  try {
    const info = statSync(folder);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}
