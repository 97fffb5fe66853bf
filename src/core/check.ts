import { diagnostic } from './diagnostics.js';
import type { Diagnostic, Topic } from './model.js';

/**
 * Checks that look at a parsed topic as a whole (its parts agree with each other),
 * and across topics. Returns warnings and errors; never throws.
 */
export function checkTopic(topic: Topic): Diagnostic[] {
  return [...checkMinutes(topic)];
}

/** Two topics must not write into the same output folder. */
export function checkSlugs(topics: readonly { slug: string; file: string }[]): Diagnostic[] {
  const first = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const { slug, file } of topics) {
    const other = first.get(slug);
    if (other === undefined) first.set(slug, file);
    else out.push(diagnostic('error', file, 1, `the slug "${slug}" is already used by ${other}`, 'give one of the topics another `slug:` in its front matter'));
  }
  return out;
}

// --- internal ---

function checkMinutes(topic: Topic): Diagnostic[] {
  const total = topic.steps.reduce((sum, step) => sum + step.minutes, 0);
  const { min, max } = topic.meta.duration;
  if (topic.steps.length === 0 || (total >= min && total <= max)) return [];
  const promised = min === max ? `${min} minutes` : `${min}–${max} minutes`;
  const line = topic.steps[0]!.line;
  return [
    diagnostic('warning', topic.file, line, `the steps add up to ${total} minutes, but \`duration\` promises ${promised}`, total < min ? `lengthen the steps, or set \`duration: "${total}-${max}"\`` : `shorten the steps, or set \`duration: "${min}-${total}"\``),
  ];
}
