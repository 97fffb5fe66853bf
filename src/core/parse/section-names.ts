import type { Language, SectionKind } from '../model.js';

/**
 * The contract's section names. These belong to the source format (authors type them),
 * not to a layout, so they live in code; printed labels live in `templates/labels.yml`.
 */
export const SECTION_NAMES: Record<Language, Record<Exclude<SectionKind, 'step' | 'other'>, string>> = {
  da: {
    about: 'Om emnet',
    starting: 'Tag afsæt i emnet',
    preparation: 'Forberedelse',
    case: 'Case',
    advice: 'Praktiske råd',
    legal: 'Juridisk baggrund',
  },
  en: {
    about: 'About',
    starting: 'Starting point',
    preparation: 'Preparation',
    case: 'Case',
    advice: 'Practical advice',
    legal: 'Legal background',
  },
};

export const STEP_WORD: Record<Language, string> = { da: 'Trin', en: 'Step' };

export const SUBSECTION_NAMES: Record<Language, { questions: string; flipover: string; tip: string }> = {
  da: { questions: 'Dialogspørgsmål', flipover: 'Til flipover', tip: 'Tip' },
  en: { questions: 'Dialogue questions', flipover: 'For the flip chart', tip: 'Tip' },
};

/**
 * Heading comparison as the contract says: case and surrounding space ignored. A non-breaking or
 * doubled space inside counts as one space, so "did you mean" never suggests what looks identical.
 */
export function sameName(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

function comparable(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** `heading` begins with the whole of `name` and goes on after a space, colon or dash ("Forberedelse – før dialogen"). */
export function startsWithName(heading: string, name: string): boolean {
  const text = comparable(heading);
  const start = comparable(name);
  return text.startsWith(start) && /^(\s|:|[-–—(])/u.test(text.slice(start.length));
}
