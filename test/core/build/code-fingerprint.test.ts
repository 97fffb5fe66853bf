import { appendFile, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/core/publish/manifest.js';
import { codeHash, writeCodeHash } from '../../../scripts/code-hash.js';
import { TINY_TOPIC } from '../../helpers/build.js';
import { ROOT, spawnCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * The code that made a file is part of its fingerprint (scripts/code-hash.ts): after a change to
 * Dialogkit's code and `npm run compile`, `build` makes every product again, though the package
 * version stays the same. Run on a copy of the package, whose code the test can change.
 */
describe('the code is part of every fingerprint', () => {
  it('hashes the scripts the CLI runs, and not source maps or the browser bundles', async () => {
    const dist = await tempDir();
    await mkdir(join(dist, 'node'));
    await mkdir(join(dist, 'browser'));
    const files = { 'node/cli.mjs': 'a', 'node/cli.mjs.map': 'm', 'vendor.js': 'v', 'browser/kit.js': 'k' };
    for (const [path, text] of Object.entries(files)) await writeFile(join(dist, path), text);
    const before = codeHash(dist, []);
    await writeFile(join(dist, 'node/cli.mjs.map'), 'm2');
    await writeFile(join(dist, 'browser/kit.js'), 'k2');
    expect(codeHash(dist, []), 'a source map or the kit changed').toBe(before);
    await appendFile(join(dist, 'node/cli.mjs'), ';');
    expect(codeHash(dist, [])).not.toBe(before);
    expect(codeHash(dist, ['pdf-lib@1.17.2'])).not.toBe(codeHash(dist, ['pdf-lib@1.17.1']));
  });

  it('rebuilds every product after the code changed, at the same version', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const pkg = join(dir, 'dialogkit');
    await mkdir(pkg);
    await Promise.all([
      ...['bin', 'dist', 'templates', 'package.json'].map((p) => cp(join(ROOT, p), join(pkg, p), { recursive: true })),
      symlink(join(ROOT, 'node_modules'), join(pkg, 'node_modules')),
      mkdir(join(dir, 'content')).then(() => writeFile(join(dir, 'content', 'lille-emne.md'), TINY_TOPIC)),
    ]);
    const out = join(dir, 'out');
    const build = async () => {
      const run = await spawnCli(['build', '--content', join(dir, 'content'), '--out', out], {
        cwd: dir,
        bin: join(pkg, 'bin/dialogkit.js'),
      });
      expect(run.code, run.stderr).toBe(0);
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
      return { summary: run.stderr.trim().split('\n').pop()!, inputs: manifest.topics[0]!.files.map((f) => f.inputs) };
    };

    const first = await build();
    expect(first.inputs.length).toBeGreaterThanOrEqual(7);
    expect((await build()).summary).toMatch(/, 0 files \(\d+ unchanged\)/);

    // A change to the code, then the compile step that hashes it.
    await appendFile(join(pkg, 'dist/vendor/pdfmake.mjs'), '\n// a change to the typesetter\n');
    const versionOf = async (root: string) =>
      (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const hash = writeCodeHash(join(pkg, 'dist'));
    expect(hash).not.toBe((await readFile(join(ROOT, 'dist/code-hash.txt'), 'utf8')).trim());
    const after = await build();
    expect(after.summary).toMatch(new RegExp(`, ${first.inputs.length} files into`));
    expect(after.summary).not.toMatch(/unchanged/);
    for (const [i, print] of after.inputs.entries()) expect(print, `file ${i}`).not.toBe(first.inputs[i]);
    expect(await versionOf(pkg), 'the same version').toBe(await versionOf(ROOT));
  });
});
