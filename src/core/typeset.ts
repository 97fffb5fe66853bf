// pdfmake's browser build, in Node too: one code path for the CLI and the download page's kit,
// down to the deflate implementation, so both produce the same bytes (issue 11).
import pdfmake from 'pdfmake/build/pdfmake.js';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

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
}

/**
 * The only module that talks to pdfmake. Fonts arrive as bytes (the core never reads files),
 * are registered once per process, and every render gets a fresh document definition:
 * pdfmake mutates the object it is given (pdfmake-notes §4).
 */
export interface Typesetter {
  render(doc: TDocumentDefinitions): Promise<RenderedPdf>;
}

let registered: FontSet | undefined;

export function createTypesetter(fonts: FontSet): Typesetter {
  if (registered !== fonts) registerFonts(fonts);
  return {
    async render(doc) {
      if (registered !== fonts) registerFonts(fonts);
      const kit = (await pdfmake.createPdf(doc, { bufferPages: true }).getStream()) as unknown as PdfKitStream;
      const pages = kit.bufferedPageRange().count;
      const bytes = await collect(kit);
      return { bytes, pages };
    },
  };
}

// --- internal ---

interface PdfKitStream {
  bufferedPageRange(): { start: number; count: number };
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end' | 'error', listener: (value?: unknown) => void): void;
  end(): void;
}

function registerFonts(fonts: FontSet): void {
  // `virtualfs` is missing from @types/pdfmake 0.3.3 (pdfmake-notes §1).
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: unknown): void } }).virtualfs;
  const dictionary: Record<string, Record<keyof FontFaces, string>> = {};
  for (const [family, faces] of Object.entries(fonts)) {
    const names = {} as Record<keyof FontFaces, string>;
    for (const face of ['normal', 'bold', 'italics', 'bolditalics'] as const) {
      const name = `dialogkit/${family}-${face}.ttf`;
      vfs.writeFileSync(name, toBuffer(faces[face]));
      names[face] = name;
    }
    dictionary[family] = names;
  }
  pdfmake.setFonts(dictionary);
  // Documents never fetch anything: fonts come from the virtual file system only.
  pdfmake.setUrlAccessPolicy(() => false);
  // Node's build reads local files and so has a local-access policy; the browser build has neither.
  const local = (pdfmake as unknown as { setLocalAccessPolicy?: (fn: (path: string) => boolean) => void }).setLocalAccessPolicy;
  local?.call(pdfmake, (path) => path.startsWith('dialogkit/'));
  registered = fonts;
}

function toBuffer(bytes: Uint8Array): unknown {
  const B = (globalThis as { Buffer?: { from(data: Uint8Array): unknown } }).Buffer;
  return B ? B.from(bytes) : bytes;
}

function collect(kit: PdfKitStream): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    kit.on('data', (chunk) => chunks.push(chunk));
    kit.on('end', () => {
      const total = chunks.reduce((n, c) => n + c.length, 0);
      const bytes = new Uint8Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    });
    kit.on('error', reject);
    kit.end();
  });
}
