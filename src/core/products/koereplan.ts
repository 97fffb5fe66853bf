import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { listItemNode, listNode } from '../pdf/blocks.js';
import { plain } from '../pdf/inline.js';
import { element, tableBody } from '../pdf/tags.js';
import { A4_WIDTH, logoNode } from '../pdf/logo-node.js';
import { themeFrom, type Theme } from '../pdf/theme.js';
import { printList, type PrintList } from '../print-list.js';
import { runSheetRows } from '../run-sheet.js';
import { fill } from '../view-model.js';
import { documentBase, draftWatermark, footer, pageSettings, pdfResult, renderParts, type PartRenderer, type Product, type ProductContext } from './product.js';

/** The run sheet: the whole session on one A4 page, with times, material per step and what to print for the group. */
export const koereplan: Product = {
  name: 'koereplan',
  file: 'koereplan.pdf',
  parts: ['header', 'schedule', 'printList'],
  reads: ['flipover', 'prikkort'],
  async make(ctx) {
    const theme = themeFrom(ctx.layout.settings);
    const page = pageSettings(ctx.layout);
    const doc: TDocumentDefinitions = {
      ...documentBase(ctx, runLabels(ctx)['title']!),
      pageSize: page.size as TDocumentDefinitions['pageSize'],
      pageOrientation: page.orientation,
      pageMargins: page.margins,
      defaultStyle: { font: theme.font, fontSize: theme.fontSize, lineHeight: theme.lineHeight, color: theme.colors.text },
      footer: footer(ctx, theme, page.margins),
      watermark: draftWatermark(ctx),
      content: [...logoNode(ctx.view, A4_WIDTH[page.orientation], page.margins), ...renderParts(ctx.layout.render(ctx.view), parts, ctx, theme)],
    };
    const pdf = await ctx.typesetter.render(doc, { tagged: true });
    return pdfResult(ctx, this.file, pdf);
  },
};

const parts: Record<string, PartRenderer> = {
  header: (_part, ctx, theme) => header(ctx, theme),
  schedule: (part, ctx, theme) => schedule(String(part['title']), ctx, theme),
  printList: (part, ctx, theme) => printSection(String(part['title']), printList(ctx.topic, ctx.view, ctx.options, ctx.layouts), ctx, theme),
};

// --- internal ---

function runLabels(ctx: ProductContext): Record<string, string> {
  return ctx.labels['runSheet'] as Record<string, string>;
}

function header(ctx: ProductContext, theme: Theme): Content[] {
  const { topic, options, labels } = ctx.view;
  const facts = [
    ...(options.organisation ? [options.organisation] : []),
    ...(options.date ? [options.date] : []),
    `${topic.totalMinutes}\u00a0${String(labels['minutesLong'])}`,
  ];
  return [
    ...(topic.series ? [{ text: topic.series.toUpperCase(), fontSize: theme.sizes.small + 0.5, bold: true, color: theme.colors.accent, characterSpacing: 1, tag: element('P', { actual: topic.series }) } as Content] : []),
    { text: plain(topic.title), fontSize: theme.sizes.title, bold: true, lineHeight: 1.05, margin: [0, 4, 0, 2], tag: element('H1') } as Content,
    { text: [{ text: `${runLabels(ctx)['title']!} · `, bold: true, color: theme.colors.accent }, { text: facts.join(' · ') }], fontSize: theme.sizes.h3, color: theme.colors.muted, margin: [0, 0, 0, 10], tag: element('P') } as Content,
  ];
}

function heading(title: string, theme: Theme): Content {
  return { text: plain(title), fontSize: theme.sizes.h2, bold: true, color: theme.colors.accent, margin: [0, 6, 0, 6], tag: element('H2') } as Content;
}

function schedule(title: string, ctx: ProductContext, theme: Theme): Content[] {
  const l = runLabels(ctx);
  const head = [l['time'], l['minutes'], l['what'], l['material']].map((text) => ({ text: String(text), bold: true, fontSize: theme.sizes.small + 0.5, color: theme.colors.muted }) as Content);
  const rows = runSheetRows(ctx.view).map((row, index) => [
    { text: row.time, noWrap: true, bold: index > 0, color: index === 0 ? theme.colors.muted : theme.colors.text },
    { text: row.minutes, alignment: 'right' },
    { text: row.what, bold: index > 0 },
    { text: row.material, fontSize: theme.fontSize - 1 },
  ] as Content[]);
  const table: Content = {
    table: { headerRows: 1, widths: [66, 24, '*', 170], body: tableBody([head, ...rows], 1) },
    tag: element('Table'),
    unbreakable: true,
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 1 ? 0.75 : i === 0 || i === node.table.body.length ? 0 : 0.25),
      vLineWidth: () => 0,
      hLineColor: () => theme.colors.rule,
      fillColor: (row: number) => (row === 1 ? theme.colors.tint : null),
      paddingTop: () => 5,
      paddingBottom: () => 5,
      paddingLeft: (i: number) => (i === 0 ? 4 : 6),
      paddingRight: () => 4,
    },
  } as Content;
  return [heading(title, theme), table];
}

function printSection(title: string, list: PrintList, ctx: ProductContext, theme: Theme): Content[] {
  const l = runLabels(ctx);
  const lines = [
    l['guide']!,
    fill(l['handouts'], { count: list.handouts, participants: list.participants }),
    list.sheets === 0
      ? l['noSheets']!
      : list.piecesPerSheet
        ? fill(l['sheetsTiled'], { count: list.sheets, paper: list.paper, pieces: list.sheets * list.piecesPerSheet, perSheet: list.piecesPerSheet })
        : fill(l['sheetsOn'], { count: list.sheets, paper: list.paper }),
    fill(l['cards'], { pages: list.cardPages, perPage: list.cardsPerPage, ideas: list.ideaCards }),
    fill(l['dots'], { dots: list.dots, each: list.dotsEach }),
  ];
  return [
    { ...(heading(title, theme) as object), margin: [0, 16, 0, 4] } as Content,
    { text: fill(l['forGroup'], { participants: list.participants }), color: theme.colors.muted, margin: [0, 0, 0, 4], tag: element('P') } as Content,
    listNode(lines.map((line) => listItemNode([{ text: line, tag: element('P') } as Content])), false, { markerColor: theme.colors.accent }),
  ];
}
