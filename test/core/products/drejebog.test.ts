import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE14, embeddedFontNames, flat, readPdf } from '../../helpers/pdf.js';
import { buildSources, builtFixture, fileOf, fixture, FIXTURES } from '../../helpers/build.js';
import { cli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

describe('drejebog.pdf', () => {
  it('is A4 portrait with every step title in order, minutes, and clock times or running times', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')], { start: '13:00' });
    expect(result.topics[0]!.diagnostics).toEqual([]);
    const pdf = await readPdf(fileOf(result, 'drejebog.pdf'));
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(595.28, 0);
      expect(page.height).toBeCloseTo(841.89, 0);
    }
    const text = flat(pdf.text);
    const titles = ['Rammesæt dilemmaet', 'Indsaml pointer', 'Refleksioner', 'Find handlingsrum', 'Opsamling og beslutning'];
    const stepPositions = titles.map((t, i) => text.indexOf(`Trin ${i + 1} · ${t}`));
    expect(stepPositions.every((p) => p > 0)).toBe(true);
    expect([...stepPositions].sort((a, b) => a - b)).toEqual(stepPositions);
    expect(text).toContain('5 min');
    expect(text).toContain('13 min');
    // With a start time the overview has one time column, the clock's: no running minutes beside it.
    expect(text).not.toMatch(/\b32–45\b/);
    expect(text).toContain('13.00–13.05');
    expect(text).toContain('13.32–13.45');
    expect(text).toMatch(/I alt 45/);
    expect(text).toMatch(/Side 1 af \d/);
    const running = flat((await readPdf(fileOf(await buildSources([await fixture('valid/minimal.md')]), 'drejebog.pdf'))).text);
    expect(running).toMatch(/0–5\b/);
    expect(running).toMatch(/32–45/);
    expect(running).not.toContain('13.00');
  });

  it('links the film by QR code and a clickable address, and carries metadata', async () => {
    const result = await builtFixture('valid/minimal.md');
    const bytes = fileOf(result, 'drejebog.pdf');
    const pdf = await readPdf(bytes);
    expect(pdf.pages[0]!.links.map((l) => l.url)).toContain('https://vpt.dk/film');
    expect(flat(pdf.pages[0]!.text)).toContain('vpt.dk/film');
    expect(pdf.info['Title']).toBe('Forventningsafstemning om digital hjælp – Drejebog');
    expect(pdf.info['Author']).toBe('Fremfærd Borger, KL og HK Kommunal');
    expect(pdf.info['Subject']).toBe('Drejebog');
    expect(String(pdf.info['Keywords'])).toContain('Hjælp til digitalt udfordrede borgere');
    expect(pdf.info['Language']).toBe('da-DK');
  });

  it('embeds its fonts and uses no base-14 font', async () => {
    const result = await builtFixture('valid/minimal.md');
    const names = embeddedFontNames(fileOf(result, 'drejebog.pdf'));
    expect(names.some((n) => n.includes('AtkinsonHyperlegible'))).toBe(true);
    expect(names.filter((n) => BASE14.test(n))).toEqual([]);
    // The emoji in step 1 is set in the emoji font, not dropped as a box.
    expect(names.some((n) => n.includes('NotoEmoji'))).toBe(true);
  });

  it('prints the preparation list and the guiding questions', async () => {
    const result = await builtFixture('valid/minimal.md');
    const text = flat((await readPdf(fileOf(result, 'drejebog.pdf'))).text);
    expect(text).toContain('Materialer: skriveredskaber, papkort og en flipover.');
    expect(text).toContain('Hvordan skaber vi en god forventningsafstemning med borgeren?');
    expect(text).toContain('Dialogspørgsmål'.toUpperCase());
    expect(text).toContain('Deltagerne kan se filmen, før I mødes.');
    expect(text.indexOf('Forberedelse')).toBeLessThan(text.indexOf('Trin 1 ·'));
  });

  it('prints --organisation, --date and --note given on the command line; the note in the guide only', async () => {
    const content = await tempDir();
    const out = await tempDir();
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
    const organisation = 'Faaborg-Midtfyn Kommune & Borgerservice';
    const note = 'Vi mødes i lokale 2 – husk kaffe.';
    const run = await cli([
      'build',
      '--content',
      content,
      '--out',
      out,
      '--organisation',
      organisation,
      '--date',
      '2027-01-15',
      '--note',
      note,
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const guide = flat((await readPdf(new Uint8Array(await readFile(join(out, 'emne/drejebog.pdf'))))).text);
    // Among the title block's facts: the label in spaced capitals, the value under it.
    expect(guide.replace(/\s/g, '')).toContain(`TILPASSETTIL${organisation.replace(/\s/g, '')}`);
    expect(guide.replace(/\s/g, '')).toContain('MØDEDATO15.januar2027');
    expect(guide).toContain(note);
    // The note's box is headed by its label, letter-spaced in capitals.
    expect(guide.replace(/\s/g, '')).toContain(`LOKALERETNINGSLINJER${note.replace(/\s/g, '')}`);
    const handout = flat((await readPdf(new Uint8Array(await readFile(join(out, 'emne/handout.pdf'))))).text);
    // Who and when go on every product (tailoring.test.ts); the local guidelines are the facilitator's.
    expect(handout).toContain(organisation);
    expect(handout).not.toContain(note);
  });
});
