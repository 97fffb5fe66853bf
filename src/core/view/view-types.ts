import type { Block, FlipSpace, ListItem, Media, PaperSize, Step } from '../model.js';
import type { Labels } from '../settings/labels.js';
import type { LogoType } from '../settings/logo-sniff.js';

// The view model's shape alone, apart from the code that makes it (view-model.ts): what reads it
// (products, editions, the cache) needs the type, not the options, logo and schedule code behind it.

export type { Labels } from '../settings/labels.js';

export interface StepView extends Step {
  /** Minutes from the start: `from`–`to`, e.g. 0–10. */
  from: number;
  to: number;
  /** Clock times when a start time is given, else null. */
  clockFrom: string | null;
  clockTo: string | null;
  heading: string;
}

/**
 * What layouts see. Every key is always present (null when absent), because layouts are
 * compiled in strict mode: a misspelt field must fail loudly rather than print nothing.
 */
export interface ViewModel {
  topic: {
    title: string;
    slug: string;
    series: string | null;
    publisher: string | null;
    date: string | null;
    language: string;
    draft: boolean;
    duration: string;
    participants: string;
    media: {
      kind: Media['kind'];
      title: string;
      label: string;
      url: string | null;
      minutes: number | null;
      /** "Set på forhånd" when the group sees it before the meeting (an adaptation's `media: before`), else null. */
      before: string | null;
    } | null;
    about: Block[] | null;
    guidingQuestions: ListItem[];
    preparation: ListItem[];
    steps: StepView[];
    totalMinutes: number;
    /** The source's minutes per step when `--duration` changed them, else null. */
    sourceMinutes: number[] | null;
    /** The step (index) that presents the film, podcast or case. */
    mediaStep: number;
    advice: Block[] | null;
    legal: Block[] | null;
    /** `## Case`: the case participants read, on the handout. */
    caseText: Block[] | null;
    hasFlipPrompts: boolean;
    cards: number;
    dots: number;
    /** Room in an idea card's dot field: every participant of the largest group may put all their dots on one idea. */
    dotField: number;
    /** The group the material is printed for: `--participants`, else the topic's largest group. */
    groupSize: number;
    /** The flip-chart paper, whether it is printed in A4 pieces (never when the paper is A4), and whether it leaves room to write. */
    flipover: { size: PaperSize; tiled: boolean; space: FlipSpace };
  };
  options: {
    start: string | null;
    organisation: string | null;
    date: string | null;
    note: string | null;
    /** The topic's phone edition, `<base-url><slug>/`, when the publishing address is known. */
    phoneUrl: string | null;
    /** The logo, ready for pdfmake (a data URL, or SVG markup) and sized in points; null without `--logo`. */
    logo: { type: LogoType; source: string; width: number; height: number; alt: string } | null;
    /** "Faaborg-Midtfyn Kommune · 15. januar 2027": who the material is for and when, for every product's small print; null when neither is given. */
    byline: string | null;
  };
  labels: Labels;
}
