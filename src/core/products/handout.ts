import type { Content } from 'pdfmake/interfaces.js';
import type { Block, FlipPrompt } from '../model.js';
import { blocksArg, flagArg, itemsArg, numberArg, textArg } from '../layouts/part-args.js';
import { blocks, listItem, listItemNode, listNode } from '../pdf/blocks.js';
import { inlines } from '../pdf/inline.js';
import { keepTogether } from '../pdf/keep.js';
import { phoneBox } from '../pdf/phone-box.js';
import { ruledLines } from '../pdf/ruled-lines.js';
import { element, type StructureTag } from '../pdf/tags.js';
import { PAGE_SETTINGS, THEME_SETTINGS, type Theme } from '../pdf/theme.js';
import { footer, logoWithoutTitle, mediaBox, section, sectionHeading, titleHeader } from './parts.js';
import type { Page } from '../pdf/paper.js';
import { documentSettings, renderPdf } from './pdf-document.js';
import { renderParts, type PartRenderer, type Product } from './product.js';
import { longDate } from '../view/view-model.js';

const SETTINGS = {
  page: PAGE_SETTINGS,
  theme: { ...THEME_SETTINGS, lineHeight: { ...THEME_SETTINGS.lineHeight, default: 1.3 } },
  notes: { lines: { type: 'number', default: 4, min: 0, max: 30, unit: 'lines' } },
} as const;

/** How a handout part is drawn: the theme, the page, and the lines for notes under each reflection question. */
interface Look {
  theme: Theme;
  page: Page;
  noteLines: number;
}

/** What participants take home: guiding questions, reflection questions with room for notes, the medium again, the legal background. */
export const handout: Product = {
  name: 'handout',
  file: 'handout.pdf',
  kind: 'pdf',
  inArchive: true,
  parts: ['phone', 'header', 'questions', 'reflection', 'media', 'section', 'case'],
  settings: SETTINGS,
  async make(ctx) {
    const { settings, theme, page } = documentSettings(ctx, SETTINGS);
    const { topic, labels } = ctx.view;
    return renderPdf(ctx, this.file, {
      subject: labels.handout,
      page,
      theme,
      // The topic's date as a reader writes it ("27. oktober 2023"), not as the front matter does.
      footer: footer(ctx, theme, page.margins, [
        topic.publisher,
        topic.date ? longDate(topic.date, topic.language === 'en' ? 'en' : 'da') : null,
      ]),
      content: [...logoWithoutTitle(ctx, 'header'), ...renderParts(ctx, parts, { theme, page, noteLines: settings.notes.lines })],
    });
  },
};

const parts: Record<string, PartRenderer<Look>> = {
  phone: (_part, ctx, { theme }) => phoneBox(ctx.view, theme),
  header: (_part, ctx, { theme, page }) => [
    ...titleHeader(ctx, theme, [ctx.view.labels.handout, ctx.view.options.byline].filter(Boolean).join(' · '), 6),
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: page.textWidth, y2: 0, lineWidth: 0.75, lineColor: theme.colors.rule }],
      margin: [0, 0, 0, 4],
    },
  ],
  questions: (part, _ctx, { theme }) => {
    const items = itemsArg(part, 'items');
    if (items.length === 0) return [];
    return section(
      textArg(part, 'title'),
      [
        listNode(
          items.map((i) => keepTogether(listItem(i, theme))),
          false,
          { markerColor: theme.colors.accent },
        ),
      ],
      theme,
      { outlineId: outlineId(textArg(part, 'title')) },
    );
  },
  reflection: (part, ctx, look) => {
    const prompts = ctx.view.topic.steps.flatMap((s) =>
      s.flipPrompts.map((prompt) => ({ prompt, lines: notesFor(s.minutes, s.flipPrompts.length, look.noteLines) })),
    );
    if (prompts.length === 0) return [];
    // One numbered list (`L`), though each question is its own node to keep the heading with the first.
    const list = element('L');
    const title = textArg(part, 'title');
    return section(
      title,
      prompts.map((p, i) => reflectionQuestion(p.prompt, i + 1, list, { ...look, noteLines: p.lines })),
      look.theme,
      { outlineId: outlineId(title) },
    );
  },
  media: (part, ctx, { theme }) => {
    const media = ctx.view.topic.media;
    if (!media?.url) return [];
    return [{ stack: mediaBox(ctx, theme, ctx.view.labels.watchAgain[media.kind]), margin: [0, numberArg(part, 'spaceBefore', 10), 0, 0] }];
  },
  case: (part, _ctx, { theme }) => {
    const content = blocksArg(part, 'blocks');
    if (content.length === 0) return [];
    return caseBox(textArg(part, 'title'), content, theme);
  },
  section: (part, _ctx, { theme }) => {
    const content = blocksArg(part, 'blocks');
    if (content.length === 0) return [];
    const title = textArg(part, 'title');
    return section(title, blocks(content, theme, 'Tip', outlineId(title)), theme, {
      outlineId: outlineId(title),
      newPage: flagArg(part, 'newPage'),
    });
  },
};

// --- internal ---

/**
 * Ruled lines under a reflection question: the layout's number, more when the step gives each
 * question more time (a line per two minutes), at most 8. Pure.
 */
export function notesFor(stepMinutes: number, questions: number, least: number): number {
  return Math.max(least, Math.min(8, Math.ceil(stepMinutes / Math.max(1, questions) / 2)));
}

/** The case, boxed and tinted so it reads as the story the dialogue starts from. */
function caseBox(title: string, content: Block[], theme: Theme): Content[] {
  const heading = sectionHeading(title, theme, outlineId(title), 0);
  return [
    {
      table: { widths: ['*'], body: [[{ stack: [heading, ...blocks(content, theme, 'Tip', outlineId(title))] }]] },
      layout: {
        fillColor: () => theme.colors.tint,
        hLineWidth: () => 0,
        vLineWidth: (i: number) => (i === 0 ? 3 : 0),
        vLineColor: () => theme.colors.accent,
        paddingLeft: () => 14,
        paddingRight: () => 12,
        paddingTop: () => 10,
        paddingBottom: () => 8,
      },
      margin: [0, 14, 0, 4],
      tag: element('Sect'),
    },
  ];
}

/** One bookmark id per section title, so its `###` headings can nest under it. */
function outlineId(title: string): string {
  return `section:${title}`;
}

/** A numbered question with ruled lines under it for the participant's notes; on one page when it fits. */
function reflectionQuestion(prompt: FlipPrompt, number: number, list: StructureTag, { theme, page, noteLines }: Look): Content {
  const numberWidth = 18;
  const width = page.textWidth - numberWidth; // the text column, right of the number
  const gap = 21;
  // An `LI`: the number is its `Lbl`; the question and its details its `LBody`; the ruled lines decoration.
  const body = element('LBody');
  const details: Content[] =
    prompt.details.length > 0
      ? [
          listNode(
            prompt.details.map((d) => listItemNode([{ text: inlines(d), tag: element('P') }])),
            false,
            {
              color: theme.colors.muted,
              markerColor: theme.colors.muted,
              margin: [numberWidth, 2, 0, 0],
              tag: element('L', { parent: body }),
            },
          ),
        ]
      : [];
  return keepTogether({
    sourceLine: prompt.line,
    stack: [
      {
        columns: [
          { text: `${number}.`, width: numberWidth, bold: true, color: theme.colors.accent, tag: element('Lbl') },
          { text: inlines(prompt.spans), bold: true, width: '*', tag: element('P', { parent: body }) },
        ],
      },
      ...details,
      { ...ruledLines(noteLines, width, gap, theme.colors.rule, 0.5), margin: [numberWidth, 0, 0, 0] },
    ],
    margin: [0, 4, 0, 14],
    tag: element('LI', { parent: list }),
  });
}
