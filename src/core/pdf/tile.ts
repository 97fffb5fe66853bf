/**
 * Tiling a large sheet onto A4 pieces: which part of the sheet each piece shows, and where. Pure
 * geometry in points, origin bottom-left (PDF space, as pdf-lib draws).
 */

export interface TileSpec {
  /** The big sheet, in points. */
  sheetWidth: number;
  sheetHeight: number;
  /** The paper pieces are printed on, portrait, in points (A4: 595.28 × 841.89). */
  paperWidth: number;
  paperHeight: number;
  /** Blank paper kept at every edge of a piece: office printers cannot print to the edge. */
  margin: number;
  /** How much neighbouring pieces share, so they can be taped with the seam hidden. */
  overlap: number;
}

export interface Piece {
  /** 1-based, row by row from the top-left of the sheet. */
  index: number;
  row: number;
  col: number;
  /** The region of the sheet this piece shows. */
  region: { left: number; bottom: number; right: number; top: number };
  /** Where that region is drawn on the piece's paper. */
  at: { x: number; y: number };
  /** Which edges are shared with a neighbour (and so carry an overlap strip). */
  neighbours: { left: boolean; right: boolean; top: boolean; bottom: boolean };
}

export interface Tiling {
  orientation: 'portrait' | 'landscape';
  paperWidth: number;
  paperHeight: number;
  rows: number;
  cols: number;
  pieces: Piece[];
}

/**
 * Cuts the sheet into the fewest pieces: both paper orientations are tried and the one needing
 * fewer pieces wins (portrait on a tie). Neighbouring pieces overlap by exactly `overlap`.
 */
export function tile(spec: TileSpec): Tiling {
  const portrait = tileAs(spec, spec.paperWidth, spec.paperHeight, 'portrait');
  const landscape = tileAs(spec, spec.paperHeight, spec.paperWidth, 'landscape');
  return landscape.pieces.length < portrait.pieces.length ? landscape : portrait;
}

/** Pieces needed along one side: the first piece covers `printable`, each further one `printable - overlap`. */
export function piecesAlong(length: number, printable: number, overlap: number): number {
  if (length <= printable) return 1;
  return 1 + Math.ceil((length - printable) / (printable - overlap) - 1e-9);
}

// --- internal ---

function tileAs(spec: TileSpec, paperWidth: number, paperHeight: number, orientation: Tiling['orientation']): Tiling {
  const printableW = paperWidth - 2 * spec.margin;
  const printableH = paperHeight - 2 * spec.margin;
  const cols = piecesAlong(spec.sheetWidth, printableW, spec.overlap);
  const rows = piecesAlong(spec.sheetHeight, printableH, spec.overlap);
  // Every step is the printable size less the overlap, so neighbours share exactly `overlap`; what
  // the pieces cover beyond the sheet is split evenly between its two sides (blank paper there).
  const stepX = printableW - spec.overlap;
  const stepY = printableH - spec.overlap;
  const spareX = printableW + (cols - 1) * stepX - spec.sheetWidth;
  const spareY = printableH + (rows - 1) * stepY - spec.sheetHeight;
  const pieces: Piece[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const left = col * stepX - spareX / 2;
      const top = spec.sheetHeight + spareY / 2 - row * stepY;
      pieces.push({
        index: row * cols + col + 1,
        row: row + 1,
        col: col + 1,
        region: { left, bottom: top - printableH, right: left + printableW, top },
        at: { x: spec.margin, y: spec.margin },
        neighbours: { left: col > 0, right: col < cols - 1, top: row > 0, bottom: row < rows - 1 },
      });
    }
  }
  return { orientation, paperWidth, paperHeight, rows, cols, pieces };
}

export interface Mark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Alignment marks for one piece, in its paper's coordinates: a crosshair in the middle of every
 * overlap strip it shares, at a quarter and three quarters along the seam. The neighbour carries
 * the same crosshairs at the same places on the sheet, so the pieces line up when the crosses do.
 */
export function alignmentMarks(tiling: Tiling, piece: Piece, size: number): Mark[] {
  const toPaper = (x: number, y: number) => ({ x: piece.at.x + x - piece.region.left, y: piece.at.y + y - piece.region.bottom });
  const cross = (x: number, y: number): Mark[] => {
    const p = toPaper(x, y);
    return [
      { x1: p.x - size, y1: p.y, x2: p.x + size, y2: p.y },
      { x1: p.x, y1: p.y - size, x2: p.x, y2: p.y + size },
    ];
  };
  const neighbour = (row: number, col: number) => tiling.pieces[(row - 1) * tiling.cols + (col - 1)]!;
  const marks: Mark[] = [];
  const { region } = piece;
  const along = (from: number, to: number) => [from + (to - from) / 4, from + (3 * (to - from)) / 4];
  if (piece.neighbours.right) {
    const x = (neighbour(piece.row, piece.col + 1).region.left + region.right) / 2;
    for (const y of along(region.bottom, region.top)) marks.push(...cross(x, y));
  }
  if (piece.neighbours.left) {
    const x = (region.left + neighbour(piece.row, piece.col - 1).region.right) / 2;
    for (const y of along(region.bottom, region.top)) marks.push(...cross(x, y));
  }
  if (piece.neighbours.bottom) {
    const y = (neighbour(piece.row + 1, piece.col).region.top + region.bottom) / 2;
    for (const x of along(region.left, region.right)) marks.push(...cross(x, y));
  }
  if (piece.neighbours.top) {
    const y = (region.top + neighbour(piece.row - 1, piece.col).region.bottom) / 2;
    for (const x of along(region.left, region.right)) marks.push(...cross(x, y));
  }
  return marks;
}
