import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, FlipPrompt, ListItem } from '../model.js';
import { blocks, bookmark, listItem, listItemNode, listNode } from '../pdf/blocks.js';
import { inlines, plain } from '../pdf/inline.js';
import { element, PAGINATION, type StructureTag } from '../pdf/tags.js';
import { phoneBox } from '../pdf/phone-box.js';
import { A4_WIDTH, logoNode } from '../pdf/logo-node.js';
import { themeFrom, type Theme } from '../pdf/theme.js';
import { mediaBox } from './drejebog.js';
import { documentBase, pdfResult, draftWatermark, pageSettings, renderParts, type PartRenderer, type Product, type ProductContext } from './product.js';

/** What participants take home: guiding questions, reflection questions with room for notes, the medium again, the legal background. */
export const handout: Product = {
  name: 'handout',
  file: 'handout.pdf',
  parts: ['phone', 'header', 'questions', 'reflection', 'media', 'section', 'case'],
  async make(ctx) {
    const theme = themeFrom(ctx.layout.settings);
    const page = pageSettings(ctx.layout);
    const noteLines = Number((ctx.layout.settings['notes'] as Record<string, unknown> | undefined)?.['lines'] ?? 4);
    const doc: TDocumentDefinitions = {
      ...documentBase(ctx, String(ctx.labels['handout'])),
      pageSize: page.size as TDocumentDefinitions['pageSize'],
      pageOrientation: page.orientation,
      pageMargins: page.margins,
      defaultStyle: { font: theme.font, fontSize: theme.fontSize, lineHeight: theme.lineHeight, color: theme.colors.text },
      footer: handoutFooter(ctx, theme, page.margins),
      watermark: draftWatermark(ctx),
      content: [...logoNode(ctx.view, A4_WIDTH[page.orientation], page.margins), ...renderParts(ctx.layout.render(ctx.view), parts(noteLines), ctx, theme)],
    };
    const pdf = await ctx.typesetter.render(doc, { tagged: true });
    return pdfResult(ctx, this.file, pdf);
  },
};

const parts = (noteLines: number): Record<string, PartRenderer> => ({
  phone: (_part, ctx, theme) => phoneBox(ctx.view, theme),
  header: (_part, ctx, theme) => {
    const { topic, labels } = ctx.view;
    return [
      ...(topic.series ? [{ text: topic.series.toUpperCase(), fontSize: theme.sizes.small + 0.5, bold: true, color: theme.colors.accent, characterSpacing: 1, tag: element('P', { actual: topic.series }) }] : []),
      { text: plain(topic.title), fontSize: theme.sizes.title, bold: true, lineHeight: 1.05, margin: [0, 4, 0, 2], headlineLevel: 1, tag: element('H1') } as Content,
      { text: [String(labels['handout']), ...(ctx.view.options.byline ? [` · ${ctx.view.options.byline}`] : [])].join(''), fontSize: theme.sizes.h3, color: theme.colors.muted, margin: [0, 0, 0, 6], tag: element('P') },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 0.75, lineColor: theme.colors.rule }], margin: [0, 0, 0, 4] },
    ];
  },
  questions: (part, _ctx, theme) => {
    const items = (part['items'] ?? []) as ListItem[];
    if (items.length === 0) return [];
    return section(String(part['title']), [listNode(items.map((i) => ({ ...(listItem(i, theme) as object), unbreakable: true }) as Content), false, { markerColor: theme.colors.accent })], theme);
  },
  reflection: (part, ctx, theme) => {
    const prompts = ctx.view.topic.steps.flatMap((s) => s.flipPrompts.map((prompt) => ({ prompt, lines: notesFor(s.minutes, s.flipPrompts.length, noteLines) })));
    if (prompts.length === 0) return [];
    // One numbered list (`L`), though each question is its own node to keep the heading with the first.
    const list = element('L');
    return section(String(part['title']), prompts.map((p, i) => reflectionQuestion(p.prompt, i + 1, p.lines, list, theme)), theme);
  },
  media: (part, ctx, theme) => {
    const media = ctx.view.topic.media;
    if (!media?.url) return [];
    const heading = String((ctx.labels['watchAgain'] as Record<string, string>)[media.kind] ?? media.label);
    return [{ stack: [mediaBox(ctx, theme, heading)], margin: [0, Number(part['spaceBefore'] ?? 10), 0, 0] }];
  },
  case: (part, _ctx, theme) => {
    const content = part['blocks'] as Block[] | null;
    if (!content || content.length === 0) return [];
    return caseBox(String(part['title']), content, theme);
  },
  section: (part, _ctx, theme) => {
    const content = part['blocks'] as Block[] | null;
    if (!content || content.length === 0) return [];
    const title = String(part['title']);
    return section(title, blocks(content, theme, 'Tip', outlineId(title)), theme, Boolean(part['newPage']));
  },
});

// --- internal ---

/**
 * Ruled lines under a reflection question: the layout's number, more when the step gives each
 * question more time (a line per two minutes), at most 8. Pure.
 */
export function notesFor(stepMinutes: number, questions: number, least: number): number {
  return Math.max(least, Math.min(8, Math.ceil(stepMinutes / Math.max(1, questions) / 2)));
}

/** One bookmark id per section title, so its `###` headings can nest under it. */
function outlineId(title: string): string {
  return `section:${title}`;
}

function section(title: string, body: Content[], theme: Theme, newPage = false): Content[] {
  const heading: Content = { text: plain(title), fontSize: theme.sizes.h2, bold: true, color: theme.colors.accent, margin: [0, 14, 0, 6], headlineLevel: 2, tag: element('H2'), ...bookmark(title, outlineId(title)) } as Content;
  const [first, ...rest] = body;
  return [{ stack: first ? [heading, first] : [heading], unbreakable: true, ...(newPage && { pageBreak: 'before' as const }) }, ...rest];
}

/** The case, boxed and tinted so it reads as the story the dialogue starts from; its heading stays with its first lines. */
function caseBox(title: string, content: Block[], theme: Theme): Content[] {
  return [
    {
      table: { widths: ['*'], body: [[{ stack: [{ text: plain(title), fontSize: theme.sizes.h2, bold: true, color: theme.colors.accent, margin: [0, 0, 0, 6], headlineLevel: 2, tag: element('H2'), ...bookmark(title, outlineId(title)) } as Content, ...blocks(content, theme, 'Tip', outlineId(title))] }]] },
      layout: { fillColor: () => theme.colors.tint, hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => theme.colors.accent, paddingLeft: () => 14, paddingRight: () => 12, paddingTop: () => 10, paddingBottom: () => 8 },
      margin: [0, 14, 0, 4],
      tag: element('Sect'),
    } as Content,
  ];
}

/** A numbered question with ruled lines under it for the participant's notes; kept on one page. */
function reflectionQuestion(prompt: FlipPrompt, number: number, lines: number, list: StructureTag, theme: Theme): Content {
  const width = 483 - 18; // the text column, right of the number
  const gap = 21;
  const rules = Array.from({ length: lines }, (_, i) => ({ type: 'line' as const, x1: 0, y1: gap * (i + 1), x2: width, y2: gap * (i + 1), lineWidth: 0.5, lineColor: theme.colors.rule }));
  // An `LI`: the number is its `Lbl`; the question and its details its `LBody`; the ruled lines decoration.
  const body = element('LBody');
  return {
    stack: [
      { columns: [{ text: `${number}.`, width: 18, bold: true, color: theme.colors.accent, tag: element('Lbl') }, { text: inlines(prompt.spans), bold: true, width: '*', tag: element('P', { parent: body }) }] },
      ...(prompt.details.length > 0
        ? [{ ...(listNode(prompt.details.map((d) => listItemNode([{ text: inlines(d), tag: element('P') } as Content])), false, { color: theme.colors.muted, markerColor: theme.colors.muted, margin: [18, 2, 0, 0] }) as object), tag: element('L', { parent: body }) } as Content]
        : []),
      { canvas: rules, margin: [18, 0, 0, 0] },
    ],
    unbreakable: true,
    margin: [0, 4, 0, 14],
    tag: element('LI', { parent: list }),
  } as Content;
}

/** Publisher and date left, "Side X af Y" right. */
function handoutFooter(ctx: ProductContext, theme: Theme, margins: [number, number, number, number]) {
  const { meta } = ctx.topic;
  const left = [meta.publisher, meta.date].filter(Boolean).join(' · ');
  const pageLabel = String(ctx.labels['page']);
  return (currentPage: number, pageCount: number): Content => ({
    columns: [
      { text: left, width: '*' },
      { text: pageLabel.replace('{page}', String(currentPage)).replace('{pages}', String(pageCount)), width: 'auto', alignment: 'right' },
    ],
    fontSize: theme.sizes.small,
    color: theme.colors.muted,
    margin: [margins[0], 18, margins[2], 0],
    tag: PAGINATION,
  }) as Content;
}
