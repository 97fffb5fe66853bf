import type { Diagnostic, Language, Topic } from '../model.js';
import type { BuildOptions } from '../settings/options.js';
import type { Labels } from '../settings/labels.js';
import { readAdaptations, tailorTopic, unknownTopics } from './tailor.js';

/** `check --adapt FILE`: the files' own problems, and what applying each to its topic reports (without typesetting). */
export function checkAdaptations(options: BuildOptions, topics: readonly Topic[], labels: Record<Language, Labels>): Diagnostic[] {
  if (!options.adapt || options.adapt.length === 0) return [];
  const adaptations = readAdaptations(options.adapt);
  const diagnostics = [
    ...adaptations.diagnostics,
    ...unknownTopics(
      adaptations,
      topics.map((t) => t.meta.slug),
    ),
  ];
  for (const topic of topics) {
    if (!adaptations.bySlug.has(topic.meta.slug)) continue;
    const tailored = tailorTopic(topic, options, adaptations, labels[topic.meta.language], []);
    diagnostics.push(...tailored.diagnostics.filter((d) => d.file !== topic.file));
  }
  return diagnostics;
}
