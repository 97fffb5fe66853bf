import { diagnostic } from '../messages/index.js';
import type { Diagnostic, Topic } from '../model.js';
import { SECTION_NAMES } from '../parse/section-names.js';

/**
 * Checks that look at a parsed topic as a whole (its parts agree with each other),
 * and across topics. Returns warnings and errors; never throws.
 */
export function checkTopic(topic: Topic): Diagnostic[] {
  return [...checkMinutes(topic), ...checkCase(topic)];
}

/** Two topics must not write into the same output folder. */
export function checkSlugs(topics: readonly { slug: string; file: string }[]): Diagnostic[] {
  const first = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const { slug, file } of topics) {
    const other = first.get(slug);
    if (other === undefined) first.set(slug, file);
    else out.push(diagnostic('DK0301', { slug, other }, file, 1));
  }
  return out;
}

// --- internal ---

/** A case topic's participants need the case itself, on their handout. */
function checkCase(topic: Topic): Diagnostic[] {
  if (topic.meta.media?.kind !== 'case' || topic.case.length > 0) return [];
  const name = SECTION_NAMES[topic.meta.language].case;
  return [diagnostic('DK0302', { name }, topic.file, topic.steps[0]?.line ?? 1)];
}

function checkMinutes(topic: Topic): Diagnostic[] {
  const total = topic.steps.reduce((sum, step) => sum + step.minutes, 0);
  const { min, max } = topic.meta.duration;
  if (topic.steps.length === 0 || (total >= min && total <= max)) return [];
  return [diagnostic('DK0303', { total, min, max }, topic.file, topic.steps[0]!.line)];
}
