/**
 * Starts the kit for the page: in a Web Worker where the browser allows it, so the page stays
 * responsive while PDFs are made; otherwise (Chromium refuses workers from file:// URLs, so a
 * page opened from disk) as a script on the page itself, yielding to the page before each topic.
 */
import type { BuildOptions } from '../core/settings/options.js';
import type { KitResult } from './kit.js';
import type { KitApi, ReadAdaptation, KitRequest, KitResponse } from './kit-worker.js';

export interface KitRunner {
  /** Where the kit runs: `worker`, or `page` when no worker could load it. */
  mode: 'worker' | 'page';
  make(topic: { path: string; text: string }, options: BuildOptions): Promise<KitResult>;
  zip(files: { name: string; bytes: Uint8Array }[], date: Date): Promise<Uint8Array>;
  /** An adaptation file read back (for "Tilpas indholdet"'s "load"), with the CLI's own reader. */
  readAdaptation(text: string): Promise<ReadAdaptation>;
  /**
   * Makes `topic` once with default options and drops the result, so the facilitator's first
   * "Hent" finds the kit's code compiled and its fonts read. Only in a worker, where it costs
   * the page nothing; on the page itself it would freeze the form being filled in. Resolves
   * when it is done, and never rejects: a failure shows on the next press.
   */
  warm(topic: { path: string; text: string }): Promise<void>;
}

/**
 * Loads the kit from `url`, in a worker when one starts, else with `loadScript`. `stopped` is
 * called if the worker fails later (it threw, ran out of memory, or sent a message that could
 * not be read): it is then terminated, every request still waiting fails, and so does every
 * later one, so the caller should start a fresh kit.
 */
export async function startKit(url: string, loadScript: (src: string) => Promise<void>, stopped: () => void): Promise<KitRunner> {
  const worker = await startWorker(url);
  if (worker) return workerRunner(worker, stopped);
  await loadScript(url);
  return pageRunner((globalThis as unknown as { dialogkit: KitApi }).dialogkit);
}

// --- internal ---

/** A worker running the kit once it says it is ready; undefined when the browser refuses or the script fails. */
function startWorker(url: string): Promise<Worker | undefined> {
  if (typeof Worker === 'undefined') return Promise.resolve(undefined);
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return Promise.resolve(undefined); // file:// pages: "cannot be accessed from origin 'null'"
  }
  return new Promise((resolve) => {
    const ready = (event: MessageEvent<KitResponse>) => {
      if (!('ready' in event.data)) return;
      worker.removeEventListener('error', failed);
      resolve(worker);
    };
    const failed = (event: Event) => {
      event.preventDefault();
      worker.terminate();
      resolve(undefined);
    };
    worker.addEventListener('message', ready, { once: true });
    worker.addEventListener('error', failed, { once: true });
  });
}

function workerRunner(worker: Worker, stopped: () => void): KitRunner {
  let next = 0;
  let failure: Error | undefined;
  const waiting = new Map<number, { resolve(response: KitResponse): void; reject(error: Error): void }>();
  worker.addEventListener('message', ({ data }: MessageEvent<KitResponse>) => {
    if (!('id' in data)) return;
    waiting.get(data.id)?.resolve(data);
    waiting.delete(data.id);
  });
  // A worker that failed may never answer: without this, a request would wait for ever.
  const fail = (event: Event) => {
    event.preventDefault(); // handled here, not reported as uncaught on the page
    if (failure) return;
    const reason = event instanceof ErrorEvent ? event.message || 'an error' : 'a message that could not be read';
    failure = new Error(`the kit stopped (${reason})`);
    worker.terminate();
    for (const request of waiting.values()) request.reject(failure);
    waiting.clear();
    stopped();
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  const ask = (request: Omit<KitRequest, 'id'>, transfer: Transferable[] = []): Promise<KitResponse> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  const answer = <T>(response: KitResponse, pick: (r: KitResponse) => T | undefined): T => {
    if ('error' in response) throw new Error(response.error);
    return pick(response)!;
  };
  return {
    mode: 'worker',
    make: async (topic, options) => answer(await ask({ make: { topic, options } }), (r) => ('result' in r ? r.result : undefined)),
    zip: async (files, date) => answer(await ask({ zip: { files, date } }), (r) => ('zip' in r ? r.zip : undefined)),
    readAdaptation: async (text) => answer(await ask({ adaptation: { text } }), (r) => ('adaptation' in r ? r.adaptation : undefined)),
    warm: (topic) =>
      ask({ make: { topic, options: {} } }).then(
        () => undefined,
        () => undefined,
      ),
  };
}

function pageRunner(api: KitApi): KitRunner {
  // One task per topic, so the page can paint its status line and take input in between.
  const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    mode: 'page',
    make: async (topic, options) => {
      await yieldToPage();
      return api.makeKit(topic, options);
    },
    zip: async (files, date) => {
      await yieldToPage();
      return api.zipFiles(files, date);
    },
    readAdaptation: (text) => Promise.resolve(api.readAdaptation(text)),
    warm: () => Promise.resolve(),
  };
}
