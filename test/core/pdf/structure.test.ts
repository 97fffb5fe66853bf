import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSources, builtFixture, fileOf, fixture, FIXTURES, source } from '../../helpers/build.js';
import { flat, readPdf, readStructure, readingOrder, unmarkedPaint, type PageStructure, type StructElement } from '../../helpers/pdf.js';
import { createTypesetter, StructureError } from '../../../src/core/pdf/typeset.js';
import { loadFonts } from '../../../src/node/load.js';

interface Outline {
  title: string;
  items: Outline[];
}

const titles = (items: Outline[]): string[] => items.map((i) => i.title);

describe('document structure the viewer shows: bookmarks, metadata, language', () => {
  it('bookmarks every section and every step of the guide, in reading order', async () => {
    const result = await builtFixture('valid/minimal.md');
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
    const result = await builtFixture('valid/minimal.md');
    const pdf = await readPdf(fileOf(result, 'handout.pdf'));
    const outline = (await pdf.doc.getOutline()) as Outline[];
    expect(titles(outline)).toEqual(['Tag afsæt i emnet', 'Spørgsmål til refleksion', 'Juridisk baggrund']);
    expect(titles(outline[2]!.items)).toEqual(['Vejledningspligt']);
  });

  it('sets title, author, subject, keywords and language, and shows the title in the viewer', async () => {
    const expected = {
      'valid/minimal.md': {
        lang: 'da-DK',
        title: 'Forventningsafstemning om digital hjælp',
        author: 'Fremfærd Borger, KL og HK Kommunal',
        series: 'Hjælp til digitalt udfordrede borgere',
        subjects: {
          'drejebog.pdf': 'Drejebog',
          'koereplan.pdf': 'Køreplan',
          'handout.pdf': 'Til deltagerne',
          'flipover.pdf': 'Til flipover',
          'prikkort.pdf': 'Idéforslag',
        },
      },
      'english/english.md': {
        lang: 'en-GB',
        title: 'Setting expectations for digital help',
        author: 'Example Municipality',
        series: 'Helping citizens who struggle with digital services',
        subjects: {
          'drejebog.pdf': "Facilitator's guide",
          'koereplan.pdf': 'Run sheet',
          'handout.pdf': 'For participants',
          'flipover.pdf': 'For the flip chart',
          'prikkort.pdf': 'Idea',
        },
      },
    };
    for (const [name, want] of Object.entries(expected)) {
      const result = await builtFixture(name);
      for (const [file, subject] of Object.entries(want.subjects)) {
        const bytes = fileOf(result, file);
        const pdf = await readPdf(bytes);
        const info = pdf.info as Record<string, string>;
        expect(info['Title'], file).toBe(`${want.title} – ${subject}`);
        expect(info['Author'], file).toBe(want.author);
        expect(info['Subject'], file).toBe(subject);
        expect(info['Keywords'], file).toBe(`${want.series}, ${want.title}, ${subject}`);
        expect(info['Language'], file).toBe(want.lang);
        expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/DisplayDocTitle true/);
      }
    }
  });
});

const PRODUCTS = ['drejebog.pdf', 'koereplan.pdf', 'handout.pdf', 'flipover.pdf', 'prikkort.pdf'];

/** Every element of a tree, depth first (reading order). */
function walk(element: StructElement, out: StructElement[] = []): StructElement[] {
  out.push(element);
  for (const child of element.children) walk(child, out);
  return out;
}

/** The whole document's elements, page after page. */
function elements(pages: PageStructure[]): StructElement[] {
  return pages.flatMap((p) => (p.tree ? walk(p.tree) : []));
}

/** Text a screen reader reads, page after page, in structure order. */
function spoken(pages: PageStructure[]): string {
  return pages
    .map((p) =>
      p.tree
        ? walk(p.tree)
            .map((e) => e.text)
            .join(' ')
        : '',
    )
    .join(' ');
}

describe('tagged PDF: a structure tree that screen readers read (issue 10)', () => {
  it('tags every word and every drawing of every product: structure content or artifact, nothing loose', async () => {
    for (const name of ['valid/minimal.md', 'english/english.md']) {
      const result = await builtFixture(name);
      for (const file of PRODUCTS) {
        const bytes = fileOf(result, file);
        const pdf = await readPdf(bytes);
        const pages = await readStructure(pdf.doc);
        for (const [i, page] of pages.entries()) {
          expect(page.untaggedText, `${name} ${file} p${i + 1}`).toBe('');
          expect(await unmarkedPaint(pdf.doc, i + 1), `${name} ${file} p${i + 1}`).toEqual([]);
          // Everything on the page is accounted for: the tree's text plus the artifacts' is the page's.
          const tagged = walk(page.tree!)
            .map((e) => e.text)
            .join('');
          expect(flat(tagged + page.artifactText).replace(/\s/g, '').length, `${name} ${file} p${i + 1}`).toBe(
            flat(pdf.pages[i]!.text).replace(/\s/g, '').length,
          );
        }
        const raw = new TextDecoder('latin1').decode(bytes);
        expect(raw, file).toMatch(/\/Marked true/);
        // Identified as PDF/UA-1 and PDF/A-2b, with the XMP extension schema PDF/A wants for pdfuaid and the sRGB output intent.
        expect(raw, file).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
        expect(raw, file).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
        expect(raw, file).toMatch(/<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/);
        expect(raw, file).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
        expect(raw, file).toMatch(/<dc:title>/);
        expect(raw.slice(0, 8), file).toBe('%PDF-1.7');
      }
    }
  });

  it('reads the guide in the order a person would: title, overview, sections, then each step with its text', async () => {
    const result = await builtFixture('valid/minimal.md');
    const pdf = await readPdf(fileOf(result, 'drejebog.pdf'));
    const pages = await readStructure(pdf.doc);
    const text = flat(spoken(pages));
    const order = [
      'Forventningsafstemning om digital hjælp',
      'Drejebog',
      'Sådan gør vi i borgerservice',
      'Om emnet',
      'Overblik over dialogen',
      'Tag afsæt i emnet',
      'Forberedelse',
      'Trin 1 · Rammesæt dilemmaet',
      'Introducér emnet og vis filmen.',
      'Hvor langt vil vi selv gå i den digitale hjælp?',
      'Trin 2',
      'Trin 5',
      'Praktiske råd',
    ];
    let at = -1;
    for (const phrase of order) {
      const next = text.indexOf(phrase, at + 1);
      expect(
        next,
        `"${phrase}" after position ${at}; the tree reads:\n${pages.flatMap((p) => readingOrder(p.tree!)).join('\n')}`,
      ).toBeGreaterThan(at);
      at = next;
    }
    // Running footers and page numbers are artifacts: not read between paragraphs.
    expect(text).not.toMatch(/Side \d+ af \d+/);
    expect(pages.map((p) => p.artifactText).join('')).toMatch(/Side 1 af \d+/);
  });

  it('nests headings without skipping a level: H1 title, H2 sections and steps, H3 under them', async () => {
    for (const file of ['drejebog.pdf', 'handout.pdf']) {
      const result = await builtFixture('valid/minimal.md');
      const pages = await readStructure((await readPdf(fileOf(result, file))).doc);
      const headings = elements(pages).filter((e) => /^H\d$/.test(e.role));
      const levels = headings.map((h) => Number(h.role.slice(1)));
      expect(levels[0], file).toBe(1);
      expect(
        levels.filter((l) => l === 1),
        file,
      ).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${file}: ${headings[i]!.text}`).toBeLessThanOrEqual(1);
      expect(flat(headings[0]!.text)).toBe('Forventningsafstemning om digital hjælp');
    }
    const guide = elements(await readStructure((await readPdf(fileOf(await builtFixture('valid/minimal.md'), 'drejebog.pdf'))).doc));
    const steps = guide.filter((e) => e.role === 'H2' && flat(e.text).startsWith('Trin'));
    expect(steps.map((s) => flat(s.text))).toEqual([
      'Trin 1 · Rammesæt dilemmaet',
      'Trin 2 · Indsaml pointer',
      'Trin 3 · Refleksioner',
      'Trin 4 · Find handlingsrum',
      'Trin 5 · Opsamling og beslutning',
    ]);
    const handout = elements(await readStructure((await readPdf(fileOf(await builtFixture('valid/minimal.md'), 'handout.pdf'))).doc));
    expect(handout.filter((e) => e.role === 'H3').map((e) => flat(e.text))).toEqual(['Vejledningspligt']);
  });

  it('gives lists L › LI › Lbl + LBody, with the printed number as the label', async () => {
    const result = await builtFixture('valid/minimal.md');
    for (const file of ['drejebog.pdf', 'handout.pdf']) {
      const all = elements(await readStructure((await readPdf(fileOf(result, file))).doc));
      const lists = all.filter((e) => e.role === 'L');
      expect(lists.length, file).toBeGreaterThan(2);
      for (const list of lists) {
        for (const item of list.children) {
          expect(item.role, file).toBe('LI');
          expect(
            item.children.map((c) => c.role).every((r) => r === 'Lbl' || r === 'LBody'),
            file,
          ).toBe(true);
          expect(item.children.at(-1)!.role, file).toBe('LBody');
        }
      }
      // Numbered lists say their number: the flip-chart prompts in the guide, the reflection questions in the handout.
      expect(
        all.filter((e) => e.role === 'Lbl').map((e) => flat(e.text)),
        file,
      ).toContain('1.');
    }
  });

  it('structures the step overview as a table: a header row of TH, then a row of TD per step and the total', async () => {
    const result = await builtFixture('valid/minimal.md');
    const all = elements(await readStructure((await readPdf(fileOf(result, 'drejebog.pdf'))).doc));
    const table = all.find((e) => e.role === 'Table')!;
    expect(table.children.map((r) => r.role)).toEqual(Array(7).fill('TR'));
    expect(table.children[0]!.children.map((c) => `${c.role}:${flat(c.text)}`)).toEqual(['TH:Trin', 'TH:Indhold', 'TH:Min.', 'TH:Tid']);
    expect(table.children[1]!.children.map((c) => `${c.role}:${flat(c.text)}`)).toEqual([
      'TD:1',
      'TD:Rammesæt dilemmaet',
      'TD:5',
      'TD:0–5',
    ]);
    expect(flat(table.children[6]!.children[0]!.text)).toBe('I alt');
    // "I alt" spans two columns, so the total row has as many columns as the header (a regular table).
    const raw = new TextDecoder('latin1').decode(fileOf(result, 'drejebog.pdf'));
    expect(raw).toMatch(/\/ColSpan 2/);
    expect(raw.match(/\/Scope \/Column/g)).toHaveLength(4);
  });

  it('gives every QR code a Figure with alternative text naming the medium and its address', async () => {
    for (const [name, pattern] of [
      ['valid/minimal.md', /^QR-kode til filmen »Sådan gør vi i borgerservice«, adresse vpt\.dk\/film$/],
      ['english/english.md', /^QR code for the podcast “Three municipalities on expectations”, address vpt\.dk\/podcast$/],
    ] as const) {
      const result = await builtFixture(name);
      for (const file of ['drejebog.pdf', 'handout.pdf']) {
        const figures = elements(await readStructure((await readPdf(fileOf(result, file))).doc)).filter((e) => e.role === 'Figure');
        expect(figures.length, `${name} ${file}`).toBe(1);
        expect(figures[0]!.alt, `${name} ${file}`).toMatch(pattern);
        expect(figures[0]!.contents, 'the QR code’s drawing is the figure’s content').toBeGreaterThan(0);
      }
    }
  });

  it('puts every link annotation in a Link element, with a description of where it goes', async () => {
    const result = await builtFixture('valid/minimal.md');
    for (const file of ['drejebog.pdf', 'handout.pdf']) {
      const bytes = fileOf(result, file);
      const raw = new TextDecoder('latin1').decode(bytes);
      const pdf = await readPdf(bytes);
      const links = pdf.pages.flatMap((p) => p.links);
      expect(links.length, file).toBeGreaterThan(0);
      // One object reference from the structure tree per link annotation, and each has /Contents.
      expect(raw.match(/\/Type \/OBJR/g)?.length, file).toBe(links.length);
      const annotations = raw.match(/<<[^<>]*\/Subtype \/Link[^<>]*>>/g) ?? [];
      expect(annotations.length, file).toBe(links.length);
      expect(
        annotations.every((a) => /\/StructParent \d+/.test(a) && /\/Contents \(.+?\)/.test(a)),
        file,
      ).toBe(true);
      const linkElements = elements(await readStructure(pdf.doc)).filter((e) => e.role === 'Link');
      expect(linkElements.length, file).toBeGreaterThan(0);
      for (const link of linkElements) expect(flat(link.text), file).not.toBe('');
    }
  });

  it('says “Varighed”, not the letters of “VARIGHED”: labels printed in capitals carry their words as ActualText', async () => {
    const result = await builtFixture('valid/minimal.md');
    const raw = new TextDecoder('latin1').decode(fileOf(result, 'prikkort.pdf'));
    expect(raw).toMatch(/\/ActualText \(Prik-afstemning\)/);
    expect(raw).toMatch(/\/ActualText \(Vores aftale\)/);
    const guide = new TextDecoder('latin1').decode(fileOf(result, 'drejebog.pdf'));
    expect(guide).toMatch(/\/ActualText \(Varighed\)/);
    expect(guide).toMatch(/\/ActualText \(Deltagere\)/);
  });

  it('warns where a character the font lacks is used, and withholds the PDF/UA and PDF/A claims from files that print it', async () => {
    const text = (await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8')).replace(
      'Introducér emnet og vis filmen.',
      'Introducér emnet → vis filmen.',
    );
    const result = await buildSources([source(text, 'content/arrow.md')]);
    const topic = result.topics[0]!;
    const warning = topic.diagnostics.find((d) => d.message.includes('U+2192'));
    expect(warning).toMatchObject({ file: 'content/arrow.md', severity: 'warning', col: 18 });
    expect(text.split('\n')[warning!.line - 1]).toContain('→');
    expect(warning!.message).toContain('drejebog.pdf');
    const guide = new TextDecoder('latin1').decode(fileOf(result, 'drejebog.pdf'));
    expect(guide).toMatch(/\/Marked true/);
    expect(guide).not.toMatch(/pdfuaid|pdfaid/);
    // The prikkort does not print the step text, so it keeps its claims.
    expect(new TextDecoder('latin1').decode(fileOf(result, 'prikkort.pdf'))).toMatch(/pdfuaid/);
    expect(topic.ok).toBe(true);
  });

  it('claims nothing for tiled flip-chart sheets, whose pieces are placed pages without structure', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')], { flipoverSize: 'A2', tile: 'A4' });
    const raw = new TextDecoder('latin1').decode(fileOf(result, 'flipover.pdf'));
    expect(raw).not.toMatch(/\/Marked true/);
    expect(raw).not.toMatch(/pdfuaid/);
  });

  it('refuses to write a tagged file whose structure misses text or a figure’s alternative text', async () => {
    const typesetter = createTypesetter(await loadFonts());
    const base = { defaultStyle: { font: 'Atkinson' } };
    await expect(
      typesetter.render({ ...base, content: [{ text: 'Tagged', tag: { role: 'P' } }, { text: 'Forgotten' }] }, { tagged: true }),
    ).rejects.toThrow(StructureError);
    await expect(
      typesetter.render({ ...base, content: [{ qr: 'https://example.org', tag: { role: 'Figure' } }] }, { tagged: true }),
    ).rejects.toThrow(/alternative text/);
    // The same untagged document is fine when no tagging is asked for.
    const plain = await typesetter.render({ ...base, content: [{ text: 'Forgotten' }] });
    expect(new TextDecoder('latin1').decode(plain.bytes)).not.toMatch(/StructTreeRoot/);
  });
});
