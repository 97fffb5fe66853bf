import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { FIXTURES } from '../../helpers/build.js';
import { tempDir } from '../../helpers/temp.js';

const FLIP = '- Hvilke rammer og retningslinjer har vi?';

/** A content folder with the minimal topic, given one warning (a flip prompt glued to its dash). */
async function contentWithOneWarning(): Promise<string> {
  const seed = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
  if (!seed.includes(FLIP)) throw new Error('the seed changed: no flip prompt to glue');
  const dir = await tempDir('dialogkit-strict-');
  await mkdir(join(dir, 'content'));
  await writeFile(join(dir, 'content/emne.md'), seed.replace(FLIP, `${FLIP}\n-Hvor går grænsen?`));
  return dir;
}

describe('--strict: a warning fails the run', () => {
  it('check: exit 0 without it, exit 1 with it, and the summary says how many were refused', async () => {
    const dir = await contentWithOneWarning();
    const content = join(dir, 'content');
    const lenient = await cli(['check', '--content', content]);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(/warning: "-Hvor går grænsen\?" has no space after the dash/);
    expect(lenient.stderr).not.toContain('--strict');

    const strict = await cli(['check', '--strict', '--content', content]);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stderr).toMatch(/Checked 1 topic: 0 errors, 1 warning \(it is refused under --strict\)\.$/);
  });

  it('check --strict over a clean topic still exits 0', async () => {
    const dir = await tempDir('dialogkit-strict-');
    await mkdir(join(dir, 'content'));
    await writeFile(join(dir, 'content/emne.md'), await readFile(join(FIXTURES, 'valid/minimal.md')));
    const strict = await cli(['check', '--strict', '--content', join(dir, 'content')]);
    expect(strict.stderr).toMatch(/: 0 errors, 0 warnings\.$/);
    expect(strict.code, strict.stderr).toBe(0);
  });

  it('build: exit 1 under --strict, with the count in the summary line', async () => {
    const dir = await contentWithOneWarning();
    const built = await cli(['build', '-q', '--strict', '--content', join(dir, 'content'), '--out', join(dir, 'out')]);
    expect(built.code, built.stderr).toBe(1);
    expect(built.stderr).toMatch(/Built \d+ of 1 topic.*: 0 errors, 1 warning \(it is refused under --strict\)\.$/);
  }, 120_000);
});
