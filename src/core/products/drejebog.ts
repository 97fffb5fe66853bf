import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, ListItem } from '../model.js';
import { blocks, bookmark, listBody, listItem, listItemNode, listNode, tipBox } from '../pdf/blocks.js';
import { displayAddress, inlines, plain } from '../pdf/inline.js';
import { element, LAYOUT, tableBody } from '../pdf/tags.js';
import { phoneBox } from '../pdf/phone-box.js';
import { A4_WIDTH, logoNode } from '../pdf/logo-node.js';
import { themeFrom, type Theme } from '../pdf/theme.js';
import type { StepView } from '../view-model.js';
import { fill } from '../view-model.js';
import { documentBase, pdfResult, draftWatermark, footer, pageSettings, renderParts, type PartRenderer, type Product, type ProductContext } from './product.js';

/** The facilitator's guide: title block, timed overview, preparation checklist, every step, practical advice. */
export const drejebog: Product = {
  name: 'drejebog',
  file: 'drejebog.pdf',
  parts: ['phone', 'title', 'organisation', 'overview', 'section', 'questions', 'checklist', 'steps', 'note', 'extras'],
  async make(ctx) {
    const theme = themeFrom(ctx.layout.settings);
    const page = pageSettings(ctx.layout);
    const doc: TDocumentDefinitions = {
      ...documentBase(ctx, String(ctx.labels['guide'])),
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
  phone: (_part, ctx, theme) => phoneBox(ctx.view, theme),
  title: (_part, ctx, theme) => titleBlock(ctx, theme),
  organisation: (part, ctx, theme) => [
    {
      text: [
        ...(part['name'] ? [{ text: `${String(ctx.labels['organisation'])}: `, color: theme.colors.muted }, { text: String(part['name']), bold: true }] : []),
        ...(part['date'] ? [{ text: `${part['name'] ? '   ' : ''}${String(ctx.labels['meetingDate'])}: `, color: theme.colors.muted }, { text: String(part['date']), bold: true }] : []),
      ],
      margin: [0, 0, 0, 12],
      tag: element('P'),
    } as Content,
  ],
  overview: (part, ctx, theme) => overview(String(part['title']), ctx, theme),
  section: (part, _ctx, theme) => {
    const content = part['blocks'] as Block[] | null;
    if (!content || content.length === 0) return [];
    return section(String(part['title']), blocks(content, theme), theme);
  },
  questions: (part, _ctx, theme) => {
    const items = (part['items'] ?? []) as ListItem[];
    if (items.length === 0) return [];
    return section(String(part['title']), [listNode(items.map((i) => listItem(i, theme)), false, { markerColor: theme.colors.accent, margin: [0, 0, 0, 4] })], theme);
  },
  checklist: (part, _ctx, theme) => {
    const items = (part['items'] ?? []) as ListItem[];
    if (items.length === 0) return [];
    // One `L`, though its items are separate nodes: only the first travels with the heading.
    const list = element('L');
    return section(String(part['title']), items.map((item) => checkItem(item, list, theme)), theme);
  },
  steps: (_part, ctx, theme) => ctx.view.topic.steps.flatMap((step) => stepBlock(step, ctx, theme)),
  note: (part, ctx, theme) => {
    const text = part['text'];
    if (typeof text !== 'string' || text.trim() === '') return [];
    return [tipBox([{ kind: 'paragraph', spans: [{ text }], line: 0 }], theme, String(ctx.labels['localNote']))];
  },
  extras: (part, ctx, theme) =>
    ctx.topic.extras.filter((e) => e.after === part['after']).flatMap((extra) => section(extra.title, blocks(extra.blocks, theme), theme)),
};

// --- internal ---

/** A section heading kept together with the first block under it. */
function section(title: string, body: Content[], theme: Theme): Content[] {
  const heading: Content = { text: plain(title), fontSize: theme.sizes.h2, bold: true, color: theme.colors.accent, margin: [0, 14, 0, 6], headlineLevel: 2, tag: element('H2'), ...bookmark(title) } as Content;
  const [first, ...rest] = body;
  return [{ stack: first ? [heading, first] : [heading], unbreakable: true }, ...rest];
}

function titleBlock(ctx: ProductContext, theme: Theme): Content[] {
  const { topic, labels } = ctx.view;
  const facts: Content[] = [
    fact(String(labels['duration']), topic.duration, theme),
    fact(String(labels['participants']), topic.participants, theme),
  ];
  if (topic.media) {
    const minutes = topic.media.minutes ? ` (${topic.media.minutes}\u00a0${String(labels['minutes'])})` : '';
    facts.push(fact(topic.media.label, `${topic.media.title}${minutes}`, theme));
  }
  const out: Content[] = [];
  if (topic.series) out.push({ text: topic.series.toUpperCase(), fontSize: theme.sizes.small + 0.5, bold: true, color: theme.colors.accent, characterSpacing: 1, tag: element('P', { actual: topic.series }) } as Content);
  out.push(
    { text: plain(topic.title), fontSize: theme.sizes.title, bold: true, lineHeight: 1.05, margin: [0, 4, 0, 2], headlineLevel: 1, tag: element('H1') } as Content,
    { text: String(labels['guide']), fontSize: theme.sizes.h3, color: theme.colors.muted, margin: [0, 0, 0, 12], tag: element('P') } as Content,
    {
      // Label and value read as one sentence each ("Varighed 60 minutter"), not as a table.
      table: { widths: facts.map(() => '*'), body: [facts] },
      layout: {
        hLineWidth: (i: number) => (i === 0 || i === 1 ? 0.75 : 0),
        vLineWidth: () => 0,
        hLineColor: () => theme.colors.rule,
        paddingLeft: (i: number) => (i === 0 ? 0 : 8),
        paddingTop: () => 6,
        paddingBottom: () => 6,
      },
      margin: [0, 0, 0, 12],
    },
  );
  if (topic.media?.url) out.push(mediaBox(ctx, theme));
  return out;
}

function fact(label: string, value: string, theme: Theme): Content {
  return { stack: [{ text: label.toUpperCase(), fontSize: theme.sizes.small, color: theme.colors.muted, characterSpacing: 0.6, tag: element('Span', { actual: label }) }, { text: plain(value), bold: true }], tag: element('P') } as Content;
}

/** The film, podcast or case with its QR code: the facilitator scans it to open it on the meeting-room screen. */
export function mediaBox(ctx: ProductContext, theme: Theme, heading?: string): Content {
  const media = ctx.view.topic.media!;
  const url = media.url!;
  const intro = heading ?? String((ctx.labels['mediaIntro'] as Record<string, string>)[media.kind] ?? media.label);
  const alt = fill((ctx.labels['qrAlt'] as Record<string, string>)[media.kind], { title: media.title, url: displayAddress(url) });
  return {
    table: {
      widths: ['*', 78],
      body: [
        [
          {
            stack: [
              { text: intro.toUpperCase(), fontSize: theme.sizes.small, bold: true, color: theme.colors.muted, characterSpacing: 0.6, tag: element('P', { actual: intro }) },
              { text: plain(media.title), bold: true, fontSize: theme.sizes.h3, margin: [0, 2, 0, 2], tag: element('P') },
              ...(media.minutes ? [{ text: `${media.label} · ${media.minutes}\u00a0${String(ctx.labels['minutesLong'])}`, color: theme.colors.muted, tag: element('P') }] : []),
              { text: [{ text: displayAddress(url), link: url, tag: element('Link') }], color: theme.colors.accent, decoration: 'underline', margin: [0, 4, 0, 0], tag: element('P') },
            ],
          } as Content,
          { qr: url, fit: 74, eccLevel: 'M', foreground: theme.colors.text, alignment: 'right', tag: element('Figure', { alt }) } as Content,
        ],
      ],
    },
    tag: element('Sect'),
    layout: {
      fillColor: () => theme.colors.tint,
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 12,
      paddingRight: () => 10,
      paddingTop: () => 10,
      paddingBottom: () => 10,
    },
    margin: [0, 0, 0, 10],
    unbreakable: true,
  };
}

function overview(title: string, ctx: ProductContext, theme: Theme): Content[] {
  const { topic, labels, options } = ctx.view;
  const withClock = options.start !== null;
  const header = [labels['stepColumn'], labels['titleColumn'], labels['minutesColumn'], labels['timeColumn'], ...(withClock ? [labels['clockColumn']] : [])].map(
    (text) => ({ text: String(text), bold: true, fontSize: theme.sizes.small + 0.5, color: theme.colors.muted }) as Content,
  );
  const rows = topic.steps.map((step) => [
    { text: String(step.number), bold: true, color: theme.colors.accent },
    { text: plain(step.title) },
    { text: String(step.minutes), alignment: 'right' },
    { text: `${step.from}–${step.to}`, alignment: 'right' },
    ...(withClock ? [{ text: `${step.clockFrom}–${step.clockTo}`, alignment: 'right' }] : []),
  ]);
  const total = [
    { text: String(labels['total']), bold: true, colSpan: 2 },
    {},
    { text: String(topic.totalMinutes), bold: true, alignment: 'right' },
    { text: '' },
    ...(withClock ? [{ text: '' }] : []),
  ];
  const table: Content = {
    table: { headerRows: 1, widths: [28, '*', 34, 50, ...(withClock ? [76] : [])], body: tableBody([header, ...rows, total] as unknown as Content[][], 1) },
    tag: element('Table'),
    // Never split: a repeated header row would be read twice.
    unbreakable: true,
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 1 || i === node.table.body.length - 1 ? 0.75 : i === 0 || i === node.table.body.length ? 0 : 0.25),
      vLineWidth: () => 0,
      hLineColor: () => theme.colors.rule,
      paddingTop: () => 4,
      paddingBottom: () => 4,
      paddingLeft: (i: number) => (i === 0 ? 0 : 6),
      paddingRight: () => 4,
    },
  } as Content;
  return section(title, [table, ...adaptedNote(ctx, theme)], theme);
}

/** Under the overview, when `--duration` changed the minutes: the new length and the source's own minutes. */
function adaptedNote(ctx: ProductContext, theme: Theme): Content[] {
  const { topic, labels } = ctx.view;
  if (!topic.sourceMinutes) return [];
  const source = `${topic.sourceMinutes.join(' + ')} = ${topic.sourceMinutes.reduce((sum, m) => sum + m, 0)}`;
  return [{ text: fill(labels['adapted'], { minutes: topic.totalMinutes, source }), fontSize: theme.sizes.small + 0.5, color: theme.colors.muted, margin: [0, 6, 0, 0], tag: element('P') } as Content];
}

function checkItem(item: ListItem, list: ReturnType<typeof element>, theme: Theme): Content {
  // A tick box to mark off on paper, drawn to sit on the first line's x-height: decoration.
  return {
    columns: [
      { canvas: [{ type: 'rect', x: 0, y: 2.5, w: 9, h: 9, r: 1.5, lineWidth: 0.9, lineColor: theme.colors.accent }], width: 18 },
      { stack: listBody(item, theme), width: '*', tag: element('LBody') },
    ],
    margin: [0, 0, 0, 5],
    tag: element('LI', { parent: list }),
  } as Content;
}

function stepBlock(step: StepView, ctx: ProductContext, theme: Theme): Content[] {
  const { labels } = ctx.view;
  const clock = step.clockFrom ? `${step.clockFrom}–${step.clockTo}` : `${step.from}–${step.to}\u00a0${String(labels['minutes'])}`;
  const heading: Content = {
    table: {
      // One badge width for every step ("7 min" as "13 min"), so the step titles line up.
      widths: [46, '*', 72],
      body: [
        [
          // The badge repeats the minutes the clock line says: decoration for a screen reader,
          // which hears the heading first, then the time.
          { text: `${step.minutes}\u00a0${String(labels['minutes'])}`, bold: true, noWrap: true, color: '#ffffff', fillColor: theme.colors.accent, alignment: 'center', margin: [4, 3, 4, 1], tag: LAYOUT },
          { text: plain(step.heading), bold: true, fontSize: theme.sizes.h2, color: theme.colors.accent, margin: [6, 0, 0, 0], headlineLevel: 2, tag: element('H2'), ...bookmark(step.heading) },
          { text: clock, color: theme.colors.muted, fontSize: theme.sizes.small + 0.5, alignment: 'right', noWrap: true, margin: [0, 5, 0, 0], tag: element('P') },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 16, 0, 6],
  } as Content;
  const body: Content[] = [...caseNote(step, ctx, theme), ...blocks(step.instructions, theme, String(labels['tip']))];
  if (step.questions.length > 0) {
    body.push({
      table: {
        widths: ['*'],
        body: [[{ stack: [{ text: String(labels['questions']).toUpperCase(), bold: true, fontSize: theme.sizes.small, color: theme.colors.accent, characterSpacing: 0.6, margin: [0, 0, 0, 3], tag: element('P', { actual: String(labels['questions']) }) }, listNode(step.questions.map((q) => listItem(q, theme)), false, { markerColor: theme.colors.accent })] }]],
      },
      tag: element('Sect'),
      layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 2 : 0), vLineColor: () => theme.colors.accent, paddingLeft: () => 10, paddingTop: () => 2, paddingBottom: () => 2 },
      margin: [0, 2, 0, 8],
    } as Content);
  }
  if (step.flipPrompts.length > 0) {
    body.push({
      stack: [
        { text: String(labels['flipover']).toUpperCase(), bold: true, fontSize: theme.sizes.small, color: theme.colors.accent, characterSpacing: 0.6, margin: [0, 0, 0, 3], tag: element('P', { actual: String(labels['flipover']) }) },
        listNode(
          step.flipPrompts.map((p) =>
            listItemNode([
              { text: inlines(p.spans), bold: true, tag: element('P') } as Content,
              ...(p.details.length > 0 ? [listNode(p.details.map((d) => listItemNode([{ text: inlines(d), tag: element('P') } as Content])), false, { markerColor: theme.colors.muted, color: theme.colors.muted })] : []),
            ]),
          ),
          true,
          { markerColor: theme.colors.accent },
        ),
      ],
      margin: [0, 2, 0, 8],
      tag: element('Sect'),
    } as Content);
  }
  for (const tip of step.tips) body.push(tipBox(tip, theme, fill(labels['tip'], {})));
  const [first, ...rest] = body;
  // The step heading never stands alone at the foot of a page.
  return [{ stack: first ? [heading, first] : [heading], unbreakable: true }, ...rest];
}

/** In the step that presents the case: where participants find it. */
function caseNote(step: StepView, ctx: ProductContext, theme: Theme): Content[] {
  const { topic, labels } = ctx.view;
  if (!topic.caseText || step.number - 1 !== topic.mediaStep) return [];
  return [{ text: String(labels['caseInHandout']), italic: true, color: theme.colors.muted, margin: [0, 0, 0, 6], tag: element('P') } as Content];
}
