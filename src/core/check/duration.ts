import { fromProblem } from '../messages/index.js';
import type { Diagnostic, Topic } from '../model.js';
import { durationProblems } from '../view/schedule.js';

/** `durationProblems` (a `--duration` the topic cannot meet, or far from its own) as a diagnostic at the topic's `duration:` line. */
export function durationDiagnostics(topic: Topic, total: number | undefined, lines: readonly string[]): Diagnostic[] {
  if (total === undefined) return [];
  const found = durationProblems(topic, total);
  if (!found) return [];
  const index = lines.findIndex((l) => /^duration\s*:/.test(l));
  return [fromProblem(found.problem, topic.file, index < 0 ? 1 : index + 1)];
}
