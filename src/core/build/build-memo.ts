import type { BaseInputs, BuildCache, CheckedSource, LayoutInputs, ProductFile } from './build-cache.js';
import type { FingerprintBase } from './fingerprint.js';
import type { LayoutSet, LayoutSource } from '../layouts/layout.js';
import type { ProductReport, SourceFile } from '../model.js';
import { recordReads, readsDigest, type ReadKeys } from './product-reads.js';

/**
 * A `BuildCache` that keeps, in memory, what one build made for the next: the checked layouts,
 * each topic as parsed and checked, the fingerprints' shared part, and (when `persistent`) what
 * each product read of its topic. Every entry records the inputs it was made from and is used
 * only while they are the same (text and bytes compared, fonts and options by identity: the
 * process holds one of each). `watch` and the preview keep one for their whole session; a
 * one-off (`persistent: false`) lets a check before a build spare the build the parsing.
 */
export function createBuildMemo(options: { persistent?: boolean } = {}): BuildMemo {
  const persistent = options.persistent ?? true;
  const memo: Memo = { topics: new Map(), reads: new Map() };
  return {
    persistent,
    recordsReads: persistent,
    readKeys: () => [...memo.reads.keys()],
    layoutSet: (input, make) => memoLayoutSet(memo, input, make),
    checkedSource: (source, make) => checkedSource(memo, source, make),
    keepOnly: (paths) => forgetOtherSources(memo, paths),
    fingerprintBase: (input, make) => memoBase(memo, input, make),
    reportOf: (key, print) => {
      const kept = memo.reads.get(key);
      return kept?.print === print ? kept.report : undefined;
    },
    keptByReads: (key, file) => keptByReads(memo, key, file),
    watchReads(view, topic) {
      if (!persistent) return { view, topic, made: () => Promise.resolve() };
      const seen = recordReads(view, topic);
      return {
        view: seen.view,
        topic: seen.topic,
        async made(key, { print, context, creationDate }, report) {
          const keys = seen.keys();
          memo.reads.set(key, { print, context, keys, digest: await readsDigest(view, topic, keys, creationDate), report });
        },
      };
    },
  };
}

export interface BuildMemo extends BuildCache {
  /** The `slug/product` files whose reads it keeps: what a long session holds. */
  readKeys(): string[];
}

// --- internal ---

interface Memo {
  layoutSet?: LayoutInputs & { layoutSet: LayoutSet };
  base?: BaseInputs & { base: FingerprintBase };
  /** By source path. */
  topics: Map<string, { bytes: Uint8Array; size: number | undefined; checked: CheckedSource; slug: string | undefined }>;
  /** By `slug/product`: what the product read when it made the file now on disk under fingerprint `print`. */
  reads: Map<string, ProductReads>;
}

interface ProductReads {
  /** The fingerprint the file on disk is recorded under. */
  print: string;
  /** Everything of the fingerprint but the topic: shared inputs and layouts. */
  context: string;
  keys: ReadKeys;
  digest: string;
  /** What making the file reported, reported again while it is kept. */
  report: ProductReport;
}

/**
 * `make()`'s value, from the memo while the source's bytes and size are those it was made from
 * (of a file over the size limit only the beginning is read, and the parser names its size).
 */
function checkedSource(memo: Memo, source: SourceFile, make: () => CheckedSource): CheckedSource {
  const { path, bytes, size } = source;
  const kept = memo.topics.get(path);
  if (kept && kept.size === size && sameBytes(kept.bytes, bytes)) return kept.checked;
  const checked = make();
  // The file's last good slug, kept through saves that break it. A new slug leaves the old one's
  // files behind: what they read goes too.
  const slug = checked.topic?.meta.slug ?? kept?.slug;
  if (kept?.slug !== undefined && kept.slug !== slug) forgetReads(memo, kept.slug);
  memo.topics.set(path, { bytes, size, checked, slug });
  return checked;
}

/**
 * Forgets topic files that are gone, and what their products read, so a long session holds only
 * the topics it has.
 */
function forgetOtherSources(memo: Memo, paths: readonly string[]): void {
  const present = new Set(paths);
  for (const [path, kept] of memo.topics) {
    if (present.has(path)) continue;
    memo.topics.delete(path);
    forgetReads(memo, kept.slug);
  }
}

/** The checked layout set, from the memo while layouts, labels and fonts are the same. */
function memoLayoutSet(memo: Memo, input: LayoutInputs, make: () => LayoutSet): LayoutSet {
  const kept = memo.layoutSet;
  if (kept && kept.fonts === input.fonts && sameSources(kept.labels, input.labels) && sameLayouts(kept.layouts, input.layouts))
    return kept.layoutSet;
  const layoutSet = make();
  memo.layoutSet = { layouts: input.layouts, labels: input.labels, fonts: input.fonts, layoutSet };
  return layoutSet;
}

/** The fingerprints' shared part, from the memo while everything it hashes is the same. */
async function memoBase(memo: Memo, input: BaseInputs, make: () => Promise<FingerprintBase>): Promise<FingerprintBase> {
  const kept = memo.base;
  if (
    kept &&
    kept.version === input.version &&
    kept.fonts === input.fonts &&
    kept.options === input.options &&
    sameSources(kept.labels, input.labels) &&
    sameLayouts(kept.layouts, input.layouts)
  )
    return kept.base;
  const base = await make();
  // Only what is compared: the input may also hold every topic's bytes.
  const { version, layouts, labels, fonts, options } = input;
  memo.base = { version, layouts, labels, fonts, options, base };
  return base;
}

async function keptByReads(memo: Memo, key: string, file: ProductFile): Promise<ProductReport | undefined> {
  const kept = memo.reads.get(key);
  if (!kept || file.previous !== kept.print || kept.context !== file.context) return undefined;
  if ((await readsDigest(file.view, file.topic, kept.keys, file.creationDate)) !== kept.digest) return undefined;
  kept.print = file.print;
  return kept.report;
}

function forgetReads(memo: Memo, slug: string | undefined): void {
  if (slug === undefined) return;
  for (const key of memo.reads.keys()) if (key.startsWith(`${slug}/`)) memo.reads.delete(key);
}

function sameLayouts(a: readonly LayoutSource[], b: readonly LayoutSource[]): boolean {
  return a.length === b.length && a.every((layout, i) => sameSources(layout, b[i]!));
}

function sameSources(a: LayoutSource, b: LayoutSource): boolean {
  return a.name === b.name && a.path === b.path && a.text === b.text;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
