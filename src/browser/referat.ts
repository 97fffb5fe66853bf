/**
 * The minutes maker the screen edition loads from `../assets/dialogkit-referat.js` when the
 * facilitator presses "Hent referat": the core's minutes as a PDF (the same typesetter and fonts
 * as every other PDF) and as a Word file. Bundled with the text fonts by scripts/bundle-kit.ts;
 * it sets `globalThis.dialogkitReferat`, which the page's script asks for by name.
 */
import { createTypesetter, type FontSet } from '../core/pdf/typeset.js';
import { referatDocx } from '../core/referat/referat-docx.js';
import { referatPdf } from '../core/referat/referat-pdf.js';
import { readReferat } from '../core/referat/referat.js';

/** The global the script sets; screen-results-script.ts reads it. */
export const REFERAT_GLOBAL = 'dialogkitReferat';

export interface ReferatMaker {
  /** Raised when what `make` takes or gives changes, so a page can tell an old script from a new one. */
  version: 1;
  make(input: unknown): Promise<{ pdf: Uint8Array; docx: Uint8Array; pages: number }>;
}

export function referatMaker(fonts: FontSet): ReferatMaker {
  const typesetter = createTypesetter(fonts);
  return {
    version: 1,
    async make(input) {
      const referat = readReferat(input);
      const [pdf, docx] = await Promise.all([referatPdf(typesetter, referat), referatDocx(referat)]);
      return { pdf: pdf.bytes, docx, pages: pdf.pages };
    },
  };
}
