import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/build.js';
import { ROOT, STACK_FRAME } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** The CLI with renames onto `held` failing as a PDF open in Acrobat on Windows makes them fail. */
function build(args: string[], held?: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const preload = held ? ['--require', join(FIXTURES, 'preload/held-open.cjs')] : [];
    const child = spawn(process.execPath, [...preload, join(ROOT, 'bin/dialogkit.js'), 'build', ...args], {
      cwd: ROOT,
      env: { ...process.env, DIALOGKIT_TEST_HELD: held ?? '' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a PDF another program holds open', () => {
  it('is one line naming it; the other files and topics are written, and the next build writes it', async () => {
    const dir = await tempDir('dialogkit-held-');
    const content = join(dir, 'content');
    const out = join(dir, 'out');
    await mkdir(content);
    const original = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
    await writeFile(join(content, 'andet.md'), original.replace(/^title: .*$/m, 'title: Et andet emne'));
    expect((await build(['-q', '--content', content, '--out', out])).code).toBe(0);
    const before = await readFile(join(out, 'andet/drejebog.pdf'));
    // andet is built first: the topic after it must still be written.
    const others = ['andet/koereplan.pdf', 'emne/drejebog.pdf', 'emne/koereplan.pdf'];
    const earlier = await Promise.all(others.map((path) => readFile(join(out, path))));

    // A step title changes the guide and the run sheet of both topics; andet's guide is open in a viewer.
    for (const name of ['emne.md', 'andet.md'])
      await writeFile(join(content, name), (await readFile(join(content, name), 'utf8')).replace('Rammesæt dilemmaet', 'Rammesæt på ny'));
    const held = await build(['-q', '--content', content, '--out', out], 'andet/drejebog.pdf');
    expect(held.code).toBe(4);
    const lines = held.stderr.split('\n').filter((l) => l.startsWith('dialogkit: error:'));
    expect(lines).toEqual([
      `dialogkit: error: cannot replace ${join(out, 'andet/drejebog.pdf')}: another program has it open; close it there, and the next build writes it`,
    ]);
    expect(held.stderr).not.toMatch(STACK_FRAME);
    // The open file is as it was; everything else is new.
    expect(Buffer.compare(await readFile(join(out, 'andet/drejebog.pdf')), before)).toBe(0);
    for (const [i, path] of others.entries()) expect(Buffer.compare(await readFile(join(out, path)), earlier[i]!), path).not.toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
      topics: { slug: string; files: { path: string; sha256: string }[] }[];
    };
    expect(manifest.topics.map((t) => t.slug).sort()).toEqual(['andet', 'emne']);

    // Closed: the next build writes it, though nothing changed since.
    const again = await build(['--content', content, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/andet\s+1 file, \d+ unchanged/);
    expect(Buffer.compare(await readFile(join(out, 'andet/drejebog.pdf')), before)).not.toBe(0);
  }, 120_000);
});
