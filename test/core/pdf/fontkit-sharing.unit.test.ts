import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// The fontkit pdfkit gets in our pdfmake build: fonts parsed once, words shaped once per process.
// @ts-expect-error plain JavaScript without types, bundled into pdfmake (scripts/pdfmake/fontkit.js)
import { create, SHAPED_PER_FONT, shapedTexts } from '../../../scripts/pdfmake/fontkit.js';

const require = createRequire(import.meta.url);
const face = (name: string) =>
  readFileSync(require.resolve(`@expo-google-fonts/atkinson-hyperlegible/${name}/AtkinsonHyperlegible_${name}.ttf`));
const REGULAR = face('400Regular');
const BOLD_ITALIC = face('700Bold_Italic');

interface Run {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}
interface Font {
  layout(text: string): Run;
}
const createShared = create as (bytes: Uint8Array) => Font;
const keptFor = shapedTexts as (font: Font) => number;
const MOST_KEPT = SHAPED_PER_FONT as number;
/** A font parsed afresh by fontkit itself, as pdfkit opens one per document without our sharing. */
const createOwn = (require('fontkit') as { create: (bytes: Uint8Array) => Font }).create;

/** What pdfkit reads of a run: glyph ids and characters, positions, total advance. */
function seen(run: Run) {
  return {
    glyphs: run.glyphs.map((g) => [g.id, [...g.codePoints]]),
    positions: run.positions.map((p) => ({ ...p })),
    advanceWidth: run.advanceWidth,
  };
}

// Danish text with kerning pairs, figures, punctuation and a no-break space; no character the
// font lacks and no default-ignorable one (those are shaped per document, tested below).
const WORDS = [
  'Hjælp ',
  'til ',
  'AVT ',
  'Tyø ',
  'å ',
  'Æble, ',
  '12–17 ',
  'fi ',
  '«MitID» ',
  'på\u00a0skærm ',
  'WAY-',
  '3½ ',
  'kl.\u00a09.30',
];

describe('fontkit shared between documents (scripts/pdfmake/fontkit.js)', () => {
  it('shapes every word as fontkit does in a document of its own, whatever other documents shaped before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(REGULAR, BOLD_ITALIC),
        (documents, bytes) => {
          for (const words of documents) {
            // One document: a view of the shared font, against a font of its own parsed afresh.
            const shared = createShared(bytes);
            const own = createOwn(bytes);
            for (const word of words) expect(seen(shared.layout(word))).toEqual(seen(own.layout(word)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives each document positions of its own: pdfkit scales them in place', () => {
    const first = createShared(REGULAR).layout('AVT ');
    for (const p of first.positions) p.xAdvance *= 0.012;
    expect(seen(createShared(REGULAR).layout('AVT '))).toEqual(seen(createOwn(REGULAR).layout('AVT ')));
  });

  it('shapes text with a missing or default-ignorable character in the document, as fontkit does there', () => {
    // fontkit hides default-ignorable characters by the characters glyph 0 was first made for in
    // that font object: the order within a document matters, so such text is not shared.
    const sequence = ['a\u2028b', 'c\u200dd', 'e→f', 'g\u00adh', 'Hjælp '];
    for (const order of [sequence, [...sequence].reverse()]) {
      const shared = createShared(REGULAR);
      const own = createOwn(REGULAR);
      for (const text of order) expect(seen(shared.layout(text))).toEqual(seen(own.layout(text)));
    }
  });

  it('keeps a bounded number of shaped texts per font, and shapes the same after dropping them', () => {
    // A long-lived process (watch, the kit's worker) meets ever new words; the cache must not grow with them.
    const bytes = face('400Regular_Italic');
    const font = createShared(bytes);
    const own = createOwn(bytes);
    for (let i = 0; i <= MOST_KEPT + 10; i++) font.layout(`ord${i} `);
    expect(keptFor(font)).toBeLessThanOrEqual(MOST_KEPT);
    expect(keptFor(font)).toBeGreaterThan(0);
    for (const word of WORDS) expect(seen(createShared(bytes).layout(word))).toEqual(seen(own.layout(word)));
  });
});
