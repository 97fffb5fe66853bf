import type { Labels } from '../settings/labels.js';
import { ideaCardsFor, type Topic } from '../model.js';
import { formatClock, normaliseBaseUrl, parseClock, type BuildOptions } from '../settings/options.js';
import { fill } from '../settings/labels.js';
import { plainText } from '../parse/plain-text.js';
import { LOGO_BOX, prepareLogo } from '../settings/logo.js';
import type { StepView, ViewModel } from './view-types.js';
import { durationProblems, mediaStepIndex, scheduleSteps, sessionFigure } from './schedule.js';

export type { Labels } from '../settings/labels.js';
export type { StepView, ViewModel } from './view-types.js';

/** Topic + options + labels → the view model layouts render from. Pure. */
export function makeViewModel(topic: Topic, options: BuildOptions, labels: Labels): ViewModel {
  const { meta } = topic;
  const start = options.start === undefined ? null : parseClock(options.start);
  const stepWord = labels.step;
  const sourceTotal = topic.steps.reduce((sum, s) => sum + s.minutes, 0);
  // A length the topic cannot meet is refused before the build (durationProblems); here it is ignored.
  const adapt =
    options.duration !== undefined && options.duration !== sourceTotal && durationProblems(topic, options.duration)?.severity !== 'error';
  // Without a new length the source's minutes stand as written, even a step shorter than its film.
  const schedule = adapt
    ? scheduleSteps(topic, options.duration!)
    : { minutes: topic.steps.map((s) => s.minutes), mediaStep: mediaStepIndex(topic) };
  let elapsed = 0;
  const steps = topic.steps.map((step, index): StepView => {
    const from = elapsed;
    const minutes = schedule.minutes[index]!;
    elapsed += minutes;
    return {
      ...step,
      minutes,
      from,
      to: elapsed,
      clockFrom: start === null ? null : formatClock(start + from, meta.language),
      clockTo: start === null ? null : formatClock(start + elapsed, meta.language),
      heading: `${stepWord} ${step.number} · ${step.title}`,
    };
  });
  // The facilitator's own group size (`--participants`) wins over the topic's: they know who comes.
  const participants = options.participants ?? meta.participants.max;
  const flipoverSize = options.flipoverSize ?? meta.flipover.size;
  return {
    topic: {
      title: meta.title,
      slug: meta.slug,
      series: meta.series ?? null,
      publisher: meta.publisher ?? null,
      date: meta.date ?? null,
      language: meta.language,
      draft: meta.draft,
      duration: `${sessionFigure(topic, options.duration)}\u00a0${labels.minutes}`,
      participants: fill(labels.participantsValue, { min: meta.participants.min, max: meta.participants.max }),
      media: meta.media
        ? {
            kind: meta.media.kind,
            title: meta.media.title,
            label: labels.media[meta.media.kind] ?? meta.media.kind,
            url: meta.media.url ?? null,
            minutes: meta.media.minutes ?? null,
            before: meta.media.before ? labels.adapt.before[meta.media.kind] : null,
          }
        : null,
      about: topic.about.length > 0 ? topic.about : null,
      guidingQuestions: topic.guidingQuestions,
      preparation: topic.preparation,
      steps,
      totalMinutes: elapsed,
      sourceMinutes: adapt ? topic.steps.map((s) => s.minutes) : null,
      mediaStep: schedule.mediaStep,
      advice: topic.advice.length > 0 ? topic.advice : null,
      legal: topic.legal.length > 0 ? topic.legal : null,
      caseText: topic.case.length > 0 ? topic.case : null,
      hasFlipPrompts: topic.steps.some((s) => s.flipPrompts.length > 0),
      cards: options.participants !== undefined ? ideaCardsFor(participants) : meta.dotvote.cards,
      dots: meta.dotvote.dots,
      dotField: meta.dotvote.dots * participants,
      groupSize: participants,
      flipover: {
        size: flipoverSize,
        tiled: (options.tile ?? meta.flipover.tile) === 'A4' && flipoverSize !== 'A4',
        space: meta.flipover.space ?? 'none',
      },
    },
    options: {
      start: options.start ?? null,
      organisation: options.organisation ? keepNamesTogether(options.organisation) : null,
      date: options.date ? longDate(options.date, meta.language) : null,
      note: options.note ?? null,
      phoneUrl: options.baseUrl === undefined ? null : `${normaliseBaseUrl(options.baseUrl)}${meta.slug}/`,
      logo: logoView(options, labels),
      byline:
        [options.organisation && keepNamesTogether(options.organisation), options.date ? longDate(options.date, meta.language) : undefined]
          .filter(Boolean)
          .join(' · ') || null,
    },
    labels,
  };
}

function logoView(options: BuildOptions, labels: Labels): ViewModel['options']['logo'] {
  if (!options.logo) return null;
  // Checked by validateOptions first; prepared once (docs/logo.md), however many topics are built.
  const prepared = prepareLogo(options.logo);
  if ('problem' in prepared) return null;
  const { type, width, height, source } = prepared.logo;
  // Printed this high, or narrower and lower when very wide.
  const scale = Math.min(LOGO_BOX.height / height, LOGO_BOX.width / width);
  const alt = options.organisation ? fill(labels.logoAltOf, { organisation: options.organisation }) : labels.logoAlt;
  return { type, source, width: width * scale, height: height * scale, alt };
}

const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2027-01-15` → "15. januar 2027" (da) or "15 January 2027" (en): how a reader writes a date. */
export function longDate(iso: string, language: 'da' | 'en'): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  // No-break spaces: a date split over two lines reads wrong.
  return `${day}${language === 'da' ? '.' : ''}\u00a0${MONTHS[language][month - 1]}\u00a0${year}`;
}

/** A name longer than this may break: held on one line it would widen its column past the page. */
const NAME_ON_ONE_LINE = 30;

/**
 * Names kept on one line, as Danish typography wants ("Aarhus Kommune", "HK Kommunal"): the words
 * of each name in a list ("Fremfærd Borger, KL og HK Kommunal") joined by no-break spaces, the
 * list itself free to break after a comma or around "og", "and", "&" and "·".
 */
export function keepNamesTogether(text: string): string {
  return text
    .split(/(,\s+|\s+(?:og|and|&|·)\s+)/)
    .map((part, i) => (i % 2 === 1 || [...part].length > NAME_ON_ONE_LINE ? part : part.replace(/ +/g, '\u00a0')))
    .join('');
}

export { fill, plainText };

const field = true;

/** The fields a layout may name under `topic.` and `options.` (prepare-layouts.ts checks layouts against them). */
export const VIEW_FIELDS: { topic: Record<keyof ViewModel['topic'], unknown>; options: Record<keyof ViewModel['options'], unknown> } = {
  topic: {
    title: field,
    slug: field,
    series: field,
    publisher: field,
    date: field,
    language: field,
    draft: field,
    duration: field,
    participants: field,
    media: { kind: field, title: field, label: field, url: field, minutes: field, before: field },
    about: field,
    guidingQuestions: field,
    preparation: field,
    steps: field,
    totalMinutes: field,
    sourceMinutes: field,
    mediaStep: field,
    advice: field,
    legal: field,
    caseText: field,
    hasFlipPrompts: field,
    cards: field,
    dots: field,
    dotField: field,
    groupSize: field,
    flipover: { size: field, tiled: field, space: field },
  },
  options: { start: field, organisation: field, date: field, note: field, phoneUrl: field, logo: field, byline: field },
};
