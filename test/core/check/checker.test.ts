import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, checkAll } from '../../../src/core/build/build.js';
import type { Diagnostic } from '../../../src/core/model.js';
import { loadFonts, loadLayouts } from '../../../src/node/load.js';
import { buildSources, FIXTURES, source } from '../../helpers/build.js';
import { cli, STACK_FRAME } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import type { Code } from '../../../src/core/messages/index.js';

interface Expected {
  exit: number;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  code: Code;
  message: string;
  hint: string | null;
  /** How many diagnostics of that severity the file gets. */
  count: number;
}

const BAD = join(FIXTURES, 'bad');
const expected = JSON.parse(await readFile(join(BAD, 'expected.json'), 'utf8')) as Record<string, Expected>;
const GOOD = join(FIXTURES, 'valid/minimal.md');
const PRODUCTS = ['drejebog.pdf', 'flipover.pdf', 'handout.pdf', 'koereplan.pdf', 'prikkort.pdf'];

async function corpusFile(name: string) {
  return { path: `content/${name}`, bytes: new Uint8Array(await readFile(join(BAD, name))) };
}

function wanted(name: string, want: Expected): Diagnostic {
  return {
    file: `content/${name}`,
    line: want.line,
    col: want.col,
    severity: want.severity,
    code: want.code,
    params: expect.any(Object) as Diagnostic['params'],
    message: want.message,
    ...(want.hint !== null && { hint: want.hint }),
  };
}

async function pdfsOf(dir: string): Promise<Map<string, Buffer>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return new Map(await Promise.all(names.filter((n) => n.endsWith('.pdf')).map(async (n) => [n, await readFile(join(dir, n))] as const)));
}

describe('the bad-input corpus, checked in-process', () => {
  it('has an expectation for every file of the corpus', async () => {
    const files = (await readdir(BAD)).filter((f) => f.endsWith('.md')).sort();
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(Object.entries(expected))('%s: names file, line, column and problem, with a hint', async (name, want) => {
    const { topics, diagnostics } = checkAll([await corpusFile(name)]);
    const same = diagnostics.filter((d) => d.severity === want.severity);
    expect(same, JSON.stringify(diagnostics)).toHaveLength(want.count);
    expect(same[0]).toEqual(wanted(name, want));
    // A topic comes back exactly when nothing is an error.
    expect(topics).toHaveLength(want.severity === 'error' ? 0 : 1);
    expect(want.exit).toBe(want.severity === 'error' ? 1 : 0);
  });

  it('builds the good topic and those with warnings beside the broken ones, and nothing of a broken one', async () => {
    const names = Object.keys(expected);
    const result = await buildSources([
      source(await readFile(GOOD, 'utf8'), 'content/good.md'),
      ...(await Promise.all(names.map(corpusFile))),
    ]);
    const byPath = new Map(result.topics.map((t) => [t.source, t]));
    const pdfNames = (files: { path: string }[]) =>
      files
        .filter((f) => f.path.endsWith('.pdf'))
        .map((f) => f.path.split('/')[1])
        .sort();
    expect(pdfNames(byPath.get('content/good.md')!.files)).toEqual(PRODUCTS);
    for (const [name, want] of Object.entries(expected)) {
      const topic = byPath.get(`content/${name}`)!;
      expect(topic.diagnostics, name).toContainEqual(wanted(name, want));
      expect(topic.ok, name).toBe(want.severity !== 'error');
      expect(pdfNames(topic.files), name).toEqual(want.severity === 'error' ? [] : PRODUCTS);
      if (want.severity === 'error') expect(topic.files, name).toEqual([]);
    }
  });
});

describe('dialogkit check and build on broken topics', () => {
  it('exits 1 on an error in check and build, keeps the broken topic’s earlier PDFs byte for byte, builds the rest', async () => {
    const name = 'step-gap.md';
    const want = expected[name]!;
    const content = await tempDir();
    const out = await tempDir();
    const path = join(content, name);
    // First a good version of the same topic is built, so there is earlier output to keep.
    await copyFile(GOOD, join(content, 'good.md'));
    await copyFile(GOOD, path);
    expect((await cli(['build', '--content', content, '--out', out, '--quiet'])).code).toBe(0);
    const before = await pdfsOf(join(out, 'step-gap'));
    expect([...before.keys()].sort()).toEqual(PRODUCTS);

    await copyFile(join(BAD, name), path);
    const checked = await cli(['check', '--content', content]);
    const built = await cli(['build', '--content', content, '--out', out]);
    for (const run of [checked, built]) {
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`${path}:${want.line}:${want.col}: error: ${want.message}\n  hint: ${want.hint}`);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
    expect(built.stderr).toMatch(/✓ good\s+/);
    const good = await pdfsOf(join(out, 'good'));
    expect([...good.keys()].sort()).toEqual(PRODUCTS);
    for (const bytes of good.values()) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfsOf(join(out, 'step-gap'))).toEqual(before);
    // Nothing half-written is left behind.
    const leftovers = (await readdir(out, { recursive: true })).filter((f) => String(f).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('exits 0 on a warning, and prints it with its hint', async () => {
    const name = 'media-mismatch.md';
    const want = expected[name]!;
    const content = await tempDir();
    await copyFile(join(BAD, name), join(content, name));
    const run = await cli(['check', '--content', content]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${join(content, name)}:${want.line}:${want.col}: warning: ${want.message}\n  hint: ${want.hint}`);
  });

  it('refuses a file over the size limit and says which limit', async () => {
    const content = await tempDir();
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
    expect(run.stderr).toMatch(
      /offentlige-systemer\.md:63:88: warning: this step speaks of "fuldmagt", which belongs to another topic, "Hjælp borgere med digitale fuldmagter" \(.*fuldmagter\.md\)/,
    );
    expect(run.stderr).not.toContain('fuldmagter.md:'); // the topic that owns the phrase is fine
  });

  it('prints the same diagnostics as JSON with --format json', async () => {
    const content = await tempDir();
    await copyFile(join(BAD, 'unknown-key.md'), join(content, 'unknown-key.md'));
    await copyFile(join(BAD, 'media-mismatch.md'), join(content, 'media-mismatch.md'));
    const run = await cli(['check', '--content', content, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: number; diagnostics: Record<string, unknown>[] };
    expect(report.files).toBe(2);
    expect(report.diagnostics).toContainEqual({
      file: join(content, 'unknown-key.md'),
      line: 2,
      col: 1,
      severity: 'error',
      code: 'DK0130',
      message: 'unknown key `titel`',
      hint: 'did you mean `title`?',
      params: { key: 'titel', parent: '', noun: 'key', odd: '', guess: 'title', known: expect.any(Array) as unknown },
    });
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: join(content, 'media-mismatch.md'), line: 43, col: 64, severity: 'warning' }),
    );
  });

  it('names the template and line of a template error, and builds nothing with it', async () => {
    const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
    const layouts = templates.layouts.map((l) =>
      l.name === 'handout' ? { ...l, text: l.text.replace('{{part "media"}}', '{{part "medai"}}') } : l,
    );
    const line =
      templates.layouts
        .find((l) => l.name === 'handout')!
        .text.split('\n')
        .findIndex((l) => l.includes('{{part "media"}}')) + 1;
    const result = await build({ topics: [source(await readFile(GOOD, 'utf8'))], layouts, labels: templates.labels, fonts, options: {} });
    const all = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)];
    expect(all).toContainEqual(
      expect.objectContaining({ file: 'templates/handout.hbs', line, severity: 'error', message: 'unknown part "medai"' }),
    );
    expect(result.topics[0]!.files.some((f) => f.path.endsWith('handout.pdf'))).toBe(false);
  });

  it('never lets front matter pollute prototypes', async () => {
    const content = await tempDir();
    for (const name of ['proto-key.md', 'constructor-key.md']) await copyFile(join(BAD, name), join(content, name));
    await cli(['check', '--content', content]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
