import type { Block, ListItem, Span, Topic } from '../model.js';
import type { BuildOptions } from '../settings/options.js';
import type { Labels } from '../settings/labels.js';
import { sessionFigure } from '../view/schedule.js';

/**
 * `{varighed}` and `{deltagere}` (English `{duration}`, `{participants}`): the session's length and
 * group size, written once by the topic and printed as the kit has them, so a kit tailored to 45
 * minutes or 8 people never says "about an hour" or "4–20". Pure.
 */
export const SESSION_WORDS = {
  duration: ['varighed', 'duration'],
  participants: ['deltagere', 'participants'],
} as const;

/** Every `{name}` in a text, for the placeholder check. */
export const PLACEHOLDER = /\{([\p{L}-]+)\}/gu;

/** The values, as the kit prints them: "45 minutter", "8" or "4–20". */
export function sessionValues(topic: Topic, options: BuildOptions, labels: Labels): Record<string, string> {
  const { min, max } = topic.meta.participants;
  const duration = `${sessionFigure(topic, options.duration)}\u00a0${labels.minutesLong}`;
  const participants = options.participants !== undefined ? `${options.participants}` : min === max ? `${min}` : `${min}–${max}`;
  const values: Record<string, string> = {};
  for (const name of SESSION_WORDS.duration) values[name] = duration;
  for (const name of SESSION_WORDS.participants) values[name] = participants;
  return values;
}

/** The topic with every known placeholder filled in, wherever its text is printed; unchanged when it has none. */
export function fillSessionWords(topic: Topic, values: Readonly<Record<string, string>>): Topic {
  if (!JSON.stringify(topic).includes('{')) return topic;
  const spans = (list: Span[]): Span[] =>
    list.map((span) =>
      span.text.includes('{')
        ? {
            ...span,
            text: span.text.replace(PLACEHOLDER, (whole, name: string) =>
              Object.hasOwn(values, name.toLowerCase()) ? values[name.toLowerCase()]! : whole,
            ),
          }
        : span,
    );
  const item = (i: ListItem): ListItem => ({ ...i, spans: spans(i.spans), children: blocks(i.children) });
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        return { ...b, spans: spans(b.spans) };
      case 'list':
        return { ...b, items: b.items.map(item) };
      case 'tip':
      case 'quote':
        return { ...b, blocks: blocks(b.blocks) };
    }
  };
  const blocks = (list: Block[]): Block[] => list.map(block);
  return {
    ...topic,
    about: blocks(topic.about),
    guidingQuestions: topic.guidingQuestions.map(item),
    preparation: topic.preparation.map(item),
    steps: topic.steps.map((step) => ({
      ...step,
      instructions: blocks(step.instructions),
      questions: step.questions.map(item),
      tips: step.tips.map(blocks),
      flipPrompts: step.flipPrompts.map((p) => ({ ...p, spans: spans(p.spans), details: p.details.map(spans) })),
    })),
    advice: blocks(topic.advice),
    legal: blocks(topic.legal),
    case: blocks(topic.case),
    extras: topic.extras.map((e) => ({ ...e, blocks: blocks(e.blocks) })),
  };
}
