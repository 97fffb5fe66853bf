/**
 * Loads the emoji font, which the kit leaves out of its own script (src/browser/kit.ts says
 * when it is needed). The font is a classic script of its own, `dialogkit-emoji.js`, that sets
 * `globalThis.dialogkitEmoji`: a worker reads it with `importScripts`, and a page opened from
 * disk (where `fetch` cannot read files) with a script element.
 */

import { loadScript } from './load-script.js';

/** The global the emoji script sets. */
export const EMOJI_GLOBAL = 'dialogkitEmoji';

/** A loader for the emoji script at `address`, fetched once, and again after a failure. */
export function emojiLoader(address: string, inWorker: boolean): () => Promise<Uint8Array> {
  let loading: Promise<Uint8Array> | undefined;
  return () => {
    loading ??= load(address, inWorker).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

// --- internal ---

async function load(address: string, inWorker: boolean): Promise<Uint8Array> {
  const scope = globalThis as unknown as Record<string, unknown> & { importScripts?: (url: string) => void };
  if (inWorker) scope.importScripts!(address);
  else await loadScript(address);
  const font = scope[EMOJI_GLOBAL];
  if (!(font instanceof Uint8Array)) throw new Error(`the emoji font script at ${address} set no font`);
  return font;
}
