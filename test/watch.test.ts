import { spawn } from 'node:child_process';
import { appendFile, copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/build.js';
import { ROOT, STACK_FRAME, temporaryDir } from './helpers/cli.js';

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
});
