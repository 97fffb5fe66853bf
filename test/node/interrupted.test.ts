import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, TINY_TOPIC } from '../helpers/build.js';
import { cli, spawnCli } from '../helpers/cli.js';
import { flat, readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/temp.js';

/*
 * A build can be killed at any moment (Ctrl-C, a closed laptop, kill -9). What it leaves must
 * never mislead the next build, nor the page's visitors.
 */

interface Manifest {
  topics: { slug: string; files: { path: string; bytes: number }[]; archive?: { path: string } }[];
}

describe('after an interrupted build', () => {
  it('rebuilds a file that changed on disk although its size did not (kept files are checked by SHA-256)', async () => {
    const root = await tempDir();
    const content = join(root, 'content');
    await mkdir(content);
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
    const build = (out: string, organisation: string) =>
      cli(['build', '-q', '--content', content, '--out', out, '--organisation', organisation, '--topic', 'emne']);
    const guide = 'emne/drejebog.pdf';
    const kits = await Promise.all(
      ['Kommune ABCD', 'Kommune BCAD'].map(async (organisation) => {
        const out = join(root, organisation.slice(-4));
        expect((await build(out, organisation)).code).toBe(0);
        return { organisation, out, bytes: await readFile(join(out, guide)) };
      }),
    );
    // What a build killed after its rename and before its manifest leaves: the other kit's guide
    // under this kit's manifest, the same size (as in the issue, so size cannot tell): the shorter
    // one, padded after %%EOF (which PDF readers ignore), in the longer one's place.
    const [shorter, longer] = kits.sort((a, b) => a.bytes.length - b.bytes.length) as [(typeof kits)[0], (typeof kits)[0]];
    const same = Buffer.concat([shorter.bytes, Buffer.alloc(longer.bytes.length - shorter.bytes.length, 0x0a)]);
    await writeFile(join(longer.out, guide), same);
    expect(flat((await readPdf(new Uint8Array(same))).text)).toContain(shorter.organisation);

    const run = await build(longer.out, longer.organisation);
    expect(run.code, run.stderr).toBe(0);
    const text = flat((await readPdf(new Uint8Array(await readFile(join(longer.out, guide))))).text);
    expect(text).toContain(longer.organisation);
    expect(text).not.toContain(shorter.organisation);
  }, 90_000);

  // The kill test of robustness.test.ts, at a later moment: topics built before, changed, some gone.
  it('leaves no manifest or page naming a file that is gone, when killed mid-publish', async () => {
    const content = await tempDir();
    const out = await tempDir();
    const topic = (n: number, words: string) =>
      writeFile(join(content, `emne-${String(n).padStart(2, '0')}.md`), TINY_TOPIC.replace('Tal om det.', words));
    for (let n = 1; n <= 8; n++) await topic(n, 'Tal om det.');
    const first = await cli(['build', '-q', '--content', content, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    // Every topic changes (its zip must be made again), and one is gone.
    for (let n = 1; n <= 7; n++) await topic(n, 'Tal om det, og om det næste.');
    await rm(join(content, 'emne-08.md'));

    let killed = false;
    const run = await spawnCli(['build', '--content', content, '--out', out, '--jobs', '1'], {
      onStderr: (text, kill) => {
        if (!killed && (text.match(/✓ emne-/g) ?? []).length >= 3) {
          killed = true;
          kill();
        }
      },
    });
    expect(run.signal).toBe('SIGKILL');
    await expectOnlyExistingFilesNamed(out);

    // And a build that finishes leaves the same promise kept.
    const again = await cli(['build', '-q', '--content', content, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    await expectOnlyExistingFilesNamed(out);
    expect(await readdir(out)).not.toContain('emne-08');
  }, 120_000);
});

/** Every file the manifest lists, and every file the page links to inside out/, is there. */
async function expectOnlyExistingFilesNamed(out: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const named = manifest.topics.flatMap((t) => [...t.files.map((f) => f.path), ...(t.archive ? [t.archive.path] : [])]);
  const page = await readFile(join(out, 'index.html'), 'utf8');
  const linked = [...page.matchAll(/(?:href|src)="([^"?#]+)/g)].map((m) => m[1]!).filter((h) => !/^[a-z]+:|^\/\//i.test(h));
  expect(linked.length).toBeGreaterThan(0);
  for (const path of [...named, ...linked]) {
    const there = await readFile(join(out, decodeURIComponent(path))).then(
      () => true,
      () => false,
    );
    expect(there, `${path} is named but gone`).toBe(true);
  }
}
