import { parseTopic } from '../parse/parse-topic.js';
import { plainText } from '../parse/plain-text.js';
import { mediaStepIndex } from '../view/schedule.js';

/**
 * What the page's "Tilpas indholdet" form shows of a topic: its steps with their minutes,
 * questions and flip-chart prompts as plain text, and its medium. The form compares what the
 * facilitator changed with it to write the adaptation file (src/browser/adapt-form.ts). Pure.
 */
export interface TopicOutline {
  slug: string;
  media: { kind: string; title: string; minutes: number } | null;
  /** The step (index) that presents the medium: its minutes leave with `media: before`. */
  mediaStep: number;
  steps: { number: number; title: string; minutes: number; questions: string[]; prompts: string[] }[];
}

export function outlineOf(source: { path: string; text: string }): TopicOutline | null {
  const { topic } = parseTopic({ path: source.path, bytes: new TextEncoder().encode(source.text) });
  if (!topic) return null;
  const media = topic.meta.media;
  return {
    slug: topic.meta.slug,
    media: media ? { kind: media.kind, title: media.title, minutes: media.minutes ?? 0 } : null,
    mediaStep: mediaStepIndex(topic),
    steps: topic.steps.map((s) => ({
      number: s.number,
      title: s.title,
      minutes: s.minutes,
      questions: s.questions.map((q) => plainText(q.spans)),
      prompts: s.flipPrompts.map((p) => plainText(p.spans)),
    })),
  };
}
