import type { Content, ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Diagnostic, PaperSize, Span, TopicMeta } from '../model.js';
import type { BuildOptions } from '../options.js';
import { fitSizes, type FitBox } from '../pdf/fit.js';
import { mm } from '../pdf/impose.js';
import { listItemNode, listNode } from '../pdf/blocks.js';
import { inlines, plain } from '../pdf/inline.js';
import { element, PAGINATION } from '../pdf/tags.js';
import { deepMerge, themeFrom, type Theme } from '../pdf/theme.js';
import { tile, type Tiling } from '../pdf/tile.js';
import { assembleTiles } from '../pdf/tile-pdf.js';
import { fill } from '../view-model.js';
import { documentBase, draftWatermark, pdfResult, type Product } from './product.js';

/** Layout settings from `templates/flipover.hbs`; every field has a default. */
interface SheetSettings {
  fit: { min: number; max: number; details: number; lineHeight: number };
  margin: number;
  label: number;
  tile: { margin: number; overlap: number; mark: number };
}

const DEFAULTS: SheetSettings = {
  fit: { min: 30, max: 130, details: 0.55, lineHeight: 1.12 },
  margin: 40,
  label: 17,
  tile: { margin: 10, overlap: 10, mark: 4 },
};

/** Landscape paper in points. */
export const PAPER: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 841.89, height: 595.28 },
  A3: { width: 1190.55, height: 841.89 },
  A2: { width: 1683.78, height: 1190.55 },
  A1: { width: 2383.94, height: 1683.78 },
};

const A4_PORTRAIT = { width: 595.28, height: 841.89 };

/** One sheet: a prompt with its step, before fitting. */
interface Sheet {
  label: string;
  prompt: Span[];
  details: Span[][];
  line: number;
}

/** Flip-chart sheets: every `### Til flipover` prompt as large as the sheet allows; optionally tiled on A4. */
export const flipover: Product = {
  name: 'flipover',
  file: 'flipover.pdf',
  parts: ['sheets'],
  async make(ctx) {
    const sheets = ctx.view.topic.steps.flatMap((step) => step.flipPrompts.map((p): Sheet => ({ label: step.heading, prompt: p.spans, details: p.details, line: p.line })));
    if (sheets.length === 0) return { note: 'no flip-chart prompts (### Til flipover), so no flipover.pdf', diagnostics: [] };
    // The layout decides the order and whether sheets are printed at all.
    if (!ctx.layout.render(ctx.view).some((part) => part.part === 'sheets')) return { note: 'the flipover layout prints no sheets', diagnostics: [] };

    const theme = themeFrom(ctx.layout.settings);
    const settings = deepMerge(DEFAULTS, ctx.layout.settings);
    const { size, tiled } = sheetPaper(ctx.options, ctx.topic.meta);
    const paper = PAPER[size];
    const scale = paper.height / PAPER.A3.height;
    const margin = settings.margin * scale;
    const labelSize = settings.label * scale;
    // The body sits between the step label and the foot line.
    const band = labelSize * 2.6;
    const body = { width: paper.width - 2 * margin, height: paper.height - 2 * margin - 2 * band };

    const boxes = sheets.map((sheet): FitBox => ({ prompt: sheet.prompt, details: sheet.details, line: sheet.line }));
    const fitted = await fitSizes(boxes, {
      width: body.width,
      height: body.height,
      min: settings.fit.min * scale,
      max: settings.fit.max * scale,
      detailsRatio: settings.fit.details,
      lineHeight: settings.fit.lineHeight,
      font: theme.font,
      content: (box, fontSize) => sheetBody(box, fontSize, settings, theme),
      typesetter: ctx.typesetter,
    });
    const diagnostics: Diagnostic[] = fitted.flatMap((f) => f.problems.map((p) => ({ file: ctx.topic.file, line: p.line, col: 1, severity: 'warning' as const, message: p.message, hint: p.hint })));

    const byline = ctx.view.options.byline;
    const title = plain(byline ? `${ctx.view.topic.title} · ${byline}` : ctx.view.topic.title);
    const sheetLabels = ctx.labels['sheets'] as Record<string, string>;
    const pages: Content[] = fitted.map((f, index) => {
      const sheet = sheets[index]!;
      const top = margin + band + Math.max(0, (body.height - f.height) / 2);
      // A section per sheet: the step as a line of text, the prompt its heading; the foot is pagination.
      return {
        tag: element('Sect'),
        stack: [
          { text: sheet.label.toUpperCase(), bold: true, color: theme.colors.accent, fontSize: labelSize, characterSpacing: labelSize * 0.06, absolutePosition: { x: margin, y: margin }, tag: element('P', { actual: sheet.label }) },
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: paper.width - 2 * margin, y2: 0, lineWidth: Math.max(1, 2 * scale), lineColor: theme.colors.accent }], absolutePosition: { x: margin, y: margin + labelSize * 1.6 } },
          { columns: [{ width: body.width, stack: [sheetBody(f.box, f.fontSize, settings, theme)] }], absolutePosition: { x: margin, y: top } },
          {
            columns: [
              { text: title, width: '*' },
              { text: fill(sheetLabels['sheetOf'], { sheet: index + 1, sheets: sheets.length }), width: 'auto', alignment: 'right' },
            ],
            fontSize: labelSize * 0.85,
            color: theme.colors.muted,
            absolutePosition: { x: margin, y: paper.height - margin - labelSize },
            tag: PAGINATION,
          },
          { text: '', ...(index < fitted.length - 1 && { pageBreak: 'after' as const }) },
        ],
      } as ContentStack;
    });

    const base = documentBase(ctx, String(ctx.labels['flipover']));
    const doc: TDocumentDefinitions = {
      ...base,
      pageSize: { width: paper.width, height: paper.height },
      pageMargins: [0, 0, 0, 0],
      defaultStyle: { font: theme.font, color: theme.colors.text },
      watermark: draftWatermark(ctx),
      content: pages,
    };
    // Tiles are pages placed into other pages (pdf-lib), which keeps no structure: untagged.
    const rendered = await ctx.typesetter.render(doc, { tagged: !tiled });
    const path = `${ctx.topic.meta.slug}/${this.file}`;
    if (!tiled) return pdfResult(ctx, this.file, rendered, diagnostics);

    const tiling = tilingFor(size, ctx.layout.settings);
    const frames = await ctx.typesetter.render({ ...base, ...frameDocument(tiling, sheets.length, sheetLabels, title, theme, mm(settings.tile.margin)) });
    const bytes = await assembleTiles({ sheets: rendered.bytes, frames: frames.bytes, tiling, markSize: mm(settings.tile.mark) });
    return { file: { path, bytes, pages: frames.pages }, diagnostics };
  },
};

/** The flip-chart paper: `--flipover-size` over the topic's; tiled on A4 only when the sheet is larger than A4. */
export function sheetPaper(options: BuildOptions, meta: TopicMeta): { size: PaperSize; tiled: boolean } {
  const size = options.flipoverSize ?? meta.flipover.size;
  return { size, tiled: (options.tile ?? meta.flipover.tile) === 'A4' && size !== 'A4' };
}

/** How a sheet of `size` is cut into A4 pieces, with the layout's margin and overlap (`templates/flipover.hbs`). */
export function tilingFor(size: PaperSize, layoutSettings: Record<string, unknown>): Tiling {
  const settings = deepMerge(DEFAULTS, layoutSettings);
  const paper = PAPER[size];
  return tile({ sheetWidth: paper.width, sheetHeight: paper.height, paperWidth: A4_PORTRAIT.width, paperHeight: A4_PORTRAIT.height, margin: mm(settings.tile.margin), overlap: mm(settings.tile.overlap) });
}

// --- internal ---

/** The prompt, bold and large, and its nested list below it, smaller. */
function sheetBody(box: FitBox, fontSize: number, settings: SheetSettings, theme: Theme): Content {
  const detailSize = fontSize * settings.fit.details;
  return {
    stack: [
      { text: inlines(box.prompt, { printAddress: false }), bold: true, fontSize, lineHeight: settings.fit.lineHeight, tag: element('H1') },
      ...(box.details.length > 0
        ? [listNode(box.details.map((d) => listItemNode([{ text: inlines(d, { printAddress: false }), tag: element('P') } as Content])), false, { fontSize: detailSize, lineHeight: 1.15, markerColor: theme.colors.accent, margin: [0, fontSize * 0.5, 0, 0] })]
        : []),
    ],
  };
}

/** One A4 page per piece, sheet by sheet: only the label at the foot; the sheet is drawn in later. */
function frameDocument(tiling: Tiling, sheets: number, labels: Record<string, string>, title: Content[] | string, theme: Theme, margin: number): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'defaultStyle' | 'content'> {
  const pieces = tiling.pieces.length;
  const content: Content[] = [];
  for (let sheet = 1; sheet <= sheets; sheet++) {
    for (const piece of tiling.pieces) {
      const last = sheet === sheets && piece.index === pieces;
      content.push({
        columns: [
          { text: fill(labels['piece'], { sheet, piece: piece.index, pieces, row: piece.row, col: piece.col }), bold: true, width: 'auto' },
          { text: piece.index === 1 ? labels['assemble']! : title, width: '*', alignment: 'right', color: theme.colors.muted },
        ],
        columnGap: 12,
        fontSize: 7.5,
        // Inside the blank margin, below the sheet's region, clear of the paper edge.
        absolutePosition: { x: margin, y: tiling.paperHeight - margin + 4 },
      });
      content.push({ text: '', ...(!last && { pageBreak: 'after' as const }) });
    }
  }
  return {
    pageSize: { width: tiling.paperWidth, height: tiling.paperHeight },
    pageOrientation: tiling.orientation,
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: theme.font, color: theme.colors.text },
    content,
  };
}
