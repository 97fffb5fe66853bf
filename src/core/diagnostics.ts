import type { Diagnostic } from './model.js';

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
