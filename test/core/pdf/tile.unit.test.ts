import { describe, expect, it } from 'vitest';
import { mm } from '../../../src/core/pdf/impose.js';
import { alignmentMarks, piecesAlong, tile, type Piece, type TileSpec } from '../../../src/core/pdf/tile.js';

const A4 = { paperWidth: 595.28, paperHeight: 841.89 };
/** A1 landscape onto A4 with 10 mm margins and 10 mm overlap, as flipover.pdf tiles it. */
const A1_ON_A4: TileSpec = { sheetWidth: mm(841), sheetHeight: mm(594), ...A4, margin: mm(10), overlap: mm(10) };

const at = (pieces: Piece[], row: number, col: number) => pieces.find((p) => p.row === row && p.col === col)!;

describe('piecesAlong', () => {
  it('needs one piece while the length fits the printable width, then one more per printable less overlap', () => {
    expect(piecesAlong(500, 500, 10)).toBe(1);
    expect(piecesAlong(500.01, 500, 10)).toBe(2);
    expect(piecesAlong(990, 500, 10)).toBe(2); // 500 + 490 exactly: no third piece for rounding dust
    expect(piecesAlong(990.01, 500, 10)).toBe(3);
  });
});

describe('tile', () => {
  it('cuts A1 into 3 × 5 portrait A4 pieces (landscape paper would need 4 × 4)', () => {
    const tiling = tile(A1_ON_A4);
    expect([tiling.orientation, tiling.rows, tiling.cols, tiling.pieces.length]).toEqual(['portrait', 3, 5, 15]);
    expect(tiling.pieces.map((p) => p.index)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(at(tiling.pieces, 2, 1).index).toBe(6); // row by row from the top-left
  });

  it('turns the paper when that needs fewer pieces, and keeps portrait on a tie', () => {
    // An A4 sheet is a little larger than A4's printable area: 2 × 2 portrait, or 2 × 1 landscape.
    const a4 = tile({ sheetWidth: 595.28, sheetHeight: 841.89, ...A4, margin: mm(10), overlap: mm(10) });
    expect([a4.orientation, a4.rows, a4.cols]).toEqual(['landscape', 2, 1]);
    expect([a4.paperWidth, a4.paperHeight]).toEqual([841.89, 595.28]);
    const square = tile({ sheetWidth: 1000, sheetHeight: 1000, ...A4, margin: mm(10), overlap: mm(10) });
    expect([square.orientation, square.pieces.length]).toEqual(['portrait', 4]);
  });

  it('covers the whole sheet, neighbours sharing exactly the overlap, the spare paper split evenly', () => {
    const { pieces, rows, cols } = tile(A1_ON_A4);
    const first = at(pieces, 1, 1);
    const last = at(pieces, rows, cols);
    const spareX = -first.region.left;
    const spareY = first.region.top - A1_ON_A4.sheetHeight;
    expect(spareX).toBeGreaterThanOrEqual(0);
    expect(last.region.right - A1_ON_A4.sheetWidth).toBeCloseTo(spareX, 9);
    expect(-last.region.bottom).toBeCloseTo(spareY, 9);
    for (const piece of pieces) {
      expect(piece.region.right - piece.region.left).toBeCloseTo(595.28 - 2 * mm(10), 9);
      expect(piece.region.top - piece.region.bottom).toBeCloseTo(841.89 - 2 * mm(10), 9);
      expect(piece.at).toEqual({ x: mm(10), y: mm(10) });
      if (piece.col < cols) expect(piece.region.right - at(pieces, piece.row, piece.col + 1).region.left).toBeCloseTo(mm(10), 9);
      if (piece.row < rows) expect(piece.region.bottom - at(pieces, piece.row + 1, piece.col).region.top).toBeCloseTo(-mm(10), 9);
    }
    expect(first.neighbours).toEqual({ left: false, right: true, top: false, bottom: true });
    expect(at(pieces, 2, 3).neighbours).toEqual({ left: true, right: true, top: true, bottom: true });
  });
});

describe('alignmentMarks', () => {
  /** Centre of each cross (two segments), in sheet coordinates. */
  function crossesOnSheet(piece: Piece, marks: { x1: number; y1: number; x2: number; y2: number }[]) {
    const centres: string[] = [];
    for (let i = 0; i < marks.length; i += 2) {
      const h = marks[i]!;
      const x = (h.x1 + h.x2) / 2 - piece.at.x + piece.region.left;
      const y = h.y1 - piece.at.y + piece.region.bottom;
      centres.push(`${x.toFixed(3)},${y.toFixed(3)}`);
    }
    return centres;
  }

  it('puts two crosses on every shared seam, four segments per seam', () => {
    const tiling = tile(A1_ON_A4);
    expect(alignmentMarks(tiling, at(tiling.pieces, 1, 1), 4)).toHaveLength(2 * 2 * 2);
    expect(alignmentMarks(tiling, at(tiling.pieces, 2, 3), 4)).toHaveLength(4 * 2 * 2);
    for (const mark of alignmentMarks(tiling, at(tiling.pieces, 2, 3), 4))
      expect(Math.hypot(mark.x2 - mark.x1, mark.y2 - mark.y1)).toBeCloseTo(8, 9);
  });

  it('draws the crosses of a seam at the same places on the sheet on both pieces, in the overlap strip', () => {
    const tiling = tile(A1_ON_A4);
    const left = at(tiling.pieces, 1, 1);
    const right = at(tiling.pieces, 1, 2);
    const fromLeft = crossesOnSheet(left, alignmentMarks(tiling, left, 4));
    const fromRight = crossesOnSheet(right, alignmentMarks(tiling, right, 4));
    const seam = fromRight.filter((c) => fromLeft.includes(c));
    expect(seam).toHaveLength(2);
    for (const centre of seam) {
      const x = Number(centre.split(',')[0]);
      expect(x).toBeGreaterThan(right.region.left);
      expect(x).toBeLessThan(left.region.right);
    }
  });
});
