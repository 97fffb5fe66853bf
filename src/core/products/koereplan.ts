import type { Content } from 'pdfmake/interfaces.js';
import { diagnostic } from '../messages/index.js';
import { fill } from '../settings/labels.js';
import { textArg } from '../layouts/part-args.js';
import { listItemNode, listNode } from '../pdf/blocks.js';
import { plain } from '../pdf/inline.js';
import { ruledLines } from '../pdf/ruled-lines.js';
import { element, tableBody } from '../pdf/tags.js';
import { PAGE_SETTINGS, THEME_SETTINGS, type Theme } from '../pdf/theme.js';
import { printList, type PrintList } from '../view/print-list.js';
import { runSheetRows } from '../view/run-sheet.js';
import { footer, logoWithoutTitle, titleHeader } from './parts.js';
import type { Page } from '../pdf/paper.js';
import { documentSettings, renderPdf } from './pdf-document.js';
import { renderParts, type PartRenderer, type Product, type ProductContext } from './product.js';

const SETTINGS = { page: PAGE_SETTINGS, theme: THEME_SETTINGS };

/** The run sheet: the whole session on one A4 page, with times, material per step and what to print for the group. */
export const koereplan: Product = {
  name: 'koereplan',
  file: 'koereplan.pdf',
  kind: 'pdf',
  inArchive: true,
  parts: ['header', 'schedule', 'printList'],
  settings: SETTINGS,
  // The print list counts the sheets' A4 pieces and the cards per page from these layouts' settings.
  reads: ['flipover', 'prikkort'],
  async make(ctx) {
    const { theme, page } = documentSettings(ctx, SETTINGS);
    const { topic, labels } = ctx.view;
    const content = (scale: Scale) => [...logoWithoutTitle(ctx, 'header'), ...renderParts(ctx, parts, { theme, scale, page })];
    const fitted = await fitScale(ctx, page, theme, content);
    const notes = notesArea(fitted.room, page, theme, labels.runSheet.notes);
    const result = await renderPdf(ctx, this.file, {
      subject: labels.runSheet.title,
      page,
      theme,
      footer: footer(ctx, theme, page.margins, [topic.series, topic.publisher]),
      content: [...content(fitted.scale), ...notes],
    });
    if (fitted.fits) return result;
    return {
      ...result,
      diagnostics: [
        ...result.diagnostics,
        diagnostic('DK0322', { pages: result.file?.pages ?? 2, steps: topic.steps.length }, ctx.topic.file, 1),
      ],
    };
  },
};

/** How a run sheet is drawn: the theme, the page, and the scale its table is set at. */
interface Look {
  theme: Theme;
  page: Page;
  scale: Scale;
}

const parts: Record<string, PartRenderer<Look>> = {
  header: (_part, ctx, { theme }) => header(ctx, theme),
  schedule: (part, ctx, look) => schedule(textArg(part, 'title'), ctx, look),
  printList: (part, ctx, { theme, scale }) => printSection(textArg(part, 'title'), printList(ctx.view, ctx.layouts), ctx, theme, scale),
};

/**
 * The schedule's type size and the room around its rows, largest first: the run sheet takes the
 * largest that puts everything on one page, so a short programme is set large and airy and a long
 * one (up to about 20 steps) small and tight. 8 pt is the smallest: Atkinson Hyperlegible stays
 * legible there on an office printer.
 */
interface Scale {
  fontSize: number;
  padding: number;
}
const SCALES: readonly Scale[] = [
  { fontSize: 11.5, padding: 8 },
  { fontSize: 11, padding: 7 },
  { fontSize: 10.5, padding: 6 },
  { fontSize: 10, padding: 5 },
  { fontSize: 9.5, padding: 4 },
  { fontSize: 9, padding: 3 },
  { fontSize: 8.5, padding: 2.5 },
  { fontSize: 8, padding: 2 },
];

/** Below what is printed, at least this much room (points) is given to lines for notes. */
const NOTES_MIN = 60;
const NOTES_GAP = 20;

/**
 * Lays the run sheet out (a section of `height: 'auto'` each, docs/pdfmake.md §5) and takes the
 * largest scale that fits the page; `room` is what is left below it. The largest scale is probed
 * alone first: most programmes fit at it, and a probe is a whole layout and drawing of the sheet
 * (probing all eight at once made the run sheet the kit's slowest product). Only a programme
 * that does not fit is probed at the other seven, in one document, so the choice is the same
 * "first that fits" whether or not the heights fall with the scale.
 */
async function fitScale(
  ctx: ProductContext,
  page: Page,
  theme: Theme,
  content: (scale: Scale) => Content[],
): Promise<{ scale: Scale; fits: boolean; room: number }> {
  const available = page.height - page.margins[1] - page.margins[3];
  const margins: [number, number, number, number] = [page.margins[0], 0, page.margins[2], 0];
  const probe = (scales: readonly Scale[]) =>
    ctx.typesetter.measureHeights({
      pageSize: { width: page.width, height: 'auto' },
      pageMargins: margins,
      // As pdfDocument sets it for the page itself.
      defaultStyle: { font: theme.font, fontSize: theme.fontSize, lineHeight: theme.lineHeight },
      content: scales.map((scale) => ({
        section: content(scale),
        pageSize: { width: page.width, height: 'auto' },
        pageMargins: margins,
      })) as unknown as Content[],
    });
  // A little slack: the probe and the page must not disagree by a rounding.
  const fitsPage = (height: number) => height <= available - 2;
  const largest = await probe(SCALES.slice(0, 1));
  // One section is one page of automatic height; anything else is probed as before, all at once.
  const heights =
    largest.length === 1 && fitsPage(largest[0]!)
      ? largest
      : largest.length === 1
        ? [...largest, ...(await probe(SCALES.slice(1)))]
        : await probe(SCALES);
  const index = heights.findIndex(fitsPage);
  if (index < 0) return { scale: SCALES.at(-1)!, fits: false, room: 0 };
  return { scale: SCALES[index]!, fits: true, room: available - 2 - heights[index]! };
}

/** Ruled lines for the facilitator's notes in the room left at the foot of the page: the page is used, not left half empty. */
function notesArea(room: number, page: Page, theme: Theme, title: string): Content[] {
  const lines = Math.floor((room - 24) / NOTES_GAP);
  if (room < NOTES_MIN || lines < 2) return [];
  return [
    { text: title, fontSize: theme.sizes.h3, bold: true, color: theme.colors.accent, margin: [0, 10, 0, 0], tag: element('H2') },
    ruledLines(lines, page.textWidth, NOTES_GAP, theme.colors.rule, 0.5),
  ];
}

// --- internal ---

function header(ctx: ProductContext, theme: Theme): Content[] {
  const { topic, options, labels } = ctx.view;
  const facts = [labels.runSheet.title, ...(options.byline ? [options.byline] : []), `${topic.totalMinutes}\u00a0${labels.minutesLong}`];
  return titleHeader(ctx, theme, facts.join(' · '), 10);
}

function heading(title: string, theme: Theme, spaceBefore = 6): Content {
  return {
    text: plain(title),
    fontSize: theme.sizes.h2,
    bold: true,
    color: theme.colors.accent,
    margin: [0, spaceBefore, 0, spaceBefore === 6 ? 6 : 4],
    tag: element('H2'),
  };
}

function schedule(title: string, ctx: ProductContext, { theme, scale }: Look): Content[] {
  const l = ctx.view.labels.runSheet;
  const head = [l.time, l.minutes, l.what, l.material].map((text): Content => ({
    text,
    bold: true,
    fontSize: Math.min(theme.sizes.small + 0.5, scale.fontSize - 0.5),
    color: theme.colors.muted,
  }));
  const rows = runSheetRows(ctx.view).map((row, index): Content[] => [
    { text: row.time, noWrap: true, bold: index > 0, color: index === 0 ? theme.colors.muted : theme.colors.text },
    { text: row.minutes, alignment: 'right' },
    { text: row.what, bold: index > 0, ...(row.line !== undefined && { sourceLine: row.line }) },
    { text: row.material, fontSize: scale.fontSize - 1, ...(row.line !== undefined && { sourceLine: row.line }) },
  ]);
  const table: Content = {
    // The head is repeated on a second page (a run sheet of more than about 20 steps).
    table: { headerRows: 1, widths: [scale.fontSize * 6.4, scale.fontSize * 2.4, '*', '38%'], body: tableBody([head, ...rows], 1) },
    tag: element('Table'),
    fontSize: scale.fontSize,
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 1 ? 0.75 : i === 0 || i === node.table.body.length ? 0 : 0.25,
      vLineWidth: () => 0,
      hLineColor: () => theme.colors.rule,
      fillColor: (row: number) => (row === 1 ? theme.colors.tint : null),
      paddingTop: () => scale.padding,
      paddingBottom: () => scale.padding,
      paddingLeft: (i: number) => (i === 0 ? 4 : 6),
      paddingRight: () => 4,
    },
  };
  return [heading(title, theme), table];
}

function printSection(title: string, list: PrintList, ctx: ProductContext, theme: Theme, scale: Scale): Content[] {
  const l = ctx.view.labels.runSheet;
  const lines = [
    l.guide,
    fill(l.handouts, { count: list.handouts, participants: list.participants }),
    list.sheets === 0
      ? l.noSheets
      : list.piecesPerSheet
        ? fill(l.sheetsTiled, {
            count: list.sheets,
            paper: list.paper,
            pieces: list.sheets * list.piecesPerSheet,
            perSheet: list.piecesPerSheet,
          })
        : fill(l.sheetsOn, { count: list.sheets, paper: list.paper }),
    fill(l.cards, { pages: list.cardPages, perPage: list.cardsPerPage, ideas: list.ideaCards }),
    fill(l.dots, { dots: list.dots, each: list.dotsEach }),
  ];
  return [
    heading(title, theme, Math.max(8, scale.padding * 2)),
    {
      stack: [
        { text: fill(l.forGroup, { participants: list.participants }), color: theme.colors.muted, margin: [0, 0, 0, 4], tag: element('P') },
        listNode(
          lines.map((line) => listItemNode([{ text: line, tag: element('P') }])),
          false,
          { markerColor: theme.colors.accent },
        ),
      ],
      fontSize: Math.min(theme.fontSize, scale.fontSize),
    },
  ];
}
