import { diagnostic, fromProblem } from '../messages/index.js';
import type { AdaptationSource, Diagnostic, Topic } from '../model.js';
import type { BuildOptions } from '../settings/options.js';
import type { Labels } from '../settings/labels.js';
import { closest } from '../suggest.js';
import { durationDiagnostics } from '../check/duration.js';
import { durationProblems } from '../view/schedule.js';
import { parseAdaptation, type Adaptation } from './adaptation.js';
import { applyAdaptation } from './apply-adaptation.js';
import { fillSessionWords, sessionValues } from './session-words.js';

/**
 * The topic a kit is made from: its adaptation applied (if one names it), the adaptation's
 * settings under the command line's, and `{varighed}`/`{deltagere}` filled in. One road for
 * `build`, `check` and the page's kit. Pure.
 */

/** Every adaptation of a build, read once. */
export interface Adaptations {
  bySlug: Map<string, Adaptation>;
  /** Problems of the files themselves (syntax, keys, two files for one topic). */
  diagnostics: Diagnostic[];
  /** Topics not to build because their adaptation file is broken: their slugs, or every topic when the file does not say. */
  blocked: Set<string> | 'all';
}

export function readAdaptations(sources: readonly AdaptationSource[] | undefined): Adaptations {
  const result: Adaptations = { bySlug: new Map(), diagnostics: [], blocked: new Set() };
  for (const source of sources ?? []) {
    const read = parseAdaptation(source);
    result.diagnostics.push(...read.diagnostics);
    if (!read.adaptation) {
      // A kit made without the adaptation asked for would be the wrong kit: its topic waits.
      const slug = /^topic:\s*["']?([a-z0-9-]+)/m.exec(source.text)?.[1];
      if (slug && result.blocked !== 'all') result.blocked.add(slug);
      else result.blocked = 'all';
      continue;
    }
    const other = result.bySlug.get(read.adaptation.topic);
    if (other) {
      const at = read.adaptation.at.topic;
      result.diagnostics.push(diagnostic('DK0422', { other: other.file, slug: read.adaptation.topic }, source.path, at.line, at.col));
      if (result.blocked !== 'all') result.blocked.add(read.adaptation.topic);
      continue;
    }
    result.bySlug.set(read.adaptation.topic, read.adaptation);
  }
  return result;
}

/** Adaptations that name no topic of the build, with the nearest slug. */
export function unknownTopics(adaptations: Adaptations, slugs: readonly string[]): Diagnostic[] {
  return [...adaptations.bySlug.values()]
    .filter((a) => !slugs.includes(a.topic))
    .map((a) => {
      const guess = closest(a.topic, slugs);
      return diagnostic('DK0423', { slug: a.topic, guess: guess ?? '', slugs }, a.file, a.at.topic.line, a.at.topic.col);
    });
}

/**
 * The tailored topic and options for one topic. `lines` are the topic file's, for a `--duration`
 * problem at its `duration:` line; one that comes from the adaptation is reported at its own.
 */
export function tailorTopic(
  topic: Topic,
  options: BuildOptions,
  adaptations: Adaptations,
  labels: Labels,
  lines: readonly string[],
): { topic: Topic; options: BuildOptions; diagnostics: Diagnostic[] } {
  const adaptation = adaptations.bySlug.get(topic.meta.slug);
  // What the command line says wins over the file: it is the later, more deliberate choice.
  const merged: BuildOptions = adaptation ? { ...adaptation.options, ...options } : options;
  const applied = adaptation ? applyAdaptation(topic, adaptation, labels) : { topic, diagnostics: [] };
  const diagnostics = [...applied.diagnostics];
  const fromFile = adaptation?.at.duration && options.duration === undefined;
  if (fromFile) {
    const found = durationProblems(applied.topic, merged.duration!, 'adaptation');
    const at = adaptation.at.duration!;
    if (found) diagnostics.push(fromProblem(found.problem, adaptation.file, at.line, at.col));
  } else diagnostics.push(...durationDiagnostics(applied.topic, merged.duration, lines));
  return { topic: fillSessionWords(applied.topic, sessionValues(applied.topic, merged, labels)), options: merged, diagnostics };
}
