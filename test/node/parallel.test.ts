import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, TINY_TOPIC } from '../helpers/build.js';
import { ROOT, spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** Every file under `dir`, relative, sorted. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('how many worker threads a build uses', () => {
  it('stays on the main thread for little work, and caps a large build in a worker even on one core', async () => {
    const { workerCount } = await import('../../src/node/parallel.js');
    expect(workerCount(6, 2)).toBe(0);
    expect(workerCount(23, 2)).toBe(0); // two workers need 12 topics each
    expect(workerCount(24, 2)).toBe(2);
    expect(workerCount(24, 1)).toBe(0);
    expect(workerCount(99, 1)).toBe(0);
    expect(workerCount(100, 1)).toBe(1); // its heap capped: 600 topics peaked at 700 MB on the main thread
    expect(workerCount(600, 2)).toBe(2);
    expect(workerCount(600, 8)).toBe(8);
    expect(workerCount(50, 8)).toBe(4);
  });
});

describe('worker threads and separate processes', () => {
  /** Holds `content/`: enough topics that two workers are used (12 per worker at the least). */
  let home: string;
  /** The first build's output: one thread, run from `home` with a relative content path. */
  let one: string;
  beforeAll(async () => {
    home = await tempDir();
    one = await tempDir();
    await mkdir(join(home, 'content'));
    // Mostly tiny topics (their content does not matter here), and two whole ones, one in English.
    for (let i = 0; i < 22; i++) await writeFile(join(home, 'content', `emne-${i}.md`), TINY_TOPIC);
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(home, 'content', 'minimal.md'));
    await copyFile(join(FIXTURES, 'english/english.md'), join(home, 'content', 'english.md'));
  });

  // Two processes at the same time, one on a single thread started from the content's parent with
  // a relative --content, one on two worker threads started from elsewhere with an absolute one:
  // the same bytes, page and manifest included.
  it('give byte-identical output to one thread in another process, whatever folder they ran from', async () => {
    const two = await tempDir();
    const runs = await Promise.all([
      spawnCli(['build', '--content', 'content', '--out', one, '--jobs', '1', '--quiet'], { cwd: home }),
      spawnCli(['build', '--content', join(home, 'content'), '--out', two, '--jobs', '2', '--quiet'], { cwd: two }),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const made = await files(one);
    expect(made.filter((f) => f.endsWith('.pdf'))).toHaveLength(24 * 5);
    expect(made).toContain('manifest.json');
    expect(await files(two)).toEqual(made);
    for (const file of made) {
      expect(Buffer.compare(await readFile(join(one, file)), await readFile(join(two, file))), file).toBe(0);
    }
  }, 120_000);

  it("keep watch's builds on the main thread, where its memo is, however many topics", async () => {
    const { buildInParallel } = (await import(
      pathToFileURL(join(ROOT, 'dist/node/parallel.js')).href
    )) as typeof import('../../src/node/parallel.js');
    const { createBuildMemo } = (await import(
      pathToFileURL(join(ROOT, 'dist/core/build/build-memo.js')).href
    )) as typeof import('../../src/core/build/build-memo.js');
    const { loadFonts, loadLayouts } = (await import(
      pathToFileURL(join(ROOT, 'dist/node/load.js')).href
    )) as typeof import('../../src/node/load.js');
    const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    // 100 topics: a build without a memo would use a worker even with one job.
    const topics = Array.from({ length: 100 }, (_, i) => ({ path: `content/emne-${i}.md`, bytes: new TextEncoder().encode(TINY_TOPIC) }));
    const memo = createBuildMemo();
    const result = await buildInParallel({ topics, ...templates, fonts, options: {}, cache: memo }, 1);
    expect(result.topics.every((t) => t.ok)).toBe(true);
    expect(new Set(memo.readKeys().map((key) => key.split('/')[0])).size).toBe(100);
  }, 120_000);

  it('build on the main thread what a worker that ran out of memory left, with the same bytes', async () => {
    const { buildInParallel } = (await import(
      pathToFileURL(join(ROOT, 'dist/node/parallel.js')).href
    )) as typeof import('../../src/node/parallel.js');
    const { loadFonts, loadLayouts, loadTopics } = (await import(
      pathToFileURL(join(ROOT, 'dist/node/load.js')).href
    )) as typeof import('../../src/node/load.js');
    const [{ sources }, templates, fonts] = await Promise.all([loadTopics(join(home, 'content')), loadLayouts(), loadFonts()]);
    // A heap far too small for pdfmake and the fonts: every worker dies of it.
    const result = await buildInParallel({ topics: sources, ...templates, fonts, options: {} }, 2, undefined, 16);
    expect(result.topics.map((t) => t.ok)).toEqual(sources.map(() => true));
    expect(result.labels).toBeDefined();
    const made = result.topics.flatMap((t) => t.files);
    expect(made.filter((f) => f.path.endsWith('.pdf'))).toHaveLength(24 * 5);
    for (const file of made) expect(Buffer.compare(Buffer.from(file.bytes), await readFile(join(one, file.path))), file.path).toBe(0);
  }, 180_000);
});
