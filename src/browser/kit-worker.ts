/**
 * The kit's side of running in a Web Worker: the page posts requests, the kit answers each with
 * the same id. The kit bundle calls `serveKit` when it finds itself in a worker, so one file is
 * both the worker and, where workers cannot load it (a page opened from disk), a classic script.
 */
import type { BuildOptions } from '../core/settings/options.js';
import type { KitResult } from './kit.js';
import type { Adaptation } from '../core/adapt/adaptation.js';
import type { Diagnostic } from '../core/model.js';

/** An adaptation file as the kit reads it: the data, or the problems at their lines. */
export interface ReadAdaptation {
  adaptation?: Adaptation;
  diagnostics: Diagnostic[];
}

export interface KitApi {
  makeKit(topic: { path: string; text: string }, options: BuildOptions): Promise<KitResult>;
  zipFiles(files: { name: string; bytes: Uint8Array }[], date: Date): Uint8Array;
  readAdaptation(text: string): ReadAdaptation;
}

export type KitRequest =
  | { id: number; make: { topic: { path: string; text: string }; options: BuildOptions } }
  | { id: number; zip: { files: { name: string; bytes: Uint8Array }[]; date: Date } }
  | { id: number; adaptation: { text: string } };

export type KitResponse =
  | { ready: true }
  | { id: number; result: KitResult }
  | { id: number; zip: Uint8Array }
  | { id: number; adaptation: ReadAdaptation }
  | { id: number; error: string };

interface WorkerScope {
  postMessage(message: KitResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: KitRequest }) => void): void;
}

/** True inside a dedicated worker: no document, and the worker's `importScripts`. */
export function inWorker(): boolean {
  return typeof document === 'undefined' && typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
}

/** Answers the page's requests one by one; the files' buffers are handed over, not copied. */
export function serveKit(api: KitApi, scope: WorkerScope = globalThis as unknown as WorkerScope): void {
  scope.addEventListener('message', ({ data }) => {
    const fail = (error: unknown) => scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
    void answer(api, data).then((response) => {
      try {
        scope.postMessage(response, buffersOf(response));
      } catch (error) {
        fail(error); // a response that cannot be posted (a DataCloneError) is still answered, or the page waits for ever
      }
    }, fail);
  });
  scope.postMessage({ ready: true });
}

// --- internal ---

async function answer(api: KitApi, request: KitRequest): Promise<KitResponse> {
  if ('make' in request) return { id: request.id, result: await api.makeKit(request.make.topic, request.make.options) };
  if ('adaptation' in request) return { id: request.id, adaptation: api.readAdaptation(request.adaptation.text) };
  return { id: request.id, zip: api.zipFiles(request.zip.files, request.zip.date) };
}

function buffersOf(response: KitResponse): Transferable[] {
  // A buffer may back several files; each is listed once, or the transfer fails.
  if ('result' in response) return [...new Set(response.result.files.map((f) => f.bytes.buffer as ArrayBuffer))];
  if ('zip' in response) return [response.zip.buffer as ArrayBuffer];
  return [];
}
