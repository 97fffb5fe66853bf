import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build, type BuildInput, type BuildResult, type TopicBuild } from './core/build.js';
import type { Diagnostic } from './core/model.js';

/**
 * Below this many topics a build stays on one thread: starting a worker (loading pdfmake and
 * the fonts again) costs about 0.3 s, as much as typesetting several topics (measured: 12
 * one-product topics took 0.90 s on one thread and 1.29 s on two).
 */
const MIN_TOPICS_PER_WORKER = 12;

/** Each worker's heap limit; a topic that needs more is built again on the main thread. */
const WORKER_HEAP_MB = 256;

/**
 * Builds on up to `jobs` worker threads, each typesetting its share of the topics. Every worker
 * sees all topics (cross-topic checks need them) but typesets only its own, so the result is the
 * same as on one thread, in the same order. A worker that runs out of memory ends no build:
 * its remaining topics are built on the main thread. Falls back to one thread when there is little work,
 * or when running from TypeScript sources (tests), where there is no compiled worker.
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
  const workers = Math.min(jobs, Math.floor(input.topics.length / MIN_TOPICS_PER_WORKER));
  if (workers < 2 || !existsSync(workerFile) || wanted.length !== input.topics.length) return build(input, onTopic);

  // Round-robin by file, so each worker gets a similar mix of topics.
  const shares = Array.from({ length: workers }, (_, w) => input.topics.filter((_, i) => i % workers === w).map((t) => t.path));
  const byPath = new Map<string, TopicBuild>();
  const report = (topic: TopicBuild) => {
    byPath.set(topic.source, topic);
    onTopic?.(topic);
  };
  const finished = await Promise.all(
    shares.map((paths) => runWorker(workerFile, { ...input, only: undefined, onlySources: paths, memo: undefined }, heapMb, report)),
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
    const worker = new Worker(workerFile, { workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let result: Omit<BuildResult, 'topics'> | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'topic') report(message.topic);
      else result = { diagnostics: message.diagnostics, ...(message.labels && { labels: message.labels }) };
    });
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve(result));
  });
}
