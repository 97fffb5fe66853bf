import { createHash } from 'node:crypto';
import { copyFile, lstat, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/build.js';
import { cli, STACK_FRAME } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/*
 * The output folder is where others can write too (a shared network folder, a web host's publish
 * folder): a symbolic link or a tampered manifest placed there must never lead a build outside it.
 */

interface Setup {
  content: string;
  out: string;
  /** A folder beside out/ that is not Dialogkit's. */
  elsewhere: string;
}

/** Two topics, built once into out/. */
async function builtTwice(): Promise<Setup> {
  const root = await tempDir();
  const content = join(root, 'content');
  const out = join(root, 'out');
  const elsewhere = join(root, 'elsewhere');
  await mkdir(content);
  await mkdir(elsewhere);
  await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
  await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'andet.md'));
  const first = await build(content, out);
  expect(first.code, first.stderr).toBe(0);
  return { content, out, elsewhere };
}

function build(content: string, out: string, extra: string[] = []) {
  return cli(['build', '-q', '--content', content, '--out', out, ...extra]);
}

/** Every entry under `dir` with its inode and SHA-256: any write, rename or delete there changes it. */
async function fingerprintOf(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const info = await lstat(path);
    const hash = info.isFile()
      ? createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
      : '';
    result[name] = `${info.ino}:${hash}`;
  }
  return result;
}

interface ManifestShape {
  topics: { slug: string; title: string; source: string; files: { path: string; bytes: number; sha256: string; pages: number | null }[] }[];
}

async function manifestOf(out: string): Promise<ManifestShape> {
  return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as ManifestShape;
}

/** The refusal of one topic: one line naming the link, no stack, no "bug". */
function expectRefusal(stderr: string, slug: string): void {
  const lines = stderr.split('\n').filter((l) => l.startsWith('dialogkit: error:'));
  expect(
    lines.some((l) => l.includes(`topic "${slug}" not written`) && /symbolic link|outside/.test(l)),
    stderr,
  ).toBe(true);
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toMatch(/internal error|bug/i);
}

describe('a hostile output folder', () => {
  it('(a) a topic folder replaced by a link: never written through, never deleted through; other topics build', async () => {
    const { content, out, elsewhere } = await builtTwice();
    // The attack: the topic's folder moved elsewhere, a link left in its place.
    await rm(elsewhere, { recursive: true });
    await rename(join(out, 'emne'), elsewhere);
    await symlink(elsewhere, join(out, 'emne'));
    await writeFile(join(elsewhere, 'mine.txt'), 'not Dialogkit’s');
    const before = await fingerprintOf(elsewhere);

    for (const extra of [[], ['--force']]) {
      const run = await build(content, out, extra);
      expect(run.code, run.stderr).toBe(2);
      expectRefusal(run.stderr, 'emne');
      expect(await fingerprintOf(elsewhere)).toEqual(before);
      // The other topic and the page are built.
      expect((await manifestOf(out)).topics.find((t) => t.slug === 'andet')?.files.length).toBeGreaterThanOrEqual(5);
      expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('andet/drejebog.pdf');
    }

    // The topic's file removed: its (linked) folder must not be emptied.
    await rm(join(content, 'emne.md'));
    const run = await build(content, out);
    expect(run.code, run.stderr).not.toBe(0);
    expect(run.stderr).not.toMatch(/internal error|bug/i);
    expect(await fingerprintOf(elsewhere)).toEqual(before);
    expect((await lstat(join(out, 'emne'))).isSymbolicLink()).toBe(true);
  }, 120_000);

  it('(b) a link out/x and a manifest entry for x/id_rsa: nothing outside out/ is deleted', async () => {
    const { content, out, elsewhere } = await builtTwice();
    await writeFile(join(elsewhere, 'id_rsa'), 'PRIVATE KEY');
    await symlink(elsewhere, join(out, 'x'));
    const manifest = await manifestOf(out);
    manifest.topics.push({
      slug: 'x',
      title: 'x',
      source: 'x.md',
      files: [{ path: 'x/id_rsa', bytes: 11, pages: null, sha256: 'a'.repeat(64) }],
    });
    await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
    const run = await build(content, out);
    expect(run.code, run.stderr).toBe(2);
    expectRefusal(run.stderr, 'x');
    expect(await readFile(join(elsewhere, 'id_rsa'), 'utf8')).toBe('PRIVATE KEY');
    // The other topics are untouched and still listed.
    expect((await manifestOf(out)).topics.map((t) => t.slug)).toEqual(['andet', 'emne']);
  }, 60_000);

  it('(c) a kept product file replaced by a link to a secret: the secret is never zipped, nor overwritten', async () => {
    const { content, out, elsewhere } = await builtTwice();
    const handout = join(out, 'emne/handout.pdf');
    // The secret has the handout's very size, so a check by size alone takes it for the handout.
    const size = (await stat(handout)).size;
    const secret = join(elsewhere, 'secret.txt');
    const secretText = 'TOP SECRET '.repeat(size).slice(0, size);
    await writeFile(secret, secretText);
    await rm(handout);
    await symlink(secret, handout);
    await rm(join(out, 'emne/emne.zip'));

    const run = await build(content, out);
    expect(run.code, run.stderr).toBe(2);
    expectRefusal(run.stderr, 'emne');
    expect(await readFile(secret, 'utf8')).toBe(secretText);
    for (const name of await readdir(join(out, 'emne'))) {
      if (!name.endsWith('.zip')) continue;
      const zipped = unzipSync(new Uint8Array(await readFile(join(out, 'emne', name))));
      for (const bytes of Object.values(zipped)) expect(Buffer.from(bytes).toString('latin1')).not.toContain('TOP SECRET');
    }
    // The manifest and the page never name the link as the handout.
    const listed = (await manifestOf(out)).topics.find((t) => t.slug === 'emne')?.files.map((f) => f.path) ?? [];
    expect(listed).not.toContain('emne/handout.pdf');
    expect((await manifestOf(out)).topics.find((t) => t.slug === 'andet')?.files.length).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('ignores manifest entries outside their topic’s folder: nothing outside is deleted, no other topic’s file', async () => {
    const { content, out, elsewhere } = await builtTwice();
    await writeFile(join(elsewhere, 'victim.txt'), 'keep me');
    const manifest = await manifestOf(out);
    const fake = (path: string) => ({ path, bytes: 7, pages: null, sha256: 'b'.repeat(64) });
    // A topic whose file is gone: everything its entry lists would be deleted.
    manifest.topics.push({
      slug: 'gone',
      title: 'gone',
      source: 'gone.md',
      files: [
        fake('gone/../../elsewhere/victim.txt'),
        fake('../elsewhere/victim.txt'),
        fake(join(elsewhere, 'victim.txt')),
        fake('emne/drejebog.pdf'),
        fake('andet/handout.pdf'),
      ],
    });
    await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
    const drejebog = await readFile(join(out, 'emne/drejebog.pdf'));
    // Only `gone` changes: the other topics are kept as they are.
    const run = await build(content, out, ['--topic', 'emne']);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(elsewhere, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(await readFile(join(out, 'emne/drejebog.pdf'))).toEqual(drejebog);
    expect((await stat(join(out, 'andet/handout.pdf'))).isFile()).toBe(true);
    expect((await manifestOf(out)).topics.map((t) => t.slug)).toEqual(['andet', 'emne']);
  }, 60_000);
});
