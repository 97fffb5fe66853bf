/**
 * The shape of the message table: per code, its severity and its text in Danish and English, each
 * made from the same typed parameters. A diagnostic carries the code and the parameters as data;
 * the words are made where they are shown (`formatText`), in the reader's language.
 */

/** A parameter's value: plain data, so a diagnostic survives JSON and a worker's message (model.ts's `DiagnosticParam`). */
export type Param = string | number | boolean | readonly string[];

/** As model.ts has it; said again here so that the table imports nothing but its own parts. */
export type Severity = 'error' | 'warning';

/** What a code says: the message, and the hint (what to write instead) when there is one. */
export type Say<P> = (p: P) => readonly [message: string, hint?: string];

export interface Entry<P> {
  readonly severity: Severity;
  readonly en: Say<P>;
  readonly da: Say<P>;
}

/** An error code: `error<{ key: string }>((p) => […], (p) => […])`, English first, then Danish. */
export function error<P extends Record<string, Param> = Record<never, never>>(en: Say<P>, da: Say<P>): Entry<P> {
  return { severity: 'error', en, da };
}

/** A warning code: the text is printed all the same, but not as the author meant. */
export function warning<P extends Record<string, Param> = Record<never, never>>(en: Say<P>, da: Say<P>): Entry<P> {
  return { severity: 'warning', en, da };
}

/** `a, b or c` / `a, b eller c`. */
export function orList(items: readonly string[], lang: 'en' | 'da'): string {
  // The table's sample (messages/sample.ts) passes a placeholder, not a list.
  const list: readonly string[] = Array.isArray(items) ? items : [String(items)];
  const or = lang === 'da' ? 'eller' : 'or';
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} ${or} ${list[list.length - 1]}`;
}

/** `1,234` in English, `1.234` in Danish. */
export function figure(value: number, lang: 'en' | 'da'): string {
  const number = Number(value);
  return Number.isFinite(number) ? number.toLocaleString(lang === 'da' ? 'da-DK' : 'en') : String(value);
}
