import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { DialogkitError, ExitCode } from './core/diagnostics.js';
import type { OutputFile } from './core/model.js';

/**
 * Writes each file to a temporary name beside it, then renames it into place. A rename is
 * atomic on one file system, so `out/` never holds a half-written PDF, even if the process
 * is killed mid-build. Refuses any path that would leave `outDir`.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const root = resolve(outDir);
  for (const file of files) {
    const target = resolve(root, file.path);
    if (!target.startsWith(root + sep)) {
      throw new DialogkitError(`Refusing to write "${file.path}": it would land outside ${outDir}`, { exitCode: ExitCode.contentError });
    }
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, file.bytes);
      await rename(temporary, target);
    } catch (cause) {
      await rm(temporary, { force: true });
      throw new DialogkitError(`Having trouble writing ${target}: ${(cause as Error).message}`, { cause });
    }
  }
}

/** Removes files a topic no longer produces (e.g. flipover.pdf after its prompts were deleted). */
export async function removeStale(outDir: string, paths: readonly string[]): Promise<void> {
  const root = resolve(outDir);
  for (const path of paths) {
    const target = resolve(root, path);
    if (target.startsWith(root + sep)) await rm(target, { force: true });
  }
}

/** Temporary files are `<name>.<pid>.tmp`: never `*.pdf`, so nothing half-written looks like a PDF. */
const TEMPORARY = /\.\d+\.tmp$/;

/**
 * Deletes temporary files a killed build left behind (in `outDir` and its topic folders). Run
 * before a build; harmless when there are none or the folder does not exist yet.
 */
export async function removeLeftovers(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !TEMPORARY.test(entry.name)) continue;
    const path = `${entry.parentPath}/${entry.name}`;
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
