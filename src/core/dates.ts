/**
 * The one rule for dates, shared by front-matter `date`, `--date`, `SOURCE_DATE_EPOCH` and the
 * browser form: a real calendar day within the range that every output format can hold (zip
 * timestamps end in 2107; PDF dates and the printed Danish date have no trouble in between).
 */

import { datePhrase, type DateReason } from './messages/phrases.js';

export const FIRST_DATE = '1980-01-01';
export const LAST_DATE = '2099-12-31';

/** `SOURCE_DATE_EPOCH` bounds, in seconds since 1970: the first and last second of the range. */
const FIRST_EPOCH = Date.parse(`${FIRST_DATE}T00:00:00Z`) / 1000;
const LAST_EPOCH = Date.parse(`${LAST_DATE}T23:59:59Z`) / 1000;

/**
 * Why `text` is not an acceptable `YYYY-MM-DD` date, or undefined when it is. The reason reads after
 * the value, e.g. `"2024-02-30" ` + reason.
 */
export function dateProblem(text: string): string | undefined {
  const reason = dateReason(text);
  return reason === undefined ? undefined : datePhrase(reason, FIRST_DATE, LAST_DATE, 'en');
}

/** Why `text` is not an acceptable date, as data for a diagnostic's parameters. */
export function dateReason(text: string): DateReason | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return 'not-a-date';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
    return 'not-in-calendar';
  }
  if (text < FIRST_DATE || text > LAST_DATE) return 'out-of-range';
  return undefined;
}

/** Why a `SOURCE_DATE_EPOCH` value is not acceptable, or undefined when it is. */
export function epochProblem(seconds: number): string | undefined {
  if (!Number.isInteger(seconds)) return 'must be a whole number of seconds since 1970';
  if (seconds < FIRST_EPOCH || seconds > LAST_EPOCH)
    return `must lie between ${FIRST_DATE} and ${LAST_DATE} (${FIRST_EPOCH} to ${LAST_EPOCH})`;
  return undefined;
}
