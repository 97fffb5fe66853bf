import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Layout, Part } from '../layout.js';
import type { Diagnostic, OutputFile, Topic } from '../model.js';
import type { BuildOptions } from '../options.js';
import { PAGINATION } from '../pdf/tags.js';
import type { Theme } from '../pdf/theme.js';
import type { RenderedPdf, Typesetter } from '../typeset.js';
import type { Labels, ViewModel } from '../view-model.js';

/** Everything a product needs to make its file for one topic. */
export interface ProductContext {
  topic: Topic;
  view: ViewModel;
  layout: Layout;
  /** Every product's layout, by name: the run sheet reads the cards' and sheets' settings for its print list. */
  layouts: ReadonlyMap<string, Layout>;
  labels: Labels;
  options: BuildOptions;
  typesetter: Typesetter;
  /** The PDFs' creation date, pinned for reproducible bytes. */
  creationDate: Date;
}

export interface ProductResult {
  /** Absent when the product does not apply to the topic (e.g. no flip-chart prompts). */
  file?: OutputFile;
  /** Said in the build summary when there is no file. */
  note?: string;
  diagnostics: Diagnostic[];
  /** Characters the fonts lack (empty boxes in print); the build says where they are. */
  missingGlyphs?: string[];
}

/** What a product without a layout file is handed as its layout: no settings, no parts. */
export const NO_LAYOUT: Layout = { name: '', path: '', settings: {}, render: () => [] };

/** A product's result for one rendered PDF. */
export function pdfResult(ctx: ProductContext, file: string, pdf: RenderedPdf, diagnostics: Diagnostic[] = []): ProductResult {
  return {
    file: { path: `${ctx.topic.meta.slug}/${file}`, bytes: pdf.bytes, pages: pdf.pages, ...(pdf.conformance.length > 0 && { conformance: pdf.conformance }) },
    diagnostics,
    ...(pdf.missingGlyphs.length > 0 && { missingGlyphs: pdf.missingGlyphs }),
  };
}

/** A product: one file per topic, printed from its layout in `templates/<name>.hbs`, or a web page. */
export interface Product {
  name: string;
  /** File name inside `<out>/<slug>/`. */
  file: string;
  /** The part names its layout may use. */
  parts: readonly string[];
  /** `false` for a product made from the view model alone, without a layout file (the web editions). */
  layout?: false;
  /** Other products' layouts this product reads; a change to them rebuilds it too. */
  reads?: readonly string[];
  make(ctx: ProductContext): Promise<ProductResult>;
}

/** Renders each part of a layout with the product's part functions, in order. */
export type PartRenderer = (part: Part, ctx: ProductContext, theme: Theme) => Content[];

export function renderParts(parts: readonly Part[], renderers: Record<string, PartRenderer>, ctx: ProductContext, theme: Theme): Content[] {
  return parts.flatMap((part) => renderers[part.part]!(part, ctx, theme));
}

/** Document metadata and settings shared by every product. */
export function documentBase(ctx: ProductContext, subject: string): Pick<TDocumentDefinitions, 'info' | 'language' | 'displayTitle'> {
  const { meta } = ctx.topic;
  return {
    // pdfkit writes no XMP at PDF 1.3, so `&` in a title cannot break the metadata (pdfmake-notes §3).
    info: {
      title: `${meta.title} – ${subject}`,
      author: meta.publisher ?? 'Dialogkit',
      subject,
      keywords: [meta.series, meta.title, subject].filter(Boolean).join(', '),
      creator: 'Dialogkit',
      producer: 'Dialogkit',
      creationDate: ctx.creationDate,
    },
    language: meta.language === 'en' ? 'en-GB' : 'da-DK',
    displayTitle: true,
  } as Pick<TDocumentDefinitions, 'info' | 'language' | 'displayTitle'>;
}

/** The running footer of the A4 products: series and publisher left, "Side X af Y" right. */
export function footer(ctx: ProductContext, theme: Theme, margins: [number, number, number, number]) {
  const left = [ctx.topic.meta.series, ctx.topic.meta.publisher].filter(Boolean).join(' · ');
  const pageLabel = String(ctx.labels['page'] ?? '{page}/{pages}');
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

/** The draft mark printed across every page of a `draft: true` topic. */
export function draftWatermark(ctx: ProductContext): TDocumentDefinitions['watermark'] {
  return ctx.topic.meta.draft ? { text: String(ctx.labels['draft'] ?? 'DRAFT'), opacity: 0.08, bold: true, angle: -35 } : undefined;
}

/** Reads the page settings every layout has. */
export function pageSettings(layout: Layout): { size: string; orientation: 'portrait' | 'landscape'; margins: [number, number, number, number] } {
  const page = (layout.settings['page'] ?? {}) as Record<string, unknown>;
  const margins = Array.isArray(page['margins']) && page['margins'].length === 4 ? (page['margins'] as [number, number, number, number]) : [56, 56, 56, 64] as [number, number, number, number];
  return {
    size: typeof page['size'] === 'string' ? page['size'] : 'A4',
    orientation: page['orientation'] === 'landscape' ? 'landscape' : 'portrait',
    margins,
  };
}
