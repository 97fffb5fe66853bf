import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/build.js';
import { HAS_BROWSER, publish, watchPage, type Published } from '../helpers/browser.js';
import { cli, temporaryDir } from '../helpers/cli.js';
import { flat, readPdf } from '../helpers/pdf.js';

const SLUG = 'private-it-loesninger';

let browser: Browser;
let content: string;
let server: { url: string; close(): Promise<void> };
let published: Published | undefined;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  content = await temporaryDir();
  await copyFile(join(FIXTURES, 'content', `${SLUG}.md`), join(content, `${SLUG}.md`));
  published = await publish(content);
  ({ server, browser } = published);
}, 120_000);

afterAll(async () => {
  await published?.close();
});

describe.runIf(HAS_BROWSER)('"Tilpas indholdet" on the download page', () => {
  it("skips, retimes and rewords in the form, shows it in the preview, and downloads the CLI's bytes with tilpasning.yml", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const seen = watchPage(page, server.url);
    await page.goto(server.url);
    await page.click(`#${SLUG} details.tailor summary`);
    const form = `#${SLUG} form.kit`;
    const sum = () => page.textContent(`${form} .adapt-sum`);
    expect(await sum()).toBe('Trinene varer 50 min. Mødet varer 50 min.');
    await page.check(`${form} input[name="step-4-skip"]`);
    await page.fill(`${form} input[name="step-2-minutes"]`, '10');
    await page.fill(`${form} input[name="step-1-q-0"]`, 'Hvad gør vi i Testrup, når borgeren sidder fast?');
    await page.check(`${form} input[name="media"]`);
    // 10 − 7 (the film, seen beforehand) + 10 + 12 + 13.
    expect(await sum()).toBe('Trinene varer 38 min. Mødet varer 38 min.');
    await page.check(`${form} input[name="word"]`);
    // The guide's preview is drawn again from a kit made with the changes, before any download.
    await page.waitForSelector(`canvas[data-pdf="${SLUG}/drejebog.pdf"][data-adapted="true"]`, { state: 'attached', timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`${form} button[type=submit]`)]);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    expect(Object.keys(files).sort()).toEqual([
      'aftaleark.docx',
      'drejebog.docx',
      'drejebog.pdf',
      'flipover.pdf',
      'handout.docx',
      'handout.pdf',
      'index.html',
      'koereplan.pdf',
      'prikkort.pdf',
      'skaerm.html',
      'tilpasning.yml',
    ]);
    const guide = flat((await readPdf(files['drejebog.pdf']!)).text);
    expect(guide).not.toContain('Find mulige handlingsrum');
    expect(guide).toContain('Hvad gør vi i Testrup, når borgeren sidder fast?');
    expect(guide).toMatch(/I alt 38/);
    // The same file on the command line makes the same bytes, Word copies included.
    const yml = join(await temporaryDir(), 'tilpasning.yml');
    await writeFile(yml, files['tilpasning.yml']!);
    const cliOut = await temporaryDir();
    const run = await cli(['build', '--content', content, '--out', cliOut, '--quiet', '--adapt', yml]);
    expect(run.code, run.stderr).toBe(0);
    for (const [name, bytes] of Object.entries(files)) {
      if (name === 'tilpasning.yml') continue;
      expect(new Uint8Array(await readFile(join(cliOut, SLUG, name))), name).toEqual(bytes);
    }
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  }, 180_000);
});
