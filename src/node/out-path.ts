import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { DialogkitError, ExitCode } from '../core/diagnostics.js';
import { environmentError, isSystemError, onDisk } from './environment-error.js';

/**
 * A path inside the output folder that Dialogkit refuses to touch: it would leave the folder, or
 * it or a folder on its way is a symbolic link (someone else's: Dialogkit never makes links). The
 * topic it belongs to fails; the build goes on with the others.
 */
export class RefusedPath extends DialogkitError {
  constructor(message: string) {
    super(message, { exitCode: ExitCode.usageError });
    this.name = 'RefusedPath';
  }
}

/**
 * The one guard every write, delete, read-back and size check in `out/` passes: the absolute path
 * of `path` (relative to `outDir`, with `/`) inside the real output folder. Each part of the path
 * is looked at with `lstat`, never followed: a symbolic link anywhere below `outDir` (the topic's
 * folder, the file itself) is a `RefusedPath`, as is a path with `..`, an absolute path or an
 * empty part. Parts that do not exist yet are fine (they are made as real folders). `outDir`
 * itself may be a link: the user named it.
 */
export async function confine(outDir: string, path: string): Promise<string> {
  const parts = path.split('/');
  if (isAbsolute(path) || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0')))
    throw new RefusedPath(`refusing "${path}": it would land outside ${outDir}`);
  const root = await onDisk('look at the output folder', outDir, () => realpath(outDir));
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    const info = await lstat(current).catch((error: unknown) => {
      if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return undefined;
      // A name too long for the file system fails its topic only (see publish.ts' topicOnly).
      throw isSystemError(error) ? environmentError(error, 'look at', current) : error;
    });
    if (info === undefined) break;
    if (info.isSymbolicLink())
      throw new RefusedPath(
        `${join(outDir, relative(root, current))} is a symbolic link; Dialogkit writes, deletes and reads only real files and folders inside ${outDir} (a link could lead it elsewhere); remove the link`,
      );
  }
  const target = join(root, ...parts);
  // Belt and braces: where the folder exists, its real path must be inside the real output folder.
  const folder = await realpath(dirname(target)).catch(() => undefined);
  if (folder !== undefined && folder !== root && !folder.startsWith(root + sep))
    throw new RefusedPath(`refusing "${path}": it would land outside ${outDir}`);
  return target;
}

/** Whether `error` is a refusal of `confine`, which fails one topic rather than the build. */
export function isRefusedPath(error: unknown): error is RefusedPath {
  return error instanceof RefusedPath;
}
