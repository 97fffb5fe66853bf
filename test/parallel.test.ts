import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallGroupTopic } from './helpers/build.js';
import { ROOT, spawnCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

/** Every file under `dir`, relative, sorted. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('worker threads and separate processes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(join(dir, 'content'));
    // Enough topics that two workers are used (12 per worker at the least).
    const text = await smallGroupTopic();
    for (let i = 0; i < 24; i++) await writeFile(join(dir, 'content', `emne-${i}.md`), text);
  });

  // Two processes at the same time, one on a single thread and one on two worker threads, write
  // the same bytes.
  it('give byte-identical output to one thread in another process', async () => {
    const build = (out: string, jobs: string) =>
      spawnCli(['build', '--content', join(dir, 'content'), '--out', join(dir, out), '--jobs', jobs, '--quiet']);
    const runs = await Promise.all([build('one', '1'), build('two', '2')]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const one = await files(join(dir, 'one'));
    expect(one.filter((f) => f.endsWith('.pdf'))).toHaveLength(24 * 5);
    expect(await files(join(dir, 'two'))).toEqual(one);
    for (const file of one) {
      expect(Buffer.compare(await readFile(join(dir, 'one', file)), await readFile(join(dir, 'two', file))), file).toBe(0);
    }
  }, 120_000);

  it('build on the main thread what a worker that ran out of memory left, with the same bytes', async () => {
    const { buildInParallel } = (await import(pathToFileURL(join(ROOT, 'dist/parallel.js')).href)) as typeof import('../src/parallel.js');
    const { loadFonts, loadLayouts, loadTopics } = (await import(
      pathToFileURL(join(ROOT, 'dist/load.js')).href
    )) as typeof import('../src/load.js');
    const [{ sources }, templates, fonts] = await Promise.all([loadTopics(join(dir, 'content')), loadLayouts(), loadFonts()]);
    // A heap far too small for pdfmake and the fonts: every worker dies of it.
    const result = await buildInParallel({ topics: sources, ...templates, fonts, options: {} }, 2, undefined, 16);
    expect(result.topics.map((t) => t.ok)).toEqual(sources.map(() => true));
    expect(result.labels).toBeDefined();
    const topic = result.topics.find((t) => t.slug === 'emne-7')!;
    const guide = topic.files.find((f) => f.path === 'emne-7/drejebog.pdf')!;
    expect(Buffer.compare(Buffer.from(guide.bytes), await readFile(join(dir, 'one', 'emne-7/drejebog.pdf')))).toBe(0);
  }, 180_000);
});
