/**
 * The minutes (referat) the screen edition's results become: the PDF read back with pdf.js
 * (one page, tagged, the agreement first and the ideas by their dots, nothing lost however much
 * was typed), the Word file through its XML, and what the page hands over read defensively.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTypesetter } from '../../../src/core/pdf/typeset.js';
import { referatDocx } from '../../../src/core/referat/referat-docx.js';
import { referatPdf } from '../../../src/core/referat/referat-pdf.js';
import { readReferat, type ResultsWords } from '../../../src/core/referat/referat.js';
import { loadFonts, TEMPLATES_DIR } from '../../../src/node/load.js';
import { readPdf, readStructure, type StructElement } from '../../helpers/pdf.js';

const labels = parse(await readFile(join(TEMPLATES_DIR, 'labels.yml'), 'utf8')) as Record<'da' | 'en', { web: { results: ResultsWords } }>;
const typesetter = createTypesetter(await loadFonts());

function typed(ideas: { idea: string; dots: unknown }[], language: 'da' | 'en' = 'da') {
  return {
    language,
    title: 'Forventningsafstemning om digital hjælp',
    series: 'Hjælp til digitalt udfordrede borgere',
    publisher: 'KL',
    slug: 'forventningsafstemning',
    date: '2027-01-15',
    words: labels[language].web.results,
    agreement: { what: 'Fælles tjekliste', who: 'Team Borgerservice', when: '', followUp: '2027-03-01' },
    ideas,
  };
}

describe('the minutes as a PDF', () => {
  it('puts the agreement on top and the ideas by their dots, on one tagged page', async () => {
    const referat = readReferat(
      typed([
        { idea: 'Skilt', dots: '3' },
        { idea: 'Fast tid', dots: 7 },
        { idea: 'Tjekliste', dots: '5' },
        { idea: 'Mere tid', dots: '5' },
        { idea: '', dots: '' },
      ]),
    );
    const pdf = await referatPdf(typesetter, referat);
    expect(pdf.pages).toBe(1);
    expect(pdf.conformance).toEqual(['PDF/UA-1', 'PDF/A-2b']);
    const read = await readPdf(pdf.bytes);
    const text = read.text.replace(/\s+/g, ' ');
    const order = [
      'Aftale',
      'Hvad Fælles tjekliste',
      'Hvem Team Borgerservice',
      'Hvornår (ingen)',
      'Opfølgning 1. marts 2027',
      'Fast tid 7',
      'Tjekliste 5',
      'Mere tid 5',
      'Skilt 3',
    ];
    const at = order.map((part) => text.indexOf(part));
    expect(
      at.every((p) => p >= 0),
      text,
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const tree = (await readStructure(read.doc))[0]!.tree!;
    const roles = (e: StructElement): string[] => [e.role, ...e.children.flatMap(roles)];
    expect(roles(tree)).toEqual(expect.arrayContaining(['H1', 'H2', 'Table', 'TR', 'TH', 'TD']));
  });

  it('sets many ideas smaller to keep one page, and past that takes a second page rather than lose one', async () => {
    const many = Array.from({ length: 35 }, (_, i) => ({ idea: `Idé nummer ${i + 1} om noget vigtigt`, dots: i % 9 }));
    const fitted = await referatPdf(typesetter, readReferat(typed(many)));
    expect(fitted.pages).toBe(1);
    const sizes = (await readPdf(fitted.bytes)).pages[0]!.items.map((i) => Math.round(i.fontSize));
    expect(Math.min(...sizes)).toBeLessThan(11);

    const flood = Array.from({ length: 150 }, (_, i) => ({ idea: `Idé ${i + 1}`, dots: 1 }));
    const pdf = await referatPdf(typesetter, readReferat(typed(flood)));
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.lostText).toEqual([]);
    const text = (await readPdf(pdf.bytes)).text.replace(/\s+/g, ' ');
    for (const { idea } of flood) expect(text).toContain(`${idea} 1`);
  });

  it('is in English for an English topic', async () => {
    const text = (await readPdf((await referatPdf(typesetter, readReferat(typed([{ idea: 'Sign', dots: 2 }], 'en')))).bytes)).text;
    for (const word of ['Minutes: ', 'Agreement', 'Ideas by number of dots', 'Follow-up', '1 March 2027']) expect(text).toContain(word);
  });
});

describe('the minutes as a Word file', () => {
  it('has the same content in the same order, with headings and tables', async () => {
    const docx = await referatDocx(
      readReferat(
        typed([
          { idea: 'Skilt', dots: 3 },
          { idea: 'Fast tid', dots: 7 },
        ]),
      ),
    );
    const xml = new TextDecoder().decode(unzipSync(docx)['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const at = ['Referat: Forventningsafstemning', 'Aftale', 'Fælles tjekliste', 'Idéer efter antal prikker', 'Fast tid 7', 'Skilt 3'].map(
      (p) => text.indexOf(p),
    );
    expect(
      at.every((p) => p >= 0),
      text,
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(xml).toContain('w:val="Heading1"');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });
});

describe('readReferat', () => {
  it('reads what a page sends defensively: text as text, dots as whole numbers from 0, empty rows out', () => {
    const referat = readReferat({
      ...typed([]),
      ideas: [{ idea: 5, dots: '-3' }, { idea: '  A  ', dots: '2.9' }, null, { idea: '', dots: 'x' }],
    });
    expect(referat.ideas).toEqual([
      { idea: 'A', dots: 2 },
      { idea: '5', dots: 0 },
    ]);
    expect(() => readReferat({ ...typed([]), date: '15/1/2027' })).toThrow(/not YYYY-MM-DD/);
    expect(() => readReferat({ ...typed([]), words: undefined })).toThrow(/labels/);
  });
});
