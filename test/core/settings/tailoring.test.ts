import { describe, expect, it } from 'vitest';
import { buildSources, fileOf, fixture } from '../../helpers/build.js';
import { flat, readPdf, readStructure, type StructElement } from '../../helpers/pdf.js';
import { sniffLogo } from '../../../src/core/settings/logo.js';
import { validateOptions } from '../../../src/core/settings/options.js';
import { png } from '../../helpers/images.js';
import { greyJpeg } from '../../helpers/hostile-logos.js';
import { longDate } from '../../../src/core/view/view-model.js';

describe('their municipality on every product', () => {
  it('prints --organisation and --date on the guide, run sheet, handout, every flip-chart sheet and every card', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')], {
      organisation: 'Faaborg-Midtfyn Kommune',
      date: '2027-01-15',
      participants: 6,
    });
    for (const file of ['drejebog.pdf', 'koereplan.pdf', 'handout.pdf']) {
      const pdf = await readPdf(fileOf(result, file));
      expect(flat(pdf.pages[0]!.text), file).toContain('Faaborg-Midtfyn Kommune');
      expect(flat(pdf.pages[0]!.text), file).toContain('15. januar 2027');
    }
    const sheets = await readPdf(fileOf(result, 'flipover.pdf'));
    for (const page of sheets.pages) expect(flat(page.text)).toContain('Faaborg-Midtfyn Kommune · 15. januar 2027');
    const cards = flat((await readPdf(fileOf(result, 'prikkort.pdf'))).text);
    // A vote card, 6 idea cards and an agreement card: each says who and when.
    expect(cards.match(/Faaborg-Midtfyn Kommune · 15\. januar 2027/g)).toHaveLength(8);
  });

  it('keeps a date together on one line: no-break spaces in "15. januar 2027"', () => {
    // pdf.js reads a no-break space back as a plain one, so the string itself is checked.
    expect(longDate('2027-01-15', 'da')).toBe('15.\u00a0januar\u00a02027');
    expect(longDate('2027-01-15', 'en')).toBe('15\u00a0January\u00a02027');
  });

  it('prints nothing extra without them', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')]);
    expect(flat((await readPdf(fileOf(result, 'handout.pdf'))).pages[0]!.text)).toMatch(/Til deltagerne Tag afsæt/);
  });
});

const SVG =
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="300" height="100" fill="#1f5c73"/></svg>';

describe('--logo', () => {
  it('sniffs PNG, JPEG and SVG from the bytes, with their size', () => {
    expect(sniffLogo(png(240, 80))).toEqual({ logo: { type: 'png', width: 240, height: 80 } });
    expect(sniffLogo(greyJpeg(1200, 400))).toEqual({ logo: { type: 'jpeg', width: 1200, height: 400 } });
    expect(sniffLogo(new TextEncoder().encode(SVG))).toEqual({ logo: { type: 'svg', width: 300, height: 100 } });
  });

  it('refuses what is not a logo, with one clear message each', () => {
    const problem = (bytes: Uint8Array) => ('problem' in sniffLogo(bytes) ? (sniffLogo(bytes) as { problem: string }).problem : '');
    expect(problem(new TextEncoder().encode('%PDF-1.7 not an image'))).toBe('--logo: the file is not a PNG, JPEG or SVG image');
    expect(problem(new Uint8Array(0))).toBe('--logo: the file is empty');
    expect(problem(new Uint8Array(3 * 1024 * 1024))).toMatch(/the file is 3\.0 MB; a logo may be at most 2 MB/);
    expect(problem(png(8, 8))).toMatch(/8 × 8 pixels; use one from 16 to 8000/);
    expect(problem(greyJpeg(9000, 100))).toMatch(/9000 × 100 pixels/);
    expect(validateOptions({ logo: png(8, 8) })).toHaveLength(1);
  });

  it('prints the logo top right on the guide, run sheet and handout, as a Figure that says whose logo it is', async () => {
    for (const logo of [png(240, 80), new TextEncoder().encode(SVG)]) {
      const result = await buildSources([await fixture('valid/minimal.md')], { organisation: 'Faaborg-Midtfyn Kommune', logo });
      for (const file of ['drejebog.pdf', 'koereplan.pdf', 'handout.pdf']) {
        const bytes = fileOf(result, file);
        const pdf = await readPdf(bytes);
        const figures = (await readStructure(pdf.doc)).flatMap((p) => (p.tree ? walk(p.tree) : [])).filter((e) => e.role === 'Figure');
        expect(
          figures.map((f) => f.alt),
          file,
        ).toContain('Logo for Faaborg-Midtfyn Kommune');
        // Still earns its PDF/UA claim: the logo is tagged, nothing is loose.
        expect(result.topics[0]!.files.find((f) => f.path.endsWith(file))!.conformance, file).toEqual(['PDF/UA-1', 'PDF/A-2b']);
      }
      for (const file of ['flipover.pdf', 'prikkort.pdf']) {
        const figures = (await readStructure((await readPdf(fileOf(result, file))).doc))
          .flatMap((p) => (p.tree ? walk(p.tree) : []))
          .filter((e) => e.role === 'Figure');
        expect(figures, file).toEqual([]);
      }
    }
  }, 60_000);
});

function walk(element: StructElement): StructElement[] {
  return [element, ...element.children.flatMap(walk)];
}
