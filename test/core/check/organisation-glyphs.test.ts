import { describe, expect, it } from 'vitest';
import { buildProducts, fileOf, source, TINY_TOPIC } from '../../helpers/build.js';
import { embeddedFontNames } from '../../helpers/pdf.js';

describe('characters typed into --organisation', () => {
  it('print emoji in the emoji font, and blame a character no font has on the option, not the topic', async () => {
    const organisation = 'Aarhus 😀 Kommune ✌ 市';
    const result = await buildProducts([source(TINY_TOPIC)], ['drejebog', 'koereplan', 'handout', 'prikkort'], { organisation });
    const warnings = result.topics[0]!.diagnostics.filter((d) => /not in the font/.test(d.message));
    // The emoji have glyphs in the emoji font: no warning for them.
    expect(warnings.map((d) => [d.file, d.line, d.col, d.severity])).toEqual([['--organisation', 1, 20, 'warning']]);
    expect(warnings[0]!.message).toMatch(/^"市" \(U\+5E02\) in --organisation is not in the fonts/);
    for (const name of ['koereplan.pdf', 'handout.pdf', 'prikkort.pdf', 'drejebog.pdf'])
      expect(
        embeddedFontNames(fileOf(result, name)).some((f) => /NotoEmoji/.test(f)),
        name,
      ).toBe(true);
  });
});
