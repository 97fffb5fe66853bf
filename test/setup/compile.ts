/**
 * Compiles `dist/` as `npm run compile` does, once per run, before any worker starts, for the
 * tests that spawn `bin/dialogkit.js`, publish the page or render with our pdfmake. Compiling
 * inside a test file while other files run the executable from the same `dist/` was a race.
 *
 * Skipped when `dist/` is newer than everything it is made from (scripts/compile-if-stale.js,
 * which `npm run build` and `npm run dev` use too): `npm install` has just compiled it on a fresh
 * clone, and a run after no edit need not wait for it again.
 */
import { compileIfStale } from '../../scripts/compile-if-stale.js';

/** The e2e and browser projects both name this file; one compile serves both. */
const shared = globalThis as { dialogkitCompiled?: boolean };

export function setup(): void {
  if (shared.dialogkitCompiled) return;
  compileIfStale();
  shared.dialogkitCompiled = true;
}
