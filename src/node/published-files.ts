import { createHash } from 'node:crypto';
import type { TopicBuild } from '../core/build/build.js';
import { DialogkitError } from '../core/diagnostics.js';
import type { ProductReport } from '../core/model.js';
import { zipFiles } from '../core/publish/archive.js';
import { reportOf, sha256, type Manifest } from '../core/publish/manifest.js';
import { PRODUCTS } from '../core/products/index.js';
import { isSystemError } from './environment-error.js';
import { isRefusedPath } from './out-path.js';
import { readInOut, sizeInOut, writeOutputs } from './write.js';

/*
 * What a publication checks of the files already in `out/`: which it may keep, which it may list,
 * and the zips it makes from them. Every look goes through the path guard (./out-path.ts).
 */

/**
 * A file is kept only while its recorded inputs match and it is still there with the recorded
 * SHA-256 (a build killed after writing a file and before its manifest leaves a changed file that
 * may well have the same size); it reports again what making it reported.
 */
export async function keptFiles(
  outDir: string,
  previous: Manifest | undefined,
): Promise<{ fingerprints: Record<string, string>; reports: Record<string, ProductReport> }> {
  const fingerprints: Record<string, string> = {};
  const reports: Record<string, ProductReport> = {};
  for (const topic of previous?.topics ?? []) {
    for (const product of PRODUCTS) {
      const entry = topic.files.find((f) => f.path === `${topic.slug}/${product.file}`);
      if (entry?.inputs !== undefined && (await isUnchanged(outDir, entry))) {
        fingerprints[`${topic.slug}/${product.name}`] = entry.inputs;
        reports[`${topic.slug}/${product.name}`] = reportOf(entry);
      }
    }
  }
  return { fingerprints, reports };
}

/** The manifest without entries whose files are not on disk with the recorded size. */
export async function onlyWhatIsOnDisk(outDir: string, manifest: Manifest): Promise<Manifest> {
  const there = async (entry: { path: string; bytes: number }) => (await sizeInOut(outDir, entry.path)) === entry.bytes;
  const topics = await Promise.all(
    manifest.topics.map(async (topic) => {
      const files = (await Promise.all(topic.files.map(async (f) => ((await there(f)) ? [f] : [])))).flat();
      const { archive, ...rest } = topic;
      return archive && (await there(archive)) ? { ...rest, files, archive } : { ...rest, files };
    }),
  );
  return { ...manifest, topics };
}

/**
 * Zips every topic built now whose files changed (or whose zip is missing or not the one recorded),
 * and records each zip in the manifest. The PDFs are read back from `outDir` through the guard,
 * where they now all are, kept or rebuilt. A topic whose files cannot be read back safely (a link
 * put in their place) is refused and gets no zip.
 */
export async function writeArchives(
  outDir: string,
  manifest: Manifest,
  built: ReadonlyMap<string, TopicBuild>,
  rezip: ReadonlySet<string>,
  refuse: (slug: string, message: string) => void,
): Promise<void> {
  for (const topic of manifest.topics) {
    const build = built.get(topic.slug);
    if (!build) continue;
    const path = `${topic.slug}/${topic.slug}.zip`;
    const previous = topic.archive;
    if (!rezip.has(topic.slug) && previous?.path === path && (await isUnchanged(outDir, previous))) continue;
    delete topic.archive;
    const zipped = topic.files.filter((f) => PRODUCTS.find((p) => f.path === `${topic.slug}/${p.file}`)?.inArchive ?? true);
    try {
      const files = [];
      for (const f of zipped) files.push({ name: f.path.split('/').pop()!, bytes: await readInOut(outDir, f.path) });
      const bytes = zipFiles(files, new Date(build.date ?? '2000-01-01T00:00:00Z'));
      await writeOutputs(outDir, [{ path, bytes }]);
      topic.archive = { path, bytes: bytes.length, sha256: await sha256(bytes) };
    } catch (error) {
      const own = topicOnly(error);
      if (own === undefined) throw error;
      refuse(topic.slug, own);
    }
  }
}

/** Whether the file an entry records is in `outDir` as recorded: same size, then same SHA-256. */
async function isUnchanged(outDir: string, entry: { path: string; bytes: number; sha256: string }): Promise<boolean> {
  if ((await sizeInOut(outDir, entry.path)) !== entry.bytes) return false;
  try {
    return (
      createHash('sha256')
        .update(await readInOut(outDir, entry.path))
        .digest('hex') === entry.sha256
    );
  } catch (error) {
    if (topicOnly(error) !== undefined) return false;
    throw error;
  }
}

/**
 * The message of a failure that concerns one topic only, which fails that topic and lets the
 * build go on: a path the guard refused, a name too long for the file system.
 */
export function topicOnly(error: unknown): string | undefined {
  if (isRefusedPath(error)) return error.message;
  if (error instanceof DialogkitError && isSystemError(error.cause) && error.cause.code === 'ENAMETOOLONG') return error.message;
  return undefined;
}
