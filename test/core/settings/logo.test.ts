import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSources, fileOf, fixture, FIXTURES } from '../../helpers/build.js';
import { spawnCli, STACK_FRAME } from '../../helpers/cli.js';
import { corruptPng, discPng, doubleHeaderPng, fanOutSvg, pictureInSvg, truncatedJpeg } from '../../helpers/hostile-logos.js';
import { tempDir } from '../../helpers/temp.js';

const HOSTILE: [string, () => Uint8Array, RegExp][] = [
  ['an SVG whose <use> elements fan out', fanOutSvg, /repeats its parts \(<use>\) too many times/],
  ['a PNG with a second IHDR', doubleHeaderPng, /two headers \(IHDR\)/],
  [
    'a PNG inside an SVG with a second IHDR',
    () => pictureInSvg(doubleHeaderPng()),
    /a picture inside the SVG cannot be used: the PNG has two headers/,
  ],
  ['a PNG with damaged data', corruptPng, /the PNG is damaged/],
  ['a cut-off JPEG', truncatedJpeg, /the JPEG is cut off/],
];

describe('a hostile or broken --logo', () => {
  it.each(HOSTILE)(
    '%s: one --logo line, exit 2, in seconds, no lock left',
    async (_name, make, message) => {
      const dir = await tempDir();
      const logo = join(dir, 'logo');
      await writeFile(logo, make());
      const out = join(dir, 'out');
      const started = Date.now();
      const run = await spawnCli(['build', '--content', join(FIXTURES, 'valid'), '--out', out, '--logo', logo]);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(run.code).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^dialogkit: --logo: /);
      expect(lines[0]).toMatch(message);
      expect(lines.slice(1)).toEqual(['Run `dialogkit --help` for the options.']);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      // Refused before the output folder is touched: no lock, nothing written.
      await expect(readdir(out)).rejects.toThrow(/ENOENT/);
    },
    30_000,
  );

  it('is refused by watch the same way, before it starts watching', async () => {
    const dir = await tempDir();
    const logo = join(dir, 'logo.png');
    await writeFile(logo, corruptPng());
    const run = await spawnCli(['watch', '--content', join(FIXTURES, 'valid'), '--out', join(dir, 'out'), '--logo', logo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dialogkit: --logo: the PNG is damaged/);
  }, 30_000);
});

describe('a large logo', () => {
  it('is printed from a copy scaled to 300 dpi at its printed size: the PDFs stay small', async () => {
    const topic = await fixture('valid/minimal.md');
    const large = await buildSources([topic], { logo: discPng(3000, 1000) });
    const small = await buildSources([topic], { logo: discPng(425, 142) });
    for (const file of ['drejebog.pdf', 'koereplan.pdf', 'handout.pdf']) {
      const pdf = Buffer.from(fileOf(large, file)).toString('latin1');
      // 3000 × 1000 pixels printed 102 × 34 pt wide: 425 × 142 pixels is 300 dpi.
      expect(pdf, file).toMatch(/\/Subtype \/Image[\s\S]{0,200}\/Width 425\s+\/Height 142/);
      expect(pdf, file).not.toMatch(/\/Width 3000/);
      // The same size as a PDF with a logo of that size to begin with, give or take the scaling's pixels.
      expect(Math.abs(fileOf(large, file).length - fileOf(small, file).length), file).toBeLessThan(4096);
    }
  }, 120_000);
});
