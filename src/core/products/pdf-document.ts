import type { Content, DynamicContent, Style, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { keepRule, numberPairs } from '../pdf/keep.js';
import { breakLongTokensIn } from '../pdf/long-words.js';
import { paper, type Orientation, type Page } from '../pdf/paper.js';
import { PAGE_SETTINGS, THEME_SETTINGS, themeFrom, type Theme } from '../pdf/theme.js';
import type { PaperSize } from '../model.js';
import type { SettingsOf, SettingsTable } from '../settings/settings-table.js';
import { pdfResult, type ProductContext, type ProductResult } from './product.js';

/** A page from checked `page:` settings, or from a size chosen elsewhere (flip-chart paper). */
export function pageOf(size: PaperSize, orientation: Orientation, margins: [number, number, number, number]): Page {
  const { width, height } = paper(size, orientation);
  return { size, orientation, margins, width, height, textWidth: Math.floor(width - margins[0] - margins[2]) };
}

/** What a PDF product declares; the rest of the document is the same for every product. */
export interface PdfSpec {
  /** The product's name for people: the document's subject, and part of its title. */
  subject: string;
  page: Page;
  theme: Theme;
  content: Content[];
  /** Instead of the theme's font, size, line height and colour (sheets and cards size their own type). */
  defaultStyle?: Style;
  footer?: DynamicContent;
  background?: TDocumentDefinitions['background'];
  /** False for files whose structure cannot survive (tiled sheets). Default true. */
  tagged?: boolean;
  /**
   * Break points in long tokens, so no word widens a table or a footer past the paper (long-words.ts).
   * Default true; the flip-chart sheets fit their prompts themselves and break only their feet.
   */
  breakLongTokens?: boolean;
}

/**
 * The document skeleton shared by every PDF product: page, default style, footer, draft mark,
 * metadata, language, the keep-together rule; rendered and returned as the product's file.
 */
export function pdfDocument(ctx: ProductContext, spec: PdfSpec): TDocumentDefinitions {
  const { topic, labels } = ctx.view;
  const { page, theme } = spec;
  const breaks = spec.breakLongTokens ?? true;
  const footer = spec.footer;
  return {
    // pdfkit writes no XMP at PDF 1.3, so `&` in a title cannot break the metadata (docs/pdfmake.md §3).
    info: {
      title: `${topic.title} – ${spec.subject}`,
      author: topic.publisher ?? 'Dialogkit',
      subject: spec.subject,
      keywords: [topic.series, topic.title, spec.subject].filter(Boolean).join(', '),
      creator: 'Dialogkit',
      producer: 'Dialogkit',
      creationDate: ctx.creationDate,
    },
    language: topic.language === 'en' ? 'en-GB' : 'da-DK',
    displayTitle: true,
    pageSize: { width: page.width, height: page.height },
    pageMargins: page.margins,
    defaultStyle: spec.defaultStyle ?? {
      font: theme.font,
      fontSize: theme.fontSize,
      lineHeight: theme.lineHeight,
      color: theme.colors.text,
    },
    ...(footer && { footer: breaks ? (...args: Parameters<DynamicContent>) => breakLongTokensIn(footer(...args)) : footer }),
    ...(spec.background && { background: spec.background }),
    ...(topic.draft && { watermark: { text: labels.draft, opacity: 0.08, bold: true, angle: -35 } }),
    // A line of body text: the font's own height (about 1.25 em for Atkinson) times the line height.
    pageBreakBefore: keepRule(theme.fontSize * theme.lineHeight * 1.25),
    content: numberPairs(breaks ? breakLongTokensIn(spec.content) : spec.content),
  };
}

/** Renders a PDF product's document into its file. */
export async function renderPdf(ctx: ProductContext, file: string, spec: PdfSpec): Promise<ProductResult> {
  const pdf = await ctx.typesetter.render(pdfDocument(ctx, spec), { tagged: spec.tagged ?? true });
  return pdfResult(ctx, file, pdf);
}

/** A product's checked layout settings, typed by the table they were checked against (prepare-layouts.ts). */
export function settingsOf<T extends SettingsTable>(ctx: ProductContext, _table: T): SettingsOf<T> {
  return ctx.layout.settings as SettingsOf<T>;
}

/**
 * A page-and-theme document's settings (the guide, handout and run sheet) with the theme and the
 * page they describe, read once so the three products cannot each derive them differently.
 */
export function documentSettings<T extends SettingsTable>(
  ctx: ProductContext,
  table: T,
): { settings: SettingsOf<T>; theme: Theme; page: Page } {
  // Every such table holds the page and theme tables (theme.ts); only their types are read here.
  const { page } = settingsOf(ctx, { page: PAGE_SETTINGS });
  return {
    settings: settingsOf(ctx, table),
    theme: themeFrom(settingsOf(ctx, { theme: THEME_SETTINGS })),
    page: pageOf(page.size, page.orientation, page.margins),
  };
}
