import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/build.js';
import { ARTIFACTS, HAS_BROWSER, publish, watchPage, type Published } from '../helpers/browser.js';
import { cli, temporaryDir } from '../helpers/cli.js';
import { corruptPng, discPng, doubleHeaderPng, fanOutSvg, pictureInSvg } from '../helpers/hostile-logos.js';
import { embeddedFontNames, flat, readPdf } from '../helpers/pdf.js';

const SLUG = 'forventningsafstemning';
const ORGANISATION = 'Faaborg-Midtfyn <Kommune> & "Borgerservice"';
const NOTE = 'Vi mødes i lokale 2 – husk kaffe.';
// Large enough to be scaled to 300 dpi, with transparency: the kit decodes and writes it anew as the CLI does.
const LOGO = discPng(1200, 400);
// A second topic whose 30-minute film makes it unable to last 20 minutes, which the first one can.
const SECOND = 'emne-to';
const SECOND_TITLE = 'Emne to med lang film';
async function secondTopic(): Promise<string> {
  return (await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8'))
    .replace('title: Forventningsafstemning om digital hjælp', `title: ${SECOND_TITLE}`)
    .replace('minutes: 6 }', 'minutes: 30 }');
}

let browser: Browser;
let out: string;
let server: { url: string; close(): Promise<void> };
let published: Published | undefined;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  const content = await temporaryDir();
  await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, `${SLUG}.md`));
  await writeFile(join(content, `${SECOND}.md`), await secondTopic());
  published = await publish(content);
  ({ out, server, browser } = published);
}, 120_000);

afterAll(async () => {
  await published?.close();
});

/** The addresses `page` (or its worker) requests whose path ends with `name`, as they happen. */
function requestsFor(page: Page, name: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => void (new URL(request.url()).pathname.endsWith(`/${name}`) && seen.push(request.url())));
  return seen;
}

async function fillAndDownload(page: Page): Promise<{ files: Record<string, Uint8Array>; milliseconds: number; status: string }> {
  await page.click(`#${SLUG} details.tailor summary`);
  await page.fill(`#${SLUG}-organisation`, ORGANISATION);
  await page.fill(`#${SLUG}-date`, '2027-01-15');
  await page.fill(`#${SLUG}-start`, '13:00');
  await page.fill(`#${SLUG}-participants`, '7');
  await page.fill(`#${SLUG}-duration`, '50');
  await page.setInputFiles(`#${SLUG}-logo`, { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(LOGO) });
  await page.selectOption(`#${SLUG}-paper`, 'A1-tiled');
  await page.fill(`#${SLUG}-note`, NOTE);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click(`#${SLUG} form.kit button[type=submit]`),
  ]);
  const zip = new Uint8Array(await readFile(await download.path()));
  await page.waitForFunction((slug) => document.querySelector(`#${slug} form.kit`)!.getAttribute('data-milliseconds') !== null, SLUG);
  return {
    files: unzipSync(zip),
    milliseconds: Number(await page.getAttribute(`#${SLUG} form.kit`, 'data-milliseconds')),
    status: (await page.textContent(`#${SLUG} .status`)) ?? '',
  };
}

describe.runIf(HAS_BROWSER)('"Tilpas og hent" on the download page', () => {
  it('makes the five PDFs and the two web editions in the browser, following every input, byte-identical to the CLI', async () => {
    // The CLI with the same options, started first: it runs while the browser works.
    const content = await temporaryDir();
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, `${SLUG}.md`));
    const cliOut = await temporaryDir();
    const logoDir = await temporaryDir();
    const logo = join(logoDir, 'logo.png');
    await writeFile(logo, LOGO);
    const cliRun = cli([
      'build',
      '--content',
      content,
      '--out',
      cliOut,
      '--quiet',
      '--duration',
      '50',
      '--logo',
      logo,
      '--organisation',
      ORGANISATION,
      '--date',
      '2027-01-15',
      '--start',
      '13:00',
      '--participants',
      '7',
      '--flipover-size',
      'A1',
      '--tile',
      'A4',
      '--note',
      NOTE,
    ]);
    const page = await browser.newPage({ acceptDownloads: true });
    const seen = watchPage(page, server.url);
    const emojiRequests = requestsFor(page, 'dialogkit-emoji.js');
    await page.goto(server.url);
    const { files, milliseconds, status } = await fillAndDownload(page);
    // The topic has an emoji: the kit loaded the emoji font's script, once, by its versioned address.
    const emojiHash = createHash('sha256')
      .update(await readFile(join(out, 'assets/dialogkit-emoji.js')))
      .digest('hex');
    expect(emojiRequests).toEqual([new URL(`assets/dialogkit-emoji.js?v=${emojiHash.slice(0, 12)}`, server.url).href]);
    expect(Object.keys(files).sort()).toEqual([
      'drejebog.pdf',
      'flipover.pdf',
      'handout.pdf',
      'index.html',
      'koereplan.pdf',
      'prikkort.pdf',
      'skaerm.html',
    ]);
    expect(status).toMatch(/^Færdig: 7 filer hentet som forventningsafstemning-faaborg-midtfyn-kommune-borgerservice\.zip\.$/);

    const guide = await readPdf(files['drejebog.pdf']!);
    const text = flat(guide.text);
    // Typed text is printed as text (in the title block's facts it may wrap after a hyphen).
    expect(text.replace(/\s/g, '')).toContain(ORGANISATION.replace(/\s/g, ''));
    expect(text).toContain('15. januar 2027');
    expect(text).toContain(NOTE);
    // --duration 50 scales the 45 source minutes; Danish clock times.
    expect(text).toMatch(/I alt 50/);
    for (const clock of ['13.00', '13.50']) expect(text).toContain(clock);
    expect(text).toContain('Tilpasset til 50');
    const cards = flat((await readPdf(files['prikkort.pdf']!)).text);
    expect(cards.split('Vores idé – skriv én konkret handling:').length - 1).toBe(8); // 7 people: three pairs and a trio
    // The phone edition carries the tailoring; the screen edition the clock times.
    const phone = new TextDecoder().decode(files['index.html']);
    // Escaped; the name's words kept together by a no-break space.
    expect(phone.replace(/\u00a0/g, ' ')).toContain('Faaborg-Midtfyn &lt;Kommune&gt; &amp; &quot;Borgerservice&quot;');
    expect(phone).toMatch(/15\.\s?(&nbsp;|\u00a0)?januar(&nbsp;|\s)2027/); // the date keeps its no-break spaces
    expect(new TextDecoder().decode(files['skaerm.html'])).toContain('–13.50'); // --duration 50, Danish clock times;
    const flip = await readPdf(files['flipover.pdf']!);
    expect(flip.pages.length).toBe(3 * 15); // three A1 sheets, 15 A4 pieces each
    expect([Math.round(flip.pages[0]!.width), Math.round(flip.pages[0]!.height)]).toEqual([595, 842]);

    // The CLI with the same options writes the same bytes.
    const run = await cliRun;
    expect(run.code, run.stderr).toBe(0);
    for (const [name, bytes] of Object.entries(files))
      expect(Buffer.from(bytes).equals(await readFile(join(cliOut, SLUG, name))), name).toBe(true);

    await rm(logoDir, { recursive: true });

    // A new attempt that fails its checks clears the earlier "Færdig" line.
    await page.fill(`#${SLUG}-duration`, '0');
    await page.click(`#${SLUG} form.kit button[type=submit]`);
    expect(await page.textContent(`#${SLUG} .status`)).toBe('');
    expect(await page.textContent(`#${SLUG}-duration-error`)).toBe('Skriv et helt antal minutter fra 1 til 480.');

    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    expect(await page.getAttribute(`#${SLUG} form.kit`, 'data-kit-mode')).toBe('worker');
    await writeFile(join(ARTIFACTS, 'kit-timing.txt'), `kit for one topic in Chromium: ${milliseconds} ms\n`);
    await page.close();
  });

  it('warms the kit while the form is filled in, never ahead of a "Hent" pressed at once', async () => {
    // Counts the makes the page asks of its worker (the warm-up is one, each "Hent" one).
    const countMakes = `
      globalThis.makes = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message && typeof message === 'object' && 'make' in message) globalThis.makes++;
        return post.call(this, message, ...rest);
      };`;
    const makes = (page: Page) => page.evaluate(() => (globalThis as unknown as { makes: number }).makes);
    const openAndPress = async (page: Page, beforePress: () => Promise<unknown>, afterPress = () => {}) => {
      await page.addInitScript({ content: countMakes });
      await page.goto(server.url);
      await page.click(`#${SLUG} details.tailor summary`);
      await beforePress();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        page.click(`#${SLUG} form.kit button[type=submit]`).then(afterPress),
      ]);
      await download.delete();
    };

    // Pressed before the kit has loaded (its script is held back until then): a warm-up
    // would only delay the real make.
    const hasty = await browser.newPage({ acceptDownloads: true });
    let release = () => {};
    const pressed = new Promise<void>((resolve) => (release = resolve));
    await hasty.route(
      (url) => url.pathname.endsWith('/dialogkit-kit.js'),
      async (route) => {
        await pressed;
        await route.continue();
      },
    );
    await openAndPress(
      hasty,
      () => Promise.resolve(),
      () => release(),
    );
    expect(await makes(hasty)).toBe(1);
    await hasty.close();

    // Pressed after the warm-up was sent: the warm-up and the real make.
    const patient = await browser.newPage({ acceptDownloads: true });
    await openAndPress(patient, () => patient.waitForFunction(() => (globalThis as unknown as { makes: number }).makes === 1));
    expect(await makes(patient)).toBe(2);
    expect(await patient.getAttribute(`#${SLUG} form.kit`, 'data-kit-mode')).toBe('worker');
    await patient.close();
  });

  it('draws no previews while the kit loads, and draws them once it is ready', async () => {
    // Both scripts are held back: the previews' until the form is opened (so none is under way
    // then), the kit's until the test lets it go (so the kit stays busy loading).
    const page = await browser.newPage();
    const hold = () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      return { held, release };
    };
    const previews = hold();
    const kit = hold();
    for (const [name, { held }] of [
      ['/dialogkit-preview.js', previews],
      ['/dialogkit-kit.js', kit],
    ] as const)
      await page.route(
        (url) => url.pathname.endsWith(name),
        async (route) => {
          await held;
          await route.continue();
        },
      );
    await page.goto(server.url);
    await page.click(`#${SLUG} details.tailor summary`);
    previews.release();
    const rendered = () => page.$$eval('canvas[data-rendered]', (canvases) => canvases.length);
    await page.waitForFunction(() => 'dialogkitPreview' in globalThis);
    await page.waitForTimeout(2000);
    expect(await rendered()).toBe(0);
    kit.release();
    await page.waitForFunction(() => document.querySelectorAll('canvas[data-rendered="true"]').length >= 2, undefined, { timeout: 30_000 });
    await page.close();
  });

  it('reads the previews in a worker, stops it when "Hent" is pressed, and draws them afterwards', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const seen = watchPage(page, server.url);
    const previewWorkers: Worker[] = [];
    page.on('worker', (worker) => void (worker.url().includes('/dialogkit-preview-worker.js?v=') && previewWorkers.push(worker)));
    // The first PDF a preview reads is held until "Hent" is pressed, so that preview is under way then.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked: () => void = () => {};
    const firstAsked = new Promise<void>((resolve) => (asked = resolve));
    await page.route(
      (url) => url.pathname.endsWith('.pdf'),
      async (route) => {
        asked();
        await held;
        await route.continue().catch(() => undefined); // the stopped preview's request may be gone
      },
    );
    await page.goto(server.url);
    await firstAsked;
    expect(await page.$$('canvas[data-rendered]')).toEqual([]);
    expect(previewWorkers).toHaveLength(1);
    const stopped = new Promise<void>((resolve) => previewWorkers[0]!.on('close', () => resolve()));
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.$eval(`#${SLUG} form.kit`, (form) => (form as HTMLFormElement).requestSubmit()),
    ]);
    await stopped; // the kit took both cores
    release();
    await download.delete();
    // Afterwards, in a new worker, the previews are drawn, the one stopped (the first) included.
    await page.waitForFunction(() => document.querySelector('canvas[data-pdf]')!.getAttribute('data-rendered') === 'true', undefined, {
      timeout: 20_000,
    });
    expect(await page.$$('canvas[data-rendered="failed"]')).toEqual([]);
    expect(previewWorkers.length).toBe(2);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('draws the previews on the page where no worker starts, and marks them failed where pdf.js cannot load', async () => {
    const refused = await browser.newPage();
    await refused.addInitScript({
      content: `
        const Original = Worker;
        globalThis.Worker = class extends Original {
          constructor(url, options) {
            if (String(url).includes('dialogkit-preview-worker')) throw new DOMException('refused', 'SecurityError');
            super(url, options);
          }
        };`,
    });
    await refused.goto(server.url);
    await refused.waitForFunction(() => document.querySelector('canvas[data-pdf]')!.getAttribute('data-rendered') === 'true', undefined, {
      timeout: 20_000,
    });
    await refused.close();

    const missing = await browser.newPage();
    await missing.route(
      (url) => url.pathname.endsWith('/dialogkit-preview-worker.js'),
      (route) => route.fulfill({ status: 404 }),
    );
    await missing.goto(server.url);
    await missing.waitForFunction(() => document.querySelector('canvas[data-pdf]')!.getAttribute('data-rendered') === 'failed', undefined, {
      timeout: 20_000,
    });
    await missing.close();
  });

  it('checks the inputs and says what is wrong, in Danish, next to the field', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.click(`#${SLUG} details.tailor summary`);
    await page.fill(`#${SLUG}-participants`, '1');
    await page.click(`#${SLUG} form.kit button[type=submit]`);
    expect(await page.getAttribute(`#${SLUG}-participants`, 'aria-invalid')).toBe('true');
    const describedBy = (await page.getAttribute(`#${SLUG}-participants`, 'aria-describedby'))!;
    expect(await page.textContent(`#${describedBy}`)).toBe('Skriv et helt tal fra 2 til 200.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${SLUG}-participants`);

    // A file that is no image: the form says so in its own words, before any kit is made.
    await page.fill(`#${SLUG}-participants`, '');
    await page.setInputFiles(`#${SLUG}-logo`, { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    await page.click(`#${SLUG} form.kit button[type=submit]`);
    expect(await page.textContent(`#${SLUG}-logo-error`)).toBe(
      'Vælg et PNG-, JPEG- eller SVG-billede på højst 2 MB og 16–8000 pixels på hver led.',
    );
    expect(await page.textContent(`#${SLUG} .status`)).toBe('');

    // A logo file deleted after it was chosen cannot be read (Chromium rejects with a
    // NotReadableError): the form asks for one again.
    await page.setInputFiles(`#${SLUG}-logo`, { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(LOGO) });
    await page.evaluate(() => {
      File.prototype.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
    });
    await page.click(`#${SLUG} form.kit button[type=submit]`);
    await page.waitForSelector(`#${SLUG}-logo-error`, { timeout: 10_000 });
    expect(await page.textContent(`#${SLUG}-logo-error`)).toBe(
      'Vælg et PNG-, JPEG- eller SVG-billede på højst 2 MB og 16–8000 pixels på hver led.',
    );
    expect(await page.isEnabled(`#${SLUG} form.kit button[type=submit]`)).toBe(true);
    await page.close();
  });

  it('refuses a damaged or hostile logo in Danish next to the field, the detail in the console, the tab alive', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const consoleLines: string[] = [];
    page.on('console', (message) => void consoleLines.push(message.text()));
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await page.goto(server.url);
    await page.click(`#${SLUG} details.tailor summary`);
    const button = `#${SLUG} form.kit button[type=submit]`;
    // Each passes the page's quick look at its header; the kit decodes it and refuses it.
    const hostile: [string, Uint8Array, RegExp][] = [
      ['logo.svg', fanOutSvg(), /--logo: the SVG repeats its parts/],
      ['logo.png', corruptPng(), /--logo: the PNG is damaged/],
      ['logo.svg', pictureInSvg(doubleHeaderPng()), /--logo: a picture inside the SVG cannot be used/],
    ];
    for (const [name, bytes, detail] of hostile) {
      await page.setInputFiles(`#${SLUG}-logo`, { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
      const started = Date.now();
      await page.click(button);
      await page.waitForSelector(`#${SLUG}-logo-error`, { timeout: 15_000 });
      expect(Date.now() - started, name).toBeLessThan(15_000);
      expect(await page.textContent(`#${SLUG}-logo-error`)).toBe(
        'Billedet kan ikke bruges: filen er beskadiget, afkortet eller for indviklet at tegne. Gem den igen fra tegneprogrammet, eller vælg et PNG-billede.',
      );
      expect(await page.textContent(`#${SLUG} .status`)).toBe('');
      expect(consoleLines.join('\n')).toMatch(detail);
      await page.waitForFunction((selector) => !document.querySelector<HTMLButtonElement>(selector)!.disabled, button);
    }
    expect(crashed).toBe(false);
    // The same kit still makes a kit once the logo is good.
    await page.setInputFiles(`#${SLUG}-logo`, { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(LOGO) });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(button)]);
    expect(download.suggestedFilename()).toBe(`${SLUG}.zip`);
    await page.close();
  });

  it("says so when the kit's worker fails, and starts a fresh one on the next press", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    // The kit as served, plus one line: its worker throws when told "crash", a real uncaught error.
    await page.route(
      (url) => url.pathname.endsWith('/dialogkit-kit.js'),
      async (route) => {
        const response = await route.fetch();
        const crash = `self.addEventListener('message', (event) => { if (event.data === 'crash') throw new Error('boom'); });`;
        await route.fulfill({ response, body: `${await response.text()}\n${crash}\n` });
      },
    );
    // Counts the kit's workers and the makes asked of them; with `crashNext`, the next make is sent as "crash".
    await page.addInitScript({
      content: `
        globalThis.workers = 0;
        globalThis.makes = 0;
        globalThis.crashNext = false;
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message, ...rest) {
          if (!(message && typeof message === 'object' && 'make' in message)) return post.call(this, message, ...rest);
          globalThis.makes++;
          if (!globalThis.crashNext) return post.call(this, message, ...rest);
          globalThis.crashNext = false;
          return post.call(this, 'crash');
        };
        globalThis.Worker = class extends Worker {
          constructor(url, ...rest) {
            super(url, ...rest);
            if (String(url).includes('dialogkit-kit.js')) globalThis.workers++; // not pdf.js's, for the previews
          }
        };`,
    });
    type Counts = { workers: number; makes: number; crashNext: boolean };
    const consoleLines: string[] = [];
    page.on('console', (message) => void consoleLines.push(message.text()));
    await page.goto(server.url);
    await page.click(`#${SLUG} details.tailor summary`);
    await page.waitForFunction(() => (globalThis as unknown as Counts).makes === 1); // the kit is ready: its warm-up was sent
    await page.evaluate(() => void ((globalThis as unknown as Counts).crashNext = true));

    // The worker dies while it makes the kit: the press fails with a message, and the button works again.
    const button = `#${SLUG} form.kit button[type=submit]`;
    await page.click(button);
    await page.waitForFunction((slug) => document.querySelector(`#${slug} .status`)!.textContent !== 'Laver materialet …', SLUG, {
      timeout: 10_000,
    });
    // In Danish on the page; what happened, in English, in the console.
    expect(await page.textContent(`#${SLUG} .status`)).toBe(
      'Det lykkedes ikke at lave materialet. Prøv igen om lidt; sker det igen, kan I hente de færdige PDF-filer ovenfor.',
    );
    expect(consoleLines.join('\n')).toMatch(/Dialogkit: the kit failed: Error: the kit stopped \(.*boom\)/);
    expect(await page.isEnabled(button)).toBe(true);

    // The next press starts a fresh worker, which makes the kit.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(button)]);
    expect(download.suggestedFilename()).toBe(`${SLUG}.zip`);
    expect(await page.evaluate(() => (globalThis as unknown as Counts).workers)).toBe(2);
    expect(await page.getAttribute(`#${SLUG} form.kit`, 'data-kit-mode')).toBe('worker');
    await page.close();
  });

  it('makes one kit when "Hent" is pressed twice at once with a logo chosen', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    // Counts the makes the page asks of its worker (the warm-up is one, each run one).
    await page.addInitScript({
      content: `
        globalThis.makes = 0;
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message, ...rest) {
          if (message && typeof message === 'object' && 'make' in message) globalThis.makes++;
          return post.call(this, message, ...rest);
        };`,
    });
    const makes = () => page.evaluate(() => (globalThis as unknown as { makes: number }).makes);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.goto(server.url);
    await page.click(`#${SLUG} details.tailor summary`);
    await page.setInputFiles(`#${SLUG}-logo`, { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(LOGO) });
    await page.waitForFunction(() => (globalThis as unknown as { makes: number }).makes === 1); // the warm-up
    // Two submits in one task, as a double click can give while the logo is read.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.evaluate((slug) => {
        const form = document.querySelector<HTMLFormElement>(`#${slug} form.kit`)!;
        form.requestSubmit();
        form.requestSubmit();
      }, SLUG),
    ]);
    expect(download.suggestedFilename()).toBe(`${SLUG}.zip`);
    await page.waitForFunction(
      (slug) => !document.querySelector<HTMLButtonElement>(`#${slug} form.kit button[type=submit]`)!.disabled,
      SLUG,
    );
    expect(await page.textContent(`#${SLUG} .status`)).toBe(`Færdig: 7 filer hentet som ${SLUG}.zip.`);
    expect(await makes()).toBe(2); // the warm-up and one run
    expect(downloads).toBe(1);

    // A file that is no image, pressed twice: one message, and the button works again.
    await page.setInputFiles(`#${SLUG}-logo`, { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
    await page.evaluate((slug) => {
      const form = document.querySelector<HTMLFormElement>(`#${slug} form.kit`)!;
      form.requestSubmit();
      form.requestSubmit();
    }, SLUG);
    await page.waitForSelector(`#${SLUG}-logo-error`, { timeout: 10_000 });
    expect(await page.$$(`#${SLUG} .error`)).toHaveLength(1);
    expect(await page.isEnabled(`#${SLUG} form.kit button[type=submit]`)).toBe(true);
    await page.close();
  });

  it('works opened from disk, with nothing fetched from a network', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const seen = watchPage(page, pathToFileURL(out).href);
    const emojiRequests = requestsFor(page, 'dialogkit-emoji.js');
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    const { files } = await fillAndDownload(page);
    expect(Object.keys(files)).toHaveLength(7);
    // The emoji font's script, loaded by a script element from disk, set the topic's emoji.
    expect(emojiRequests).toHaveLength(1);
    expect(embeddedFontNames(files['drejebog.pdf']!).some((n) => n.includes('NotoEmoji'))).toBe(true);
    // Chromium starts no worker from a file:// URL, so the kit runs on the page.
    expect(await page.getAttribute(`#${SLUG} form.kit`, 'data-kit-mode')).toBe('page');
    expect(seen.outside).toEqual([]);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('makes several topics into one zip, a folder per topic, byte-identical to the CLI with --topic a --topic b', async () => {
    // The CLI with the same options, started first: it runs while the browser works.
    const content = await temporaryDir();
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, `${SLUG}.md`));
    await writeFile(join(content, `${SECOND}.md`), await secondTopic());
    const cliOut = await temporaryDir();
    const options = ['--organisation', 'Faaborg-Midtfyn Kommune', '--participants', '9', '--start', '09:30', '--flipover-size', 'A2'];
    const cliRun = cli(['build', '--content', content, '--out', cliOut, '--quiet', '--topic', SLUG, '--topic', SECOND, ...options]);
    const page = await browser.newPage({ acceptDownloads: true });
    const seen = watchPage(page, server.url);
    await page.goto(server.url);
    await page.click('section.several details.tailor summary');
    const form = 'form.kit[data-several]';
    // No topic chosen: said next to the boxes, and nothing is made.
    await page.click(`${form} button[type=submit]`);
    expect(await page.textContent('#flere_emner-topic-error')).toBe('Vælg mindst ét emne.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`flere_emner-topic-${SECOND}`);

    await page.check(`#flere_emner-topic-${SLUG}`);
    await page.check(`#flere_emner-topic-${SECOND}`);
    await page.fill('#flere_emner-organisation', 'Faaborg-Midtfyn Kommune');
    await page.fill('#flere_emner-participants', '9');
    await page.fill('#flere_emner-start', '09:30');
    await page.selectOption('#flere_emner-paper', 'A2');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`${form} button[type=submit]`)]);
    expect(download.suggestedFilename()).toBe('dialogkit-2-emner-faaborg-midtfyn-kommune.zip');
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const products = ['drejebog.pdf', 'flipover.pdf', 'handout.pdf', 'index.html', 'koereplan.pdf', 'prikkort.pdf', 'skaerm.html'];
    expect(Object.keys(files).sort()).toEqual([...products.map((p) => `${SECOND}/${p}`), ...products.map((p) => `${SLUG}/${p}`)]);
    expect(await page.textContent(`${form} .status`)).toBe(
      'Færdig: 14 filer fra 2 emner hentet som dialogkit-2-emner-faaborg-midtfyn-kommune.zip.',
    );

    const run = await cliRun;
    expect(run.code, run.stderr).toBe(0);
    for (const [name, bytes] of Object.entries(files))
      expect(Buffer.from(bytes).equals(await readFile(join(cliOut, name))), name).toBe(true);
    await rm(content, { recursive: true });
    await rm(cliOut, { recursive: true });

    // A length one topic cannot meet: that topic is named, in Danish, and no zip is offered.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.fill('#flere_emner-duration', '20');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector('#flere_emner-duration-error');
    expect(await page.textContent('#flere_emner-duration-error')).toMatch(
      new RegExp(`^${SECOND_TITLE} kan ikke gøres kortere end \\d+ minutter\\.$`),
    );
    expect(await page.getAttribute('#flere_emner-duration', 'aria-invalid')).toBe('true');
    expect(await page.textContent(`${form} .status`)).toBe('');
    expect(downloads).toBe(0);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('reports a character the fonts lack next to the field that holds it, and still makes the kit', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(server.url);
    await page.click(`#${SLUG} details.tailor summary`);
    await page.fill(`#${SLUG}-organisation`, 'Borgerservice ꙮ');
    await page.fill(`#${SLUG}-note`, 'Husk kaffe');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click(`#${SLUG} form.kit button[type=submit]`),
    ]);
    expect(download.suggestedFilename()).toBe(`${SLUG}-borgerservice.zip`);
    await page.waitForSelector(`#${SLUG}-organisation-warning`);
    expect(await page.textContent(`#${SLUG}-organisation-warning`)).toBe(
      'Skriften har ikke tegnet «ꙮ» (U+A66E), så det bliver trykt som en tom firkant. Skriv det med ord eller brug et andet tegn.',
    );
    expect(await page.getAttribute(`#${SLUG}-organisation`, 'aria-describedby')).toBe(`${SLUG}-organisation-warning`);
    expect(await page.getAttribute(`#${SLUG}-organisation`, 'aria-invalid')).toBeNull();
    expect(await page.$(`#${SLUG}-note-warning`)).toBeNull();
    // The next attempt clears the warning, even one that stops at its checks.
    await page.fill(`#${SLUG}-organisation`, 'Borgerservice');
    await page.fill(`#${SLUG}-participants`, '1');
    await page.click(`#${SLUG} form.kit button[type=submit]`);
    expect(await page.textContent(`#${SLUG}-participants-error`)).toBe('Skriv et helt tal fra 2 til 200.');
    expect(await page.$(`#${SLUG}-organisation-warning`)).toBeNull();
    await page.close();
  });
});
