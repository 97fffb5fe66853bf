import { NO_CACHE, type BuildCache, type CheckedSource, type LayoutInputs } from './build-cache.js';
import { createBuildMemo } from './build-memo.js';
import { checkSlugs, checkTopic } from '../check/check.js';
import { checkLeaks, checkMediaWords } from '../check/consistency.js';
import { checkSessionWords } from '../check/session-words.js';
import { checkWriteThis } from '../check/write-this.js';
import { readAdaptations, unknownTopics, type Adaptations } from '../adapt/tailor.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Diagnostic, SourceFile, Topic } from '../model.js';
import { checkLayoutSet, type LayoutSet } from '../layouts/prepare-layouts.js';
import { parseTopic } from '../parse/parse-topic.js';
import { LAYOUT_PRODUCTS } from '../products/index.js';
import type { BuildOptions } from '../settings/options.js';

/**
 * The build's first stage: layouts, labels and topics read and checked, before anything is made.
 * Each mistake is a diagnostic at its file and line.
 */

/**
 * Checks layouts and labels. Without a cache of its own, a build uses the process's last checked
 * layouts while their texts and fonts are the same: the browser kit builds one topic per "Hent"
 * from the same embedded layouts.
 */
export function prepareLayouts(input: LayoutInputs, cache?: BuildCache): LayoutSet {
  return (cache ?? lastLayouts).layoutSet(input, () =>
    checkLayoutSet({ layouts: input.layouts, labels: input.labels, fonts: Object.keys(input.fonts) }, LAYOUT_PRODUCTS),
  );
}

const lastLayouts = createBuildMemo({ persistent: false });

/** The checked layouts when every product's is there without errors; `undefined`: nothing can be made. */
export function completeLayouts(prepared: LayoutSet): LayoutSet['layouts'] | undefined {
  return prepared.layouts.size === LAYOUT_PRODUCTS.length ? prepared.layouts : undefined;
}

/** Every topic that parsed, each with its file as checked, and every diagnostic (cross-topic ones too). */
export interface CheckedTopics {
  topics: Topic[];
  /** By source path, for each topic that parsed. */
  sources: Map<string, CheckedSource>;
  diagnostics: Diagnostic[];
}

/** Parses and checks every topic without typesetting; with a cache, only topics whose bytes changed. */
export function checkAll(sources: readonly SourceFile[], cache: BuildCache = NO_CACHE): CheckedTopics {
  const diagnostics: Diagnostic[] = [];
  const topics: Topic[] = [];
  const checkedSources = new Map<string, CheckedSource>();
  cache.keepOnly(sources.map((s) => s.path));
  for (const source of sources) {
    const checked = cache.checkedSource(source, () => checkSource(source));
    diagnostics.push(...checked.diagnostics);
    if (checked.topic) {
      topics.push(checked.topic);
      checkedSources.set(source.path, checked);
    }
  }
  diagnostics.push(...checkSlugs(topics.map((t) => ({ slug: t.meta.slug, file: t.file }))));
  diagnostics.push(...checkLeaks(topics, (file) => checkedSources.get(file)?.lines ?? []));
  return { topics, sources: checkedSources, diagnostics: sortDiagnostics(diagnostics) };
}

/** The build's adaptations (`--adapt`), read once, with their problems: their own, and topics they name that the build does not have. */
export function readBuildAdaptations(
  options: BuildOptions,
  topics: readonly Topic[],
): { adaptations: Adaptations; diagnostics: Diagnostic[] } {
  const adaptations = readAdaptations(options.adapt);
  return {
    adaptations,
    diagnostics: [
      ...adaptations.diagnostics,
      ...unknownTopics(
        adaptations,
        topics.map((t) => t.meta.slug),
      ),
    ],
  };
}

// --- internal ---

/** One topic file parsed and checked on its own. */
function checkSource(source: SourceFile): CheckedSource {
  const parsed = parseTopic(source);
  const text = parsed.text ?? '';
  // The lines as parsed give checks exact columns.
  const lines = parsed.lines ?? [];
  // A topic with errors is not built, but the checks of the whole topic still run on what could
  // be read (the minutes, a text still to write), so that one `check` reports everything.
  if (!parsed.topic) {
    const draft = parsed.draft ? topicChecks(parsed.draft, lines) : lines.length > 0 ? checkWriteThis(source.path, lines) : [];
    return { text, lines: [], diagnostics: [...parsed.diagnostics, ...draft] };
  }
  return { topic: parsed.topic, text, lines, diagnostics: [...parsed.diagnostics, ...topicChecks(parsed.topic, lines)] };
}

function topicChecks(topic: Topic, lines: readonly string[]): Diagnostic[] {
  return [...checkTopic(topic), ...checkMediaWords(topic, lines), ...checkSessionWords(topic, lines), ...checkWriteThis(topic.file, lines)];
}
