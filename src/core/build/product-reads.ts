import { digest } from './fingerprint.js';
import type { Topic } from '../model.js';
import type { ViewModel } from '../view/view-types.js';

/**
 * Which parts of a topic one product read while making its file: the keys of the view model's
 * `topic` and of the parsed `Topic` it looked at (`*` when it listed them all). With its layout
 * and the shared inputs unchanged, the product's file depends on nothing else, so a save that
 * leaves those parts as they were leaves the file as it was (a new legal background does not
 * change the flip-chart sheets).
 */
export interface ReadKeys {
  view: string[];
  topic: string[];
}

/** `view` and `topic` as a product sees them, watched: `keys()` tells what was read. */
export function recordReads(view: ViewModel, topic: Topic): { view: ViewModel; topic: Topic; keys(): ReadKeys } {
  const viewKeys = new Set<string>();
  const topicKeys = new Set<string>();
  const watchedView: ViewModel = { ...view, topic: watched(view.topic, viewKeys) };
  return {
    view: watchedView,
    topic: watched(topic, topicKeys),
    keys: () => ({ view: [...viewKeys].sort(), topic: [...topicKeys].sort() }),
  };
}

/**
 * A digest of what `keys` name in `view` and `topic`, plus everything of the view that is not
 * the topic's (options and labels: small, and always read). Plain data, so JSON is exact.
 */
export function readsDigest(view: ViewModel, topic: Topic, keys: ReadKeys, creationDate: Date): Promise<string> {
  const pick = (object: object, names: readonly string[]) =>
    names.includes('*') ? object : Object.fromEntries(names.map((name) => [name, (object as Record<string, unknown>)[name]]));
  const data = {
    keys,
    view: { ...view, topic: pick(view.topic, keys.view) },
    topic: pick(topic, keys.topic),
    creationDate: creationDate.toISOString(),
  };
  return digest(new TextEncoder().encode(JSON.stringify(data)));
}

// --- internal ---

/** `object` with each top-level key that is read, tested or listed noted in `keys`; what is below is read as it is. */
function watched<T extends object>(object: T, keys: Set<string>): T {
  return new Proxy(object, {
    get(target, key, receiver) {
      if (typeof key === 'string') keys.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') keys.add(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') keys.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      keys.add('*');
      return Reflect.ownKeys(target);
    },
  });
}
