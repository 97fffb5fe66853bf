import { realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * What `segments` name under `root`, when its real path (symbolic links followed) is `root`'s own
 * real path or inside it and no segment is hidden (the lock, temporary files); `undefined`
 * otherwise, and when nothing is there. The segments come checked from server.ts (no `..`, no
 * separators); the real path is what keeps a symbolic link from leading out.
 */
export async function confinedPath(root: string, segments: readonly string[]): Promise<{ path: string; info: Stats } | undefined> {
  if (segments.some((s) => s.startsWith('.'))) return undefined;
  try {
    const base = await realpath(root);
    const path = await realpath(join(base, ...segments));
    if (path !== base && !path.startsWith(base + sep)) return undefined;
    return { path, info: await stat(path) };
  } catch {
    return undefined;
  }
}
