import { diagnostic } from '../messages/index.js';
import type { Diagnostic } from '../model.js';
import type { LostText } from './ledger.js';

/** Error diagnostics for text a product did not print, at the source line it came from. */
export function lostTextDiagnostics(file: string, product: string, lost: readonly LostText[]): Diagnostic[] {
  return lost.map((l) =>
    diagnostic(
      'DK0323',
      { product, offPage: l.offPage === true, missing: l.expected - l.drawn, expected: l.expected, sample: l.sample },
      file,
      // Line 0 is text from an option (the note), not from the topic: its first line stands for it.
      Math.max(1, l.sourceLine ?? 1),
    ),
  );
}
