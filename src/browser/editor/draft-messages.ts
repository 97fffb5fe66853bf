/**
 * The messages between the editor page and its worker (draft-worker.ts). Plain data: the page
 * imports only these types, never the worker's code.
 */
import type { LayoutSource } from '../../core/layouts/layout.js';
import type { Diagnostic } from '../../core/model.js';
import type { BuildOptions } from '../../core/settings/options.js';
import type { Place } from '../live/types.js';

/** What the preview builds with (`/_preview/draft-inputs.json`), and the topic file's name as the build names it. */
export interface DraftInputs {
  options: BuildOptions;
  layouts: LayoutSource[];
  labels: LayoutSource;
  path: string;
}

export type DraftRequest = { init: DraftInputs } | { id: number; text: string };

/** A PDF made from the unsaved text, with where each source line's text went on its pages. */
export interface DraftFile {
  /** The product's file name, e.g. `drejebog.pdf`. */
  file: string;
  bytes: Uint8Array;
  places: Place[];
}

export type DraftResponse =
  | { id: number; checked: Diagnostic[] }
  /** Some of the PDFs (the guide first); `done` on the last round. */
  | { id: number; made: { files: DraftFile[]; diagnostics: Diagnostic[]; done: boolean } }
  | { id: number; error: string };
