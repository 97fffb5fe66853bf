import { createHash, randomBytes } from 'node:crypto';
import { lstat, open, readFile, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isEditorArtifact } from '../load.js';

/**
 * The editor's reads and writes of topic files. Only a `*.md` file directly in the content
 * folder (by real path: a symbolic link, or a folder that is one, cannot lead elsewhere), never a
 * link itself, never a hidden or backup name. A save writes the bytes the page sends, nothing
 * normalised, under a temporary name in the same folder and then renames it into place: the file
 * is either the old or the new text, never half of one. And it writes only over the version the
 * page opened: if the file changed on disk since (another editor, a sync tool), it refuses.
 */
export type SaveOutcome = { saved: true; sha256: string } | { saved: false; conflict: { bytes: Uint8Array; sha256: string } };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The real path of `file` when it is a topic file the editor may touch: a regular file (not a
 * link) named `*.md`, directly inside `contentDir`. `undefined` otherwise.
 */
export async function editableTopic(contentDir: string, file: string): Promise<string | undefined> {
  const name = basename(file);
  if (!name.toLowerCase().endsWith('.md') || isEditorArtifact(name)) return undefined;
  try {
    const folder = await realpath(contentDir);
    const parent = await realpath(dirname(file));
    if (parent !== folder) return undefined;
    const path = join(parent, name);
    const info = await lstat(path);
    return info.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function readTopic(path: string): Promise<{ bytes: Uint8Array; sha256: string }> {
  const bytes = new Uint8Array(await readFile(path));
  return { bytes, sha256: sha256(bytes) };
}

/** Writes `bytes` to `path` if its bytes on disk still have the SHA-256 `base`; else returns what is there. */
export async function saveTopic(path: string, bytes: Uint8Array, base: string): Promise<SaveOutcome> {
  const current = await readTopic(path);
  if (current.sha256 !== base) return { saved: false, conflict: current };
  const info = await lstat(path);
  // Hidden (the watcher and the build skip it) and in the same folder, so the rename is atomic.
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.saving`);
  const handle = await open(temporary, 'wx', info.mode & 0o777);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return { saved: true, sha256: sha256(bytes) };
}
