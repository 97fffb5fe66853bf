import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/core/build.js';
import { loadFonts, loadLayouts } from '../src/load.js';
import { FIXTURES, source } from './helpers/build.js';
import { cli, STACK_FRAME, temporaryDir } from './helpers/cli.js';

interface Expected {
  exit: number;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
  count: number;
}

const BAD = join(FIXTURES, 'bad');
const expected = JSON.parse(await readFile(join(BAD, 'expected.json'), 'utf8')) as Record<string, Expected>;
const GOOD = join(FIXTURES, 'valid/minimal.md');

async function pdfsOf(dir: string): Promise<Map<string, Buffer>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return new Map(await Promise.all(names.filter((n) => n.endsWith('.pdf')).map(async (n) => [n, await readFile(join(dir, n))] as const)));
}

describe('dialogkit check and build on broken topics', () => {
  it('has an expectation for every file of the corpus', async () => {
    const files = (await readdir(BAD)).filter((f) => f.endsWith('.md')).sort();
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(Object.entries(expected))('%s: names file, line and problem, keeps earlier output, builds the rest', async (name, want) => {
    const content = await temporaryDir();
    const out = await temporaryDir();
    const path = join(content, name);
    // First a good version of the same topic is built, so there is earlier output to keep.
    await copyFile(GOOD, join(content, 'good.md'));
    await copyFile(GOOD, path);
    expect((await cli(['build', '--content', content, '--out', out, '--quiet'])).code).toBe(0);
    const slug = name.replace(/\.md$/, '');
    const before = await pdfsOf(join(out, slug));
    expect(before.size).toBe(5);

    await copyFile(join(BAD, name), path);
    const checked = await cli(['check', '--content', content]);
    const built = await cli(['build', '--content', content, '--out', out]);
    for (const run of [checked, built]) {
      expect(run.code, run.stderr).toBe(want.exit);
      expect(run.stderr).toContain(`${path}:${want.line}:${want.col}: ${want.severity}: ${want.message}`);
      if (want.hint) expect(run.stderr).toContain(`hint: ${want.hint}`);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
    // The good topic is built; the broken one keeps its earlier PDFs, byte for byte.
    expect(built.stderr).toMatch(/✓ good\s+/);
    const good = await pdfsOf(join(out, 'good'));
    expect([...good.keys()].sort()).toEqual(['drejebog.pdf', 'flipover.pdf', 'handout.pdf', 'koereplan.pdf', 'prikkort.pdf']);
    for (const bytes of good.values()) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (want.severity === 'error') expect(await pdfsOf(join(out, slug))).toEqual(before);
    // Nothing half-written is left behind.
    const leftovers = (await readdir(out, { recursive: true })).filter((f) => String(f).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('refuses a file over the size limit and says which limit', async () => {
    const content = await temporaryDir();
    await writeFile(join(content, 'huge.md'), (await readFile(GOOD, 'utf8')) + '\nx'.repeat(600_000));
    const run = await cli(['check', '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/huge\.md:1:1: error: the file is [\d,]+ bytes; topic files are limited to 1,000,000 bytes \(1 MB\)/);
  });

  it('names both files when two topics share a slug', async () => {
    const run = await cli(['check', '--content', join(FIXTURES, 'duplicate')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('duplicate/second.md:1:1: error: the slug "samme" is already used by');
    expect(run.stderr).toContain('duplicate/first.md');
  });

  it('warns when a step speaks of another topic, naming it', async () => {
    const run = await cli(['check', '--content', join(FIXTURES, 'leak')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/offentlige-systemer\.md:63:88: warning: this step speaks of "fuldmagt", which belongs to another topic, "Hjælp borgere med digitale fuldmagter" \(.*fuldmagter\.md\)/);
    expect(run.stderr).not.toContain('fuldmagter.md:'); // the topic that owns the phrase is fine
  });

  it('prints the same diagnostics as JSON with --format json', async () => {
    const content = await temporaryDir();
    await copyFile(join(BAD, 'unknown-key.md'), join(content, 'unknown-key.md'));
    await copyFile(join(BAD, 'media-mismatch.md'), join(content, 'media-mismatch.md'));
    const run = await cli(['check', '--content', content, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: number; diagnostics: Record<string, unknown>[] };
    expect(report.files).toBe(2);
    expect(report.diagnostics).toContainEqual({ file: join(content, 'unknown-key.md'), line: 2, col: 1, severity: 'error', message: 'unknown key `titel`', hint: 'did you mean `title`?' });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: join(content, 'media-mismatch.md'), line: 43, col: 64, severity: 'warning' }));
  });

  it('names the template and line of a template error, and builds nothing with it', async () => {
    const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    const layouts = templates.layouts.map((l) => (l.name === 'handout' ? { ...l, text: l.text.replace('{{part "media"}}', '{{part "medai"}}') } : l));
    const line = templates.layouts.find((l) => l.name === 'handout')!.text.split('\n').findIndex((l) => l.includes('{{part "media"}}')) + 1;
    const result = await build({ topics: [source(await readFile(GOOD, 'utf8'))], layouts, labels: templates.labels, fonts, options: {} });
    const all = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)];
    expect(all).toContainEqual(expect.objectContaining({ file: 'templates/handout.hbs', line, severity: 'error', message: 'unknown part "medai"' }));
    expect(result.topics[0]!.files.some((f) => f.path.endsWith('handout.pdf'))).toBe(false);
  });

  it('never lets front matter pollute prototypes', async () => {
    const content = await temporaryDir();
    for (const name of ['proto-key.md', 'constructor-key.md']) await copyFile(join(BAD, name), join(content, name));
    await cli(['check', '--content', content]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

