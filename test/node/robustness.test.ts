import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, TINY_TOPIC } from '../helpers/build.js';
import { cli, spawnCli, STACK_FRAME } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/temp.js';

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** A content folder of `count` copies of the tiny topic, `emne-01.md` on. */
async function contentWithCopies(count: number): Promise<string> {
  const dir = await tempDir();
  for (let i = 1; i <= count; i++) await writeFile(join(dir, `emne-${String(i).padStart(2, '0')}.md`), TINY_TOPIC);
  return dir;
}

describe('the dialogkit executable', () => {
  it('exits 1 on a content error, prints no stack trace, and builds the other topics', async () => {
    const content = await contentWithCopies(1);
    await copyFile(join(FIXTURES, 'bad/invalid-yaml.md'), join(content, 'broken.md'));
    const out = await tempDir();
    const run = await spawnCli(['build', '--content', content, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(content, 'broken.md')}:2:8: error: the \`[\` here starts a list that is never closed`);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(await filesUnder(out)).toEqual([
      'assets/dialogkit-emoji.js',
      'assets/dialogkit-kit.js',
      'assets/dialogkit-preview-worker.js',
      'assets/dialogkit-preview.js',
      'assets/dialogkit-referat.js',
      'assets/dialogkit-site.js',
      'assets/dialogkit-word.js',
      'emne-01/aftaleark.docx',
      'emne-01/drejebog.docx',
      'emne-01/drejebog.pdf',
      'emne-01/emne-01.zip',
      'emne-01/flipover.pdf',
      'emne-01/handout.docx',
      'emne-01/handout.pdf',
      'emne-01/index.html',
      'emne-01/koereplan.pdf',
      'emne-01/prikkort.pdf',
      'emne-01/skaerm.html',
      'index.html',
      'manifest.json',
    ]);
  });

  it('exits 2 on a usage error, with a hint', async () => {
    const run = await spawnCli(['build', '--flipover-size', 'A0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--flipover-size must be A4, A3, A2 or A1');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  // A real build of eight topics, killed: the time limit allows for a busy machine.
  it('leaves no half-written or empty PDF when killed mid-build, and the next build finishes the job', async () => {
    const content = await contentWithCopies(8);
    const out = await tempDir();
    let killed = false;
    const run = await spawnCli(['build', '--content', content, '--out', out, '--jobs', '1'], {
      onStderr: (text, kill) => {
        // Kill once some topics are written and more are on their way.
        if (!killed && (text.match(/✓ emne-/g) ?? []).length >= 3) {
          killed = true;
          kill();
        }
      },
    });
    expect(run.signal).toBe('SIGKILL');
    const after = await filesUnder(out);
    const pdfs = after.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const file of pdfs) {
      const bytes = await readFile(join(out, file));
      expect(bytes.length, file).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 5).toString(), file).toBe('%PDF-');
      expect(bytes.subarray(-6).toString().trim(), file).toBe('%%EOF');
    }
    // Killed before the end: PDFs and web editions (and perhaps temporaries), the lock it held, and the empty manifest
    // that claimed the folder before the first PDF; page, zips and the full manifest come last.
    expect(after.filter((f) => !f.endsWith('.pdf') && !f.endsWith('.tmp') && !/^[^/]+\/(index|skaerm)\.html$/.test(f))).toEqual([
      '.dialogkit.lock',
      'manifest.json',
    ]);
    expect((JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { topics: unknown[] }).topics).toEqual([]);

    // The next build need not be a process of its own: in this one, the killed one's lock is another's.
    const again = await cli(['build', '--content', content, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    const final = await filesUnder(out);
    expect(final.filter((f) => f.endsWith('.pdf'))).toHaveLength(8 * 5);
    expect(final.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The dead build's lock was taken over, and released at the end.
    expect(final).not.toContain('.dialogkit.lock');
    const pdf = await readPdf(new Uint8Array(await readFile(join(out, 'emne-08/drejebog.pdf'))));
    expect(pdf.pages.length).toBeGreaterThan(0);
  }, 120_000);
});
