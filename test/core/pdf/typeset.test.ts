import { XmlDocument } from 'xmldoc';
import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { keepRule, keepTogether, keepWithNext } from '../../../src/core/pdf/keep.js';
import { createTypesetter, type Pdfmake } from '../../../src/core/pdf/typeset.js';
import { loadFonts } from '../../../src/node/load.js';
import { flat, readPdf, type PdfInfo } from '../../helpers/pdf.js';

const fonts = await loadFonts();
const base = { defaultStyle: { font: 'Atkinson' } };

/** A document definition with our node properties (`tag`, `sourceLine`), which pdfmake's types do not know. */
const definition = (doc: object) => doc as TDocumentDefinitions;

/** pdfmake as it is without our patch: its renderer takes no structure hooks. */
async function unpatchedPdfmake(): Promise<Pdfmake> {
  const real = (await import('#pdfmake')).default;
  const unpatched = Object.create(real) as Pdfmake;
  unpatched.createPdf = (doc, options) => {
    const { structure: _ignored, ...rest } = (options ?? {}) as { structure?: unknown };
    return real.createPdf.call(unpatched, doc, rest);
  };
  return unpatched;
}

describe('the pdfmake we ship is the patched one', () => {
  it('refuses a render during which the structure hooks never ran, instead of claiming PDF/UA over an empty tree', async () => {
    const typesetter = createTypesetter(fonts, unpatchedPdfmake);
    const doc = definition({ ...base, content: [{ text: 'Hej', tag: { role: 'P' } }] });
    await expect(typesetter.render(doc, { tagged: true })).rejects.toThrow(/^pdfmake is not patched: .*run npm install/);
    await expect(typesetter.render(doc)).rejects.toThrow(/pdfmake is not patched/);
    // The same document through the patched build is tagged and identified.
    const patched = await createTypesetter(fonts).render(doc, { tagged: true });
    expect(patched.conformance).toEqual(['PDF/UA-1', 'PDF/A-2b']);
  });
});

describe('one process, many documents', () => {
  it('gives each document its own glyphs: an italic "å" in one does not take the "a" out of the next one\'s text', async () => {
    // A font set of its own, so its files are parsed afresh here, whatever this worker typeset before.
    const typesetter = createTypesetter({ ...fonts });
    const italic = (text: string) => definition({ ...base, content: [{ text, italics: true }] });
    // Subsetting "å" adds its component glyph "a", made without a character.
    await typesetter.render(italic('på'));
    const next = await typesetter.render(italic('Casen står i deltagerarket'));
    expect(flat((await readPdf(next.bytes)).text)).toBe('Casen står i deltagerarket');
  });
});

describe('layout passes', () => {
  it('lays text out after a page break the keep rule added exactly as when the break was there from the start', async () => {
    // pdfmake lays a document out again after each break `pageBreakBefore` adds, reusing the text
    // it measured in the first pass (patches/README.md): hard-wrapped words and justified lines,
    // changed by that pass, must be as measured again.
    const filler = () => Array.from({ length: 6 }, (_, i) => ({ text: `Afsnit ${i} `.repeat(30), alignment: 'justify' }));
    const long = `${'Borgerservicemedarbejderuddannelsesforløb'.repeat(3)} og ${'kort tekst '.repeat(40)}`;
    type Break = 'by the rule' | 'from the start' | 'none';
    const doc = (how: Break) =>
      definition({
        ...base,
        pageSize: 'A6',
        content: [
          ...filler(),
          ...keepWithNext(
            { text: 'Overskrift', fontSize: 16, ...(how === 'from the start' && { pageBreak: 'before' }) },
            // Kept together, so the pair must move when the block runs over the page's foot.
            keepTogether({ text: long, alignment: 'justify' }),
          ),
        ],
        ...(how === 'by the rule' && { pageBreakBefore: keepRule(13) }),
      });
    const typesetter = createTypesetter(fonts);
    const read = async (how: Break) => readPdf((await typesetter.render(doc(how))).bytes);
    const moved = await read('by the rule');
    const placed = await read('from the start');
    const unmoved = await read('none');
    const startsPage = (pdf: PdfInfo) => pdf.pages.some((p) => flat(p.text).startsWith('Overskrift'));
    // Without a break the heading is left at the foot of a page: the rule has work to do.
    expect(startsPage(unmoved)).toBe(false);
    expect(startsPage(moved)).toBe(true);
    const drawn = (pdf: PdfInfo) => pdf.pages.map((p) => p.items.map(({ str, x, y, width }) => ({ str, x, y, width })));
    expect(drawn(moved)).toEqual(drawn(placed));
  });

  it('measures a block laid out on several pages of one pass afresh for each page', async () => {
    // A static background is the same node on every page, measured again for each: page 2,
    // landscape, must not take over the words page 1 already placed.
    const text = 'Baggrund med lang tekst der brydes i mange linjer. '.repeat(40);
    const doc = (background: object) =>
      definition({
        ...base,
        pageSize: 'A6',
        background,
        content: [{ text: 'Side et' }, { text: 'Side to', pageBreak: 'before', pageOrientation: 'landscape' }],
      });
    const typesetter = createTypesetter(fonts);
    const node = { text, alignment: 'justify', fontSize: 9 };
    const shared = await readPdf((await typesetter.render(doc(node))).bytes);
    const fresh = await readPdf((await typesetter.render(doc(() => ({ ...node })))).bytes);
    const drawn = (pdf: PdfInfo) => pdf.pages.map((p) => p.items.map(({ str, x, y, width }) => ({ str, x, y, width })));
    expect(shared.pages).toHaveLength(2);
    expect(drawn(shared)).toEqual(drawn(fresh));
  });

  it('writes the same bytes for a document whatever the process typeset before it', async () => {
    // Text measured or shaped for one document is kept for the next pass and the next document;
    // what a document gets must not depend on the order (one thread or many).
    const make = (text: string) =>
      definition({
        ...base,
        info: { title: 'Rækkefølge', creationDate: new Date('2027-01-15T12:00:00Z') },
        pageSize: 'A6',
        content: [...keepWithNext({ text: 'Én overskrift', bold: true }, { text, alignment: 'justify' })],
        pageBreakBefore: keepRule(13),
      });
    const first = 'Hjælp til selvhjælp, AVT og «MitID» kl.\u00a09.30 – '.repeat(12);
    const second = 'Borgerservicemedarbejderuddannelsesforløb Tyø Æble '.repeat(9);
    const inOrder = createTypesetter({ ...fonts });
    const a1 = await inOrder.render(make(first));
    const b1 = await inOrder.render(make(second));
    const reversed = createTypesetter({ ...fonts });
    const b2 = await reversed.render(make(second));
    const a2 = await reversed.render(make(first));
    expect(Buffer.compare(a1.bytes, a2.bytes)).toBe(0);
    expect(Buffer.compare(b1.bytes, b2.bytes)).toBe(0);
  });
});

describe('text conservation: every character of the content is drawn, or the render says which was not', () => {
  it('names the source line of a block pdfmake dropped (kept together, taller than a page)', async () => {
    const long = Array.from({ length: 900 }, (_, i) => `ord${i}`).join(' ');
    const doc = definition({
      ...base,
      pageSize: 'A6',
      content: [
        { text: 'Før', tag: { role: 'P' }, sourceLine: 3 },
        {
          stack: [
            { text: 'Overskrift', tag: { role: 'H2' }, sourceLine: 5 },
            { text: long, tag: { role: 'P' }, sourceLine: 6 },
          ],
          unbreakable: true,
        },
        { text: 'Efter', tag: { role: 'P' }, sourceLine: 8 },
      ],
    });
    const pdf = await createTypesetter(fonts).render(doc, { tagged: true });
    const text = flat((await readPdf(pdf.bytes)).pages.map((p) => p.text).join(' '));
    expect(text).toContain('Efter');
    expect(text).not.toContain('ord899'); // pdfmake 0.3.11 drops it: what the ledger is for
    expect(pdf.lostText.map((l) => l.sourceLine)).toEqual([5, 6]);
    expect(pdf.lostText[1]).toMatchObject({ drawn: 0, sample: expect.stringMatching(/^ord0 ord1 .*…$/) as unknown });
  });

  it('reports nothing when everything is drawn, across pages, lists, tables, columns and inline tags', async () => {
    const long = Array.from({ length: 900 }, (_, i) => `ord${i}`).join(' ');
    const doc = definition({
      ...base,
      pageSize: 'A6',
      footer: () => ({ text: 'sidefod', tag: { artifact: 'Pagination' } }),
      content: [
        { text: long, tag: { role: 'P' } },
        { ul: ['et', { text: ['to ', { text: 'tre', tag: { role: 'Span' } }] }], tag: { role: 'L' } },
        {
          table: {
            body: [
              ['a', 'b'],
              [{ text: 'c', colSpan: 2 }, {}],
            ],
          },
          tag: { role: 'Table' },
        },
        { columns: [{ text: 'venstre' }, { text: 'højre' }] },
      ],
    });
    const pdf = await createTypesetter(fonts).render(doc);
    expect(pdf.lostText).toEqual([]);
  });
});

describe('empty boxes: every character drawn as .notdef is named and withholds the claims', () => {
  it('names invisible characters too (the parser removes them from topics; labels and layouts can still carry them)', async () => {
    const text = 'a\u2028b\u2029c\ufeffd\u200de\u2060f→g\u00a0h\tI\u00adj';
    const pdf = await createTypesetter(fonts).render(definition({ ...base, content: [{ text, tag: { role: 'P' } }] }), { tagged: true });
    expect([...pdf.missingGlyphs].sort()).toEqual(['\u200d', '\u2028', '\u2029', '\u2060', '\ufeff', '→'].sort());
    expect(pdf.conformance).toEqual([]);
  });
});

describe('document metadata is valid XML whatever the title holds', () => {
  const hostile = [
    'Linje\u000bskift',
    'Side\u000cskift',
    'Samarbejde & tillid',
    'a < b > c',
    'Ikke\ufffetegn',
    'Halv\ud800surrogat',
    'Lav\udc00halv',
    'Escape\u001b[2J',
    'C1\u0085tegn',
    'Tab\tog\r\nlinje',
  ];

  it('writes every XMP packet as well-formed XML of XML 1.0 characters, with the title’s words kept', async () => {
    const typesetter = createTypesetter(fonts);
    for (const title of hostile) {
      const pdf = await typesetter.render(
        definition({
          ...base,
          info: { title, author: title, subject: title, keywords: title },
          content: [{ text: 'x', tag: { role: 'P' } }],
        }),
        { tagged: true },
      );
      const raw = new TextDecoder('latin1').decode(pdf.bytes);
      const packets = raw.match(/<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/g) ?? [];
      expect(packets.length, title).toBe(1);
      const xml = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(packets[0]!, (c) => c.charCodeAt(0)));
      // xmldoc (sax, strict) rejects broken markup; XML 1.0 §2.2 also forbids these characters, which sax lets through.
      const document = new XmlDocument(xml.replace(/^<\?xpacket[^>]*\?>|<\?xpacket[^>]*\?>$/g, ''));
      expect(xml, JSON.stringify(title)).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
      const written = document
        .descendantWithPath('rdf:RDF')!
        .childrenNamed('rdf:Description')
        .map((d) => d.valueWithPath('dc:title.rdf:Alt.rdf:li'))
        .find(Boolean)!;
      for (const word of title.split(/[^\p{L}]+/u).filter((w) => w.length > 1)) expect(written, JSON.stringify(title)).toContain(word);
      expect(pdf.conformance, JSON.stringify(title)).toEqual(['PDF/UA-1', 'PDF/A-2b']);
    }
  });
});
