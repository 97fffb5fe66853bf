import { watch, type FSWatcher } from 'node:fs';
import { isEditorArtifact } from './load.js';

/**
 * Calls `onChange` once per burst of saves in any of `folders` (editors often write a file
 * several times per save). Changes that arrive while `onChange` runs are collected and trigger
 * one more run afterwards, so no save is lost. A folder that cannot be watched any more (deleted)
 * is reported to `onError`; the others go on. Returns a function that stops watching.
 */
export function watchFolders(
  folders: readonly string[],
  onChange: (files: string[]) => Promise<void>,
  onError: (folder: string, error: Error) => void,
  // Editors write a save's pieces within a few milliseconds; every millisecond waited here is
  // one the writer waits for the PDF. A later piece is not lost: it triggers one more run.
  quietMs = 25,
): () => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const fire = async () => {
    timer = undefined;
    if (running || pending.size === 0) return;
    running = true;
    const files = [...pending].sort();
    pending.clear();
    try {
      await onChange(files);
    } catch {
      // onChange reports its own failures; one rebuild going wrong must not end the watching.
    } finally {
      running = false;
      if (pending.size > 0) timer = setTimeout(fire, quietMs);
    }
  };
  const watchers: FSWatcher[] = folders.map((folder) =>
    watch(folder, (_event, name) => {
      // Only sources count: editors' and tools' temporary files (sedXYZ, .swp, ~, .#lock) do not.
      if (!name || !/\.(md|hbs|yml)$/i.test(name) || isEditorArtifact(name)) return;
      pending.add(`${folder}/${name}`);
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, quietMs);
    }).on('error', (error) => onError(folder, error)),
  );
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
