import { describe, expect, it } from 'vitest';
import { buildSources, fileOf, fixture } from './helpers/build.js';
import { readPdf } from './helpers/pdf.js';

interface Outline {
  title: string;
  items: Outline[];
}

const titles = (items: Outline[]): string[] => items.map((i) => i.title);

describe('document structure the viewer shows: bookmarks, metadata, language', () => {
  it('bookmarks every section and every step of the guide, in reading order', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')]);
    const pdf = await readPdf(fileOf(result, 'drejebog.pdf'));
    const outline = (await pdf.doc.getOutline()) as Outline[];
    expect(titles(outline)).toEqual([
      'Om emnet',
      'Overblik over dialogen',
      'Tag afsæt i emnet',
      'Forberedelse',
      'Trin 1 · Rammesæt dilemmaet',
      'Trin 2 · Indsaml pointer',
      'Trin 3 · Refleksioner',
      'Trin 4 · Find handlingsrum',
      'Trin 5 · Opsamling og beslutning',
      'Praktiske råd',
    ]);
  });

  it('bookmarks the handout’s parts, with the legal background’s headings nested under it', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')]);
    const pdf = await readPdf(fileOf(result, 'handout.pdf'));
    const outline = (await pdf.doc.getOutline()) as Outline[];
    expect(titles(outline)).toEqual(['Tag afsæt i emnet', 'Spørgsmål til refleksion', 'Juridisk baggrund']);
    expect(titles(outline[2]!.items)).toEqual(['Vejledningspligt']);
  });

  it('sets title, author, subject, keywords and language, and shows the title in the viewer', async () => {
    for (const [name, lang] of [['valid/minimal.md', 'da-DK'], ['english/english.md', 'en-GB']] as const) {
      const result = await buildSources([await fixture(name)]);
      for (const file of ['drejebog.pdf', 'handout.pdf', 'flipover.pdf', 'prikkort.pdf']) {
        const bytes = fileOf(result, file);
        const pdf = await readPdf(bytes);
        const info = pdf.info as Record<string, string>;
        expect(info['Title'], file).toMatch(/ – /);
        expect(info['Author']).toBeTruthy();
        expect(info['Subject']).toBeTruthy();
        expect(info['Keywords']).toContain(info['Subject']);
        expect(info['Language'] ?? (await pdf.doc.getMetadata()).info, file).toBe(lang);
        expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/DisplayDocTitle true/);
      }
    }
  });

  it('makes no tagged-PDF claim while the files carry no structure tree', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')]);
    for (const file of ['drejebog.pdf', 'handout.pdf', 'flipover.pdf', 'prikkort.pdf']) {
      const bytes = fileOf(result, file);
      const text = new TextDecoder('latin1').decode(bytes);
      expect(text, file).not.toMatch(/\/Marked true/);
      expect(text, file).not.toMatch(/\/StructTreeRoot/);
      expect(text, file).not.toMatch(/pdfuaid/);
    }
  });
});
