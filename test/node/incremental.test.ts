import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/node/cli.js';
import type { Manifest } from '../../src/core/publish/manifest.js';
import { FIXTURES } from '../helpers/build.js';
import { tempDir } from '../helpers/temp.js';

/** Runs the CLI in-process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const io: Io = { out: () => {}, err: (t) => (err += t + '\n'), env: {} };
  const code = await main(args, io);
  return { code, err };
}

describe('incremental builds', () => {
  let dir: string;
  let content: string;
  let out: string;
  beforeEach(async () => {
    dir = await tempDir('dialogkit-incr-');
    content = join(dir, 'content');
    out = join(dir, 'out');
    await mkdir(content);
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const guide = () => join(out, 'emne', 'drejebog.pdf');

  it('skips files whose inputs did not change, and says so', async () => {
    expect((await run(['build', '--content', content, '--out', out])).code).toBe(0);
    const first = await stat(guide());
    const again = await run(['build', '--content', content, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/emne\s+unchanged/);
    expect((await stat(guide())).mtimeMs).toBe(first.mtimeMs);
    // The manifest still lists the kept file.
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.topics[0]!.files.map((f) => f.path)).toContain('emne/drejebog.pdf');
  });

  it('reports the warnings of the files it keeps, as the build that made them did', async () => {
    // A word too long for a flip-chart sheet (the sheets' warning) and a character no font has
    // (one warning naming every file that prints it as an empty box).
    const text = await readFile(join(content, 'emne.md'), 'utf8');
    await writeFile(join(content, 'emne.md'), text.replace('- Hvad er svært?', `- Hvad betyder ${'a'.repeat(100)}? ꙮ`));
    const warnings = (err: string) => err.split('\n').filter((line) => line.includes(': warning: '));
    const first = await run(['build', '--content', content, '--out', out]);
    expect(first.code).toBe(0);
    expect(warnings(first.err)).toHaveLength(2);
    expect(first.err).toMatch(/1 warning|2 warnings/);

    const again = await run(['build', '--content', content, '--out', out]);
    expect(again.err).toMatch(/emne\s+unchanged/);
    expect(warnings(again.err)).toEqual(warnings(first.err));
    expect(again.err).toContain('0 errors, 2 warnings');
    // From another working folder, the warnings name the topic file as given now.
    const moved = join(dir, 'moved');
    await rename(content, moved);
    const elsewhere = await run(['build', '--content', moved, '--out', out]);
    expect(elsewhere.err).toMatch(/emne\s+unchanged/);
    expect(warnings(elsewhere.err)).toEqual(warnings(first.err).map((line) => line.replace(content, moved)));

    // A manifest whose record of them is not Dialogkit's: the file is made again, not kept silently.
    const manifestPath = join(out, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    const flip = manifest.topics[0]!.files.find((f) => f.path === 'emne/flipover.pdf')!;
    expect(flip.warnings).toHaveLength(1);
    expect(flip.missingGlyphs).toEqual(['ꙮ']);
    (flip as unknown as { warnings: unknown }).warnings = [{ line: 'x' }];
    await writeFile(manifestPath, JSON.stringify(manifest));
    const tampered = await run(['build', '--content', moved, '--out', out]);
    expect(tampered.err).toMatch(/emne\s+1 file, 9 unchanged/);
    expect(warnings(tampered.err)).toHaveLength(2);
    // A path put into a recorded warning is not carried on: a kept file's warnings name its topic.
    const rewritten = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    const entry = rewritten.topics[0]!.files.find((f) => f.path === 'emne/flipover.pdf')!;
    Object.assign(entry.warnings![0]!, { file: '/etc/passwd' });
    await writeFile(manifestPath, JSON.stringify(rewritten));
    const kept = await run(['build', '--content', moved, '--out', out]);
    expect(kept.err).toMatch(/emne\s+unchanged/);
    expect(warnings(kept.err)).toEqual(warnings(tampered.err));
    expect(await readFile(manifestPath, 'utf8')).not.toContain('/etc/passwd');
  });

  it('rebuilds after the topic, the options or the file itself changed, and with --force', async () => {
    await run(['build', '--content', content, '--out', out]);
    const text = await readFile(join(content, 'emne.md'), 'utf8');
    await writeFile(join(content, 'emne.md'), text.replace('Indsaml pointer', 'Saml pointer'));
    expect((await run(['build', '--content', content, '--out', out])).err).not.toMatch(/emne\s+unchanged/);
    expect((await run(['build', '--content', content, '--out', out, '--start', '09:00'])).err).not.toMatch(/emne\s+unchanged/);
    await rm(guide());
    expect((await run(['build', '--content', content, '--out', out, '--start', '09:00'])).err).not.toMatch(/emne\s+unchanged/);
    await stat(guide());
    expect((await run(['build', '--content', content, '--out', out, '--start', '09:00'])).err).toMatch(/emne\s+unchanged/);
    expect((await run(['build', '--content', content, '--out', out, '--start', '09:00', '--force'])).err).not.toMatch(/emne\s+unchanged/);
  });

  it('gives the same bytes whether a file was kept or rebuilt', async () => {
    await run(['build', '--content', content, '--out', out]);
    const before = await readFile(guide());
    await run(['build', '--content', content, '--out', out, '--force']);
    expect(Buffer.compare(before, await readFile(guide()))).toBe(0);
  });
});
