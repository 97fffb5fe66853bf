import type { LiveDiagnostic } from '../live/types.js';

/**
 * The page's own words around a problem: its kind, and for a warning that `--strict` (the
 * publishing pipelines' switch) would refuse it. Every warning fails a `--strict` build.
 */
export function problemWords(problem: Pick<LiveDiagnostic, 'severity'>): { severity: string; strict?: string } {
  return problem.severity === 'error' ? { severity: 'fejl' } : { severity: 'advarsel', strict: 'afvises med --strict' };
}

/**
 * A problem written out, as the note under its line and the list under the editor both show it:
 * the kind and message, the `--strict` mark, and the hint on a line of its own.
 */
export function problemText(problem: Pick<LiveDiagnostic, 'severity' | 'message' | 'hint'>): (Node | string)[] {
  const words = problemWords(problem);
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = `${words.severity}: ${problem.message}`;
  const nodes: (Node | string)[] = [message];
  if (words.strict) {
    const strict = document.createElement('span');
    strict.className = 'strict';
    strict.textContent = words.strict;
    nodes.push(' ', strict);
  }
  if (problem.hint) {
    const hint = document.createElement('div');
    hint.className = 'hint';
    hint.textContent = problem.hint;
    nodes.push(hint);
  }
  return nodes;
}
