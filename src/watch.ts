import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` once per burst of saves in any of `folders` (editors often write a file
 * several times per save). Changes that arrive while `onChange` runs are collected and trigger
 * one more run afterwards, so no save is lost. Returns a function that stops watching.
 */
export function watchFolders(folders: readonly string[], onChange: (files: string[]) => Promise<void>, quietMs = 60): () => void {
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
    } finally {
      running = false;
      if (pending.size > 0) timer = setTimeout(fire, quietMs);
    }
  };
  const watchers: FSWatcher[] = folders.map((folder) =>
    watch(folder, (_event, name) => {
      // Only sources count: editors' and tools' temporary files (sedXYZ, .swp, ~) do not.
      if (!name || !/\.(md|hbs|yml)$/i.test(name)) return;
      pending.add(`${folder}/${name}`);
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, quietMs);
    }),
  );
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
