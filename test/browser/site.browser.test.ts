import { createHash } from 'node:crypto';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Manifest } from '../../src/core/publish/manifest.js';
import { FIXTURES } from '../helpers/build.js';
import { ARTIFACTS, HAS_BROWSER, publish, watchPage, type Published } from '../helpers/browser.js';
import { temporaryDir } from '../helpers/cli.js';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let out: string;
let server: { url: string; close(): Promise<void> };
let manifest: Manifest;
let published: Published | undefined;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  const content = await temporaryDir();
  // Fixtures, not the repository's content/: the page is tested, not what authors write today.
  await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'forventningsafstemning.md'));
  await copyFile(join(FIXTURES, 'no-legal/no-legal.md'), join(content, 'no-legal.md'));
  // A hostile title: it must show as text, never run.
  const hostile = (await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8')).replace(
    'title: Forventningsafstemning om digital hjælp',
    'title: "Emne <script>alert(1)</script> & <b>fed</b>"',
  );
  await (await import('node:fs/promises')).writeFile(join(content, 'zz-hostile.md'), hostile);
  await copyFile(join(FIXTURES, 'english/english.md'), join(content, 'english.md'));
  published = await publish(content);
  ({ out, server, browser } = published);
  manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
}, 120_000);

afterAll(async () => {
  await published?.close();
});

describe.runIf(HAS_BROWSER)('out/index.html in Chromium', () => {
  it('links every file, with sizes that match the manifest, and draws the previews', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen = watchPage(page, server.url);
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('da');

    const hrefs = await page.$$eval('a[download]', (links) =>
      links.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent.trim() })),
    );
    // The PDFs, Word copies and zips download; the web editions open (see web-editions.test.ts).
    const listed = manifest.topics.flatMap((t) => [
      ...t.files.filter((f) => /\.(pdf|docx)$/.test(f.path)).map((f) => ({ path: f.path, bytes: f.bytes })),
      ...(t.archive ? [{ path: t.archive.path, bytes: t.archive.bytes }] : []),
    ]);
    expect(hrefs.map((h) => h.href).sort()).toEqual(listed.map((l) => l.path).sort());
    for (const { path, bytes } of listed) {
      const response = await page.request.get(new URL(path, server.url).href);
      expect(response.status(), path).toBe(200);
      expect((await response.body()).length, path).toBe(bytes);
      expect((await stat(join(out, path))).size).toBe(bytes);
    }
    // Link text says which file it fetches.
    expect(hrefs.find((h) => h.href === 'forventningsafstemning/drejebog.pdf')!.text).toBe('Hent drejebog');
    expect(hrefs.find((h) => h.href === 'forventningsafstemning/forventningsafstemning.zip')!.text).toBe(
      'Hent alt om Forventningsafstemning om digital hjælp',
    );

    // Every preview is drawn (scrolled into view, as a reader would) and not blank.
    const canvases = await page.$$('canvas[data-pdf]');
    expect(canvases.length).toBe(manifest.topics.reduce((n, t) => n + t.files.filter((f) => f.path.endsWith('.pdf')).length, 0));
    for (const canvas of canvases) {
      await canvas.scrollIntoViewIfNeeded();
      await page.waitForFunction((c) => (c as HTMLCanvasElement).dataset['rendered'] !== undefined, canvas, { timeout: 15_000 });
      const state = await canvas.evaluate((c: HTMLCanvasElement) => {
        const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200) ink++;
        return { rendered: c.dataset['rendered'], width: c.width, ink, visible: c.getBoundingClientRect().width > 50 };
      });
      expect(state.rendered).toBe('true');
      expect(state.width).toBeGreaterThan(100);
      expect(state.visible).toBe(true);
      expect(state.ink).toBeGreaterThan(50);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'index.png'), fullPage: true });
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  });

  it('shows a hostile title as text and marks English topics as English', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(server.url);
    const hostile = manifest.topics.find((t) => t.title.includes('<script>'))!;
    expect(await page.textContent(`#${hostile.slug}-title`)).toBe('Emne <script>alert(1)</script> & <b>fed</b>');
    expect(await page.$$(`#${hostile.slug} h2 b, #${hostile.slug} h2 script`)).toHaveLength(0);
    // The several-topics form offers every topic by its title, as text, and English ones as English.
    const boxes = await page.$$eval('form[data-several] fieldset.topics label', (labels) =>
      labels.map((l) => ({ for: l.getAttribute('for'), text: l.textContent, lang: l.getAttribute('lang') })),
    );
    expect(boxes.map((b) => b.for)).toEqual(manifest.topics.filter((t) => t.summary).map((t) => `flere_emner-topic-${t.slug}`));
    expect(boxes.find((b) => b.for === `flere_emner-topic-${hostile.slug}`)!.text).toBe('Emne <script>alert(1)</script> & <b>fed</b>');
    expect(dialogs).toBe(0);
    const english = manifest.topics.find((t) => t.summary?.language === 'en')!;
    expect(boxes.find((b) => b.for === `flere_emner-topic-${english.slug}`)!.lang).toBe('en');
    expect(await page.getAttribute(`#${english.slug}`, 'lang')).toBe('en');
    expect(await page.textContent(`#${english.slug} a[href$="drejebog.pdf"]`)).toBe("Download facilitator's guide");
    await page.close();
  });

  it('passes axe-core with no serious or critical violations, on a desktop and a phone', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 740 },
    ]) {
      const page = await browser.newPage({ viewport });
      await page.goto(server.url);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(
        async () =>
          await (
            window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
          ).axe.run(),
      );
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
      // Nothing runs off a phone's screen sideways.
      if (viewport.width < 500) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: join(ARTIFACTS, 'index-phone.png') });
      }
      await page.close();
    }
  });

  it('loads its own scripts by addresses versioned with their bytes, so a redeployed page never meets a cached old kit', async () => {
    const page = await browser.newPage();
    const assets: string[] = [];
    page.on('request', (request) => void (request.url().includes('/assets/') && assets.push(request.url())));
    const versioned = await Promise.all(
      // The page's three, and the worker pdf.js starts for the previews (named by the previews' script).
      ['dialogkit-site.js', 'dialogkit-preview.js', 'dialogkit-preview-worker.js', 'dialogkit-kit.js'].map(async (name) => {
        const hash = createHash('sha256')
          .update(await readFile(join(out, 'assets', name)))
          .digest('hex');
        return new URL(`assets/${name}?v=${hash.slice(0, 12)}`, server.url).href;
      }),
    );
    const requested = (urls: string[]) => Promise.all(urls.map((url) => page.waitForRequest(url, { timeout: 30_000 })));
    // The previews first (their worker starts with the first preview), then the kit: a kit at work
    // holds the previews back, on a slow machine for long.
    const forPreviews = requested(versioned.slice(0, 3));
    await page.goto(server.url);
    await forPreviews;
    const forKit = requested(versioned.slice(3));
    await page.click('details.tailor summary'); // loads the kit
    await forKit;
    expect([...new Set(assets)].sort()).toEqual([...versioned].sort());
    await page.close();
  });

  it('is keyboard usable: tab reaches the first download link', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
      if (href.endsWith('.pdf')) return void (await page.close());
    }
    throw new Error('no PDF link reached with Tab');
  });
});
