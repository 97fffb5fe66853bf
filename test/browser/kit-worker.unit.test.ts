import { describe, expect, it, vi } from 'vitest';
import { serveKit, type KitApi, type KitRequest, type KitResponse } from '../../src/browser/kit-worker.js';

describe('serveKit', () => {
  it('answers with an error when a response cannot be posted, so the page is never left waiting', async () => {
    const posted: KitResponse[] = [];
    let receive: ((event: { data: KitRequest }) => void) | undefined;
    const scope = {
      postMessage(message: KitResponse) {
        // As a browser refuses a value it cannot clone.
        if ('zip' in message) throw new DOMException('could not be cloned', 'DataCloneError');
        posted.push(message);
      },
      addEventListener(_type: 'message', listener: (event: { data: KitRequest }) => void) {
        receive = listener;
      },
    };
    const api: KitApi = {
      makeKit: () => Promise.reject(new Error('not asked')),
      zipFiles: () => new Uint8Array([1, 2, 3]),
      readAdaptation: () => ({ diagnostics: [] }),
    };
    serveKit(api, scope);
    receive!({ data: { id: 7, zip: { files: [], date: new Date(0) } } });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted).toEqual([{ ready: true }, { id: 7, error: 'could not be cloned' }]);
  });
});
