import { describe, expect, it } from 'vitest';
import { hasEmoji, plain, TEXT_FONT_PICTOGRAPHS } from '../../../src/core/pdf/inline.js';
import { element } from '../../../src/core/pdf/tags.js';
import { createTypesetter } from '../../../src/core/pdf/typeset.js';
import { loadFonts } from '../../../src/node/load.js';

/** Every code point Unicode counts as a pictograph (Extended_Pictographic), below U+20000. */
const PICTOGRAPHS = Array.from({ length: 0x20000 }, (_, cp) => String.fromCodePoint(cp)).filter((c) =>
  /\p{Extended_Pictographic}/u.test(c),
);

describe('which characters are set in the emoji font', () => {
  it('keeps the text font’s own pictographs in it, unless asked for as emoji', () => {
    expect(plain('© KL 2023 · Dialogkit™ · ®')).toBe('© KL 2023 · Dialogkit™ · ®');
    expect(hasEmoji('© KL')).toBe(false);
    expect(plain('©\uFE0F KL')).toEqual([{ text: '©', font: 'Emoji' }, { text: ' KL' }]);
    expect(plain('Kaffe ☕ og ❤')).toEqual([
      { text: 'Kaffe ' },
      { text: '☕', font: 'Emoji' },
      { text: ' og ' },
      { text: '❤', font: 'Emoji' },
    ]);
    expect(plain('👩\u200D💻 hjælper')).toEqual([{ text: '👩\u200D💻', font: 'Emoji' }, { text: ' hjælper' }]);
  });

  it('names exactly the pictographs Atkinson Hyperlegible draws, in all four faces', async () => {
    const fonts = await loadFonts();
    const typesetter = createTypesetter(fonts);
    for (const face of [{}, { bold: true }, { italics: true }, { bold: true, italics: true }]) {
      const pdf = await typesetter.render(
        {
          content: [{ text: PICTOGRAPHS.join(' '), font: 'Atkinson', ...face, tag: element('P') }],
          info: { title: 'Pictographs' },
          language: 'da-DK',
        },
        { tagged: true },
      );
      const drawn = PICTOGRAPHS.filter((c) => !pdf.missingGlyphs.includes(c));
      expect(drawn.join(''), JSON.stringify(face)).toBe(TEXT_FONT_PICTOGRAPHS);
    }
  }, 60_000);
});
