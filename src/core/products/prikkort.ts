import type { CanvasElement, Content } from 'pdfmake/interfaces.js';
import { fill, type Labels } from '../settings/labels.js';
import { cardRects, cropMarks, mm, type Imposition, type Rect } from '../pdf/impose.js';
import { plain } from '../pdf/inline.js';
import { PAPER } from '../pdf/paper.js';
import { cardGrid } from '../pdf/print-counts.js';
import { ruledLines } from '../pdf/ruled-lines.js';
import { element } from '../pdf/tags.js';
import { THEME_SETTINGS, themeFrom, type Theme } from '../pdf/theme.js';
import type { SettingsOf } from '../settings/settings-table.js';
import { pageOf, renderPdf, settingsOf } from './pdf-document.js';
import type { Part } from '../layouts/layout.js';
import { numberArg } from '../layouts/part-args.js';
import type { Product, ProductContext } from './product.js';

const millimetres = (value: number, min: number, max: number) => ({ type: 'number', default: value, min, max, unit: 'mm' }) as const;

/** Card layout settings from `templates/prikkort.hbs`; lengths in millimetres. */
const SETTINGS = {
  cards: {
    /** `A6` (four to an A4 page) or `A7` (eight). */
    card: { type: 'choice', default: 'A6', values: ['A6', 'A7'] },
    safeMargin: millimetres(5, 3, 30),
    gap: millimetres(8, 0, 30),
    markOffset: millimetres(2, 0, 10),
    /** Diameter of a dot sticker or a marker dot: sizes the dot field. */
    dotSize: millimetres(9, 3, 30),
    ideaLines: { type: 'number', default: 5, min: 1, max: 20, unit: 'lines' },
  },
  theme: THEME_SETTINGS,
} as const;

type CardSettings = SettingsOf<typeof SETTINGS>['cards'];

/** Dot-vote material: idea cards, a card that explains the vote, and an agreement card, imposed with crop marks. */
export const prikkort: Product = {
  name: 'prikkort',
  file: 'prikkort.pdf',
  kind: 'pdf',
  inArchive: true,
  parts: ['vote', 'ideas', 'agreement'],
  settings: SETTINGS,
  async make(ctx) {
    const all = settingsOf(ctx, SETTINGS);
    const settings = all.cards;
    const theme = themeFrom(all);
    const spec = imposition(settings);
    const rects = cardRects(spec);
    const cards = ctx.layout.render(ctx.view).flatMap((part) => renderers[part.part]!(part, ctx, theme));
    const inner = (rect: Rect) => ({ ...rect, x: rect.x + mm(5), y: rect.y + mm(5), w: rect.w - mm(10), h: rect.h - mm(10) });
    const content: Content[] = [];
    cards.forEach((card, index) => {
      const slot = index % rects.length;
      const rect = rects[slot]!;
      const isLastOnPage = slot === rects.length - 1 && index < cards.length - 1;
      const box = inner(rect);
      // A column of the box's width holds the card: absolute content alone would flow to the page edge.
      content.push({
        columns: [{ width: box.w, stack: [card(box, settings)] }],
        absolutePosition: { x: box.x, y: box.y },
        tag: element('Sect'),
      });
      // An empty line carries the page break: absolute content alone does not advance pages.
      if (isLastOnPage) content.push({ text: '', pageBreak: 'after' });
    });
    content.push({ text: '' });
    // Marks only around the cards a page prints: the last page may have empty slots.
    const marksOn = (page: number) => cropMarks(spec, rects.slice(0, Math.min(rects.length, cards.length - (page - 1) * rects.length)));
    return renderPdf(ctx, this.file, {
      subject: ctx.view.labels.dotvote.ideaTitle,
      page: pageOf('A4', 'portrait', [0, 0, 0, 0]),
      theme,
      // Crop marks only, no card outlines: an outline a hair off the cut would show on the card.
      background: (page: number) => ({
        canvas: marksOn(page).map((m): CanvasElement => ({ type: 'line', ...m, lineWidth: 0.5, lineColor: '#000000' })),
      }),
      content,
    });
  },
};

/** A card's content, given the rectangle inside its 5 mm inner margin. */
type Card = (box: Rect, settings: CardSettings) => Content;

const renderers: Record<string, (part: Part, ctx: ProductContext, theme: Theme) => Card[]> = {
  vote: (_part, ctx, theme) => [voteCard(ctx, theme)],
  ideas: (part, ctx, theme) => Array.from({ length: numberArg(part, 'count', ctx.view.topic.cards) }, () => ideaCard(ctx, theme)),
  agreement: (_part, ctx, theme) => [agreementCard(ctx, theme)],
};

// --- internal ---

function imposition(settings: CardSettings): Imposition {
  const a7 = settings.card === 'A7';
  return {
    width: PAPER.A4.width,
    height: PAPER.A4.height,
    ...cardGrid(settings.card),
    aspect: a7 ? Math.SQRT2 : 1 / Math.SQRT2,
    safeMargin: mm(settings.safeMargin),
    gap: mm(settings.gap),
    markOffset: mm(settings.markOffset),
  };
}

function labels(ctx: ProductContext): Labels['dotvote'] {
  return ctx.view.labels.dotvote;
}

/**
 * Cards lower than this (A7, landscape) get the compact design: smaller type, the dot field
 * beside the idea lines instead of under them.
 */
const COMPACT_BELOW = 250;

/** Type sizes for a card, scaled down on compact cards. */
function cardSizes(theme: Theme, box: Rect) {
  const compact = box.h < COMPACT_BELOW;
  return compact
    ? { compact, body: theme.fontSize - 2, small: theme.sizes.small - 1, band: theme.sizes.h3 - 2, big: theme.sizes.h3 + 2, lineGap: 15 }
    : { compact, body: theme.fontSize, small: theme.sizes.small, band: theme.sizes.h3, big: theme.sizes.h2 + 4, lineGap: 20 };
}

/** A coloured band across the top of a card with its kind, and the topic title small under it. */
function header(title: string, ctx: ProductContext, theme: Theme, box: Rect): Content[] {
  const size = cardSizes(theme, box);
  const pad = size.compact ? 3 : 5;
  return [
    {
      table: {
        widths: [box.w - 16],
        body: [
          [
            {
              text: title.toUpperCase(),
              bold: true,
              color: '#ffffff',
              characterSpacing: 1,
              fontSize: size.band,
              tag: element('H1', { actual: title }),
            },
          ],
        ],
      },
      layout: {
        fillColor: () => theme.colors.accent,
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 8,
        paddingRight: () => 8,
        paddingTop: () => pad + 1,
        paddingBottom: () => pad - 1,
      },
    },
    {
      text: plain(ctx.view.topic.title),
      fontSize: size.small,
      color: theme.colors.muted,
      margin: [0, 3, 0, ctx.view.options.byline ? 0 : size.compact ? 4 : 8],
      tag: element('P'),
    },
    ...(ctx.view.options.byline
      ? [
          {
            text: plain(ctx.view.options.byline),
            fontSize: size.small - 1,
            color: theme.colors.muted,
            margin: [0, 1, 0, size.compact ? 3 : 7],
            tag: element('P'),
          } as Content,
        ]
      : []),
  ];
}

/** A dashed field with room for `dots` dots of `dotSize` mm, laid out in rows across `width`. */
function dotField(
  dots: number,
  width: number,
  maxHeight: number,
  settings: CardSettings,
  ctx: ProductContext,
  theme: Theme,
  fontSize: number,
): { content: Content; height: number } {
  const l = labels(ctx);
  // A quarter of a dot's width as spacing, less when room is short, but never smaller than a dot.
  const label = fontSize + 10;
  const fits = (cell: number) => Math.ceil(dots / Math.max(1, Math.floor((width - 8) / cell))) * cell + label <= maxHeight;
  let cell = mm(settings.dotSize) * 1.25;
  while (cell > mm(settings.dotSize) && !fits(cell)) cell -= 0.5;
  const perRow = Math.max(1, Math.floor((width - 8) / cell));
  const height = Math.min(maxHeight, Math.ceil(dots / perRow) * cell + label);
  return {
    height,
    content: {
      stack: [
        {
          canvas: [
            {
              type: 'rect',
              x: 0,
              y: 0,
              w: width,
              h: height,
              r: 6,
              lineWidth: 1.2,
              lineColor: theme.colors.accent,
              dash: { length: 4, space: 3 },
            },
          ],
        },
        {
          text: [
            {
              text: `${l.dotField.toUpperCase()}  `,
              bold: true,
              color: theme.colors.accent,
              characterSpacing: 0.8,
              tag: element('Span', { actual: `${l.dotField} ` }),
            },
            { text: fill(l.dotRoom, { dots }), color: theme.colors.muted },
          ],
          fontSize,
          tag: element('P'),
          relativePosition: { x: 8, y: -height + 6 },
        },
      ],
    },
  };
}

function ideaCard(ctx: ProductContext, theme: Theme): Card {
  return (box, settings) => {
    const l = labels(ctx);
    const size = cardSizes(theme, box);
    const dots = ctx.view.topic.dotField;
    const headerHeight = size.compact ? 34 : 52;
    const prompt: Content = { text: l.ideaPrompt, bold: true, fontSize: size.body, tag: element('P') };
    const group = (width: number): Content => ({
      // A line to write the group's name on, drawn from the end of "Gruppe:" to the card's edge.
      columns: [
        { text: l.group, width: 'auto', fontSize: size.small, color: theme.colors.muted, tag: element('P') },
        {
          canvas: [
            { type: 'line', x1: 0, y1: size.small + 2, x2: width - 60, y2: size.small + 2, lineWidth: 0.6, lineColor: theme.colors.rule },
          ],
          width: '*',
        },
      ],
      columnGap: 4,
      margin: [0, 6, 0, 6],
    });
    if (size.compact) {
      // Side by side: the idea on the left, the dots on the right, both under the band.
      const room = box.h - headerHeight - 4;
      const left = box.w * 0.55;
      const field = dotField(dots, box.w - left - 8, room, settings, ctx, theme, size.small);
      const lines = Math.max(2, Math.min(settings.ideaLines, Math.floor((room - 30) / size.lineGap)));
      return {
        stack: [
          ...header(l.ideaTitle, ctx, theme, box),
          {
            columns: [
              { width: left, stack: [prompt, ruledLines(lines, left, size.lineGap, theme.colors.rule, 0.6), group(left)] },
              { width: box.w - left - 8, stack: [field.content] },
            ],
            columnGap: 8,
          },
        ],
      };
    }
    const field = dotField(dots, box.w, (box.h - headerHeight) / 2, settings, ctx, theme, size.small);
    const lineGap = Math.max(18, Math.min(26, (box.h - field.height - headerHeight - 50) / settings.ideaLines));
    return {
      stack: [
        ...header(l.ideaTitle, ctx, theme, box),
        prompt,
        ruledLines(settings.ideaLines, box.w, lineGap, theme.colors.rule, 0.6),
        group(box.w),
        field.content,
      ],
    };
  };
}

function voteCard(ctx: ProductContext, theme: Theme): Card {
  return (box) => {
    const l = labels(ctx);
    const size = cardSizes(theme, box);
    const dots = ctx.view.topic.dots;
    const r = size.compact ? 7 : 11;
    return {
      stack: [
        ...header(l.voteTitle, ctx, theme, box),
        {
          // "Hver deltager har én prik": one is a word in a sentence, not a figure.
          text: fill(l.voteDots, { dots: dots === 1 ? l.countOne : dots, dotWord: dots === 1 ? l.dotOne : l.dotMany }),
          bold: true,
          fontSize: size.big,
          lineHeight: 1.1,
          margin: [0, size.compact ? 0 : 6, 0, size.compact ? 4 : 10],
          tag: element('P'),
        },
        {
          canvas: Array.from({ length: Math.min(dots, 10) }, (_, i): CanvasElement => ({
            type: 'ellipse',
            x: r + 3 + i * (2 * r + 8),
            y: r + 3,
            r1: r,
            r2: r,
            color: theme.colors.accent,
          })),
          margin: [0, 0, 0, size.compact ? 4 : 12],
        },
        {
          text: dots === 1 ? l.voteHowOne : fill(l.voteHowMany, { dots }),
          fontSize: size.body,
          margin: [0, 0, 0, size.compact ? 3 : 8],
          tag: element('P'),
        },
        { text: l.voteResult, fontSize: size.body, margin: [0, 0, 0, size.compact ? 3 : 8], tag: element('P') },
        { text: l.voteWhen, color: theme.colors.muted, fontSize: size.small + 1, tag: element('P') },
      ],
    };
  };
}

function agreementCard(ctx: ProductContext, theme: Theme): Card {
  return (box) => {
    const l = labels(ctx);
    const size = cardSizes(theme, box);
    const fields = [l.what, l.who, l.when, l.followUp];
    const field = (label: string, width: number, lines: number): Content => ({
      stack: [
        { text: label, bold: true, fontSize: size.body, margin: [0, 4, 0, 0], tag: element('P') },
        ruledLines(lines, width, size.lineGap, theme.colors.rule, 0.6),
      ],
    });
    if (size.compact) {
      // Two by two, so four fields fit a low card.
      const half = (box.w - 8) / 2;
      return {
        stack: [
          ...header(l.agreementTitle, ctx, theme, box),
          {
            columns: [
              { width: half, stack: [field(fields[0]!, half, 2), field(fields[2]!, half, 1)] },
              { width: half, stack: [field(fields[1]!, half, 2), field(fields[3]!, half, 1)] },
            ],
            columnGap: 8,
          },
        ],
      };
    }
    const perField = (box.h - 90) / fields.length;
    const lines = Math.max(1, Math.floor((perField - 18) / size.lineGap));
    return { stack: [...header(l.agreementTitle, ctx, theme, box), ...fields.map((label) => field(label, box.w, lines))] };
  };
}
