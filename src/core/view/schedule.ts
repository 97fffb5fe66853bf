import type { Step, Topic } from '../model.js';
import type { Problem } from '../messages/index.js';
import { plainText } from '../parse/plain-text.js';

/**
 * The session's real length (`--duration N`): the steps' minutes scaled to N whole minutes.
 * Pure; the view model calls it, the CLI and the page call `durationProblems` to refuse a
 * length the topic cannot meet.
 */

/** Whole minutes for each step, in step order, summing to exactly the asked length. */
export interface Schedule {
  minutes: number[];
  /** Index of the step that shows the film or podcast (or reads the case): never shorter than the medium. */
  mediaStep: number;
  /** The least each step may have: 1, or the medium's minutes for the media step. */
  floors: number[];
}

/** Words that show a step presents the medium, in Danish and English. */
const MEDIUM_WORDS = {
  film: /\b(film(en)?|video(en)?)\b/iu,
  podcast: /\bpodcast(en)?\b/iu,
  case: /\b(cas(en|es)?|case)\b/iu,
} as const;

/**
 * The step that presents the medium: the first step whose title or instructions name it
 * ("vis filmen", "læs casen højt"); step 1 when none does, as the series opens with the medium.
 */
export function mediaStepIndex(topic: Topic): number {
  const kind = topic.meta.media?.kind;
  if (!kind) return 0;
  const marked = topic.steps.findIndex((step) => step.presentsMedia);
  if (marked >= 0) return marked;
  const index = topic.steps.findIndex((step) => MEDIUM_WORDS[kind].test(stepText(step)));
  return index < 0 ? 0 : index;
}

/** The shortest session the topic allows: one minute per step, the medium's full length for its step. */
export function shortestSession(topic: Topic): number {
  return floorsFor(topic).reduce((sum, m) => sum + m, 0);
}

/**
 * Scales the steps to `total` minutes: shares in proportion to the source's minutes, floors
 * held (a step below its floor is pinned there and the rest re-shared), then whole minutes by
 * largest remainder, ties to the earlier step. Call only with `total >= shortestSession(topic)`.
 */
export function scheduleSteps(topic: Topic, total: number): Schedule {
  const floors = floorsFor(topic);
  const source = topic.steps.map((s) => s.minutes);
  // Steps the facilitator timed keep their minutes (their floor is their length); the rest share what is left.
  const pinned = new Set(topic.steps.flatMap((s, i) => (s.pinned ? [i] : [])));
  let shares: number[] = [];
  // Each round pins at least one more step, or ends: at most one round per step.
  for (;;) {
    const free = source.map((_, i) => i).filter((i) => !pinned.has(i));
    const left = total - [...pinned].reduce((sum, i) => sum + floors[i]!, 0);
    const weight = free.reduce((sum, i) => sum + source[i]!, 0);
    if (free.length === 0) {
      shares = [...floors];
      break;
    }
    shares = source.map((m, i) => (pinned.has(i) ? floors[i]! : (m * left) / weight));
    const below = free.filter((i) => shares[i]! < floors[i]!);
    if (below.length === 0) break;
    for (const i of below) pinned.add(i);
  }
  const minutes = shares.map(Math.floor);
  let missing = total - minutes.reduce((sum, m) => sum + m, 0);
  const byRemainder = shares.map((s, i) => ({ i, rest: s - Math.floor(s) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    minutes[i]! += 1;
    missing -= 1;
  }
  return { minutes, mediaStep: mediaStepIndex(topic), floors };
}

/** Why `total` does not suit the topic: `error` when it cannot be met, `warning` when it is far outside the topic's range. */
export function durationProblems(
  topic: Topic,
  total: number,
  source: 'option' | 'adaptation' = 'option',
): { severity: 'error' | 'warning'; problem: Problem } | undefined {
  const shortest = shortestSession(topic);
  const { min, max } = topic.meta.duration;
  const range = min === max ? `${min}` : `${min}–${max}`;
  if (topic.steps.length > 0 && topic.steps.every((s) => s.pinned) && total !== shortest) {
    return { severity: 'error', problem: { code: 'DK0311', params: { source, total, shortest } } };
  }
  if (total < shortest) {
    const media = { media: topic.meta.media?.kind ?? '', mediaMinutes: topic.meta.media?.minutes ?? 0 };
    return {
      severity: 'error',
      problem: { code: 'DK0312', params: { source, total, steps: topic.steps.length, shortest, range, ...media } },
    };
  }
  if (total < min / 2 || total > max * 2) {
    return { severity: 'warning', problem: { code: 'DK0313', params: { source, total, range } } };
  }
  return undefined;
}

// --- internal ---

function floorsFor(topic: Topic): number[] {
  // A medium seen before the meeting takes no time in it.
  const media = topic.meta.media?.before ? 1 : (topic.meta.media?.minutes ?? 1);
  const mediaStep = mediaStepIndex(topic);
  return topic.steps.map((step, i) => (step.pinned ? step.minutes : i === mediaStep ? Math.max(1, media) : 1));
}

/**
 * The session's length as printed: `--duration` when it changes the steps, else the topic's
 * own range (an adapted topic's range is its steps' sum). The view model and `{varighed}` agree.
 */
export function sessionFigure(topic: Topic, duration: number | undefined): string {
  const sourceTotal = topic.steps.reduce((sum, s) => sum + s.minutes, 0);
  if (duration !== undefined && duration !== sourceTotal && durationProblems(topic, duration)?.severity !== 'error') return `${duration}`;
  const { min, max } = topic.meta.duration;
  return min === max ? `${min}` : `${min}–${max}`;
}

function stepText(step: Step): string {
  const parts = [step.title];
  for (const block of step.instructions) {
    if (block.kind === 'paragraph' || block.kind === 'heading') parts.push(plainText(block.spans));
    if (block.kind === 'list') for (const item of block.items) parts.push(plainText(item.spans));
  }
  return parts.join(' ');
}
