import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build, type BuildInput, type BuildResult, type TopicBuild } from '../core/build/build.js';
import type { Diagnostic } from '../core/model.js';

/**
 * Below this many topics a build stays on one thread: starting a worker (loading pdfmake and
 * the fonts again) costs about 0.3 s, as much as typesetting several topics (measured: 12
 * one-product topics took 0.90 s on one thread and 1.29 s on two).
 */
const MIN_TOPICS_PER_WORKER = 12;

/** Each worker's heap limit; a topic that needs more is built again on the main thread. */
const WORKER_HEAP_MB = 256;

/**
 * Each worker's young generation. Node 24's default let two workers and the main thread peak at
 * 675 MB over 600 topics (Node 20: 389 MB); capped at 32 MB they peak at 480 MB, for about 14 %
 * more time (69-72 s -> 79-82 s, three runs each in turn on two cores): a render's objects die
 * young, and a larger young generation buys fewer collections with memory.
 */
const WORKER_YOUNG_MB = 32;

/**
 * From this many topics a build renders in a worker thread even on one core, for its capped heap:
 * on the main thread, whose heap V8 lets grow, 120 topics peaked at 394 MB and 600 at 700 MB;
 * in one worker, 600 peaked at 333 MB (about 15 % slower).
 */
const MIN_TOPICS_FOR_ONE_WORKER = 100;

/**
 * Builds on up to `jobs` worker threads, each typesetting its share of the topics. Every worker
 * sees all topics (cross-topic checks need them) but typesets only its own, so the result is the
 * same as on one thread, in the same order. A worker that runs out of memory ends no build:
 * its remaining topics are built on the main thread. Builds on the main thread alone when there
 * is little work, or when running from TypeScript sources (tests), where there is no compiled
 * worker; a large build on one core uses one worker, for its capped heap.
 */
export async function buildInParallel(
  input: BuildInput,
  jobs: number,
  onTopic?: (topic: TopicBuild) => void,
  heapMb = WORKER_HEAP_MB,
): Promise<BuildResult> {
  const workerFile = fileURLToPath(new URL('./build-worker.js', import.meta.url));
  const wanted =
    input.only && input.only.length > 0
      ? input.topics.filter((t) => input.only!.some((slug) => t.path.endsWith(`/${slug}.md`)))
      : input.topics;
  const workers = workerCount(input.topics.length, jobs);
  // `watch` (a persistent cache) stays on this thread: the cache lives here, and keeps a save's rebuild small.
  if (workers === 0 || input.cache?.persistent || !existsSync(workerFile) || wanted.length !== input.topics.length)
    return build(input, onTopic);

  // Round-robin by file, so each worker gets a similar mix of topics.
  const shares = Array.from({ length: workers }, (_, w) => input.topics.filter((_, i) => i % workers === w).map((t) => t.path));
  const byPath = new Map<string, TopicBuild>();
  const report = (topic: TopicBuild) => {
    byPath.set(topic.source, topic);
    onTopic?.(topic);
  };
  const finished = await Promise.all(
    shares.map((paths) => runWorker(workerFile, { ...input, only: undefined, onlySources: paths, cache: undefined }, heapMb, report)),
  );
  // A worker that ran out of memory (a huge topic) or stopped ends no build: what it had not
  // reported is built here, on the main thread, whose heap is not capped.
  const left = input.topics.map((t) => t.path).filter((path) => !byPath.has(path));
  const done = finished.find((f) => f !== undefined);
  if (left.length > 0 || done === undefined) {
    const rest = await build({ ...input, onlySources: left }, report);
    return {
      topics: input.topics.flatMap((t) => byPath.get(t.path) ?? []),
      diagnostics: rest.diagnostics,
      ...(rest.labels && { labels: rest.labels }),
    };
  }
  return { topics: input.topics.flatMap((t) => byPath.get(t.path) ?? []), ...done };
}

/** How many worker threads a build of `topics` topics uses when `jobs` are allowed; 0: the main thread alone. */
export function workerCount(topics: number, jobs: number): number {
  const workers = Math.min(jobs, Math.floor(topics / MIN_TOPICS_PER_WORKER));
  if (workers >= 2) return workers;
  return workers === 1 && topics >= MIN_TOPICS_FOR_ONE_WORKER ? 1 : 0;
}

// --- internal ---

type WorkerMessage = { kind: 'topic'; topic: TopicBuild } | { kind: 'done'; diagnostics: Diagnostic[]; labels?: BuildResult['labels'] };

/** Runs one worker over its share; resolves with its closing report, or `undefined` when it stopped early. */
function runWorker(
  workerFile: string,
  workerData: BuildInput,
  heapMb: number,
  report: (topic: TopicBuild) => void,
): Promise<Omit<BuildResult, 'topics'> | undefined> {
  return new Promise((resolve) => {
    // A worker's heap is capped so V8 collects garbage instead of growing with the build (measured:
    // 600 topics peaked at 671 MB uncapped); a worker holds one topic's PDFs at a time.
    const worker = new Worker(workerFile, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    let result: Omit<BuildResult, 'topics'> | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'topic') report(message.topic);
      else result = { diagnostics: message.diagnostics, ...(message.labels && { labels: message.labels }) };
    });
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve(result));
  });
}
