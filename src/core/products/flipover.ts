import type { CanvasLine, Content, ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fill } from '../settings/labels.js';
import type { Diagnostic, Span } from '../model.js';
import { fromProblem } from '../messages/index.js';
import { balanceFitted, fitSizes, type FitBox, type FitSpec } from '../pdf/fit.js';
import { mm } from '../pdf/impose.js';
import { listItemNode, listNode } from '../pdf/blocks.js';
import { inlines, plain } from '../pdf/inline.js';
import { PAPER } from '../pdf/paper.js';
import { ruledLines } from '../pdf/ruled-lines.js';
import { lostTextDiagnostics } from '../pdf/lost-text.js';
import { breakLongTokens } from '../pdf/long-words.js';
import { element, PAGINATION } from '../pdf/tags.js';
import { THEME_SETTINGS, themeFrom, type Theme } from '../pdf/theme.js';
import type { Tiling } from '../pdf/tile.js';
import { tilingFor } from '../pdf/print-counts.js';
import { assembleTiles } from '../pdf/tile-pdf.js';
import type { SettingsOf } from '../settings/settings-table.js';
import { pageOf, pdfDocument, settingsOf } from './pdf-document.js';
import { pdfResult, type Product } from './product.js';

const pt = (value: number, min: number, max: number) => ({ type: 'number', default: value, min, max, unit: 'pt' }) as const;
const millimetres = (value: number, min: number, max: number) => ({ type: 'number', default: value, min, max, unit: 'mm' }) as const;

/** Layout settings from `templates/flipover.hbs`; points as on an A3 sheet (scaled with the paper). */
const SETTINGS = {
  fit: {
    min: pt(30, 6, 400),
    max: pt(130, 6, 400),
    details: { type: 'number', default: 0.55, min: 0.2, max: 1, unit: 'factor' },
    lineHeight: { type: 'number', default: 1.12, min: 0.8, max: 3, unit: 'factor' },
  },
  margin: pt(40, 0, 200),
  label: pt(17, 4, 100),
  write: { prompt: { type: 'number', default: 0.34, min: 0.15, max: 0.8, unit: 'factor' }, gap: pt(54, 12, 200) },
  tile: { margin: millimetres(10, 3, 30), overlap: millimetres(10, 0, 50), mark: millimetres(4, 0, 20) },
  theme: THEME_SETTINGS,
} as const;

type SheetSettings = SettingsOf<typeof SETTINGS>;

/** One sheet: a prompt with its step, before fitting. */
interface Sheet {
  label: string;
  prompt: Span[];
  details: Span[][];
  line: number;
}

/**
 * Flip-chart sheets: every `### Til flipover` prompt as large as the sheet allows, or with
 * `flipover: { space: write }` as large as its upper part allows, above ruled lines to write on;
 * optionally tiled on A4.
 */
export const flipover: Product = {
  name: 'flipover',
  file: 'flipover.pdf',
  kind: 'pdf',
  inArchive: true,
  parts: ['sheets'],
  settings: SETTINGS,
  async make(ctx) {
    const sheets = ctx.view.topic.steps.flatMap((step) =>
      step.flipPrompts.map((p): Sheet => ({ label: step.heading, prompt: p.spans, details: p.details, line: p.line })),
    );
    if (sheets.length === 0) return { note: 'no flip-chart prompts (### Til flipover), so no flipover.pdf', diagnostics: [] };
    // The layout decides the order and whether sheets are printed at all.
    if (!ctx.layout.render(ctx.view).some((part) => part.part === 'sheets'))
      return { note: 'the flipover layout prints no sheets', diagnostics: [] };

    const settings = settingsOf(ctx, SETTINGS);
    const theme = themeFrom(settings);
    const { size, tiled, space } = ctx.view.topic.flipover;
    const page = pageOf(size, 'landscape', [0, 0, 0, 0]);
    const paper = { width: page.width, height: page.height };
    const scale = paper.height / PAPER.A3.width;
    const margin = settings.margin * scale;
    const labelSize = settings.label * scale;
    // The body sits between the step label and the foot line.
    const band = labelSize * 2.6;
    const body = { width: paper.width - 2 * margin, height: paper.height - 2 * margin - 2 * band };
    const bodyTop = margin + band;
    // With room to write, the prompt gets the upper part of the body and ruled lines the rest.
    const promptHeight = space === 'write' ? body.height * settings.write.prompt : body.height;

    const boxes = sheets.map((sheet): FitBox => ({ prompt: sheet.prompt, details: sheet.details, line: sheet.line }));
    const spec: FitSpec = {
      width: body.width,
      height: promptHeight,
      min: settings.fit.min * scale,
      max: settings.fit.max * scale,
      detailsRatio: settings.fit.details,
      lineHeight: settings.fit.lineHeight,
      font: theme.font,
      content: (box, fontSize) => sheetBody(box, fontSize, settings, theme),
      typesetter: ctx.typesetter,
    };
    // Large type breaks into balanced lines: no short word left alone on the last (balance.ts).
    const fitted = await balanceFitted(await fitSizes(boxes, spec), spec);
    const diagnostics: Diagnostic[] = fitted.flatMap((f) => f.problems.map((p) => fromProblem(p.problem, ctx.topic.file, p.line)));

    const byline = ctx.view.options.byline;
    // The foot is a set of columns: a long token in it would widen it past the paper (long-words.ts).
    const title = plain(breakLongTokens(byline ? `${ctx.view.topic.title} · ${byline}` : ctx.view.topic.title));
    const sheetLabels = ctx.view.labels.sheets;
    const pages: Content[] = fitted.map((f, index) => {
      const sheet = sheets[index]!;
      const top = bodyTop + Math.max(0, (promptHeight - f.height) / 2);
      // A section per sheet: the step as a line of text, the prompt its heading; the foot is pagination.
      return {
        tag: element('Sect'),
        stack: [
          {
            columns: [
              {
                width: body.width,
                text: breakLongTokens(sheet.label.toUpperCase()),
                bold: true,
                color: theme.colors.accent,
                fontSize: labelSize,
                characterSpacing: labelSize * 0.06,
                tag: element('P', { actual: sheet.label }),
              },
            ],
            absolutePosition: { x: margin, y: margin },
          },
          {
            canvas: [
              {
                type: 'line',
                x1: 0,
                y1: 0,
                x2: paper.width - 2 * margin,
                y2: 0,
                lineWidth: Math.max(1, 2 * scale),
                lineColor: theme.colors.accent,
              } satisfies CanvasLine,
            ],
            absolutePosition: { x: margin, y: margin + labelSize * 1.6 },
          },
          {
            columns: [{ width: body.width, stack: [sheetBody(f.box, f.fontSize, settings, theme)] }],
            absolutePosition: { x: margin, y: top },
          },
          ...(space === 'write'
            ? [
                writingLines(
                  margin,
                  bodyTop + Math.max(promptHeight, f.height),
                  bodyTop + body.height,
                  body.width,
                  settings.write.gap * scale,
                  Math.max(0.75, 1.25 * scale),
                  theme,
                ),
              ]
            : []),
          {
            // Held to the body's width: absolute content alone runs to the paper's edge.
            columns: [
              {
                width: body.width,
                columns: [
                  { text: title, width: '*' },
                  { text: fill(sheetLabels.sheetOf, { sheet: index + 1, sheets: sheets.length }), width: 'auto', alignment: 'right' },
                ],
                columnGap: labelSize,
              },
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

    const defaultStyle = { font: theme.font, color: theme.colors.text };
    const subject = ctx.view.labels.flipover;
    // Tiles are pages placed into other pages (pdf-lib), which keeps no structure: untagged.
    const rendered = await ctx.typesetter.render(
      pdfDocument(ctx, { subject, page, theme, defaultStyle, content: pages, breakLongTokens: false }),
      {
        tagged: !tiled,
      },
    );
    const path = `${ctx.view.topic.slug}/${this.file}`;
    if (!tiled) return pdfResult(ctx, this.file, rendered, diagnostics);

    const tiling = tilingFor(size, settings.tile);
    // The pieces' frames carry no draft mark: the sheet drawn into them has it already.
    const frames = await ctx.typesetter.render({
      ...pdfDocument(ctx, { subject, page, theme, defaultStyle, content: [] }),
      watermark: undefined,
      ...frameDocument(tiling, sheets.length, sheetLabels, title, theme, mm(settings.tile.margin)),
    });
    const bytes = await assembleTiles({ sheets: rendered.bytes, frames: frames.bytes, tiling, markSize: mm(settings.tile.mark) });
    return {
      file: { path, bytes, pages: frames.pages },
      diagnostics: [...diagnostics, ...lostTextDiagnostics(ctx.topic.file, this.file, rendered.lostText)],
    };
  },
};

// --- internal ---

/** The prompt, bold and large, and its nested list below it, smaller. */
function sheetBody(box: FitBox, fontSize: number, settings: SheetSettings, theme: Theme): Content {
  const detailSize = fontSize * settings.fit.details;
  return {
    sourceLine: box.line,
    stack: [
      { text: inlines(box.prompt, { printAddress: false }), bold: true, fontSize, lineHeight: settings.fit.lineHeight, tag: element('H1') },
      ...(box.details.length > 0
        ? [
            listNode(
              box.details.map((d) => listItemNode([{ text: inlines(d, { printAddress: false }), tag: element('P') }])),
              false,
              { fontSize: detailSize, lineHeight: 1.15, markerColor: theme.colors.accent, margin: [0, fontSize * 0.5, 0, 0] },
            ),
          ]
        : []),
    ],
  };
}

/**
 * Ruled lines from `top` down to `bottom`, the last on `bottom`: light, so the group's writing
 * stands out, and drawn on the whole sheet before tiling, so they run on across the pieces' seams.
 */
function writingLines(left: number, top: number, bottom: number, width: number, gap: number, lineWidth: number, theme: Theme): Content {
  const count = Math.max(0, Math.floor((bottom - top) / gap));
  return { ...ruledLines(count, width, gap, theme.colors.rule, lineWidth), absolutePosition: { x: left, y: bottom - count * gap } };
}

/** One A4 page per piece, sheet by sheet: only the label at the foot; the sheet is drawn in later. */
function frameDocument(
  tiling: Tiling,
  sheets: number,
  labels: { piece: string; assemble: string },
  title: Content[] | string,
  theme: Theme,
  margin: number,
): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'defaultStyle' | 'content'> {
  const pieces = tiling.pieces.length;
  const content: Content[] = [];
  for (let sheet = 1; sheet <= sheets; sheet++) {
    for (const piece of tiling.pieces) {
      const last = sheet === sheets && piece.index === pieces;
      content.push({
        // Inside the blank margin, below the sheet's region, and held to the region's width: clear of
        // the paper's edges (docs/print.md, the clear zone).
        columns: [
          {
            width: tiling.paperWidth - 2 * margin,
            columns: [
              {
                text: fill(labels.piece, { sheet, piece: piece.index, pieces, row: piece.row, col: piece.col }),
                bold: true,
                width: 'auto',
              },
              { text: piece.index === 1 ? labels.assemble : title, width: '*', alignment: 'right', color: theme.colors.muted },
            ],
            columnGap: 12,
          },
        ],
        fontSize: 7,
        absolutePosition: { x: margin, y: tiling.paperHeight - margin + 2 },
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
