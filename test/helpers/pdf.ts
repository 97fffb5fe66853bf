import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a test needs from one page of a PDF, read back with pdf.js. */
export interface PageInfo {
  /** Width and height in points. */
  width: number;
  height: number;
  /** Text items in content order, with position (x, y from the bottom-left) and font size. */
  items: { str: string; x: number; y: number; width: number; height: number; fontSize: number; fontName: string }[];
  /** The page's text, items joined with spaces/newlines as pdf.js reports them. */
  text: string;
  links: { url: string; rect: number[] }[];
}

export interface PdfInfo {
  pages: PageInfo[];
  /** All text, pages joined by form feeds. */
  text: string;
  info: Record<string, unknown>;
  fonts: string[];
  doc: PDFDocumentProxy;
}

/** Opens PDF bytes with pdf.js and reads every page's size, text, links and the document info. */
export async function readPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PageInfo[] = [];
  const fonts = new Set<string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items
      .filter((i): i is Extract<typeof i, { str: string }> => 'str' in i)
      .map((i) => ({
        str: i.str,
        x: i.transform[4] as number,
        y: i.transform[5] as number,
        width: i.width,
        height: i.height,
        fontSize: Math.hypot(i.transform[0] as number, i.transform[1] as number),
        fontName: (content.styles[i.fontName]?.fontFamily ?? i.fontName) as string,
      }));
    for (const i of content.items) if ('fontName' in i) fonts.add(i.fontName);
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string; rect: number[] }[];
    pages.push({
      width: x1 - x0,
      height: y1 - y0,
      items,
      text: content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''),
      links: annotations.filter((a) => a.subtype === 'Link' && a.url).map((a) => ({ url: a.url!, rect: a.rect })),
    });
  }
  const meta = await doc.getMetadata();
  return { pages, text: pages.map((p) => p.text).join('\f'), info: meta.info as Record<string, unknown>, fonts: [...fonts], doc };
}

/** The base-14 font names a PDF must not rely on (they are not embedded). */
export const BASE14 = /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/;

/** Raw font names as stored in the file (e.g. `BZZZZZ+AtkinsonHyperlegible-Bold`), found by scanning the bytes. */
export function embeddedFontNames(bytes: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(bytes);
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]!))];
}

/** Squashes whitespace so text assertions survive line breaks. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
