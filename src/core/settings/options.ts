import { dateProblem, epochProblem } from '../dates.js';
import { prepareLogo } from './logo.js';
import { qrProblem, SLUG_ROOM } from './qr-capacity.js';
import type { AdaptationSource, Language, PaperSize } from '../model.js';
import { linkProblem } from '../parse/links.js';

/** Per-build choices that change what is printed. Resolved once and frozen; the same shape on the CLI and the page. */
export interface BuildOptions {
  /** Start time `HH:MM`: the guide's overview shows clock times. Default: none. */
  start?: string;
  /** Municipality or team the material is prepared for, printed on the guide. Default: none. */
  organisation?: string;
  /** Meeting date `YYYY-MM-DD`, printed on the guide. Default: none. */
  date?: string;
  /** The session's real length in minutes: the steps are scaled to it. Default: the sum of the topic's own minutes. */
  duration?: number;
  /** Group size: overrides the number of idea cards. Default: from the topic. */
  participants?: number;
  /** Flip-chart paper, overriding the topic's `flipover.size`. */
  flipoverSize?: PaperSize;
  /** Print flip-chart sheets in A4 pieces, overriding the topic's `flipover.tile`. */
  tile?: 'A4';
  /** A line of local guidelines, printed in the guide. */
  note?: string;
  /**
   * Where `out/` will be published, absolute http or https (a missing final `/` is added): the guide and handout
   * then carry a QR code to the topic's phone edition, `<baseUrl><slug>/`. Default: none (no code).
   */
  baseUrl?: string;
  /** The municipality's logo file (PNG, JPEG or SVG), as bytes: read at the CLI's edge or from the page's form. Printed on the guide, run sheet and handout. */
  logo?: Uint8Array;
  /** Make the Word copies (`drejebog.docx`, `handout.docx`, `aftaleark.docx`). Default: yes; the page's kit only when asked, so its first "Hent" stays quick. */
  word?: boolean;
  /** Adaptation files (`--adapt FILE`, the page's "Tilpas indholdet"), one per topic they name; read by `adapt/tailor.ts`. */
  adapt?: readonly AdaptationSource[];
  /** Seconds since 1970 for the PDFs' dates (SOURCE_DATE_EPOCH); else the topic's `date`. */
  sourceDateEpoch?: number;
}

/** One wrong option: which one, and a message for the command line. The page shows its own words per field. */
export interface OptionProblem {
  field: keyof BuildOptions;
  message: string;
}

/** Checks option values; one problem per wrong option (empty when all is well). Pure, shared by the CLI and the kit. */
export function validateOptions(options: BuildOptions): OptionProblem[] {
  const problems = validateTypedOptions(options);
  if (options.logo !== undefined) {
    // Decoded within its budget here, before any build starts: a bad logo is one line, never a crash mid-build.
    const prepared = prepareLogo(options.logo);
    if ('problem' in prepared) problems.push({ field: 'logo', message: prepared.problem });
  }
  return problems;
}

/**
 * Every check but the logo's: the options a person types. The page's form checks these at once
 * (its script then stays free of the image decoders); the kit decodes the logo in its worker.
 */
export function validateTypedOptions(options: Omit<BuildOptions, 'logo'>): OptionProblem[] {
  const problems: OptionProblem[] = [];
  if (options.start !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(options.start)) {
    problems.push({ field: 'start', message: `--start "${options.start}" is not a time; write HH:MM, e.g. 13:00` });
  }
  const badDate = options.date === undefined ? undefined : dateProblem(options.date);
  if (badDate !== undefined)
    problems.push({ field: 'date', message: `--date "${options.date}" ${badDate}; write YYYY-MM-DD, e.g. 2023-10-27` });
  if (
    options.participants !== undefined &&
    (!Number.isInteger(options.participants) || options.participants < 2 || options.participants > 200)
  ) {
    problems.push({ field: 'participants', message: `--participants must be a whole number from 2 to 200` });
  }
  if (options.duration !== undefined && (!Number.isInteger(options.duration) || options.duration < 1 || options.duration > 480)) {
    problems.push({ field: 'duration', message: `--duration must be a whole number of minutes from 1 to 480` });
  }
  if (options.flipoverSize !== undefined && !['A4', 'A3', 'A2', 'A1'].includes(options.flipoverSize)) {
    problems.push({ field: 'flipoverSize', message: `--flipover-size must be A4, A3, A2 or A1` });
  }
  if (options.tile !== undefined && options.tile !== 'A4') problems.push({ field: 'tile', message: '--tile can only be A4' });
  for (const [field, max] of [
    ['organisation', 80],
    ['note', 400],
  ] as const) {
    const value = options[field];
    if (value !== undefined && value.length > max) problems.push({ field, message: `--${field} is longer than ${max} characters` });
  }
  const badBase = options.baseUrl === undefined ? undefined : baseUrlProblem(options.baseUrl);
  if (badBase !== undefined) problems.push({ field: 'baseUrl', message: badBase });
  const badEpoch = options.sourceDateEpoch === undefined ? undefined : epochProblem(options.sourceDateEpoch);
  if (badEpoch !== undefined) problems.push({ field: 'sourceDateEpoch', message: `SOURCE_DATE_EPOCH ${badEpoch}` });
  return problems;
}

/** `https://www.example.dk/dialog` → `https://www.example.dk/dialog/`: the slug is appended to it. */
export function normaliseBaseUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Minutes after midnight for `HH:MM`. */
export function parseClock(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** `HH:MM` for minutes after midnight (wrapping past midnight); Danish print writes `HH.MM`, as Retskrivningsordbogen does. */
export function formatClock(minutes: number, language: Language = 'en'): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}${language === 'da' ? '.' : ':'}${String(m % 60).padStart(2, '0')}`;
}

// --- internal ---

/**
 * Why `--base-url` cannot be used: it must be an absolute http(s) address with no query or
 * fragment (a topic's folder follows it), with no user name or password (every QR code would
 * print them), and short enough that, with a topic's folder, it fits the printed QR code.
 */
function baseUrlProblem(value: string): string | undefined {
  const shown = value.length > 80 ? `${value.slice(0, 60)}…` : value;
  // The one rule for addresses (no quote, space or `<` as written), then what a base needs.
  const url = linkProblem(value, 'web') === undefined ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '' || url.hostname === '') {
    return `--base-url "${shown}" is not a web address; write the full address where out/ is published, e.g. https://www.example.dk/dialog/`;
  }
  if (url.username !== '' || url.password !== '') {
    return `--base-url holds a user name or password, which every QR code and printed address would show; give the address without them (e.g. https://www.example.dk/dialog/)`;
  }
  const tooLong = qrProblem(`${normaliseBaseUrl(value)}${'x'.repeat(SLUG_ROOM)}`);
  if (tooLong) return `--base-url with a topic's folder after it ${tooLong}; publish out/ at a shorter address`;
  return undefined;
}
