import { NO_CACHE, type BuildCache } from './build-cache.js';
import { checkAll, completeLayouts, prepareLayouts, readBuildAdaptations } from './check-inputs.js';
import { fingerprintBase } from './fingerprint.js';
import { makeTopic, topicResult, type TopicBuild, type TopicContext } from './make-topic.js';
import type { LayoutSource } from '../layouts/layout.js';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import type { Diagnostic, ProductReport, SourceFile } from '../model.js';
import type { BuildOptions } from '../settings/options.js';
import { createTypesetter, type FontSet, type Typesetter } from '../pdf/typeset.js';

// Where callers have always found them; the orchestration imports these modules anyway.
export { checkAll, prepareLayouts } from './check-inputs.js';
export type { TopicBuild } from './make-topic.js';

/**
 * The build, as orchestration only: check the inputs, then make each topic's products. What it
 * may keep between builds is the caller's `cache` (`watch`, the preview); the stages it calls
 * are in check-inputs.ts (layouts, labels, topics) and make-topic.ts (one topic's files).
 */

/** What a build needs, all as data: the core reads no files. */
export interface BuildInput {
  topics: readonly SourceFile[];
  layouts: readonly LayoutSource[];
  /** `templates/labels.yml`. */
  labels: LayoutSource;
  fonts: FontSet;
  options: BuildOptions;
  /** Build only these slugs (all when empty). */
  only?: readonly string[];
  /** Typeset only these source paths (a worker thread's share); all topics are still checked. */
  onlySources?: readonly string[];
  /**
   * Make only these products, by name (all when absent): for a preview. A topic's result then
   * lists only those files, so it is not one to publish (publishing removes what a topic no longer makes).
   */
  products?: readonly string[];
  /** Renders documents; default: pdfmake with `fonts`. The benchmark passes a recording one. */
  typesetter?: Typesetter;
  /**
   * For incremental builds: the fingerprint each file had when it was last written, by
   * `slug/product-name` (left out when unknown or the file is gone). A product whose
   * fingerprint is unchanged is not rebuilt. Leave out to build everything. Plain data,
   * so it can be handed to worker threads.
   */
  previous?: Readonly<Record<string, string>>;
  /** What making each file in `previous` reported, by the same keys; a kept file reports it again. */
  previousReports?: Readonly<Record<string, ProductReport>>;
  /** The tool's version and code (`toolIdentity` in fingerprint.ts), part of every fingerprint. */
  version?: string;
  /** What a long-lived process keeps between builds (`createBuildMemo()`): unchanged inputs are not parsed, checked or made again. */
  cache?: BuildCache;
}

export interface BuildResult {
  topics: TopicBuild[];
  /** Problems not tied to one topic (layouts, labels, duplicate slugs). */
  diagnostics: Diagnostic[];
  /** The labels, read once for the build (absent when labels.yml has errors); the download page uses them too. */
  labels?: NonNullable<TopicContext['labels']>;
}

/**
 * Builds every topic into in-memory files. A topic with errors yields no files; the others
 * build all the same. `onTopic` is told about each topic as it finishes (for progress lines).
 */
export async function build(input: BuildInput, onTopic?: (topic: TopicBuild) => void): Promise<BuildResult> {
  const cache = input.cache ?? NO_CACHE;
  const prepared = prepareLayouts(input, input.cache);
  const checked = checkAll(input.topics, cache);
  const adapted = readBuildAdaptations(input.options, checked.topics);
  const version = input.version ?? '';
  const ctx: TopicContext = {
    options: input.options,
    labels: prepared.labels,
    layouts: completeLayouts(prepared),
    typesetter: input.typesetter ?? createTypesetter(input.fonts),
    fonts: input.fonts,
    base: await cache.fingerprintBase({ ...input, version }, () =>
      fingerprintBase(version, input.labels, input.layouts, input.fonts, input.options),
    ),
    cache,
    adaptations: adapted.adaptations,
    products: input.products,
    previous: input.previous,
    previousReports: input.previousReports,
  };
  const results: TopicBuild[] = [];
  for (const source of input.topics) {
    const started = performance.now();
    const own = checked.sources.get(source.path);
    const { result, tailored } = topicResult(
      ctx,
      source.path,
      own,
      checked.diagnostics.filter((d) => d.file === source.path),
    );
    if (input.only && input.only.length > 0 && !input.only.includes(result.slug)) continue;
    if (input.onlySources && !input.onlySources.includes(source.path)) continue;
    if (own && tailored && !hasErrors(result.diagnostics) && ctx.layouts) await makeTopic(ctx, source, own, tailored, result);
    result.milliseconds = performance.now() - started;
    results.push(result);
    onTopic?.(result);
  }
  const shared = [
    ...prepared.diagnostics,
    ...checked.diagnostics.filter((d) => !input.topics.some((t) => t.path === d.file)),
    ...adapted.diagnostics,
  ];
  return { topics: results, diagnostics: sortDiagnostics(shared), ...(prepared.labels && { labels: prepared.labels }) };
}
