/** A worker thread's side of `buildInParallel`: builds its share of the topics and reports each one. */
import { parentPort, workerData } from 'node:worker_threads';
import { build, type BuildInput } from '../core/build/build.js';

const port = parentPort!;
const result = await build(workerData as BuildInput, (topic) => {
  port.postMessage({ kind: 'topic', topic });
  // The main thread has its own copy now; this thread need not hold the PDFs until the end.
  topic.files = [];
});
port.postMessage({ kind: 'done', diagnostics: result.diagnostics, labels: result.labels });
