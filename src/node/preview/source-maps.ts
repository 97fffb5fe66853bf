import { createHash } from 'node:crypto';
import type { SourcePlace } from '../../core/pdf/ledger.js';
import type { Typesetter } from '../../core/pdf/typeset.js';

/**
 * Where each PDF's text came from, by the SHA-256 of the PDF's bytes: the typesetter that
 * `preview` hands the build records what the render's ledger knew (pdf/ledger.ts, `places`), and
 * the page asks for the map of the very version of the file it shows (the manifest's SHA-256).
 * Keyed by content, a map can never describe another version of the file than the one on screen.
 */
export interface SourceMaps {
  /** Wraps a typesetter so that every render leaves its map here. */
  recording(typesetter: Typesetter): Typesetter;
  get(sha256: string): readonly SourcePlace[] | undefined;
  /** Forgets the maps of files no longer on disk. */
  keepOnly(sha256s: ReadonlySet<string>): void;
}

export function createSourceMaps(): SourceMaps {
  const maps = new Map<string, readonly SourcePlace[]>();
  return {
    recording: (typesetter) => ({
      ...typesetter,
      async render(doc, options) {
        const pdf = await typesetter.render(doc, options);
        if (pdf.sourcePlaces.length > 0) maps.set(createHash('sha256').update(pdf.bytes).digest('hex'), pdf.sourcePlaces);
        return pdf;
      },
    }),
    get: (sha256) => maps.get(sha256),
    keepOnly(sha256s) {
      for (const key of maps.keys()) if (!sha256s.has(key)) maps.delete(key);
    },
  };
}
