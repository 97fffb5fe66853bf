/**
 * Loads the Word writer, which the kit leaves out of its own script: the `docx` package is
 * needed only for a kit with Word files. `dialogkit-word.js` is a classic script that sets
 * `globalThis.dialogkitWord`; a worker reads it with `importScripts`, a page with a script element.
 */
import type { WriteDocx } from '../core/word/word-writer.js';
import { loadScript } from './load-script.js';

/** The global the Word script sets. */
export const WORD_GLOBAL = 'dialogkitWord';

export function wordLoader(address: string, inWorker: boolean): () => Promise<WriteDocx> {
  return async () => {
    const scope = globalThis as unknown as Record<string, unknown> & { importScripts?: (url: string) => void };
    if (inWorker) scope.importScripts!(address);
    else await loadScript(address);
    const write = scope[WORD_GLOBAL];
    if (typeof write !== 'function') throw new Error(`the Word script at ${address} set no writer`);
    return write as WriteDocx;
  };
}
