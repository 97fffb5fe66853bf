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

/**
 * Builds on up to `jobs` worker threads, each typesetting its share of the topics. Every worker
 * sees all topics (cross-topic checks need them) but typesets only its own, so the result is the
 * same as on one thread, in the same order. Falls back to one thread when there is little work,
 * or when running from TypeScript sources (tests), where there is no compiled worker.
 */
export async function buildInParallel(input: BuildInput, jobs: number, onTopic?: (topic: TopicBuild) => void): Promise<BuildResult> {
  const workerFile = fileURLToPath(new URL('./build-worker.js', import.meta.url));
  const wanted = input.only && input.only.length > 0 ? input.topics.filter((t) => input.only!.some((slug) => t.path.endsWith(`/${slug}.md`))) : input.topics;
  const workers = Math.min(jobs, Math.floor(input.topics.length / MIN_TOPICS_PER_WORKER));
  if (workers < 2 || !existsSync(workerFile) || wanted.length !== input.topics.length) return build(input, onTopic);

  // Round-robin by file, so each worker gets a similar mix of topics.
  const shares = Array.from({ length: workers }, (_, w) => input.topics.filter((_, i) => i % workers === w).map((t) => t.path));
  const byPath = new Map<string, TopicBuild>();
  const diagnostics: Diagnostic[][] = await Promise.all(
    shares.map(
      (paths) =>
        new Promise<Diagnostic[]>((resolve, reject) => {
          // A worker's heap is capped so V8 collects garbage instead of growing with the build (measured:
          // 600 topics peaked at 671 MB uncapped); a worker holds one topic's PDFs at a time.
          const worker = new Worker(workerFile, { workerData: { ...input, only: undefined, onlySources: paths }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
          worker.on('message', (message: { kind: 'topic'; topic: TopicBuild } | { kind: 'done'; diagnostics: Diagnostic[] }) => {
            if (message.kind === 'topic') {
              byPath.set(message.topic.source, message.topic);
              onTopic?.(message.topic);
            } else resolve(message.diagnostics);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => code !== 0 && reject(new Error(`a build worker stopped with code ${code}`)));
        }),
    ),
  );
  return { topics: input.topics.flatMap((t) => byPath.get(t.path) ?? []), diagnostics: diagnostics[0] ?? [] };
}
