import { describe, expect, it } from 'vitest';
import { build } from '../../../src/core/build/build.js';
import { createTypesetter, type RenderedPdf, type Typesetter } from '../../../src/core/pdf/typeset.js';
import { loadFonts, loadLayouts } from '../../../src/node/load.js';
import { source, TINY_TOPIC } from '../../helpers/build.js';

/**
 * The fast layer: each PDF product's document definition, as the product hands it to the
 * typesetter, against a file snapshot, without rendering a PDF. A change to a product shows here
 * as a readable diff of its pdfmake definition; `npx vitest run -u` accepts it on purpose.
 * (Flip-chart type is still fitted with the real typesetter's measurements: it is laid out, not
 * rendered.)
 */
describe('each product’s document definition', () => {
  it('is the one on file, for the smallest topic that makes every product', async () => {
    const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    const real = createTypesetter(fonts);
    const definitions: unknown[] = [];
    const recording: Typesetter = {
      render(doc) {
        definitions.push(JSON.parse(JSON.stringify(doc, plain)));
        return Promise.resolve(NOT_RENDERED);
      },
      measureHeights: (doc) => real.measureHeights(doc),
      textWidth: (text, face) => real.textWidth(text, face),
    };
    const options = { sourceDateEpoch: 1_800_000_000, organisation: 'Faaborg-Midtfyn Kommune', start: '13:00' };
    const result = await build({ topics: [source(TINY_TOPIC)], ...templates, fonts, options, typesetter: recording });
    const [topic] = result.topics;
    expect(topic?.ok, JSON.stringify(topic?.diagnostics)).toBe(true);
    const pdfs = topic!.files.map((f) => f.path.split('/').pop()!).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toEqual(['drejebog.pdf', 'koereplan.pdf', 'handout.pdf', 'flipover.pdf', 'prikkort.pdf']);
    expect(definitions).toHaveLength(pdfs.length);
    for (const [i, name] of pdfs.entries())
      await expect(JSON.stringify(definitions[i], null, 1) + '\n').toMatchFileSnapshot(`__snapshots__/${name.replace('.pdf', '')}.json`);
  }, 60_000);
});

/** What a product gets back instead of a PDF: nothing drawn is missing, nothing lost. */
const NOT_RENDERED: RenderedPdf = {
  bytes: new Uint8Array(0),
  pages: 1,
  conformance: [],
  missingGlyphs: [],
  lostText: [],
  sourcePlaces: [],
};

/** JSON of a definition: functions (footers, page-break rules) by their source, binary data by its length. */
function plain(_key: string, value: unknown): unknown {
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  return value;
}
