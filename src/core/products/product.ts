import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Layout } from '../layouts/layout.js';
import type { Diagnostic, OutputFile, Topic } from '../model.js';
import type { SettingsTable } from '../settings/settings-table.js';
import { lostTextDiagnostics } from '../pdf/lost-text.js';
import type { FontSet, RenderedPdf, Typesetter } from '../pdf/typeset.js';
import type { ViewModel } from '../view/view-types.js';

/**
 * Everything a product needs to make its file for one topic. Every choice (options over the
 * topic's front matter, group size, paper, dates, language) is already made in `view`; `topic`
 * is there for what only the source knows (its file, its extra sections).
 */
export interface ProductContext {
  topic: Topic;
  view: ViewModel;
  layout: Layout;
  /** Every product's layout, by name: the run sheet reads the cards' and sheets' settings for its print list. */
  layouts: ReadonlyMap<string, Layout>;
  typesetter: Typesetter;
  /** The fonts the typesetter sets in, as bytes: the screen edition embeds the print font. */
  fonts: FontSet;
  /** The files' creation date, pinned for reproducible bytes. */
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

/** The kinds of file a product can make, with the media type the download page and the zip go by. */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type OutputKind = keyof typeof MEDIA_TYPES;

/**
 * A product: one file per topic, from its layout in `templates/<name>.hbs`. The download page
 * names the file by `labels.site.files[name]` and describes it by `labels.site.fileAbout[name]`.
 */
export interface Product {
  name: string;
  /** File path inside `<out>/<slug>/`, e.g. `drejebog.pdf` or `web/index.html`. */
  file: string;
  kind: OutputKind;
  /** Whether the file goes into the topic's zip. */
  inArchive: boolean;
  /** The part names its layout may use. */
  parts: readonly string[];
  /** The settings its layout's front matter may set, with their types and defaults. */
  settings: SettingsTable;
  /** `false` for a product made from the view model alone, without a layout file (the web editions). */
  layout?: false;
  /** Other products' layouts this product reads; a change to them rebuilds it too. */
  reads?: readonly string[];
  make(ctx: ProductContext): Promise<ProductResult>;
}

/** A product's result for one rendered PDF. */
export function pdfResult(ctx: ProductContext, file: string, pdf: RenderedPdf, diagnostics: Diagnostic[] = []): ProductResult {
  return {
    file: {
      path: `${ctx.view.topic.slug}/${file}`,
      bytes: pdf.bytes,
      pages: pdf.pages,
      ...(pdf.conformance.length > 0 && { conformance: pdf.conformance }),
    },
    diagnostics: [...diagnostics, ...lostTextDiagnostics(ctx.topic.file, file, pdf.lostText)],
    ...(pdf.missingGlyphs.length > 0 && { missingGlyphs: pdf.missingGlyphs }),
  };
}

/** What a product without a layout file is handed as its layout: no settings, no parts. */
export const NO_LAYOUT: Layout = {
  name: '',
  path: '',
  settings: {},
  references: [],
  render: () => [],
};

/** A layout-driven product: its parts rendered in the layout's order. */
export type PartRenderer<Extra = void> = (part: import('../layouts/layout.js').Part, ctx: ProductContext, extra: Extra) => Content[];

/** Renders each part of the layout with the product's part functions, in order. */
export function renderParts<Extra>(ctx: ProductContext, renderers: Record<string, PartRenderer<Extra>>, extra: Extra): Content[] {
  return ctx.layout.render(ctx.view).flatMap((part) => renderers[part.part]!(part, ctx, extra));
}

export type { TDocumentDefinitions };
