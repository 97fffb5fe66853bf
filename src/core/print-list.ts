import type { Layout } from './layout.js';
import type { PaperSize, Topic } from './model.js';
import type { BuildOptions } from './options.js';
import { sheetPaper, tilingFor } from './products/flipover.js';
import { cardsPerPage } from './products/prikkort.js';
import type { ViewModel } from './view-model.js';

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

/** Counts for the print list. `layouts` are the compiled product layouts, by name (their settings decide cards per page and tiling). Pure. */
export function printList(topic: Topic, view: ViewModel, options: BuildOptions, layouts: ReadonlyMap<string, Layout>): PrintList {
  const participants = options.participants ?? topic.meta.participants.max;
  const { size, tiled } = sheetPaper(options, topic.meta);
  const flipoverSettings = layouts.get('flipover')?.settings ?? {};
  const cardLayout = layouts.get('prikkort');
  const cardParts = cardLayout?.render(view) ?? [];
  const ideaCards = cardParts.filter((p) => p.part === 'ideas').reduce((sum, p) => sum + Number(p['count'] ?? view.topic.cards), 0);
  const cards = ideaCards + cardParts.filter((p) => p.part !== 'ideas').length;
  const perPage = cardsPerPage(cardLayout?.settings ?? {});
  return {
    participants,
    handouts: participants + 1,
    sheets: topic.steps.reduce((sum, s) => sum + s.flipPrompts.length, 0),
    paper: size,
    piecesPerSheet: tiled ? tilingFor(size, flipoverSettings).pieces.length : null,
    ideaCards,
    cards,
    cardsPerPage: perPage,
    cardPages: Math.ceil(cards / perPage),
    dots: participants * view.topic.dots,
    dotsEach: view.topic.dots,
  };
}
