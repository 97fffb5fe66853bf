import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { zipFiles } from './core/archive.js';
import type { TopicBuild } from './core/build.js';
import { parseSettingsFile } from './core/layout.js';
import { sha256, type Manifest } from './core/manifest.js';
import type { Language, OutputFile, SourceFile } from './core/model.js';
import { renderIndex } from './core/site.js';
import type { Labels } from './core/view-model.js';
import { BROWSER_DIR, loadLayouts, loadPageTemplate } from './load.js';
import { writeOutputs } from './write.js';

/** The page's scripts, copied into `<out>/assets/`. */
const SCRIPTS = ['dialogkit-site.js', 'dialogkit-preview.js', 'dialogkit-kit.js'];

/**
 * Zips every topic whose files changed (or whose zip is missing), and records each zip in the
 * manifest. The PDFs are read back from `outDir`, where they now all are, kept or rebuilt.
 */
export async function writeArchives(outDir: string, built: readonly TopicBuild[], manifest: Manifest): Promise<void> {
  for (const topic of manifest.topics) {
    const build = built.find((t) => t.slug === topic.slug && t.ok);
    if (!build) continue;
    const path = `${topic.slug}/${topic.slug}.zip`;
    const previous = topic.archive;
    const unchanged = build.files.length === 0 && previous?.path === path && (await sizeOf(join(outDir, path))) === previous.bytes;
    if (unchanged) continue;
    const files = await Promise.all(topic.files.map(async (f) => ({ name: f.path.split('/').pop()!, bytes: new Uint8Array(await readFile(join(outDir, f.path))) })));
    const bytes = zipFiles(files, new Date(build.date ?? '2000-01-01T00:00:00Z'));
    await writeOutputs(outDir, [{ path, bytes }]);
    topic.archive = { path, bytes: bytes.length, sha256: await sha256(bytes) };
  }
}

/** `<out>/index.html` from the manifest, and the scripts it loads. */
export async function writeSite(outDir: string, manifest: Manifest, sources: readonly SourceFile[], built: readonly TopicBuild[], baseUrl?: string): Promise<void> {
  const [template, { labels: labelsSource }] = await Promise.all([loadPageTemplate(), loadLayouts()]);
  const labels = parseSettingsFile(labelsSource.path, labelsSource.text) as Record<Language, Labels>;
  const decoder = new TextDecoder();
  const bySource = new Map(built.map((t) => [t.source, t.slug]));
  const texts = new Map(sources.flatMap((s) => (bySource.has(s.path) ? [[bySource.get(s.path)!, decoder.decode(s.bytes)] as const] : [])));
  const html = renderIndex({ manifest, template, labels, sources: texts, scripts: { site: 'assets/dialogkit-site.js', kit: 'assets/dialogkit-kit.js' }, ...(baseUrl !== undefined && { baseUrl }) });
  // The scripts change only when Dialogkit is recompiled: copy them only when they differ in size
  // or are newer than the copy (5 MB per rebuild otherwise, on every save in watch mode).
  const stale = await Promise.all(SCRIPTS.map(async (name) => ((await isCopyCurrent(join(BROWSER_DIR, name), join(outDir, 'assets', name))) ? [] : [name])));
  const scripts: OutputFile[] = await Promise.all(stale.flat().map(async (name) => ({ path: `assets/${name}`, bytes: new Uint8Array(await readFile(join(BROWSER_DIR, name))) })));
  await writeOutputs(outDir, [...scripts, { path: 'index.html', bytes: new TextEncoder().encode(html) }]);
}

async function sizeOf(path: string): Promise<number | undefined> {
  return (await stat(path).catch(() => undefined))?.size;
}

async function isCopyCurrent(source: string, copy: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(source), stat(copy).catch(() => undefined)]);
  return b !== undefined && a.size === b.size && b.mtimeMs >= a.mtimeMs;
}
