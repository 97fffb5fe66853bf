import { forTerminal } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import type { Entry } from './define.js';
import { ADAPT_MESSAGES } from './adapt.js';
import { BODY_MESSAGES } from './body.js';
import { CHECK_MESSAGES } from './checks.js';
import { FILE_MESSAGES } from './files.js';
import { FRONT_MATTER_MESSAGES } from './front-matter.js';
import { LAYOUT_MESSAGES } from './layouts.js';

/**
 * THE message table: every diagnostic Dialogkit reports, by its stable code, with its severity and
 * its text in English and Danish from the same typed parameters. The groups live in their own
 * modules (a file each, to stay readable) and are joined here into one table; docs/diagnostics.md
 * lists them. A code is never reused: a message that goes away keeps its number retired.
 *
 * DK00xx the file · DK01xx front matter · DK02xx the body · DK03xx checks across the topic and
 * the products · DK04xx adaptation files · DK05xx layouts, labels and the download page
 */
export const MESSAGES = {
  ...FILE_MESSAGES,
  ...FRONT_MATTER_MESSAGES,
  ...BODY_MESSAGES,
  ...CHECK_MESSAGES,
  ...ADAPT_MESSAGES,
  ...LAYOUT_MESSAGES,
} as const;

export type Lang = 'en' | 'da';
export type Messages = typeof MESSAGES;
export type Code = keyof Messages;
export type ParamsOf<C extends Code> = Messages[C] extends Entry<infer P> ? P : never;
/** A code with its parameters: what a check says before it is placed in a file. */
export type Problem = { [C in Code]: { code: C; params: ParamsOf<C> } }[Code];

/**
 * Formats a diagnostic the way compilers do: `file:line:col: error: message`, hint on the next
 * line, in `lang` (the words come from the message table, `messages/`; "error"/"warning" stay
 * English in both, as compilers and CI filters read them).
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'en'): string {
  // English is kept on the diagnostic (made from the same table when it was made).
  const text = lang === 'en' ? d : formatText(d, lang);
  const head = `${forTerminal(d.file)}:${d.line}:${d.col}: ${d.severity}: ${forTerminal(text.message)}`;
  return text.hint ? `${head}\n  ${lang === 'da' ? 'tip' : 'hint'}: ${forTerminal(text.hint)}` : head;
}

/**
 * A diagnostic's (or a problem's) message and hint in `lang`, made from its code and parameters.
 * A code the table does not know (a report kept by an older version) keeps the text it carries.
 */
export function formatText(
  d: { code: string; params: object; message?: string; hint?: string },
  lang: Lang,
): { message: string; hint?: string } {
  if (!Object.hasOwn(MESSAGES, d.code)) return { message: d.message ?? d.code, ...(d.hint !== undefined && { hint: d.hint }) };
  const entry = MESSAGES[d.code as Code] as {
    en: (p: object) => readonly [string, string?];
    da: (p: object) => readonly [string, string?];
  };
  const [message, hint] = entry[lang](d.params);
  return hint === undefined ? { message } : { message, hint };
}

/**
 * The one way to make a diagnostic: a code of the message table with its parameters, at a place.
 * The severity is the code's; `message` and `hint` are its English text, kept for JSON and logs.
 */
export function diagnostic<C extends Code>(code: C, params: ParamsOf<C>, file: string, line: number, col = 1): Diagnostic {
  return fromProblem({ code, params } as Problem, file, line, col);
}

/** A problem (a code and its parameters, as checks return them) at a place. */
export function fromProblem(problem: Problem, file: string, line: number, col = 1): Diagnostic {
  const { message, hint } = formatText(problem, 'en');
  const severity = MESSAGES[problem.code].severity;
  const base = { file, line, col, severity, code: problem.code, params: problem.params as Diagnostic['params'], message };
  return hint === undefined ? base : { ...base, hint };
}

/** A problem, typed by its code: `problem('DK0101', { key: 'title' })`. */
export function problem<C extends Code>(code: C, params: ParamsOf<C>): Problem {
  return { code, params } as Problem;
}
