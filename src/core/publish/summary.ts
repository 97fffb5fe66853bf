import type { Language, Topic } from '../model.js';
import { plainText } from '../parse/plain-text.js';

/** What the download page shows of a topic; kept in the manifest so unchanged topics need no re-parse. */
export interface TopicSummary {
  language: Language;
  series: string | null;
  publisher: string | null;
  date: string | null;
  duration: { min: number; max: number };
  participants: { min: number; max: number };
  /** The steps' minutes added up: the session's length unless the facilitator sets another. */
  minutes?: number;
  media: { kind: string; title: string; minutes: number | null } | null;
  /** The first paragraph of `## Om emnet`, as plain text. */
  intro: string | null;
}

/** The summary of a parsed topic. */
export function summarise(topic: Topic): TopicSummary {
  const { meta } = topic;
  const first = topic.about.find((b) => b.kind === 'paragraph');
  return {
    language: meta.language,
    series: meta.series ?? null,
    publisher: meta.publisher ?? null,
    date: meta.date ?? null,
    duration: meta.duration,
    participants: meta.participants,
    minutes: topic.steps.reduce((sum, step) => sum + step.minutes, 0),
    media: meta.media ? { kind: meta.media.kind, title: meta.media.title, minutes: meta.media.minutes ?? null } : null,
    intro: first && first.kind === 'paragraph' ? plainText(first.spans).replace(/\s+/g, ' ').trim() : null,
  };
}
