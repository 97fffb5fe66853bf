import { createRequire } from 'node:module';
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
  const modules = (await filledBoxes(doc, pageNumber)).filter((b) => b.x2 - b.x1 < 5 && b.y2 - b.y1 < 5 && b.x1 >= near.x2).sort((a, b) => a.y1 - b.y1);
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

/** The bounding box of every filled path on a page, in points; transforms applied (no rotation in our files). */
async function filledBoxes(doc: PDFDocumentProxy, pageNumber: number): Promise<Box[]> {
  const { fnArray, argsArray } = await (await doc.getPage(pageNumber)).getOperatorList();
  type Matrix = [number, number, number, number, number, number];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const multiply = (a: Matrix, b: Matrix): Matrix => [
    b[0] * a[0] + b[1] * a[2], b[0] * a[1] + b[1] * a[3],
    b[2] * a[0] + b[3] * a[2], b[2] * a[1] + b[3] * a[3],
    b[4] * a[0] + b[5] * a[2] + a[4], b[4] * a[1] + b[5] * a[3] + a[5],
  ];
  const boxes: Box[] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && (args[0] === OPS.fill || args[0] === OPS.eoFill)) {
      // pdf.js 5: [paint op, [path data], bounds]; path data: 0 = moveTo x y, 1 = lineTo x y, 4 = close.
      const path = (args[1] as unknown[] | undefined)?.[0] as Record<string, number> | null | undefined;
      const data = path ? Array.from(Object.values(path)) : [];
      const xs: number[] = [];
      const ys: number[] = [];
      for (let k = 0; k < data.length; ) {
        const op = data[k]!;
        if (op === 0 || op === 1) {
          xs.push(ctm[0] * data[k + 1]! + ctm[2] * data[k + 2]! + ctm[4]);
          ys.push(ctm[1] * data[k + 1]! + ctm[3] * data[k + 2]! + ctm[5]);
          k += 3;
        } else if (op === 4) k += 1;
        else return; // curves: not a module
      }
      if (xs.length > 0) boxes.push({ x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) });
    }
  });
  return boxes;
}
