/**
 * The minutes of one session (referat), as the screen edition's results form hands them over:
 * plain data from a page, so every field is read defensively here, once, for the PDF and the
 * Word file alike.
 */
import type { Labels } from '../settings/labels.js';
import { longDate } from '../view/view-model.js';

export type ResultsWords = Labels['web']['results'];

export interface Referat {
  language: 'da' | 'en';
  title: string;
  series: string | null;
  publisher: string | null;
  slug: string;
  /** The session's date, `YYYY-MM-DD`. */
  date: string;
  words: ResultsWords;
  agreement: { what: string; who: string; when: string; followUp: string };
  /** Most dots first; equal ones in the order they were typed. */
  ideas: { idea: string; dots: number }[];
}

/** A `Referat` from whatever the page sent: strings made strings, dots whole numbers ≥ 0, ideas sorted by dots. */
export function readReferat(input: unknown): Referat {
  const data = (input ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
  const agreement = (data['agreement'] ?? {}) as Record<string, unknown>;
  const words = data['words'] as ResultsWords | undefined;
  if (!words || typeof words !== 'object') throw new Error('the minutes came without their labels');
  const date = text(data['date']);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`the minutes' date "${date}" is not YYYY-MM-DD`);
  const ideas = (Array.isArray(data['ideas']) ? (data['ideas'] as unknown[]) : [])
    .map((idea, order) => {
      const row = (idea ?? {}) as Record<string, unknown>;
      const dots = Math.floor(Number(row['dots']));
      return { idea: text(row['idea']), dots: Number.isFinite(dots) && dots > 0 ? dots : 0, order };
    })
    .filter((idea) => idea.idea !== '' || idea.dots > 0)
    .sort((a, b) => b.dots - a.dots || a.order - b.order)
    .map(({ idea, dots }) => ({ idea, dots }));
  return {
    language: data['language'] === 'en' ? 'en' : 'da',
    title: text(data['title']),
    series: text(data['series']) || null,
    publisher: text(data['publisher']) || null,
    slug: text(data['slug']),
    date,
    words,
    agreement: {
      what: text(agreement['what']),
      who: text(agreement['who']),
      when: text(agreement['when']),
      followUp: text(agreement['followUp']),
    },
    ideas,
  };
}

/** The agreement's fields in print order, with their labels; an empty one reads "(ingen)". */
export function agreementRows(referat: Referat): [string, string][] {
  const { words, agreement, language } = referat;
  const followUp = /^\d{4}-\d{2}-\d{2}$/.test(agreement.followUp) ? longDateOf(agreement.followUp, language) : agreement.followUp;
  return [
    [words.what, agreement.what],
    [words.who, agreement.who],
    [words.when, agreement.when],
    [words.followUp, followUp],
  ].map(([label, value]) => [label!, value || words.none]);
}

/** "15. januar 2027" (da) or "15 January 2027" (en). */
export const longDateOf = longDate;
