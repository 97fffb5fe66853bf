import { readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { BuildResult, TopicBuild } from '../core/build/build.js';
import {
  manifestFiles,
  reportFields,
  sha256,
  sortedManifest,
  type Manifest,
  type ManifestFile,
  type ManifestTopic,
} from '../core/publish/manifest.js';
import type { Diagnostic, OutputFile, ProductReport, SourceFile } from '../core/model.js';
import { PRODUCTS } from '../core/products/index.js';
import { renderIndex } from '../core/publish/site.js';
import { PageTemplateError } from '../core/publish/page-template.js';
import { onDisk } from './environment-error.js';
import { BROWSER_DIR } from './load.js';
import { HeldOpenError, removeFiles, removeFolderIfEmpty, removeLeftovers, writeOutputs } from './write.js';
import { keptFiles, onlyWhatIsOnDisk, topicOnly, writeArchives } from './published-files.js';

/** Where and how a build publishes. */
export interface PublishSetup {
  outDir: string;
  /** The content folder: the manifest records sources relative to it. */
  contentDir: string;
  /** The previous build's manifest (from `checkOutputFolder`). */
  previous: Manifest | undefined;
  /** Rebuild every file: no file is kept for an unchanged fingerprint. */
  force: boolean;
  /** `dialogkit <version>`. */
  generator: string;
  /** Told, once each, of a topic Dialogkit refused to write or remove (a symbolic link in its way, a name too long). */
  onRefused?: (slug: string, message: string) => void;
}

/** What the download page is made from, besides the manifest. */
export interface PageInput {
  /** `templates/index.hbs`. */
  template: { path: string; text: string };
  sources: readonly SourceFile[];
  /** Where `out/` will be published (`--base-url`): the tailored kits print the phone edition's QR code. */
  baseUrl?: string;
}

export interface PublishReport {
  /** Slugs of topics whose files were removed because their topic file is gone. */
  removed: string[];
  /** Slugs of topics refused (see `PublishSetup.onRefused`): the build exits non-zero. */
  refused: string[];
  /** A broken `index.hbs`, at its line: the earlier page was kept. */
  diagnostics: Diagnostic[];
}

/** The page's HTML, or the diagnostic of a layout that cannot make it. */
function pageOrProblem(render: () => string): string | Diagnostic {
  try {
    return render();
  } catch (error) {
    if (error instanceof PageTemplateError) return error.diagnostic;
    throw error;
  }
}

/** A publication under way: topics are written as they are built, the rest at `finish`. */
export interface Publication {
  /** The fingerprint of each file kept from the previous build, by `slug/product`, for `BuildInput.previous`. */
  previousFingerprints: Readonly<Record<string, string>>;
  /** What making those files reported, by the same keys, for `BuildInput.previousReports`. */
  previousReports: Readonly<Record<string, ProductReport>>;
  /** Writes a built topic's files (queued, in order); a failure is reported by `finish`. */
  add(topic: TopicBuild): void;
  /**
   * Writes the zips and the page, then the manifest listing only what is on disk, and only then
   * removes the files of gone topics and the files a topic no longer makes: a build killed at any
   * point leaves no page or manifest naming a file that is gone. After a failure it still writes
   * that manifest, then throws.
   */
  finish(result: BuildResult, page: PageInput): Promise<PublishReport>;
}

/**
 * Starts publishing into `outDir` (which the caller has checked and locked): claims a new folder
 * with an empty manifest before any PDF lands in it, and removes temporary files a killed build
 * left in the folders Dialogkit writes.
 */
export async function startPublication(setup: PublishSetup): Promise<Publication> {
  const { outDir, previous } = setup;
  if (!previous) await writeManifest(outDir, { generator: setup.generator, topics: [] });
  await removeLeftovers(outDir, ['', 'assets', ...(previous?.topics ?? []).map((t) => t.slug)]);
  const previousFiles = new Map((previous?.topics ?? []).flatMap((t) => t.files.map((f) => [f.path, f] as const)));
  const written = new Map<string, ManifestFile>();
  /** Per topic written whole: the paths its entry lists. */
  const completed = new Map<string, string[]>();
  /** Topics with a file written now: their zip is made again. */
  const rezip = new Set<string>();
  /** Files a topic made last time and no longer makes: removed once the manifest no longer names them. */
  const dropped: string[] = [];
  const refused = new Map<string, string>();
  /** Files another program held open: not replaced, and not failing the other files and topics. */
  const held: string[] = [];
  let failure: unknown;
  let queue = Promise.resolve();
  const refuse = (slug: string, message: string) => {
    if (refused.has(slug)) return;
    refused.set(slug, message);
    setup.onRefused?.(slug, message);
  };

  const writeTopic = async (topic: TopicBuild) => {
    const before = previous?.topics.find((t) => t.slug === topic.slug);
    await removeLeftovers(outDir, [topic.slug]);
    if (topic.files.length > 0) rezip.add(topic.slug);
    const productOf = (path: string) => PRODUCTS.find((p) => path.endsWith(`/${p.file}`))?.name ?? '';
    const inputs = (path: string) => topic.fingerprints[productOf(path)];
    const report = (path: string) => reportFields(topic.reports[productOf(path)]);
    const entries = new Map((await manifestFiles(topic.files, inputs)).map((e) => [e.path, { ...e, ...report(e.path) }]));
    await writeOutputs(outDir, topic.files, (file) => written.set(file.path, entries.get(file.path)!)).catch((error: unknown) => {
      if (!(error instanceof HeldOpenError)) throw error;
      held.push(...error.paths); // its entry stays the old file's, so the next build tries again
    });
    // A kept file is current under the new fingerprint too (in `watch`, a save can change the topic
    // but none of the parts a product reads): its entry records that, as a fresh build would.
    for (const path of topic.unchanged) {
      const entry = previousFiles.get(path);
      if (entry) {
        const { warnings: _w, missingGlyphs: _m, ...rest } = entry;
        written.set(path, { ...rest, inputs: inputs(path) ?? entry.inputs, ...report(path) });
      }
    }
    const made = [...topic.files.map((f) => f.path), ...topic.unchanged];
    // Files the topic made last time and no longer makes (flipover.pdf after its prompts went).
    dropped.push(...(before?.files ?? []).map((f) => f.path).filter((path) => !made.includes(path)));
    completed.set(topic.slug, made);
    // The manifest entries are made; let the bytes go, so a long build holds one topic's PDFs at a time.
    topic.files = topic.files.map((f) => ({ ...f, bytes: new Uint8Array(0) }));
  };

  const kept = setup.force ? { fingerprints: {}, reports: {} } : await keptFiles(outDir, previous);
  return {
    previousFingerprints: kept.fingerprints,
    previousReports: kept.reports,
    add(topic) {
      if (!topic.ok) return;
      queue = queue
        .then(() => (failure === undefined ? writeTopic(topic) : undefined))
        .catch((error: unknown) => {
          const own = topicOnly(error);
          if (own !== undefined) refuse(topic.slug, own);
          else failure ??= error;
        });
    },
    async finish(result, page) {
      await queue;
      const built = new Map(result.topics.filter((t) => t.ok && !refused.has(t.slug)).map((t) => [t.slug, t]));
      const entryOf = (slug: string, before: ManifestTopic | undefined): ManifestFile[] => {
        const paths = completed.get(slug) ?? [
          ...(before?.files ?? []).map((f) => f.path),
          ...[...written.keys()].filter((p) => p.startsWith(`${slug}/`)),
        ];
        return sortByProduct([...new Set(paths)].flatMap((p) => written.get(p) ?? previousFiles.get(p) ?? []));
      };
      const gone = goneTopics(previous, result, page.sources);
      const goneSlugs = new Set(gone.map((t) => t.slug));
      const droppedPaths = new Set(dropped);
      const builtEntries = [...built.values()].map((t): ManifestTopic => {
        const before = previous?.topics.find((p) => p.slug === t.slug);
        const archive = rezip.has(t.slug) ? undefined : before?.archive;
        return {
          slug: t.slug,
          title: t.title,
          source: sourceName(setup.contentDir, t.source),
          files: entryOf(t.slug, before),
          ...(t.summary && { summary: t.summary }),
          ...(archive && { archive }),
        };
      });
      const others = (previous?.topics ?? [])
        .filter((t) => !goneSlugs.has(t.slug) && !built.has(t.slug))
        .map((t) => ({ ...t, files: entryOf(t.slug, t) }));
      const pageProblems: Diagnostic[] = [];
      let manifest = sortedManifest(setup.generator, [...others, ...builtEntries]);
      manifest = { ...manifest, topics: manifest.topics.map((t) => ({ ...t, files: t.files.filter((f) => !droppedPaths.has(f.path)) })) };
      try {
        if (failure !== undefined) throw failure;
        await writeArchives(outDir, manifest, built, rezip, refuse);
        if (result.labels) {
          const scripts = await scriptAddresses();
          const html = pageOrProblem(() =>
            renderIndex({
              manifest,
              template: page.template,
              labels: result.labels!,
              sources: sourceTexts(page.sources, built),
              scripts,
              ...(page.baseUrl !== undefined && { baseUrl: page.baseUrl }),
            }),
          );
          // A broken index.hbs keeps the earlier page: the topics' files and the manifest are still written.
          if (typeof html === 'string') await writeSite(outDir, html);
          else pageProblems.push(html);
        }
      } catch (error) {
        failure ??= error;
      }
      // Written before anything is removed: at no moment does the manifest name a file that is gone.
      try {
        await writeManifest(outDir, await onlyWhatIsOnDisk(outDir, manifest));
      } catch (error) {
        failure ??= error;
      }
      if (failure !== undefined) throw failure;
      const removed: string[] = [];
      const leftBehind: ManifestTopic[] = [];
      try {
        await removeFiles(outDir, dropped);
        for (const topic of gone) {
          try {
            await removeFiles(outDir, [...topic.files.map((f) => f.path), ...(topic.archive ? [topic.archive.path] : [])]);
            await removeLeftovers(outDir, [topic.slug]);
            await removeFolderIfEmpty(outDir, topic.slug);
            removed.push(topic.slug);
          } catch (error) {
            const own = topicOnly(error);
            if (own === undefined) {
              leftBehind.push(topic);
              throw error;
            }
            refuse(topic.slug, own);
          }
        }
      } catch (error) {
        // What could not be removed is still Dialogkit's: listed again, so the next build removes it.
        const again = sortedManifest(manifest.generator, [...manifest.topics, ...leftBehind]);
        await writeManifest(outDir, await onlyWhatIsOnDisk(outDir, again)).catch(() => undefined);
        throw error;
      }
      if (held.length > 0) throw new HeldOpenError(held);
      return { removed, refused: [...refused.keys()], diagnostics: pageProblems };
    },
  };
}

// --- internal ---

/** The page's scripts in dist/browser, by the role the page gives them. */
const PAGE_SCRIPTS = { site: 'dialogkit-site.js', preview: 'dialogkit-preview.js', kit: 'dialogkit-kit.js' } as const;

/**
 * Every script copied into `<out>/assets/`: the page's, the emoji font, which the kit loads when a
 * text needs it, the worker pdf.js starts for the previews, and the minutes maker the screen
 * editions load (`../assets/dialogkit-referat.js`, src/browser/referat.ts).
 */
const SCRIPTS = [
  ...Object.values(PAGE_SCRIPTS),
  'dialogkit-emoji.js',
  'dialogkit-word.js',
  'dialogkit-preview-worker.js',
  'dialogkit-referat.js',
];

const PRODUCT_ORDER = PRODUCTS.map((p) => p.file);

function sortByProduct(files: ManifestFile[]): ManifestFile[] {
  const rank = (path: string) => {
    const index = PRODUCT_ORDER.findIndex((name) => path.endsWith(`/${name}`));
    return index === -1 ? PRODUCT_ORDER.length : index;
  };
  return files.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1));
}

/**
 * Topics of the previous build that are gone: not built now, and their topic file is gone or
 * now makes another slug. A topic whose file is still there but failed (or was not asked for
 * with --topic) keeps its earlier files.
 */
function goneTopics(previous: Manifest | undefined, result: BuildResult, sources: readonly SourceFile[]): ManifestTopic[] {
  const slugs = new Set(result.topics.map((t) => t.slug));
  const present = new Set(sources.map((s) => basename(s.path)));
  const builtFrom = new Map(result.topics.filter((t) => t.ok).map((t) => [basename(t.source), t.slug]));
  return (previous?.topics ?? []).filter(
    (t) => !slugs.has(t.slug) && (!present.has(basename(t.source)) || builtFrom.has(basename(t.source))),
  );
}

/** `<out>/index.html`, and the scripts it loads. */
async function writeSite(outDir: string, html: string): Promise<void> {
  // The scripts change only when Dialogkit is recompiled: copy them only when they differ in size
  // or are newer than the copy (5 MB per rebuild otherwise, on every save in watch mode).
  const stale = await Promise.all(
    SCRIPTS.map(async (name) => ((await isCopyCurrent(join(BROWSER_DIR, name), join(outDir, 'assets', name))) ? [] : [name])),
  );
  const scripts: OutputFile[] = await Promise.all(
    stale.flat().map(async (name) => ({ path: `assets/${name}`, bytes: await readScript(name) })),
  );
  await writeOutputs(outDir, [...scripts, { path: 'index.html', bytes: new TextEncoder().encode(html) }]);
}

/**
 * The page's addresses of its scripts, each with a version from its bytes (`?v=` and the first 12
 * hex digits of their SHA-256): the kit is always at the same path, so after a redeploy a browser
 * could otherwise pair the new page script with its cached old kit. The same scripts give the
 * same page.
 */
async function scriptAddresses(): Promise<Record<keyof typeof PAGE_SCRIPTS, string>> {
  const entries = await Promise.all(Object.entries(PAGE_SCRIPTS).map(async ([role, name]) => [role, await scriptAddress(name)] as const));
  return Object.fromEntries(entries) as Record<keyof typeof PAGE_SCRIPTS, string>;
}

/**
 * Each script's address while its size and time on disk stay the same (the test `writeSite`
 * copies by): `watch` writes the page on every save, and the kit is 2 MB to hash; a recompile
 * while it runs gives new addresses.
 */
const addresses = new Map<string, { stamp: string; address: Promise<string> }>();

async function scriptAddress(name: string): Promise<string> {
  const path = join(BROWSER_DIR, name);
  const info = await onDisk('read', path, () => stat(path));
  const stamp = `${info.size}:${info.mtimeMs}`;
  let known = addresses.get(name);
  if (known?.stamp !== stamp) {
    const address = readScript(name).then(async (bytes) => `assets/${name}?v=${(await sha256(bytes)).slice(0, 12)}`);
    address.catch(() => addresses.get(name)?.address === address && addresses.delete(name)); // tried again next time
    addresses.set(name, (known = { stamp, address }));
  }
  return known.address;
}

/** One of the page's scripts as compiled (dist/browser). */
async function readScript(name: string): Promise<Uint8Array> {
  const path = join(BROWSER_DIR, name);
  return new Uint8Array(await onDisk('read', path, () => readFile(path)));
}

async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await writeOutputs(outDir, [{ path: 'manifest.json', bytes: new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n') }]);
}

/** Each built topic's Markdown by slug, embedded in the page for the in-browser kit. */
function sourceTexts(sources: readonly SourceFile[], built: ReadonlyMap<string, TopicBuild>): Map<string, string> {
  const decoder = new TextDecoder();
  const bySource = new Map([...built.values()].map((t) => [t.source, t.slug]));
  return new Map(sources.flatMap((s) => (bySource.has(s.path) ? [[bySource.get(s.path)!, decoder.decode(s.bytes)] as const] : [])));
}

/** The topic file's path relative to the content folder, with `/`: the same wherever the command ran. */
function sourceName(contentDir: string, source: string): string {
  return relative(resolve(contentDir), resolve(source)).split(sep).join('/');
}

async function isCopyCurrent(source: string, copy: string): Promise<boolean> {
  const [a, b] = await Promise.all([onDisk('read', source, () => stat(source)), stat(copy).catch(() => undefined)]);
  return b !== undefined && a.size === b.size && b.mtimeMs >= a.mtimeMs;
}
