import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces.js';
import { fill } from '../settings/labels.js';
import type { ListItem } from '../model.js';
import type { Part } from '../layouts/layout.js';
import { blocksArg, itemsArg, optionalTextArg, textArg } from '../layouts/part-args.js';
import { blocks, bookmark, listBody, listItem, listItemNode, listNode, tipBox } from '../pdf/blocks.js';
import { capsLabel } from '../pdf/caps-label.js';
import { inlines, plain } from '../pdf/inline.js';
import { keepTogether, keepWithNext } from '../pdf/keep.js';
import { phoneBox } from '../pdf/phone-box.js';
import { element, LAYOUT, tableBody, type StructureTag } from '../pdf/tags.js';
import { PAGE_SETTINGS, THEME_SETTINGS, type Theme } from '../pdf/theme.js';
import type { StepView } from '../view/view-types.js';
import { footer, logoWithoutTitle, mediaBox, section, titleHeader } from './parts.js';
import { documentSettings, renderPdf } from './pdf-document.js';
import { renderParts, type PartRenderer, type Product, type ProductContext } from './product.js';

const SETTINGS = { page: PAGE_SETTINGS, theme: THEME_SETTINGS };

/** The facilitator's guide: title block, timed overview, preparation checklist, every step, practical advice. */
export const drejebog: Product = {
  name: 'drejebog',
  file: 'drejebog.pdf',
  kind: 'pdf',
  inArchive: true,
  parts: ['phone', 'title', 'organisation', 'overview', 'section', 'questions', 'checklist', 'steps', 'note', 'extras'],
  settings: SETTINGS,
  async make(ctx) {
    const { theme, page } = documentSettings(ctx, SETTINGS);
    const { topic, labels } = ctx.view;
    return renderPdf(ctx, this.file, {
      subject: labels.guide,
      page,
      theme,
      footer: footer(ctx, theme, page.margins, [topic.series, topic.publisher]),
      content: [...logoWithoutTitle(ctx, 'title'), ...renderParts(ctx, parts, theme)],
    });
  },
};

const parts: Record<string, PartRenderer<Theme>> = {
  phone: (_part, ctx, theme) => phoneBox(ctx.view, theme),
  title: (part, ctx, theme) => titleBlock(ctx, theme, part),
  organisation: (part, ctx, theme) => {
    const { labels } = ctx.view;
    const name = optionalTextArg(part, 'name');
    const date = optionalTextArg(part, 'date');
    return [
      {
        text: [
          ...(name
            ? [
                { text: `${labels.organisation}: `, color: theme.colors.muted },
                { text: plain(name), bold: true },
              ]
            : []),
          ...(date
            ? [
                { text: `${name ? '   ' : ''}${labels.meetingDate}: `, color: theme.colors.muted },
                { text: date, bold: true },
              ]
            : []),
        ],
        margin: [0, 0, 0, 12],
        tag: element('P'),
      },
    ];
  },
  overview: (part, ctx, theme) => overview(textArg(part, 'title'), ctx, theme),
  section: (part, _ctx, theme) => {
    const content = blocksArg(part, 'blocks');
    if (content.length === 0) return [];
    return section(textArg(part, 'title'), blocks(content, theme), theme);
  },
  questions: (part, _ctx, theme) => {
    const items = itemsArg(part, 'items');
    if (items.length === 0) return [];
    return section(
      textArg(part, 'title'),
      [
        listNode(
          items.map((i) => listItem(i, theme)),
          false,
          { markerColor: theme.colors.accent, margin: [0, 0, 0, 4] },
        ),
      ],
      theme,
    );
  },
  checklist: (part, _ctx, theme) => {
    const items = itemsArg(part, 'items');
    if (items.length === 0) return [];
    // One `L`, though its items are separate nodes: only the first travels with the heading.
    const list = element('L');
    return section(
      textArg(part, 'title'),
      items.map((item) => checkItem(item, list, theme)),
      theme,
    );
  },
  steps: (_part, ctx, theme) => ctx.view.topic.steps.flatMap((step) => stepBlock(step, ctx, theme)),
  note: (part, ctx, theme) => {
    const text = textArg(part, 'text');
    if (text.trim() === '') return [];
    return [tipBox([{ kind: 'paragraph', spans: [{ text }], line: 0 }], theme, ctx.view.labels.localNote)];
  },
  extras: (part, ctx, theme) =>
    ctx.topic.extras
      .filter((e) => e.after === textArg(part, 'after'))
      .flatMap((extra) => section(extra.title, blocks(extra.blocks, theme), theme)),
};

// --- internal ---

function titleBlock(ctx: ProductContext, theme: Theme, part: Part): Content[] {
  const { topic, labels } = ctx.view;
  const facts: Content[] = [fact(labels.duration, topic.duration, theme), fact(labels.participants, topic.participants, theme)];
  // A film or podcast with an address has its own box right below (mediaBox), which names it with
  // its minutes: said once, so the overview stays on page 1. Seen before the meeting, it is said here.
  if (topic.media && (!topic.media.url || topic.media.before)) {
    // Seen before the meeting (an adaptation): said instead of minutes the session does not spend on it.
    const minutes = topic.media.before
      ? ` (${topic.media.before.toLowerCase()})`
      : topic.media.minutes
        ? ` (${topic.media.minutes}\u00a0${labels.minutes})`
        : '';
    facts.push(fact(topic.media.label, `${topic.media.title}${minutes}`, theme));
  }
  // Who the guide is tailored for and the meeting day are facts like these (`title organisation=… date=…`):
  // in the row rather than on a line of their own, which kept the overview off page 1 with a logo.
  let organisationAt = -1;
  for (const [key, label] of [
    ['organisation', labels.organisation],
    ['date', labels.meetingDate],
  ] as const) {
    const value = optionalTextArg(part, key);
    if (!value) continue;
    if (key === 'organisation') organisationAt = facts.length % FACTS_PER_ROW;
    facts.push(fact(label, value, theme));
  }
  const rows: Content[][] = [];
  for (let i = 0; i < facts.length; i += FACTS_PER_ROW) rows.push(facts.slice(i, i + FACTS_PER_ROW));
  const columns = Math.min(facts.length, FACTS_PER_ROW);
  for (const row of rows) while (row.length < columns) row.push({ text: '' });
  // A name is never split over lines: the organisation's column takes the room the short facts
  // (a duration, a group size, a date) leave; without one the columns share the width evenly.
  const widths = rows[0]!.map((_, i) => (organisationAt < 0 || i === organisationAt ? '*' : 'auto'));
  return [
    ...titleHeader(ctx, theme, labels.guide, 12),
    {
      // Label and value read as one sentence each ("Varighed 60 minutter"), not as a table.
      table: { widths, body: rows },
      layout: {
        hLineWidth: (i: number) => (i === 0 || i === rows.length ? 0.75 : 0),
        vLineWidth: () => 0,
        hLineColor: () => theme.colors.rule,
        paddingLeft: (i: number) => (i === 0 ? 0 : 8),
        paddingTop: () => 6,
        paddingBottom: () => 6,
      },
      margin: [0, 0, 0, 12],
    },
    ...mediaBox(ctx, theme),
  ];
}

/** The title block's facts, at most this many side by side. */
const FACTS_PER_ROW = 4;

function fact(label: string, value: string, theme: Theme): Content {
  return {
    stack: [capsLabel(label, theme, { bold: false, tag: element('Span', { actual: label }) }), { text: plain(value), bold: true }],
    tag: element('P'),
  };
}

function overview(title: string, ctx: ProductContext, theme: Theme): Content[] {
  const { topic, labels, options } = ctx.view;
  const withClock = options.start !== null;
  // One time column: the clock times with `--start`, the running minutes without.
  const header = [labels.stepColumn, labels.titleColumn, labels.minutesColumn, withClock ? labels.clockColumn : labels.timeColumn].map(
    (text): TableCell => ({ text, bold: true, fontSize: theme.sizes.small + 0.5, color: theme.colors.muted }),
  );
  const right = 'right' as const;
  const rows = topic.steps.map((step): TableCell[] => [
    { text: String(step.number), bold: true, color: theme.colors.accent },
    { text: plain(step.title), sourceLine: step.line },
    { text: String(step.minutes), alignment: right },
    { text: withClock ? `${step.clockFrom}–${step.clockTo}` : `${step.from}–${step.to}`, alignment: right, noWrap: true },
  ]);
  const total: TableCell[] = [
    { text: labels.total, bold: true, colSpan: 2 },
    {},
    { text: String(topic.totalMinutes), bold: true, alignment: right },
    { text: '' },
  ];
  const table: ContentTable = {
    // No `headerRows`: a header row repeated on the next page would be read twice. The table stays
    // on one page when it fits on one (keep.ts); a longer one is split, never dropped.
    table: { widths: [28, '*', 34, withClock ? 76 : 50], body: tableBody([header, ...rows, total], 1) },
    tag: element('Table'),
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 1 || i === node.table.body.length - 1 ? 0.75 : i === 0 || i === node.table.body.length ? 0 : 0.25,
      vLineWidth: () => 0,
      hLineColor: () => theme.colors.rule,
      paddingTop: () => 4,
      paddingBottom: () => 4,
      paddingLeft: (i: number) => (i === 0 ? 0 : 6),
      paddingRight: () => 4,
    },
  };
  return section(title, [keepTogether(table), ...adaptedNote(ctx, theme)], theme);
}

/** Under the overview, when `--duration` changed the minutes: the new length and the source's own minutes. */
function adaptedNote(ctx: ProductContext, theme: Theme): Content[] {
  const { topic, labels } = ctx.view;
  if (!topic.sourceMinutes) return [];
  const source = `${topic.sourceMinutes.join(' + ')} = ${topic.sourceMinutes.reduce((sum, m) => sum + m, 0)}`;
  return [
    {
      text: fill(labels.adapted, { minutes: topic.totalMinutes, source }),
      fontSize: theme.sizes.small + 0.5,
      color: theme.colors.muted,
      margin: [0, 6, 0, 0],
      tag: element('P'),
    },
  ];
}

function checkItem(item: ListItem, list: StructureTag, theme: Theme): Content {
  // A tick box to mark off on paper, drawn to sit on the first line's x-height: decoration.
  return {
    columns: [
      { canvas: [{ type: 'rect', x: 0, y: 2.5, w: 9, h: 9, r: 1.5, lineWidth: 0.9, lineColor: theme.colors.accent }], width: 18 },
      { stack: listBody(item, theme), width: '*', tag: element('LBody') },
    ],
    margin: [0, 0, 0, 5],
    tag: element('LI', { parent: list }),
  };
}

function stepBlock(step: StepView, ctx: ProductContext, theme: Theme): Content[] {
  const { labels } = ctx.view;
  const clock = step.clockFrom ? `${step.clockFrom}–${step.clockTo}` : `${step.from}–${step.to}\u00a0${labels.minutes}`;
  const heading: Content = {
    sourceLine: step.line,
    table: {
      // One badge width for every step ("7 min" as "13 min"), so the step titles line up.
      widths: [46, '*', 72],
      body: [
        [
          // The badge repeats the minutes the clock line says: decoration for a screen reader,
          // which hears the heading first, then the time.
          {
            text: `${step.minutes}\u00a0${labels.minutes}`,
            bold: true,
            noWrap: true,
            color: '#ffffff',
            fillColor: theme.colors.accent,
            alignment: 'center',
            margin: [4, 3, 4, 1],
            tag: LAYOUT,
          },
          {
            text: plain(step.heading),
            bold: true,
            fontSize: theme.sizes.h2,
            color: theme.colors.accent,
            margin: [6, 0, 0, 0],
            headlineLevel: 2,
            tag: element('H2'),
            ...bookmark(step.heading),
          },
          {
            text: clock,
            color: theme.colors.muted,
            fontSize: theme.sizes.small + 0.5,
            alignment: 'right',
            noWrap: true,
            margin: [0, 5, 0, 0],
            tag: element('P'),
          },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 16, 0, 6],
  };
  const body: Content[] = [...caseNote(step, ctx, theme), ...blocks(step.instructions, theme, labels.tip)];
  // The boxes under "Dialogspørgsmål" and "Til flipover" stay whole on a page when they fit on one,
  // so their label never ends a page (keep.ts).
  if (step.questions.length > 0) {
    body.push(
      keepTogether({
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  capsLabel(labels.questions, theme, { color: theme.colors.accent, margin: [0, 0, 0, 3] }),
                  listNode(
                    step.questions.map((q) => listItem(q, theme, labels.tip, false)),
                    false,
                    { markerColor: theme.colors.accent },
                  ),
                ],
              },
            ],
          ],
        },
        tag: element('Sect'),
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 0 ? 2 : 0),
          vLineColor: () => theme.colors.accent,
          paddingLeft: () => 10,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
        margin: [0, 2, 0, 8],
      }),
    );
  }
  if (step.flipPrompts.length > 0) {
    body.push(
      keepTogether({
        stack: [
          capsLabel(labels.flipover, theme, { color: theme.colors.accent, margin: [0, 0, 0, 3] }),
          listNode(
            step.flipPrompts.map((p) =>
              listItemNode([
                { text: inlines(p.spans), bold: true, tag: element('P'), sourceLine: p.line },
                ...(p.details.length > 0
                  ? [
                      listNode(
                        p.details.map((d) => listItemNode([{ text: inlines(d), tag: element('P') }])),
                        false,
                        { markerColor: theme.colors.muted, color: theme.colors.muted },
                      ),
                    ]
                  : []),
              ]),
            ),
            true,
            { markerColor: theme.colors.accent },
          ),
        ],
        margin: [0, 2, 0, 8],
        tag: element('Sect'),
      }),
    );
  }
  const firstTip = body.length;
  for (const tip of step.tips) body.push(tipBox(tip, theme, fill(labels.tip, {})));
  // A tip never starts a page cut off from its step: the block before it goes along (keep.ts).
  if (firstTip > 0 && firstTip < body.length) body.splice(firstTip - 1, 2, ...keepWithNext(body[firstTip - 1]!, body[firstTip]));
  const [first, ...rest] = body;
  // The step heading never stands alone at the foot of a page.
  return [...keepWithNext(heading, first), ...rest];
}

/** In the step that presents the case: where participants find it. */
function caseNote(step: StepView, ctx: ProductContext, theme: Theme): Content[] {
  const { topic, labels } = ctx.view;
  if (!topic.caseText || step.number - 1 !== topic.mediaStep) return [];
  return [{ text: labels.caseInHandout, italics: true, color: theme.colors.muted, margin: [0, 0, 0, 6], tag: element('P') }];
}
