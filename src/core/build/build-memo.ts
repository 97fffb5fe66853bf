import type { FingerprintBase } from './fingerprint.js';
import type { LayoutSet } from '../layouts/prepare-layouts.js';
import type { LayoutSource } from '../layouts/layout.js';
import type { Diagnostic, ProductReport, SourceFile, Topic } from '../model.js';
import type { FontSet } from '../pdf/typeset.js';
import type { BuildOptions } from '../settings/options.js';
import type { ReadKeys } from './product-reads.js';

/**
 * What a long-lived process (`watch`) keeps from one build for the next, so that a save re-does
 * only what it changed: the checked layouts, each topic as parsed and checked, the fingerprints'
 * shared part. Every entry records the inputs it was made from and is used only while they are
 * the same (text and bytes compared, fonts and options by identity: the process holds one of each).
 */
export interface BuildMemo {
  layoutSet?: { layouts: readonly LayoutSource[]; labels: LayoutSource; fonts: FontSet; layoutSet: LayoutSet };
  base?: {
    version: string;
    layouts: readonly LayoutSource[];
    labels: LayoutSource;
    fonts: FontSet;
    options: BuildOptions;
    base: FingerprintBase;
  };
  /** By source path. */
  topics: Map<string, { bytes: Uint8Array; size: number | undefined; checked: CheckedSource; slug: string | undefined }>;
  /** By `slug/product`: what the product read when it made the file now on disk under fingerprint `print`. */
  reads: Map<string, ProductReads>;
}

export interface ProductReads {
  /** The fingerprint the file on disk is recorded under. */
  print: string;
  /** Everything of the fingerprint but the topic: shared inputs and layouts. */
  context: string;
  keys: ReadKeys;
  digest: string;
  /** What making the file reported, reported again while it is kept. */
  report: ProductReport;
}

/** One topic file parsed and checked on its own (cross-topic checks come after). */
export interface CheckedSource {
  topic?: Topic;
  /** The lines as parsed, for exact columns. */
  lines: readonly string[];
  diagnostics: Diagnostic[];
}

export function createBuildMemo(): BuildMemo {
  return { topics: new Map(), reads: new Map() };
}

/**
 * `make()`'s value, from the memo while the source's bytes and size are those it was made from
 * (of a file over the size limit only the beginning is read, and the parser names its size).
 */
export function checkedSource(memo: BuildMemo | undefined, source: SourceFile, make: () => CheckedSource): CheckedSource {
  const { path, bytes, size } = source;
  const kept = memo?.topics.get(path);
  if (kept && kept.size === size && sameBytes(kept.bytes, bytes)) return kept.checked;
  const checked = make();
  // The file's last good slug, kept through saves that break it. A new slug leaves the old one's
  // files behind: what they read goes too.
  const slug = checked.topic?.meta.slug ?? kept?.slug;
  if (memo && kept?.slug !== undefined && kept.slug !== slug) forgetReads(memo, kept.slug);
  memo?.topics.set(path, { bytes, size, checked, slug });
  return checked;
}

/**
 * Forgets topic files that are gone, and what their products read, so a long session holds only
 * the topics it has.
 */
export function forgetOtherSources(memo: BuildMemo | undefined, paths: readonly string[]): void {
  if (!memo) return;
  const present = new Set(paths);
  for (const [path, kept] of memo.topics) {
    if (present.has(path)) continue;
    memo.topics.delete(path);
    forgetReads(memo, kept.slug);
  }
}

/** The checked layout set, from the memo while layouts, labels and fonts are the same. */
export function memoLayoutSet(
  memo: BuildMemo | undefined,
  input: { layouts: readonly LayoutSource[]; labels: LayoutSource; fonts: FontSet },
  make: () => LayoutSet,
): LayoutSet {
  const kept = memo?.layoutSet;
  if (kept && kept.fonts === input.fonts && sameSources(kept.labels, input.labels) && sameLayouts(kept.layouts, input.layouts))
    return kept.layoutSet;
  const layoutSet = make();
  if (memo) memo.layoutSet = { layouts: input.layouts, labels: input.labels, fonts: input.fonts, layoutSet };
  return layoutSet;
}

/** The fingerprints' shared part, from the memo while everything it hashes is the same. */
export async function memoBase(
  memo: BuildMemo | undefined,
  input: { version: string; layouts: readonly LayoutSource[]; labels: LayoutSource; fonts: FontSet; options: BuildOptions },
  make: () => Promise<FingerprintBase>,
): Promise<FingerprintBase> {
  const kept = memo?.base;
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
  // Only what is compared: the input also holds every topic's bytes.
  const { version, layouts, labels, fonts, options } = input;
  if (memo) memo.base = { version, layouts, labels, fonts, options, base };
  return base;
}

// --- internal ---

function forgetReads(memo: BuildMemo, slug: string | undefined): void {
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
