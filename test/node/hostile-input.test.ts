import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, open, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/build.js';
import { cli, spawnCli, STACK_FRAME } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** One line on stderr, no stack, no "bug". */
function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(
    lines.filter((l) => !l.startsWith('Run `dialogkit --help`')),
    stderr,
  ).toHaveLength(1);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toMatch(/internal error|bug/i);
}

async function contentFolder(): Promise<{ root: string; content: string; out: string }> {
  const root = await tempDir();
  const content = join(root, 'content');
  await mkdir(content);
  await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
  return { root, content, out: join(root, 'out') };
}

describe('files Dialogkit is given that are not plain files', () => {
  // The real executable: a hang or a gigabyte read shows as time, and the process must end by itself.
  it('refuses a --logo that is /dev/zero, a named pipe or a 200 MB file, at once, with one --logo line and no lock', async () => {
    const { root, content, out } = await contentFolder();
    const pipe = join(root, 'logo.pipe');
    execFileSync('mkfifo', [pipe]);
    const huge = join(root, 'huge.png');
    // Sparse: 200 MB on paper, nothing on disk.
    const handle = await open(huge, 'w');
    await handle.truncate(200 * 1024 * 1024);
    await handle.close();
    const cases: [string, RegExp][] = [
      ['/dev/zero', /^dialogkit: --logo: cannot read "\/dev\/zero" is a device, not a regular file/],
      [pipe, /^dialogkit: --logo: cannot read ".*logo\.pipe" is a named pipe, not a regular file/],
      [huge, /^dialogkit: --logo: the file is 200\.0 MB; a logo may be at most 2 MB/],
      [root, /^dialogkit: --logo: cannot read ".*" is a folder, not a regular file/],
    ];
    for (const [logo, message] of cases) {
      const started = performance.now();
      const run = await spawnCli(['build', '--content', content, '--out', out, '--logo', logo]);
      // A process of its own starts in ~0.5 s; reading 200 MB or hanging on a pipe would take far longer.
      expect(performance.now() - started, logo).toBeLessThan(10_000);
      expect(run.code, run.stderr).toBe(2);
      expectOneLine(run.stderr, message);
    }
    expect(await readdir(root)).not.toContain('out');
  }, 60_000);

  it('reads no more of a huge --logo than its cap and one byte', async () => {
    const { root, content, out } = await contentFolder();
    // 1.5 GB, sparse: reading it whole would take 1.5 GB of memory.
    const huge = join(root, 'huge.svg');
    const handle = await open(huge, 'w');
    await handle.truncate(1_500_000_000);
    await handle.close();
    // In a process of its own, which reports its peak memory (kB) when done.
    const cli = JSON.stringify(new URL('../../dist/node/cli.js', import.meta.url).href);
    const args = JSON.stringify(['build', '--content', content, '--out', out, '--logo', huge]);
    const script = `const { main } = await import(${cli}); process.exitCode = await main(${args}); console.log(process.resourceUsage().maxRSS);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /^dialogkit: --logo: the file is 1430\.5 MB; a logo may be at most 2 MB/);
    expect(Number(run.stdout.trim()) * 1024).toBeLessThan(400_000_000);
  }, 30_000);

  it('refuses a layout in --templates that is a link (to a secret), a pipe or a device, with one line', async () => {
    const { root, content, out } = await contentFolder();
    const secret = join(root, 'secrets.env');
    await writeFile(secret, 'PASSWORD=hunter2');
    const cases: [string, (path: string) => Promise<void>, RegExp][] = [
      ['link', (path) => symlink(secret, path), /--templates: ".*index\.hbs" is a symbolic link/],
      [
        'pipe',
        (path) => Promise.resolve(void execFileSync('mkfifo', [path])),
        /--templates: ".*index\.hbs" is a named pipe, not a regular file/,
      ],
      [
        'device',
        (path) => Promise.resolve(void execFileSync('mknod', [path, 'c', '1', '5'])),
        /--templates: ".*index\.hbs" is a device, not a regular file/,
      ],
    ];
    for (const [name, make, message] of cases) {
      const templates = join(root, `templates-${name}`);
      await mkdir(templates);
      await make(join(templates, 'index.hbs'));
      const started = performance.now();
      const run = await spawnCli(['build', '-q', '--content', content, '--out', join(root, `out-${name}`), '--templates', templates]);
      expect(performance.now() - started, name).toBeLessThan(10_000);
      expect(run.code, run.stderr).toBe(2);
      expectOneLine(run.stderr, message);
      const page = await readFile(join(root, `out-${name}`, 'index.html'), 'utf8').catch(() => '');
      expect(page).not.toContain('hunter2');
    }
    expect(await readdir(root)).not.toContain('out');
    void out;
  }, 60_000);

  it('refuses a garbled manifest that claims to be Dialogkit’s with the usual line, never an internal error', async () => {
    const { content, out } = await contentFolder();
    await mkdir(out);
    for (const text of [
      '{"generator": "dialogkit 0.1.0", "topics": [{"slug": "emne", "title": 1, "source": null, "files": [{}]}]}',
      '{"generator": "dialogkit 0.1.0", "topics": [{"slug": "emne", "title": "T", "source": "emne.md", "files": [], "summary": {"language": "da"}}]}',
      '{"generator": "dialogkit 0.1.0", "topics": [7]}',
      '{"generator": "dialogkit 0.1.0", "topics": [',
    ]) {
      await writeFile(join(out, 'manifest.json'), text);
      const run = await cli(['build', '-q', '--content', content, '--out', out]);
      expect(run.code, text).toBe(2);
      expectOneLine(run.stderr, /holds a manifest\.json that Dialogkit did not write or cannot read; choose another folder, or delete/);
    }
  });
});

describe('locks', () => {
  it('says in one line that a lock which is a folder is not Dialogkit’s (exit 4)', async () => {
    const { content, out } = await contentFolder();
    expect((await cli(['build', '-q', '--content', content, '--out', out])).code).toBe(0);
    await mkdir(join(out, '.dialogkit.lock'));
    const run = await cli(['build', '-q', '--content', content, '--out', out]);
    expect(run.code).toBe(4);
    expectOneLine(run.stderr, /the lock .*\.dialogkit\.lock is a folder, not Dialogkit's lock; remove it if no build is running/);
  });

  it('does not take a foreign folder for its output because it holds a stale lock', async () => {
    const { content, out } = await contentFolder();
    await mkdir(out);
    await writeFile(join(out, 'thesis.docx'), 'mine');
    await writeFile(join(out, '.dialogkit.lock'), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const run = await cli(['build', '-q', '--content', content, '--out', out]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /not empty and holds no manifest\.json of Dialogkit's/);
    expect(await readdir(out)).toEqual(['.dialogkit.lock', 'thesis.docx']);
  });

  // Many processes find the same dead lock at once: exactly one may take it over. Each process
  // holds what it took until every one has tried (a lock whose process ended is rightly taken over).
  it('lets exactly one of many racing processes take over a dead lock', async () => {
    const root = await tempDir();
    const script = join(root, 'race.mjs');
    // The compiled module (the suite compiles dist/ before it runs): the same code as the CLI's.
    const module = JSON.stringify(new URL('../../dist/node/output-folder.js', import.meta.url).href);
    await writeFile(
      script,
      `import { lockOutputFolder } from ${module};\n` +
        `try { await lockOutputFolder(process.argv[2]); process.stdout.write('took\\n'); }\n` +
        `catch (e) { process.stdout.write('refused:' + e.message + '\\n'); }\n` +
        `process.stdin.resume(); process.stdin.on('end', () => process.exit(0));\n`,
    );
    for (let round = 0; round < 10; round++) {
      const out = join(root, `out-${round}`);
      await mkdir(out);
      await writeFile(join(out, '.dialogkit.lock'), JSON.stringify({ pid: deadPid(), host: hostname() }));
      const runs = await raceAll(script, out, 5);
      expect(
        runs.filter((r) => r === 'took'),
        `round ${round}:\n${runs.join('\n')}`,
      ).toHaveLength(1);
      for (const r of runs.filter((r) => r !== 'took'))
        expect(r).toMatch(/^refused:another build \((process \d+ on .+|another process)\) is writing/);
    }
  }, 180_000);
});

/** The id of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** Starts `count` processes running `script out`; each one's first line once all have answered, then lets them end. */
async function raceAll(script: string, out: string, count: number): Promise<string[]> {
  const children = Array.from({ length: count }, () => spawn(process.execPath, [script, out]));
  const answers = await Promise.all(
    children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let text = '';
          let err = '';
          child.stdout.on('data', (d) => {
            text += d;
            if (text.includes('\n')) resolve(text.split('\n')[0]!);
          });
          child.stderr.on('data', (d) => (err += d));
          child.on('close', () => resolve(text.split('\n')[0] || `stderr:${err}`));
        }),
    ),
  );
  await Promise.all(children.map((child) => new Promise((done) => (child.stdin.end(), child.on('close', done)))));
  return answers;
}

describe('what reaches the terminal', () => {
  const ESC = '\u001b';
  /** No raw control character but the line break; the escape shown as `\u001b`. */
  function expectEscaped(text: string): void {
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('\\u001b');
  }

  it('shows escapes in a lock’s host name, a topic file’s name and the --duration error as text', async () => {
    const { content, out } = await contentFolder();
    expect((await cli(['build', '-q', '--content', content, '--out', out])).code).toBe(0);
    await writeFile(join(out, '.dialogkit.lock'), JSON.stringify({ pid: process.pid, host: `evil${ESC}]0;pwned\u0007${ESC}[2J` }));
    const locked = await cli(['build', '-q', '--content', content, '--out', out]);
    expect(locked.code).toBe(4);
    expectEscaped(locked.stderr);

    // A file name with an escape (its slug given, so the topic is read and --duration judges it).
    const minimal = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    await writeFile(
      join(content, `emne${ESC}[31mrød.md`),
      minimal.replace(/^title: .*$/m, (line) => `${line}\nslug: farve`),
    );
    await writeFile(join(content, `x${ESC}[31m.md`), 'not a topic');
    const checked = await cli(['check', '--content', content]);
    expect(checked.code).toBe(1);
    expectEscaped(checked.stderr);
    const duration = await cli(['build', '--content', content, '--out', join(content, '..', 'out2'), '--duration', '1']);
    expect(duration.code).toBe(2);
    expectEscaped(duration.stderr);
  });
});

describe('small limits', () => {
  it('takes SOURCE_DATE_EPOCH only as plain digits', async () => {
    for (const epoch of ['0x10', '1e9', '1.5', '-5', ' 7', 'Infinity']) {
      const run = await cli(['check', '--content', FIXTURES], { SOURCE_DATE_EPOCH: epoch });
      expect(run.code, epoch).toBe(2);
      expectOneLine(run.stderr, /^dialogkit: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 in plain digits/);
    }
  });

  it('caps --jobs at the number of cores, with a note', async () => {
    const { content } = await contentFolder();
    const run = await cli(['check', '--content', content, '--jobs', '64']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^dialogkit: note: --jobs 64 is more than this machine's \d+ cores?; using \d+$/m);
  });

  it('refuses `slug: assets` (the page’s own folder) at the slug’s line', async () => {
    const { content } = await contentFolder();
    const text = (await readFile(join(content, 'emne.md'), 'utf8')).replace(/^title: .*$/m, (line) => `${line}\nslug: assets`);
    await writeFile(join(content, 'emne.md'), text);
    const line = text.split('\n').indexOf('slug: assets') + 1;
    const run = await cli(['check', '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`emne.md:${line}:7: error: the slug "assets" is the name of the download page's own folder`);
  });

  it('fails only the topic whose slug is too long for the file system; the others and the page are built', async () => {
    const { content, out } = await contentFolder();
    const long = 'a'.repeat(300);
    const text = (await readFile(join(content, 'emne.md'), 'utf8')).replace(/^title: .*$/m, (line) => `${line}\nslug: ${long}`);
    await writeFile(join(content, 'lang.md'), text);
    const run = await cli(['build', '-q', '--content', content, '--out', out]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/dialogkit: error: topic "a{300}" not written: .*the name is too long for the file system \(ENAMETOOLONG\)/);
    expect(run.stderr).not.toMatch(/internal error|bug/i);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('emne/drejebog.pdf');
    expect(await readdir(join(out, 'emne'))).toContain('drejebog.pdf');
  });
});
