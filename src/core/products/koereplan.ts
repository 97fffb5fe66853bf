import type { Content } from 'pdfmake/interfaces.js';
import { fill } from '../settings/labels.js';
import { partText } from '../layouts/layout.js';
import { listItemNode, listNode } from '../pdf/blocks.js';
import { plain } from '../pdf/inline.js';
import { keepTogether } from '../pdf/keep.js';
import { logoNode } from '../pdf/logo-node.js';
import { element, tableBody } from '../pdf/tags.js';
import { PAGE_SETTINGS, THEME_SETTINGS, type Theme } from '../pdf/theme.js';
import { printList, type PrintList } from '../view/print-list.js';
import { runSheetRows } from '../view/run-sheet.js';
import { footer, titleHeader } from './parts.js';
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
    return renderPdf(ctx, this.file, {
      subject: labels.runSheet.title,
      page,
      theme,
      footer: footer(ctx, theme, page.margins, [topic.series, topic.publisher]),
      content: [...logoNode(ctx.view), ...renderParts(ctx, parts, theme)],
    });
  },
};

const parts: Record<string, PartRenderer<Theme>> = {
  header: (_part, ctx, theme) => header(ctx, theme),
  schedule: (part, ctx, theme) => schedule(partText(part, 'title'), ctx, theme),
  printList: (part, ctx, theme) => printSection(partText(part, 'title'), printList(ctx.view, ctx.layouts), ctx, theme),
};

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

function schedule(title: string, ctx: ProductContext, theme: Theme): Content[] {
  const l = ctx.view.labels.runSheet;
  const head = [l.time, l.minutes, l.what, l.material].map((text): Content => ({
    text,
    bold: true,
    fontSize: theme.sizes.small + 0.5,
    color: theme.colors.muted,
  }));
  const rows = runSheetRows(ctx.view).map((row, index): Content[] => [
    { text: row.time, noWrap: true, bold: index > 0, color: index === 0 ? theme.colors.muted : theme.colors.text },
    { text: row.minutes, alignment: 'right' },
    { text: row.what, bold: index > 0 },
    { text: row.material, fontSize: theme.fontSize - 1 },
  ]);
  const table: Content = {
    table: { headerRows: 1, widths: [66, 24, '*', 170], body: tableBody([head, ...rows], 1) },
    tag: element('Table'),
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 1 ? 0.75 : i === 0 || i === node.table.body.length ? 0 : 0.25,
      vLineWidth: () => 0,
      hLineColor: () => theme.colors.rule,
      fillColor: (row: number) => (row === 1 ? theme.colors.tint : null),
      paddingTop: () => 5,
      paddingBottom: () => 5,
      paddingLeft: (i: number) => (i === 0 ? 4 : 6),
      paddingRight: () => 4,
    },
  };
  return [heading(title, theme), keepTogether(table)];
}

function printSection(title: string, list: PrintList, ctx: ProductContext, theme: Theme): Content[] {
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
    heading(title, theme, 16),
    { text: fill(l.forGroup, { participants: list.participants }), color: theme.colors.muted, margin: [0, 0, 0, 4], tag: element('P') },
    listNode(
      lines.map((line) => listItemNode([{ text: line, tag: element('P') }])),
      false,
      { markerColor: theme.colors.accent },
    ),
  ];
}
