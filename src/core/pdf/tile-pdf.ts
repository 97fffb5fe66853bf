// pdfmake cannot place one page's content onto another's (docs/pdfmake.md §5), so the
// pieces are assembled with pdf-lib: pdfmake renders the big sheets and, separately, the A4
// frames (labels, in the embedded font); pdf-lib draws each sheet's region onto its frame.
import type * as PdfLib from 'pdf-lib';
import { alignmentMarks, type Tiling } from './tile.js';

export interface TiledSheets {
  /** The big sheets, one page each, as pdfmake rendered them. */
  sheets: Uint8Array;
  /** One tiling per sheet (every sheet has the same size, so the same tiling). */
  tiling: Tiling;
  /** The frames: one page per piece, sheet by sheet, with labels; the pieces' paper size. */
  frames: Uint8Array;
  /** Crosshair arm length in points. */
  markSize: number;
}

/**
 * Draws each piece's region of its sheet onto its frame page, clipped to the region, and the
 * alignment marks on top. Deterministic: pdf-lib keeps the frames' metadata (dates, ID) as
 * pdfmake wrote them from pinned inputs, and writes objects in a fixed order.
 */
export async function assembleTiles(input: TiledSheets): Promise<Uint8Array> {
  // Loaded on first use, like pdfmake: only tiled flip-charts need it.
  const { clip, endPath, popGraphicsState, pushGraphicsState, rectangle, PDFDocument, rgb }: typeof PdfLib = await import('pdf-lib');
  const [sheets, out] = await Promise.all([PDFDocument.load(input.sheets), PDFDocument.load(input.frames, { updateMetadata: false })]);
  // One embedded copy per sheet, shared by its pieces: the file grows by a reference, not a page.
  const embedded = await out.embedPages(sheets.getPages());
  const perSheet = input.tiling.pieces.length;
  out.getPages().forEach((page, index) => {
    const sheet = embedded[Math.floor(index / perSheet)]!;
    const piece = input.tiling.pieces[index % perSheet]!;
    const { region, at } = piece;
    const w = region.right - region.left;
    const h = region.top - region.bottom;
    page.pushOperators(pushGraphicsState(), rectangle(at.x, at.y, w, h), clip(), endPath());
    page.drawPage(sheet, { x: at.x - region.left, y: at.y - region.bottom });
    page.pushOperators(popGraphicsState());
    for (const m of alignmentMarks(input.tiling, piece, input.markSize)) {
      page.drawLine({ start: { x: m.x1, y: m.y1 }, end: { x: m.x2, y: m.y2 }, thickness: 0.6, color: rgb(0, 0, 0) });
    }
  });
  return out.save({ useObjectStreams: false });
}
