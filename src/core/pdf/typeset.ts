import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { DialogkitError } from '../diagnostics.js';
import { createTextLedger, type LostText, type SourcePlace, type TextLedger } from './ledger.js';
import { cleanInfo } from './metadata.js';
import { createTagger, type StructureHooks, type Tagger } from './structure.js';

// Our own build of pdfmake (scripts/pdfmake/), one ES module for the CLI and the browser kit alike,
// down to the deflate implementation, so both produce the same bytes (issue 11; docs/pdfmake.md §1).
// Loaded on first use: start-up time that a no-change rebuild never needs.
export type Pdfmake = typeof import('#pdfmake').default;
let pdfmakeLoading: Promise<Pdfmake> | undefined;
let pdfmake: Pdfmake;
async function loadPdfmake(): Promise<Pdfmake> {
  pdfmakeLoading ??= import('#pdfmake').then((m) => (pdfmake = m.default));
  return pdfmakeLoading;
}

/** The four faces of one font family, as bytes. */
export interface FontFaces {
  normal: Uint8Array;
  bold: Uint8Array;
  italics: Uint8Array;
  bolditalics: Uint8Array;
}

/** Font families by the name documents use in `font:`. */
export type FontSet = Record<string, FontFaces>;

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  /** The standards the file identifies itself as (XMP): `PDF/UA-1`, `PDF/A-2b`; empty if none. */
  conformance: string[];
  /** Characters the fonts lack, printed as empty boxes (tagged renders only). */
  missingGlyphs: string[];
  /** Text of the definition's content that was not drawn (pdf/ledger.ts): the file must not ship. */
  lostText: LostText[];
  /** Where text made from a source line was drawn (pdf/ledger.ts): for `dialogkit preview`'s way back to the line. */
  sourcePlaces: SourcePlace[];
}

export interface RenderOptions {
  /**
   * Write a tagged PDF (structure tree from the nodes' `tag`s, pdf/tags.ts), identified as
   * PDF/UA-1 and PDF/A-2b once the render has shown it qualifies. Rendering fails if any text or
   * figure lacks its structure (a bug in a product); a character missing from the fonts only
   * withholds the identification (see `missingGlyphs`).
   */
  tagged?: boolean;
}

/** A document whose structure does not cover its content: a bug in a product, not in input. */
export class StructureError extends Error {}

/**
 * The only module that talks to pdfmake. Fonts arrive as bytes (the core never reads files),
 * are registered once per process, and every render gets a fresh document definition:
 * pdfmake mutates the object it is given (docs/pdfmake.md §4).
 */
export interface Typesetter {
  render(doc: TDocumentDefinitions, options?: RenderOptions): Promise<RenderedPdf>;
  /**
   * Lays out a probe document without writing it and returns each page's height. With
   * `height: 'auto'` pages (one section per box), that is how tall each box's content is:
   * exact, because it is the same engine that renders (docs/pdfmake.md §5).
   */
  measureHeights(doc: TDocumentDefinitions): Promise<number[]>;
  /** The advance width of `text` at 1 pt in a registered face, from the font's own metrics. */
  textWidth(text: string, face: FaceRef): Promise<number>;
}

export interface FaceRef {
  font: string;
  bold?: boolean;
  italics?: boolean;
}

let registered: FontSet | undefined;
let registeredIn: Pdfmake | undefined;

/**
 * @param load where pdfmake comes from: our patched build, unless a test hands in another (an
 *   unpatched one, to prove that a render notices).
 */
export function createTypesetter(fonts: FontSet, load: () => Promise<Pdfmake> = loadPdfmake): Typesetter {
  const ready = async () => {
    pdfmake = await load();
    if (registered !== fonts || registeredIn !== pdfmake) registerFonts(fonts);
  };
  return {
    async render(doc, options = {}) {
      await ready();
      const tagger = options.tagged ? createTagger() : undefined;
      const ledger = createTextLedger(doc.content);
      // PDF/UA and PDF/A need XMP metadata (dc:title, pdfuaid, pdfaid), which pdfkit writes from PDF 1.4 on.
      const definition = { ...doc, ...(doc.info && { info: cleanInfo(doc.info) }), ...(tagger && { version: '1.7', tagged: true }) };
      const pdfDocument = (await pdfmake
        .createPdf(definition as TDocumentDefinitions, { bufferPages: true, structure: hooks(ledger, tagger) } as object)
        .getStream()) as unknown as PdfKitStream;
      const drawn = ledger.report();
      if (drawn.calls === 0 && drawn.expected > 0) throw new DialogkitError(NOT_PATCHED);
      const report = tagger?.report();
      if (report) {
        const { untaggedText, figuresWithoutAlt } = report;
        if (untaggedText.length > 0)
          throw new StructureError(
            `${untaggedText.length} runs of text have no structure tag, e.g. ${JSON.stringify(untaggedText.slice(0, 3).join(''))}`,
          );
        if (figuresWithoutAlt > 0) throw new StructureError(`${figuresWithoutAlt} figures have no alternative text`);
      }
      const missingGlyphs = report?.missingGlyphs ?? [];
      const conformance = report && missingGlyphs.length === 0 ? identify(pdfDocument) : [];
      const pages = pdfDocument.bufferedPageRange().count;
      const bytes = await collect(pdfDocument);
      return { bytes, pages, conformance, missingGlyphs, lostText: drawn.lost, sourcePlaces: drawn.places };
    },
    async measureHeights(doc) {
      await ready();
      const pdfDocument = (await pdfmake.createPdf(doc, { bufferPages: true }).getStream()) as unknown as PdfKitStream;
      const { start, count } = pdfDocument.bufferedPageRange();
      const heights: number[] = [];
      for (let i = start; i < start + count; i++) {
        pdfDocument.switchToPage(i);
        heights.push(pdfDocument.page.height);
      }
      return heights;
    },
    async textWidth(text, face) {
      await ready();
      metricsKit ??= (await pdfmake
        .createPdf({ content: [{ text: '' }], defaultStyle: { font: face.font } })
        .getStream()) as unknown as PdfKitStream;
      return metricsKit.provideFont(face.font, face.bold ?? false, face.italics ?? false).widthOfString(text, 1);
    },
  };
}

/** One laid-out (never written) document whose font objects answer width questions. */
let metricsKit: PdfKitStream | undefined;

// --- internal ---

const NOT_PATCHED =
  'pdfmake is not patched: the renderer never called the structure hooks of patches/pdfmake+0.3.11.patch, so the text and structure of the PDF cannot be checked; run npm install (and npm run compile)';

/** The renderer hooks of one render: the text ledger always, the tagger when the file is tagged. */
function hooks(ledger: TextLedger, tagger: Tagger | undefined): StructureHooks {
  return {
    beginItem(doc, item) {
      ledger.hooks.beginItem(doc, item);
      tagger?.hooks.beginItem(doc, item);
    },
    endItem(doc, item) {
      tagger?.hooks.endItem(doc, item);
    },
    beginInline(doc, line, inline) {
      ledger.hooks.beginInline(doc, line, inline);
      tagger?.hooks.beginInline(doc, line, inline);
    },
    beginDecoration(doc, line) {
      tagger?.hooks.beginDecoration(doc, line);
    },
  };
}

/**
 * Marks a rendered, not yet ended, document as PDF/UA-1 and PDF/A-2b: pdfkit writes the XMP
 * identification, and for PDF/A the sRGB output intent, when the document ends. pdfkit takes one
 * `subset` at a time and only when the document is created, before we know the render earns it;
 * its own `initSubset` works as well afterwards, and the PDF/UA part is one XMP description.
 */
function identify(pdfDocument: PdfKitStream): string[] {
  pdfDocument.initSubset({ subset: 'PDF/A-2b' });
  pdfDocument.appendXML(PDFUA_XMP);
  return ['PDF/UA-1', 'PDF/A-2b'];
}

/**
 * The PDF/UA identification, and the extension schema that declares it: PDF/A allows only
 * predefined XMP schemas or declared ones (ISO 19005-2 §6.6.2.3), and pdfuaid is not predefined.
 */
const PDFUA_XMP = `
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        `;

interface PdfKitStream {
  initSubset(options: { subset: string }): void;
  appendXML(xml: string): void;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(index: number): void;
  page: { height: number };
  /** pdfmake's font lookup on its pdfkit document: the embedded font with fontkit metrics. */
  provideFont(family: string, bold: boolean, italics: boolean): { widthOfString(text: string, size: number): number };
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end' | 'error', listener: (value?: unknown) => void): void;
  end(): void;
}

function registerFonts(fonts: FontSet): void {
  const dictionary: Record<string, Record<keyof FontFaces, string>> = {};
  for (const [family, faces] of Object.entries(fonts)) {
    const names = {} as Record<keyof FontFaces, string>;
    for (const face of ['normal', 'bold', 'italics', 'bolditalics'] as const) {
      const name = `dialogkit/${family}-${face}.ttf`;
      pdfmake.virtualfs.writeFileSync(name, toBuffer(faces[face]));
      names[face] = name;
    }
    dictionary[family] = names;
  }
  pdfmake.setFonts(dictionary);
  metricsKit = undefined;
  // Documents never fetch or read anything: fonts come from the virtual file system only.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  registered = fonts;
  registeredIn = pdfmake;
}

/** pdfkit wants a `Buffer` (Node's, or the browser kit's bundled one) for font data. */
function toBuffer(bytes: Uint8Array): Uint8Array {
  const B = (globalThis as { Buffer?: { from(data: Uint8Array): Uint8Array } }).Buffer;
  return B ? B.from(bytes) : bytes;
}

function collect(pdfDocument: PdfKitStream): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdfDocument.on('data', (chunk) => chunks.push(chunk));
    pdfDocument.on('end', () => {
      const total = chunks.reduce((n, c) => n + c.length, 0);
      const bytes = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    });
    pdfDocument.on('error', reject);
    pdfDocument.end();
  });
}
