import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/build.js';
import { cli, ROOT, spawnCli, STACK_FRAME, temporaryDir } from '../helpers/cli.js';

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** One line on stderr, no stack, no "bug": what every refusal and environment error must look like. */
function expectOneClearLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^dialogkit: error: /);
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toMatch(/bug|internal error/i);
}

/**
 * Whether the tests may mount a small tmpfs (root in a container usually can): tests run as root,
 * where chmod does not stop writes, so a read-only or full folder needs a file system of its own.
 * `undefined` when they may, else why not.
 */
function whyNoMount(): string | undefined {
  if (process.platform !== 'linux') return `tmpfs is Linux's; this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'mounting needs root, and the tests run as another user';
  if (spawnSync('mount', ['--version']).status !== 0) return 'there is no mount command';
  return undefined;
}

/** Mounts a tmpfs at `dir` with the given options; why not, when the machine does not allow it. */
function mountTmpfs(dir: string, options: string): string | undefined {
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  return run.status === 0 ? undefined : `mount -t tmpfs failed: ${(run.stderr || run.error?.message || `exit ${run.status}`).trim()}`;
}

/**
 * A full-disk or read-only test that cannot run here is skipped with one line saying why, never
 * silently. Under CI=true it fails instead: a CI that cannot run them must say so on purpose,
 * with DIALOGKIT_NO_TMPFS set to its reason (printed in that line).
 */
function skipWithoutMount(context: { skip: (note?: string) => void }, why: string): void {
  const excuse = process.env['DIALOGKIT_NO_TMPFS'];
  if (process.env['CI'] === 'true' && !excuse)
    throw new Error(`the full-disk and read-only tests cannot run: ${why}; on CI set DIALOGKIT_NO_TMPFS to the reason to skip them`);
  const line = `skipped the full-disk and read-only tests: ${why}${excuse ? ` (${excuse})` : ''}`;
  process.stderr.write(`dialogkit tests: ${line}\n`);
  context.skip(line);
}

describe('safe output', () => {
  let root: string;
  let content: string;
  beforeAll(async () => {
    root = await temporaryDir('dialogkit-safe-');
    content = join(root, 'content');
    await mkdir(content);
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** The real executable: for what one process sees of another (locks), and refusals (a fresh process's HOME). */
  const build = (out: string, extra: string[] = [], env: Record<string, string> = {}) =>
    spawnCli(['build', '-q', '--content', content, '--out', out, ...extra], { env });
  /** The same CLI in this process, for what only the output folder decides: no process start-up paid. */
  const buildHere = (out: string, extra: string[] = []) => cli(['build', '-q', '--content', content, '--out', out, ...extra]);

  it('refuses dangerous --out values with exit 2 and one line, touching nothing', async () => {
    // A home folder of the test's own, apart from `root` (which must be refused for holding the content).
    const home = await temporaryDir('dialogkit-home-');
    const foreign = join(root, 'foreign');
    await mkdir(join(home, 'me'), { recursive: true });
    await mkdir(foreign);
    await writeFile(join(foreign, 'index.html'), '<p>mine</p>');
    const alien = join(root, 'alien');
    await mkdir(alien);
    await writeFile(join(alien, 'manifest.json'), '{"name": "another tool"}');
    await writeFile(join(root, 'a-file'), 'x');
    const cases: [string, RegExp][] = [
      ['', /--out is empty/],
      ['/', /root of the file system/],
      [join(home, 'me'), /home folder/],
      [home, /home folder or holds it/],
      [content, /content folder/],
      [root, /content folder or holds it/],
      [join(ROOT, 'templates'), /templates folder/],
      [join(root, 'a-file'), /is a file, not a folder/],
      [foreign, /not empty and holds no manifest\.json of Dialogkit's/],
      [alien, /manifest\.json that Dialogkit did not write/],
    ];
    // Side by side: each is a process of its own that only looks before it refuses.
    const runs = await Promise.all(cases.map(([out]) => build(out, [], { HOME: join(home, 'me') })));
    for (const [index, [out, message]] of cases.entries()) {
      const run = runs[index]!;
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toMatch(message);
      expectOneClearLine(run.stderr);
    }
    expect(await readFile(join(foreign, 'index.html'), 'utf8')).toBe('<p>mine</p>');
    expect(await readFile(join(alien, 'manifest.json'), 'utf8')).toBe('{"name": "another tool"}');
    expect(await readdir(content)).toEqual(['emne.md']);
    await rm(home, { recursive: true, force: true });
  }, 60_000);

  it('leaves foreign files in and around the output folder alone, and cleans only its own leftovers', async () => {
    const out = join(root, 'out-foreign');
    expect((await buildHere(out)).code).toBe(0);
    const foreign: Record<string, string> = {
      'notes.txt': 'a',
      'emne/notes.txt': 'b',
      'emne/budget.2024.tmp': 'c',
      'sub/report.1234.tmp': 'd',
      'sub/.drejebog.pdf.dialogkit-99999-0123abcd.tmp': 'e',
      'emne/.drejebog.pdf.dialogkit-1-zzzz.tmp': 'f',
      'emne/drejebog.pdf.1234.tmp': 'g',
    };
    for (const [path, text] of Object.entries(foreign)) {
      await mkdir(join(out, path, '..'), { recursive: true });
      await writeFile(join(out, path), text);
    }
    await writeFile(join(root, 'beside-out.txt'), 'h');
    // What a killed build of Dialogkit's own leaves: removed.
    await writeFile(join(out, 'emne/.handout.pdf.dialogkit-99999-0123abcd.tmp'), 'half');
    await writeFile(join(out, '.index.html.dialogkit-99999-89abcdef.tmp'), 'half');

    const run = await buildHere(out, ['--force']);
    expect(run.code, run.stderr).toBe(0);
    for (const [path, text] of Object.entries(foreign)) expect(await readFile(join(out, path), 'utf8'), path).toBe(text);
    expect(await readFile(join(root, 'beside-out.txt'), 'utf8')).toBe('h');
    const files = await filesUnder(out);
    expect(files).not.toContain('emne/.handout.pdf.dialogkit-99999-0123abcd.tmp');
    expect(files).not.toContain('.index.html.dialogkit-99999-89abcdef.tmp');
  }, 60_000);

  it('removes the files of a topic whose file is gone, and says so', async () => {
    const out = join(root, 'out-removed');
    const slugs = () =>
      readFile(join(out, 'manifest.json'), 'utf8').then((t) => (JSON.parse(t) as { topics: { slug: string }[] }).topics.map((t) => t.slug));
    try {
      await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'andet.md'));
      expect((await buildHere(out)).code).toBe(0);
      expect(await slugs()).toEqual(['andet', 'emne']);
      await writeFile(join(out, 'andet', 'mine.txt'), 'a file of my own');
      await rm(join(content, 'andet.md'));

      const run = await cli(['build', '--content', content, '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/andet\s+removed \(its topic file is gone\)/);
      expect(run.stderr).toContain('removed 1 gone topic');
      expect(await slugs()).toEqual(['emne']);
      // Only what Dialogkit listed went: a file of the user's keeps the folder.
      expect(await readdir(join(out, 'andet'))).toEqual(['mine.txt']);
      expect(await readFile(join(out, 'index.html'), 'utf8')).not.toContain('andet/drejebog.pdf');

      // Without files of the user's, the folder goes too.
      await rm(join(out, 'andet', 'mine.txt'));
      await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'andet.md'));
      expect((await buildHere(out)).code).toBe(0);
      await rm(join(content, 'andet.md'));
      expect((await buildHere(out)).code).toBe(0);
      expect(await readdir(out)).not.toContain('andet');
    } finally {
      await rm(join(content, 'andet.md'), { force: true });
    }
  }, 90_000);

  it('lets one build at a time write into a folder; the other stops with one line', async () => {
    const out = join(root, 'out-concurrent');
    const runs = await Promise.all([build(out), build(out)]);
    const codes = runs.map((r) => r.code).sort();
    expect(codes, runs.map((r) => r.stderr).join('\n')).toEqual([0, 4]);
    const stopped = runs.find((r) => r.code === 4)!;
    expect(stopped.stderr).toMatch(/another build \((process \d+ on .+|another process)\) is writing into/);
    expectOneClearLine(stopped.stderr);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
      topics: { files: { path: string; bytes: number }[] }[];
    };
    for (const file of manifest.topics.flatMap((t) => t.files))
      expect((await readFile(join(out, file.path))).length, file.path).toBe(file.bytes);
    expect(await readdir(out)).not.toContain('.dialogkit.lock');
  }, 60_000);

  it('takes over the lock of a build that was killed, but not a live one', async () => {
    const out = join(root, 'out-lock');
    await mkdir(out);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    await writeFile(join(out, '.dialogkit.lock'), JSON.stringify({ pid: Number(dead), host: hostname() }));
    const run = await buildHere(out);
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(out)).not.toContain('.dialogkit.lock');

    await writeFile(join(out, '.dialogkit.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const blocked = await build(out);
    expect(blocked.code).toBe(4);
    expect(blocked.stderr).toContain(`another build (process ${process.pid} on ${hostname()})`);
    expect(blocked.stderr).toContain('delete');
    expectOneClearLine(blocked.stderr);
  }, 60_000);

  describe('on a small file system of its own', () => {
    let mountPoint: string;
    beforeAll(async () => {
      mountPoint = join(root, 'mnt');
      await mkdir(mountPoint);
    });
    /** Mounts the tmpfs, or skips the test saying why (fails under CI=true unless excused). */
    const mountOrSkip = (context: { skip: (note?: string) => void }, options: string): boolean => {
      const why = whyNoMount() ?? mountTmpfs(mountPoint, options);
      if (why === undefined) return true;
      skipWithoutMount(context, why);
      return false;
    };

    it('reports a read-only output folder in one line, exit 4', async (context) => {
      if (!mountOrSkip(context, 'size=1m,ro')) return;
      try {
        for (const out of [mountPoint, join(mountPoint, 'out')]) {
          const run = await build(out);
          expect(run.code, out).toBe(4);
          expect(run.stderr).toMatch(/read-only \(EROFS\); choose a writable --out folder/);
          expectOneClearLine(run.stderr);
        }
      } finally {
        execFileSync('umount', [mountPoint]);
      }
    }, 60_000);

    it('reports a full disk in one line, exit 4, with a manifest that lists only what is on disk', async (context) => {
      if (!mountOrSkip(context, 'size=300k')) return;
      try {
        await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'andet.md'));
        const run = await buildHere(join(mountPoint, 'out'));
        expect(run.code).toBe(4);
        expect(run.stderr).toMatch(/^dialogkit: error: cannot write .+: no space is left on the device \(ENOSPC\); free some space/);
        expectOneClearLine(run.stderr);
        const manifest = JSON.parse(await readFile(join(mountPoint, 'out/manifest.json'), 'utf8')) as {
          topics: { files: { path: string; bytes: number }[] }[];
        };
        const listed = manifest.topics.flatMap((t) => t.files);
        for (const file of listed) expect((await readFile(join(mountPoint, 'out', file.path))).length, file.path).toBe(file.bytes);
        // Every topic file that made it to disk (PDFs and web editions), not the page's assets or zips.
        const onDisk = (await filesUnder(join(mountPoint, 'out'))).filter(
          (f) => /^[^/]+\/[^/]+\.(pdf|html)$/.test(f) && !f.startsWith('assets/'),
        );
        expect(listed.map((f) => f.path).sort()).toEqual(onDisk);
      } finally {
        await rm(join(content, 'andet.md'), { force: true });
        execFileSync('umount', [mountPoint]);
      }
    }, 60_000);
  });
});
