import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import type { Manifest } from '../src/core/manifest.js';
import { FIXTURES } from './helpers/build.js';
import { tempDir } from './helpers/temp.js';

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
