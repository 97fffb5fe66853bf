import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every file under `dir`, relative, sorted. */
async function files(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await files(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe('worker threads', () => {
  let dir: string;
  beforeAll(async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
    dir = await mkdtemp(join(tmpdir(), 'dialogkit-par-'));
    await mkdir(join(dir, 'content'));
    // Enough topics that two workers are used (12 per worker at the least).
    for (let i = 0; i < 24; i++) await copyFile(join(ROOT, 'test/fixtures/valid/minimal.md'), join(dir, 'content', `emne-${i}.md`));
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('give byte-identical output to one thread', async () => {
    const run = (out: string, jobs: string) =>
      execFileSync(process.execPath, ['bin/dialogkit.js', 'build', '--content', join(dir, 'content'), '--out', join(dir, out), '--jobs', jobs], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run('one', '1');
    run('two', '2');
    const one = await files(join(dir, 'one'));
    expect(one.length).toBeGreaterThan(24);
    expect(await files(join(dir, 'two'))).toEqual(one);
    for (const file of one) {
      expect(Buffer.compare(await readFile(join(dir, 'one', file)), await readFile(join(dir, 'two', file))), file).toBe(0);
    }
  }, 120_000);

  it('build on the main thread what a worker that ran out of memory left, with the same bytes', async () => {
    const { buildInParallel } = (await import(pathToFileURL(join(ROOT, 'dist/parallel.js')).href)) as typeof import('../src/parallel.js');
    const { loadFonts, loadLayouts, loadTopics } = (await import(pathToFileURL(join(ROOT, 'dist/load.js')).href)) as typeof import('../src/load.js');
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
