import type { LiveDiagnostic } from '../live/types.js';

/**
 * The page's own words around a problem: its kind, and for a warning that `--strict` (the
 * publishing pipelines' switch) would refuse it. Every warning fails a `--strict` build.
 */
export function problemWords(problem: Pick<LiveDiagnostic, 'severity'>): { severity: string; strict?: string } {
  return problem.severity === 'error' ? { severity: 'fejl' } : { severity: 'advarsel', strict: 'afvises med --strict' };
}
