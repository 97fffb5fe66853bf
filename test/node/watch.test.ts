import { spawn } from 'node:child_process';
import { appendFile, copyFile, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/build.js';
import { ROOT, spawnCli, STACK_FRAME, temporaryDir } from '../helpers/cli.js';

describe('watch', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await temporaryDir('dialogkit-watch-');
    await mkdir(join(dir, 'content'));
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(dir, 'content', 'emne.md'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('survives what goes wrong in a rebuild, prints it, and stays quiet about what did not change', async () => {
    const content = join(dir, 'content');
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [join(ROOT, 'bin/dialogkit.js'), 'watch', '--content', content, '--out', out], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    /** Waits until stderr, from `from` on, matches `pattern`; returns the new text. */
    const waitFor = async (pattern: RegExp, from: number): Promise<string> => {
      for (let waited = 0; waited < 30_000; waited += 50) {
        if (pattern.test(stderr.slice(from))) return stderr.slice(from);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
    };
    try {
      await waitFor(/Watching /, 0);

      // A symbolic-link loop appears in the content folder: a warning, and watching goes on.
      let from = stderr.length;
      await symlink('loop.md', join(content, 'loop.md'));
      let text = await waitFor(/rebuilt after loop\.md/, from);
      expect(text).toContain('loop.md:1:1: warning: skipped: it is a loop of symbolic links');
      expect(text).not.toMatch(/emne\s+unchanged/);
      await rm(join(content, 'loop.md'));
      await waitFor(/rebuilt after loop\.md/, stderr.length);

      // The output folder stops being Dialogkit's (a foreign manifest): one line, and watching goes on.
      await writeFile(join(out, 'manifest.json'), 'not json');
      from = stderr.length;
      await appendFile(join(content, 'emne.md'), '\n');
      text = await waitFor(/✗ rebuilt after emne\.md/, from);
      expect(text).toMatch(/dialogkit: error: --out .+ holds a manifest\.json that Dialogkit did not write/);

      // Put right, the next save builds again.
      await rm(out, { recursive: true });
      from = stderr.length;
      await appendFile(join(content, 'emne.md'), '\n');
      await waitFor(/✓ rebuilt after emne\.md/, from);
      expect(child.exitCode).toBe(null);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(stderr).not.toMatch(/internal error|bug/i);
  }, 90_000);

  it('after a row of saves, out/ is byte for byte what a fresh build writes, and a save re-renders only what it affects', async () => {
    const root = await temporaryDir('dialogkit-watch-same-');
    const content = join(root, 'content');
    const templates = join(root, 'templates');
    await mkdir(content);
    await cp(join(ROOT, 'templates'), templates, { recursive: true });
    const topic = join(content, 'emne.md');
    const original = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    await writeFile(topic, original);
    await writeFile(join(content, 'andet.md'), original.replace(/^title: .*$/m, 'title: Et andet emne'));
    const watching = startWatch(['--content', content, '--templates', templates, '--out', join(root, 'out')]);
    try {
      await watching.waitFor(/Watching /, 0);
      const save = async (file: string, text: string) => {
        const from = watching.stderr().length;
        await writeFile(file, text);
        return watching.waitFor(/rebuilt after .* ms\n/, from);
      };
      // The legal background's wording: the handout and phone edition change; the guide, sheets and cards are kept.
      const legal = await save(topic, original.replace('### Vejledningspligt\n', '### Vejledningspligt\n\nEn ny sætning.\n'));
      expect(legal).toMatch(/Built 2 of 2 topics, 3 files \(17 unchanged\)/);
      // A flip-chart prompt: the sheets too.
      await save(topic, original.replace('### Til flipover\n', '### Til flipover\n\n- Hvad gør vi nu?\n'));
      // The cards' layout: the cards and the run sheet (which counts them) for both topics, nothing else.
      const layout = await save(
        join(templates, 'prikkort.hbs'),
        `${await readFile(join(templates, 'prikkort.hbs'), 'utf8')}\n{{!-- gemt --}}\n`,
      );
      expect(layout).toMatch(/Built 2 of 2 topics, 4 files \(16 unchanged\)/);
      // Back to the first text, and a topic removed.
      await save(topic, original);
      await rm(join(content, 'andet.md'));
      await watching.waitFor(/rebuilt after andet\.md/, 0);
    } finally {
      await watching.stop();
    }
    const fresh = await spawnCli(['build', '-q', '--content', content, '--templates', templates, '--out', join(root, 'fresh')]);
    expect(fresh.code).toBe(0);
    const watched = await filesIn(join(root, 'out'));
    const built = await filesIn(join(root, 'fresh'));
    expect([...watched.keys()]).toEqual([...built.keys()]);
    for (const [path, bytes] of built) expect(Buffer.compare(watched.get(path)!, bytes), path).toBe(0);
  }, 120_000);

  it('watches the content folder again after it is deleted and made again', async () => {
    const root = await temporaryDir('dialogkit-watch-again-');
    const content = join(root, 'content');
    await mkdir(content);
    const original = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    await writeFile(join(content, 'emne.md'), original);
    const watching = startWatch(['--content', content, '--out', join(root, 'out')]);
    try {
      await watching.waitFor(/Watching /, 0);
      let from = watching.stderr().length;
      await rm(content, { recursive: true });
      await watching.waitFor(/warning: stopped watching .*content: the folder was deleted/, from);
      // Made again (a sync tool, a `git checkout`): it is seen, and built as a whole.
      from = watching.stderr().length;
      await mkdir(content);
      await writeFile(join(content, 'emne.md'), original);
      await watching.waitFor(/rebuilt after .*content\/ in/, from);
      // And a later save in it is seen too.
      from = watching.stderr().length;
      await writeFile(join(content, 'emne.md'), original.replace('Rammesæt dilemmaet', 'Rammesæt igen'));
      const text = await watching.waitFor(/✓ rebuilt after emne\.md/, from);
      expect(text).toMatch(/Built 1 of 1 topic, [1-9]\d* files/);
    } finally {
      await watching.stop();
    }
  }, 90_000);

  it('tries a save again by itself when another build held the output folder', async () => {
    const root = await temporaryDir('dialogkit-watch-lock-');
    const content = join(root, 'content');
    const out = join(root, 'out');
    await mkdir(content);
    const original = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    await writeFile(join(content, 'emne.md'), original);
    const watching = startWatch(['--content', content, '--out', out]);
    try {
      await watching.waitFor(/Watching /, 0);
      // Another build (this test's own process: alive, on this host) holds the lock.
      await writeFile(join(out, '.dialogkit.lock'), JSON.stringify({ pid: process.pid, host: hostname() }) + '\n');
      const from = watching.stderr().length;
      await writeFile(join(content, 'emne.md'), original.replace('Rammesæt dilemmaet', 'Rammesæt senere'));
      await watching.waitFor(/note: another build .* is writing into .*; trying again when it is done/, from);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(watching.stderr().slice(from)).not.toMatch(/rebuilt after/);
      // The other build ends: the save is built without another save.
      await rm(join(out, '.dialogkit.lock'));
      const text = await watching.waitFor(/✓ rebuilt after emne\.md/, from);
      expect(text.match(/trying again/g)).toHaveLength(1); // said once, not at every try
    } finally {
      await watching.stop();
    }
  }, 90_000);
});

/** `dialogkit watch` in a child process, with what it prints so far. */
function startWatch(args: string[]) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/dialogkit.js'), 'watch', ...args], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    stderr: () => stderr,
    /** Waits until stderr, from `from` on, matches `pattern`; returns the new text. */
    async waitFor(pattern: RegExp, from: number): Promise<string> {
      for (let waited = 0; waited < 60_000; waited += 20) {
        if (pattern.test(stderr.slice(from))) return stderr.slice(from);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
    },
    async stop(): Promise<void> {
      child.kill('SIGINT');
      await exited;
    },
  };
}

/** Every file under `dir`, by path relative to it. */
async function filesIn(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = await Promise.all(
    names.map(async (e) => [join(e.parentPath, e.name).slice(dir.length + 1), await readFile(join(e.parentPath, e.name))] as const),
  );
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}
