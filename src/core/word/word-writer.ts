import type { WordDoc } from './word-model.js';

/**
 * Where the Word writer comes from. On the command line it is imported the first time a Word
 * file is made; the page's kit sets its own loader (a script of its own, `dialogkit-word.js`),
 * so the `docx` package is fetched only when a kit with Word files is made.
 */
export type WriteDocx = (doc: WordDoc, date: Date) => Promise<Uint8Array>;

let loader: () => Promise<WriteDocx> = async () => (await import('./docx-writer.js')).writeDocx;
let loading: Promise<WriteDocx> | undefined;

export function wordWriter(): Promise<WriteDocx> {
  loading ??= loader().catch((error: unknown) => {
    loading = undefined; // tried again on the next file
    throw error;
  });
  return loading;
}

/** The page's kit: load the writer its own way. */
export function setWordWriterLoader(load: () => Promise<WriteDocx>): void {
  loader = load;
  loading = undefined;
}
