import { describe, expect, it } from 'vitest';
import { buildSources, fileOf, fixture } from './helpers/build.js';
import { flat, readPdf } from './helpers/pdf.js';
import { longDate } from '../src/core/view-model.js';

describe('their municipality on every product', () => {
  it('prints --organisation and --date on the guide, run sheet, handout, every flip-chart sheet and every card', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')], { organisation: 'Faaborg-Midtfyn Kommune', date: '2027-01-15', participants: 6 });
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
