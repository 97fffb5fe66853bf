import type { Layout } from '../layouts/layout.js';
import { numberArg } from '../layouts/part-args.js';
import type { PaperSize } from '../model.js';
import { cardGrid, tilingFor, type CardSize, type TileSettings } from '../pdf/print-counts.js';
import type { ViewModel } from './view-types.js';

/** What to print for one session, worked out from the group size and the products' layouts. Plain data for the run sheet. */
export interface PrintList {
  /** The group the counts are for: `--participants`, else the topic's largest group. */
  participants: number;
  /** One per participant and one for the facilitator. */
  handouts: number;
  /** Flip-chart sheets, on `paper`; with `piecesPerSheet` when they are printed in A4 pieces. */
  sheets: number;
  paper: PaperSize;
  piecesPerSheet: number | null;
  /** Cards as the prikkort layout prints them, and the A4 pages they take. */
  ideaCards: number;
  cards: number;
  cardsPerPage: number;
  cardPages: number;
  /** Dots for the vote: every participant's. */
  dots: number;
  dotsEach: number;
}

/**
 * Counts for the print list. `layouts` are the checked product layouts, by name: their settings
 * decide cards per page and tiling (the run sheet declares it `reads` them). Pure.
 */
export function printList(view: ViewModel, layouts: ReadonlyMap<string, Layout>): PrintList {
  const { topic } = view;
  const participants = topic.groupSize;
  const { size, tiled } = topic.flipover;
  const sheetLayout = layouts.get('flipover');
  const cardLayout = layouts.get('prikkort');
  const cardParts = cardLayout?.render(view) ?? [];
  const ideaCards = cardParts.filter((p) => p.part === 'ideas').reduce((sum, p) => sum + numberArg(p, 'count', topic.cards), 0);
  const cards = ideaCards + cardParts.filter((p) => p.part !== 'ideas').length;
  // Settings come checked and complete from prepare-layouts.ts, against each product's table.
  const grid = cardLayout ? cardGrid((cardLayout.settings as { cards: { card: CardSize } }).cards.card) : null;
  const perPage = grid ? grid.cols * grid.rows : 1;
  return {
    participants,
    handouts: participants + 1,
    sheets: topic.steps.reduce((sum, s) => sum + s.flipPrompts.length, 0),
    paper: size,
    piecesPerSheet: tiled && sheetLayout ? tilingFor(size, (sheetLayout.settings as { tile: TileSettings }).tile).pieces.length : null,
    ideaCards,
    cards,
    cardsPerPage: perPage,
    cardPages: Math.ceil(cards / perPage),
    dots: participants * topic.dots,
    dotsEach: topic.dots,
  };
}
