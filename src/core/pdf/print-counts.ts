import type { PaperSize } from '../model.js';
import { mm } from './impose.js';
import { PAPER, paper } from './paper.js';
import { tile, type Tiling } from './tile.js';

/**
 * The geometry the flip-over and prikkort products print with, and the run sheet's print list
 * counts with. It sits here, below both, so the print list (a view) need not import products.
 */

/** The flip-over layout's `tile` settings (`templates/flipover.hbs`), in millimetres. */
export interface TileSettings {
  margin: number;
  overlap: number;
}

/** How a sheet of `size` is cut into A4 pieces, with the layout's margin and overlap (`templates/flipover.hbs`); the run sheet's print list counts them too. */
export function tilingFor(size: PaperSize, settings: TileSettings): Tiling {
  const sheet = paper(size, 'landscape');
  return tile({
    sheetWidth: sheet.width,
    sheetHeight: sheet.height,
    paperWidth: PAPER.A4.width,
    paperHeight: PAPER.A4.height,
    margin: mm(settings.margin),
    overlap: mm(settings.overlap),
  });
}

/** The prikkort layout's card size (`templates/prikkort.hbs`). */
export type CardSize = 'A6' | 'A7';

/** Columns and rows of cards on one A4 page: A6 portrait, 2 × 2; A7 landscape, 2 × 4 (as A-series sizes halve). */
export function cardGrid(card: CardSize): { cols: number; rows: number } {
  return { cols: 2, rows: card === 'A7' ? 4 : 2 };
}
