/**
 * The state the preview server sends (src/node/preview/state.ts), as the page reads it. Kept as
 * a copy of the shape, not an import: the page is bundled for browsers and must not pull Node code.
 */
export interface LiveState {
  instance: string;
  build: number;
  building: boolean;
  topics: LiveTopic[];
  diagnostics: LiveDiagnostic[];
  problems: string[];
}

export interface LiveTopic {
  slug: string;
  title: string;
  source: string;
  sourcePath: string;
  stale: boolean;
  products: LiveProduct[];
  diagnostics: LiveDiagnostic[];
}

export interface LiveProduct {
  file: string;
  path: string;
  label: string;
  kind: 'pdf' | 'html' | 'file';
  version: string;
}

export interface LiveDiagnostic {
  file: string;
  path: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
}

/** A box on a PDF page drawn from one source line (src/core/pdf/ledger.ts). */
export interface Place {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  line: number;
}

/** PDFs the editor made from its unsaved text (src/browser/editor/); `saved` once that text was saved. */
export interface Draft {
  id: number;
  /** Each PDF with the text it was made from (`id`): the newest, or the one before until its round comes. */
  files: { file: string; bytes: Uint8Array; places: Place[]; id: number }[];
  saved: boolean;
}
