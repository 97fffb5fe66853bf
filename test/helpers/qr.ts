import { createRequire } from 'node:module';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { filledBoxes as filledRects } from './pdf.js';

// jsQR ships a UMD bundle whose CommonJS export carries the function as `default`.
const jsQR = (createRequire(import.meta.url)('jsqr') as { default: typeof import('jsqr').default }).default;

/** A rectangle in PDF points (origin bottom-left). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Decodes the QR code drawn on a page beside `near` (a row of text, such as the printed
 * address): of the codes right of it, the one vertically nearest. pdfmake draws a QR code as one
 * filled square per dark module, so the squares are read from the page's drawing operations
 * and painted into a bitmap (4 pixels per point, white quiet zone) for jsQR: what a phone's
 * camera would see, without rendering the page. Null when no code is found there.
 */
export async function decodeQr(doc: PDFDocumentProxy, pageNumber: number, near: Box): Promise<string | null> {
  const modules = (await filledBoxes(doc, pageNumber))
    .filter((b) => b.x2 - b.x1 < 5 && b.y2 - b.y1 < 5 && b.x1 >= near.x2)
    .sort((a, b) => a.y1 - b.y1);
  // Codes stacked on a page are told apart by the blank band between them: inside a code no
  // band is wider than a module or two, because the timing pattern runs through every row.
  const codes: Box[][] = [];
  for (const module of modules) {
    const last = codes.at(-1);
    if (last && module.y1 - Math.max(...last.map((b) => b.y2)) < 6) last.push(module);
    else codes.push([module]);
  }
  const distance = (code: Box[]) => Math.max(0, Math.min(...code.map((b) => b.y1)) - near.y2, near.y1 - Math.max(...code.map((b) => b.y2)));
  const squares = [...codes].sort((a, b) => distance(a) - distance(b))[0];
  if (!squares) return null;
  const scale = 4;
  const margin = 16;
  const left = Math.min(...squares.map((b) => b.x1));
  const top = Math.max(...squares.map((b) => b.y2));
  const width = Math.ceil((Math.max(...squares.map((b) => b.x2)) - left) * scale) + 2 * margin;
  const height = Math.ceil((top - Math.min(...squares.map((b) => b.y1))) * scale) + 2 * margin;
  const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const b of squares) {
    for (let y = Math.round((top - b.y2) * scale) + margin; y < Math.round((top - b.y1) * scale) + margin; y++) {
      for (let x = Math.round((b.x1 - left) * scale) + margin; x < Math.round((b.x2 - left) * scale) + margin; x++) {
        pixels.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      }
    }
  }
  return jsQR(pixels, width, height)?.data ?? null;
}

// --- internal ---

/** Every filled path on a page as corners (test/helpers/pdf.ts measures them). */
async function filledBoxes(doc: PDFDocumentProxy, pageNumber: number): Promise<Box[]> {
  return (await filledRects(doc, pageNumber)).map((b) => ({ x1: b.x, y1: b.y, x2: b.x + b.w, y2: b.y + b.h }));
}
