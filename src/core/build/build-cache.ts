import type { FingerprintBase } from './fingerprint.js';
import type { LayoutSet, LayoutSource } from '../layouts/layout.js';
import type { Diagnostic, ProductReport, SourceFile, Topic } from '../model.js';
import type { FontSet } from '../pdf/typeset.js';
import type { BuildOptions } from '../settings/options.js';
import type { ViewModel } from '../view/view-types.js';

/**
 * What a build may keep from one build for the next. The build asks; the cache answers from what
 * it kept, or makes the value with `make` and keeps it. A build without a cache makes everything
 * (`NO_CACHE`); `watch` and the preview hand in a memo (`createBuildMemo`), which keeps the
 * checked layouts, each topic as parsed and checked, the fingerprints' shared part, and what each
 * product read of its topic, so that a save re-does only what it changed.
 */
export interface BuildCache {
  /** Kept between builds in this process: the build then stays on the thread that holds it. */
  readonly persistent: boolean;
  /** The checked layouts and labels for these inputs. */
  layoutSet(input: LayoutInputs, make: () => LayoutSet): LayoutSet;
  /** One topic file parsed and checked on its own, for these bytes. */
  checkedSource(source: SourceFile, make: () => CheckedSource): CheckedSource;
  /** The topic files of this build: what the cache holds of any other is dropped. */
  keepOnly(paths: readonly string[]): void;
  /** The fingerprints' shared part for these inputs. */
  fingerprintBase(input: BaseInputs, make: () => Promise<FingerprintBase>): Promise<FingerprintBase>;
  /** Whether the cache records what products read (then `madeFrom` and `keptByReads` matter). */
  readonly recordsReads: boolean;
  /** What making the file `key` (`slug/product`) under fingerprint `print` reported, when this cache saw it made. */
  reportOf(key: string, print: string): ProductReport | undefined;
  /**
   * The report of the file on disk for `key` when it was made, in this process, from parts of the
   * topic a save left as they were (and the same layouts and shared inputs, `context`): then it
   * is current under the new fingerprint `print` too, and is kept. `undefined`: make it.
   */
  keptByReads(key: string, file: ProductFile): Promise<ProductReport | undefined>;
  /** `view` and `topic` as a product sees them while it makes `key`; `made` keeps what it read. */
  watchReads(view: ViewModel, topic: Topic): WatchedReads;
}

/** The inputs the checked layouts are made from. */
export interface LayoutInputs {
  layouts: readonly LayoutSource[];
  labels: LayoutSource;
  fonts: FontSet;
}

/** The inputs the fingerprints' shared part is made from. */
export interface BaseInputs extends LayoutInputs {
  version: string;
  options: BuildOptions;
}

/** One topic file parsed and checked on its own (cross-topic checks come after). */
export interface CheckedSource {
  topic?: Topic;
  /** The file's text as decoded (once), for diagnostics that point into it. */
  text: string;
  /** The lines as parsed, for exact columns. */
  lines: readonly string[];
  diagnostics: Diagnostic[];
}

/** A product's file for a topic, as the cache compares it. */
export interface ProductFile {
  /** The fingerprint the file on disk is recorded under (`BuildInput.previous`). */
  previous: string | undefined;
  /** Its fingerprint now. */
  print: string;
  /** Everything of the fingerprint but the topic: shared inputs and layouts. */
  context: string;
  view: ViewModel;
  topic: Topic;
  creationDate: Date;
}

export interface WatchedReads {
  view: ViewModel;
  topic: Topic;
  /** Keeps what the product read while making the file `key` under `print`, and what making it reported. */
  made(key: string, file: Pick<ProductFile, 'print' | 'context' | 'creationDate'>, report: ProductReport): Promise<void>;
}

/** A build's cache when it is given none: everything is made. */
export const NO_CACHE: BuildCache = {
  persistent: false,
  recordsReads: false,
  layoutSet: (_input, make) => make(),
  checkedSource: (_source, make) => make(),
  keepOnly: () => undefined,
  fingerprintBase: (_input, make) => make(),
  reportOf: () => undefined,
  keptByReads: () => Promise.resolve(undefined),
  watchReads: (view, topic) => ({ view, topic, made: () => Promise.resolve() }),
};
