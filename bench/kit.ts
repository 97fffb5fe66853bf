/**
 * `npm run bench:kit`: the download page's "Tilpas og hent" in headless Chromium, on the
 * repository's content/ built by the CLI. Times are from the press of "Hent" to the browser's
 * download event, so they include loading the kit wherever the page has not loaded it yet.
 *
 *   cold        a fresh page, "Hent" pressed at once: the kit script is fetched, parsed and run
 *   hasty       a fresh page, the form opened (which starts loading the kit) and "Hent" pressed at once
 *   prefetched  a fresh page, the form opened (which starts loading and warming the kit), "Hent" 5 s later
 *   later       the same page, one topic, again and again (median)
 *   several     all topics in one zip, per topic
 *   longest     the longest gap between two 10 ms timer ticks on the page while a topic is made
 *
 * Served over http (the kit in a Web Worker) and opened from disk (the kit on the page itself).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const REPEATS = 5;
/** Fresh pages per first-Hent measurement: a cold start varies by ±10 % from run to run on two cores. */
const FRESH = 7;

const out = mkdtempSync(join(tmpdir(), 'dialogkit-bench-kit-'));
try {
  const run = spawnSync(process.execPath, ['bin/dialogkit.js', 'build', '--quiet', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
  const server = await serve(out);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    console.log(`Dialogkit kit benchmark · Chromium ${browser.version()} · node ${process.version}\n`);
    for (const [where, url] of [
      ['http (worker)', server.url],
      ['file:// (page)', pathToFileURL(join(out, 'index.html')).href],
    ] as const)
      await measure(browser, where, url);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

async function measure(browser: Browser, where: string, url: string): Promise<void> {
  const cold: number[] = [];
  const hasty: number[] = [];
  const prefetched: number[] = [];
  for (let i = 0; i < FRESH; i++) {
    cold.push(await onFreshPage(browser, url, (page, slug) => press(page, `#${slug} form.kit`)));
    hasty.push(
      await onFreshPage(browser, url, async (page, slug) => {
        await page.click(`#${slug} details.tailor summary`);
        return press(page, `#${slug} form.kit`);
      }),
    );
    prefetched.push(
      await onFreshPage(browser, url, async (page, slug) => {
        await page.click(`#${slug} details.tailor summary`);
        await page.waitForTimeout(5000); // the facilitator fills the form (seven fields: longer, in practice)
        return press(page, `#${slug} form.kit`);
      }),
    );
  }
  const page = await browser.newPage({ acceptDownloads: true });
  await page.goto(url);
  const slugs = await page.$$eval('form.kit[data-slug]:not([data-several])', (forms) => forms.map((f) => f.getAttribute('data-slug')!));
  await press(page, `#${slugs[0]} form.kit`);
  const later: number[] = [];
  const gaps: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.evaluate(() => {
      const state = globalThis as unknown as { last: number; longest: number; ticker: number };
      state.last = performance.now();
      state.longest = 0;
      state.ticker = window.setInterval(() => {
        const now = performance.now();
        state.longest = Math.max(state.longest, now - state.last);
        state.last = now;
      }, 10);
    });
    later.push(await press(page, `#${slugs[i % slugs.length]} form.kit`));
    gaps.push(
      await page.evaluate(() => {
        const state = globalThis as unknown as { longest: number; ticker: number };
        clearInterval(state.ticker);
        return state.longest;
      }),
    );
  }
  await page.click('section.several details.tailor summary');
  for (const slug of slugs) await page.check(`#flere_emner-topic-${slug}`);
  const several = await press(page, 'form.kit[data-several]');
  const mode = await page.getAttribute(`#${slugs[0]} form.kit`, 'data-kit-mode');
  await page.close();
  const ms = (values: number[]) => `${Math.round(median(values))} ms`;
  console.log(`${where}: the kit ran in the ${mode}`);
  console.log(`  cold first "Hent"        ${ms(cold)}  (median of ${cold.length}; target < 1000 ms)`);
  console.log(`  opened, pressed at once  ${ms(hasty)}`);
  console.log(`  prefetched first "Hent"  ${ms(prefetched)}`);
  console.log(`  later "Hent", one topic  ${ms(later)}  (median of ${later.length}; target < 250 ms)`);
  console.log(`  ${slugs.length} topics in one zip     ${Math.round(several)} ms, ${Math.round(several / slugs.length)} ms per topic`);
  console.log(`  longest timer gap        ${ms(gaps)}  (median; the page's responsiveness while it works)\n`);
}

async function onFreshPage(browser: Browser, url: string, act: (page: Page, slug: string) => Promise<number>): Promise<number> {
  const page = await browser.newPage({ acceptDownloads: true });
  try {
    await page.goto(url);
    const slug = (await page.getAttribute('form.kit[data-slug]:not([data-several])', 'data-slug'))!;
    return await act(page, slug);
  } finally {
    await page.close();
  }
}

/** Presses the form's "Hent" (without opening it, if it is closed) and waits for the zip. */
async function press(page: Page, form: string): Promise<number> {
  const started = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.$eval(form, (f) => (f as HTMLFormElement).requestSubmit()),
  ]);
  const elapsed = performance.now() - started;
  await download.delete();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `out/` over http on 127.0.0.1, as a web host serves it. */
async function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      if (!file.startsWith(root) || !statSync(file).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
