import type { Diagnostic } from './model.js';
import { MESSAGES, type Code, type Lang, type ParamsOf, type Problem } from './messages/index.js';

export type { Code, Lang, ParamsOf, Problem } from './messages/index.js';

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
 * Control and text-direction characters quoted from content are written as `\u001b`, so a file
 * can neither rewrite the terminal or a CI log nor reorder what a diagnostic says.
 */
export function forTerminal(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, so output is stable whatever order the checks ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col);
}

/** Exit codes of the CLI: 4 is the machine's (disk full, permissions, the output folder busy), never the content's or Dialogkit's. */
export const ExitCode = { ok: 0, contentError: 1, usageError: 2, internalError: 3, environmentError: 4 } as const;

/** A failure of the program or its environment (not of the content): carries an exit code and a cause. */
export class DialogkitError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DialogkitError';
    this.exitCode = options.exitCode ?? ExitCode.internalError;
  }
}
