/**
 * `npm run bench`: how fast Dialogkit turns topics into PDFs, as a ratio to a floor measured
 * in the same run: pdfmake rendering the very same document definitions with fonts already
 * loaded (no parsing, no layouts). Each size runs in its own process, so peak memory is that
 * size's alone.
 *
 *   npm run bench                 6, 60 and 600 topics
 *   npm run bench -- 6 60         chosen sizes
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../src/core/build/build.js';
import type { SourceFile } from '../src/core/model.js';
import { createTypesetter, type Typesetter } from '../src/core/pdf/typeset.js';
import { loadFonts, loadLayouts } from '../src/node/load.js';
import { runPathological } from './pathological.js';
import { printPreviewBench } from './preview.js';
import { printWatchBench } from './watch.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface ChildResult {
  topics: number;
  files: number;
  buildMs: number;
  /** The same build on worker threads, one per core (compiled code). */
  parallelMs: number;
  floorMs: number;
  maxRssMb: number;
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else
  await parent(
    process.argv
      .slice(2)
      .map(Number)
      .filter((n) => n > 0),
  );

async function parent(requested: number[]): Promise<void> {
  const sizes = requested.length > 0 ? requested : [6, 60, 600];
  console.log(`Dialogkit benchmark · node ${process.version} · ${os()} · topics from ${topicFolder()}\n`);

  // The whole CLI, cold: a fresh process builds the six topics, page and manifest.
  execFileSync('npm', ['run', 'compile', '--silent'], { cwd: ROOT });
  const cold: number[] = [];
  const again: number[] = [];
  const cli = (out: string) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['bin/dialogkit.js', 'build', '--quiet', '--content', topicFolder(), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
    return performance.now() - started;
  };
  const floor: number[] = [];
  const pdfmakeAlone = () => {
    const started = performance.now();
    execFileSync(process.execPath, ['bench/pdfmake-alone.js', topicFolder()], { cwd: ROOT });
    return performance.now() - started;
  };
  for (let run = 0; run < 6; run++) {
    // Each cold run writes into an empty folder; the run after it changes nothing (incremental).
    // The floor runs between them, so both see the same machine.
    const out = mkdtempSync(join(tmpdir(), 'dialogkit-bench-'));
    cold.push(cli(out));
    floor.push(pdfmakeAlone());
    again.push(cli(out));
    rmSync(out, { recursive: true, force: true });
  }
  const row = (label: string, ms: number, note: string) => console.log(`  ${label.padEnd(44)}${fmt(ms).padStart(7)} ms   ${note}`);
  console.log(`CLI in a fresh process, ${topicFolder()} (all products, zips, page, manifest); medians of 6 runs:`);
  row('cold build into an empty folder', median(cold), `${(median(cold) / median(floor)).toFixed(2)}× the floor`);
  row('floor: pdfmake alone, one guide per topic', median(floor), 'bench/pdfmake-alone.js');
  row('no-change rebuild', median(again), '');
  console.log('');

  console.log(
    `topics  files   wall ms   ms/topic   floor ms/topic   ratio   bench RSS MB   ${availableParallelism()} threads ms   speed-up`,
  );
  for (const size of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const result = JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
    const perTopic = result.buildMs / result.topics;
    const floor = result.floorMs / result.topics;
    console.log(
      `${String(result.topics).padStart(6)}  ${String(result.files).padStart(5)}  ${fmt(result.buildMs).padStart(8)}  ${fmt(perTopic).padStart(9)}  ${fmt(floor).padStart(15)}  ${(perTopic / floor).toFixed(2).padStart(6)}×  ${fmt(result.maxRssMb).padStart(12)}   ${fmt(result.parallelMs).padStart(12)}   ${(result.buildMs / result.parallelMs).toFixed(2).padStart(7)}×`,
    );
  }
  console.log('\nratio = our cost per topic ÷ pdfmake alone rendering the same document definitions (1.00× is the floor).');
  console.log('');
  await printWatchBench(topicFolder());
  console.log('');
  await printPreviewBench();
  console.log('');
  await runPathological();
}

/** One size, in its own process: build in memory, then re-render the recorded documents with pdfmake alone. */
async function child(size: number): Promise<void> {
  const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
  const topics = copies(size);
  const real = createTypesetter(fonts);
  const recorded: (() => Parameters<Typesetter['render']>[0])[] = [];
  const recording: Typesetter = {
    render(doc, options) {
      const frozen = cloneWithFunctions(doc); // pdfmake mutates its input: keep a pristine copy
      recorded.push(() => cloneWithFunctions(frozen));
      return real.render(doc, options);
    },
    // Fitting flip-chart type is our work, not the floor's: probes pass through unrecorded.
    measureHeights: (doc) => real.measureHeights(doc),
    textWidth: (text, face) => real.textWidth(text, face),
  };
  // Warm the JIT on one topic so both measurements start from the same state.
  await build({ topics: topics.slice(0, 1), ...templates, fonts, options: {}, typesetter: real });

  const started = performance.now();
  const result = await build({ topics, ...templates, fonts, options: {}, typesetter: recording });
  const buildMs = performance.now() - started;

  // The floor is pdfmake alone: no structure tree (tagging is our work, so it counts against us).
  const docs = recorded.map((make) => make());
  const floorStarted = performance.now();
  for (const doc of docs) await real.render(doc);
  const floorMs = performance.now() - floorStarted;

  const maxRssMb = process.resourceUsage().maxRSS / 1024; // before the threaded run, which has its own heaps
  const files = result.topics.reduce((n, t) => n + t.files.length, 0);

  // The compiled build on worker threads (workers need compiled code); bytes must not change.
  const { buildInParallel } = (await import(
    pathToFileURL(join(ROOT, 'dist/node/parallel.js')).href
  )) as typeof import('../src/node/parallel.js');
  const parallelStarted = performance.now();
  const threaded = await buildInParallel({ topics, ...templates, fonts, options: {} }, availableParallelism());
  const parallelMs = performance.now() - parallelStarted;
  const same = threaded.topics.every((t, i) => t.files.every((f, j) => Buffer.compare(f.bytes, result.topics[i]!.files[j]!.bytes) === 0));
  if (!same) throw new Error('worker threads produced different bytes');
  console.log(JSON.stringify({ topics: size, files, buildMs, parallelMs, floorMs, maxRssMb } satisfies ChildResult));
}

/** `size` topics made by cycling the real ones under new file names. */
function copies(size: number): SourceFile[] {
  const dir = topicFolder();
  const originals = readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => ({ name: n.replace(/\.md$/, ''), text: readFileSync(join(dir, n), 'utf8').replace(/^slug:.*\n/m, '') }));
  return Array.from({ length: size }, (_, i) => {
    const original = originals[i % originals.length]!;
    return { path: `bench/${original.name}-${i}.md`, bytes: new TextEncoder().encode(original.text) };
  });
}

function topicFolder(): string {
  const content = join(ROOT, 'content');
  try {
    if (readdirSync(content).some((n) => n.endsWith('.md'))) return 'content';
  } catch {
    // no content folder: fall back to the test fixture
  }
  return 'test/fixtures/valid';
}

function cloneWithFunctions<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneWithFunctions) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneWithFunctions(v)])) as T;
  }
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

function os(): string {
  return `${process.platform}/${process.arch}`;
}
