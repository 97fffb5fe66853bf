import { copyFile, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/core/publish/manifest.js';
import type { Block, Span, Topic } from '../../../src/core/model.js';
import { validateOptions } from '../../../src/core/settings/options.js';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { buildSources, builtFixture, fileOf, fixture, FIXTURES } from '../../helpers/build.js';
import { ARTIFACTS, HAS_BROWSER, publish, watchPage, type Published } from '../../helpers/browser.js';
import { cli, temporaryDir } from '../../helpers/cli.js';
import { readPdf, readStructure, type StructElement } from '../../helpers/pdf.js';
import { decodeQr } from '../../helpers/qr.js';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BASE = 'https://www.example.dk/dialog';
const SLUG = 'forventningsafstemning';

let published: Published | undefined;
let content: string;
let topic: Topic;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  content = await temporaryDir();
  await copyFile(join(FIXTURES, 'content', `${SLUG}.md`), join(content, `${SLUG}.md`));
  await copyFile(join(FIXTURES, 'english/english.md'), join(content, 'english.md'));
  published = await publish(content, ['--base-url', BASE, '--start', '13:00']);
  topic = parseTopic({ path: `${SLUG}.md`, bytes: new Uint8Array(await readFile(join(content, `${SLUG}.md`))) }).topic!;
}, 120_000);

afterAll(async () => {
  await published?.close();
  if (published) await rm(published.out, { recursive: true, force: true });
  if (content) await rm(content, { recursive: true, force: true });
});

describe.runIf(HAS_BROWSER)('the phone edition, <slug>/index.html', () => {
  it('holds every reflection question and the legal background, with working links', async () => {
    const { browser, server } = published!;
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const seen = watchPage(page, server.url);
    await page.goto(`${server.url}${SLUG}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.locator('h1').allTextContents()).toEqual([topic.meta.title]);
    const text = squash(await page.locator('main').innerText());
    const prompts = topic.steps.flatMap((s) => s.flipPrompts);
    expect(prompts.length).toBeGreaterThan(2);
    for (const prompt of prompts) expect(text).toContain(squash(plain(prompt.spans)));
    const reflection = await page.locator('ol.reflection > li > .question').allInnerTexts();
    expect(reflection.map(squash)).toEqual(prompts.map((p) => squash(plain(p.spans))));
    for (const line of blockTexts(topic.legal)) expect(text).toContain(line);
    for (const question of topic.guidingQuestions) expect(text).toContain(squash(plain(question.spans)));

    const hrefs = await page.$$eval('main a', (links) => links.map((a) => a.getAttribute('href')));
    // Written as URL writes them (html/markup.ts: safeHref): `https://x.dk` becomes `https://x.dk/`.
    expect(hrefs).toContain(new URL(topic.meta.media!.url!).href);
    for (const link of blockLinks(topic.legal)) expect(hrefs).toContain(new URL(link).href);
    // Landmarks and a skip link that moves focus to the content.
    expect(await page.locator('header, main, footer').count()).toBe(3);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('indhold');
    await page.screenshot({ path: join(ARTIFACTS, 'phone-375.png'), fullPage: true });
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  });

  it('reads at 320 px (200 % zoom of 640 px) without sideways scrolling, and in English for English topics', async () => {
    const { browser, server } = published!;
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const slug of [SLUG, 'english']) {
      await page.goto(`${server.url}${slug}/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    }
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h2').allTextContents()).toContain('Questions for reflection');
    await page.close();
  });

  it('works opened from disk, and asks for nothing outside its folder', async () => {
    const page = await published!.browser.newPage({ viewport: { width: 375, height: 812 } });
    const folder = pathToFileURL(join(published!.out, SLUG)).href;
    const seen = watchPage(page, folder);
    for (const file of ['index.html', 'skaerm.html']) await page.goto(`${folder}/${file}`);
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  });
});

describe.runIf(HAS_BROWSER)('the screen edition, <slug>/skaerm.html', () => {
  it('counts a step down with a fake clock: start, pause holds, zero signals, reset; arrows change view', async () => {
    const { browser, server } = published!;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const seen = watchPage(page, server.url);
    await page.clock.install({ time: new Date('2027-01-15T12:00:00Z') });
    await page.goto(`${server.url}${SLUG}/skaerm.html`);
    expect(await visibleHeading(page)).toBe(topic.meta.title);
    expect(await page.locator('#timer').isHidden()).toBe(true);
    const overview = squash(await page.locator('.view:not([hidden])').innerText());
    for (const step of topic.steps) expect(overview).toContain(step.title);
    expect(overview).toContain('13.00–13.05');
    await page.screenshot({ path: join(ARTIFACTS, 'screen-overview-1920.png') });

    await page.keyboard.press('ArrowRight');
    expect(await visibleHeading(page)).toBe(`Trin 1 ${topic.steps[0]!.title}`);
    expect(await page.textContent('#time')).toBe('05:00');
    await page.keyboard.press(' ');
    await page.clock.runFor(60_000);
    expect(await page.textContent('#time')).toBe('04:00');
    expect(await page.textContent('#toggle')).toBe('Pause');
    await page.keyboard.press(' ');
    await page.clock.runFor(120_000);
    expect(await page.textContent('#time')).toBe('04:00');
    await page.keyboard.press(' ');
    await page.clock.runFor(4 * 60_000 + 1_000);
    // Past zero the clock counts the time over (test/core/html/screen.browser.test.ts has the rest of it).
    expect(await page.textContent('#time')).toBe('+0:01');
    expect(await page.textContent('#status')).toBe('Tiden er gået for trin 1.');
    expect(await page.evaluate(() => document.body.classList.contains('time-up'))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'screen-time-up-1920.png') });
    await page.keyboard.press('r');
    expect(await page.textContent('#time')).toBe('05:00');
    expect(await page.evaluate(() => document.body.classList.contains('time-up'))).toBe(false);

    // Every step has a view, and every flip-chart prompt one of its own, in order.
    const expected = topic.steps.flatMap((s) => [`Trin ${s.number} ${s.title}`, ...s.flipPrompts.map(() => `Trin ${s.number} ${s.title}`)]);
    const headings: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      headings.push(await visibleHeading(page));
      if (i === 3) await page.screenshot({ path: join(ARTIFACTS, 'screen-prompt-1920.png') });
      await page.keyboard.press('ArrowRight');
    }
    expect(headings).toEqual(expected);
    const prompts = await page.locator('.view.prompt .prompt-text > p').allTextContents();
    expect(prompts.map(squash)).toEqual(topic.steps.flatMap((s) => s.flipPrompts.map((p) => squash(plain(p.spans)))));
    await page.keyboard.press('ArrowLeft');
    expect(await visibleHeading(page)).toBe(expected.at(-2));
    // The buttons do what the keys do.
    await page.click('#previous');
    expect(await visibleHeading(page)).toBe(expected.at(-3));
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  });

  it("fits every view's text in its box, large, at projector, laptop and phone sizes", async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
      { width: 375, height: 812 },
    ]) {
      const page = await published!.browser.newPage({ viewport });
      await page.goto(`${published!.server.url}${SLUG}/skaerm.html`);
      const count = await page.locator('.view').count();
      for (let i = 1; i < count; i++) {
        await page.keyboard.press('ArrowRight');
        const fit = await page.$eval('.view:not([hidden]) .fit', (box) => {
          const text = box.querySelector<HTMLElement>('.fit-text');
          return text
            ? {
                size: parseFloat(getComputedStyle(text).fontSize),
                fits: text.scrollHeight <= box.clientHeight && text.scrollWidth <= box.clientWidth,
              }
            : null;
        });
        if (!fit) continue;
        expect(fit.fits, `view ${i} at ${viewport.width}×${viewport.height}`).toBe(true);
        // Readable from the back of a room on a projector (27 px at 1080 px high); body size on a phone.
        expect(fit.size).toBeGreaterThanOrEqual(viewport.width > viewport.height ? viewport.height / 40 : 16);
      }
      await page.close();
    }
  });
});

describe.runIf(HAS_BROWSER)('axe-core on both editions', () => {
  it('finds no serious or critical violations at phone and projector sizes', async () => {
    for (const [file, viewport] of [
      ['', { width: 375, height: 812 }],
      ['', { width: 1920, height: 1080 }],
      ['skaerm.html', { width: 1920, height: 1080 }],
      ['skaerm.html', { width: 375, height: 812 }],
    ] as const) {
      const page = await published!.browser.newPage({ viewport });
      await page.goto(`${published!.server.url}${SLUG}/${file}`);
      // The overview and a step view of the screen edition.
      for (const step of file === 'skaerm.html' ? [0, 1] : [0]) {
        if (step > 0) await page.keyboard.press('ArrowRight');
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(
          async () =>
            await (
              window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
            ).axe.run(),
        );
        const serious = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length})`);
        expect(serious, `${file || 'index.html'} at ${viewport.width}×${viewport.height}`).toEqual([]);
      }
      if (viewport.width === 375 && file === 'skaerm.html') await page.screenshot({ path: join(ARTIFACTS, 'screen-375.png') });
      await page.close();
    }
    // Six axe runs: about 15 s on an idle machine, over 30 s on a shared one.
  }, 90_000);
});

describe.runIf(HAS_BROWSER)('publishing the editions', () => {
  it('lists them in the manifest and the zip, and links them from the download page', async () => {
    const { out, browser, server } = published!;
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const entry = manifest.topics.find((t) => t.slug === SLUG)!;
    expect(entry.files.map((f) => f.path)).toEqual(
      [
        'drejebog.pdf',
        'koereplan.pdf',
        'handout.pdf',
        'flipover.pdf',
        'prikkort.pdf',
        'index.html',
        'skaerm.html',
        'drejebog.docx',
        'handout.docx',
        'aftaleark.docx',
      ].map((f) => `${SLUG}/${f}`),
    );
    const zip = unzipSync(new Uint8Array(await readFile(join(out, entry.archive!.path))));
    expect(new TextDecoder().decode(zip['index.html'])).toBe(await readFile(join(out, SLUG, 'index.html'), 'utf8'));
    expect(Object.keys(zip)).toContain('skaerm.html');
    const page = await browser.newPage();
    await page.goto(server.url);
    // The page's kit knows the address too, so tailored kits carry the same QR code.
    expect(await page.getAttribute(`#${SLUG} form.kit input[name=baseUrl]`, 'value')).toBe(BASE);
    const links = await page.$$eval(`#${SLUG} ul.editions a`, (as) =>
      as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })),
    );
    expect(links).toEqual([
      { href: `${SLUG}/index.html`, text: 'Læs på mobilen' },
      { href: `${SLUG}/skaerm.html`, text: 'Vis på skærmen' },
    ]);
    await page.close();
  });
});

describe('--base-url on paper', () => {
  it('puts a QR code and the address of the phone edition on the handout and the guide', async () => {
    const result = await buildSources([await fixture('valid/minimal.md')], { baseUrl: BASE });
    const slug = result.topics[0]!.slug;
    const url = `${BASE}/${slug}/`;
    for (const name of ['handout.pdf', 'drejebog.pdf']) {
      const pdf = await readPdf(fileOf(result, name));
      expect(pdf.text, name).toContain('LÆS DET PÅ MOBILEN');
      expect(pdf.text, name).toContain(`www.example.dk/dialog/${slug}`);
      expect(
        pdf.pages.flatMap((p) => p.links.map((l) => l.url)),
        name,
      ).toContain(url);
      // The code beside the printed address decodes to that address (and not the film's).
      const pageIndex = pdf.pages.findIndex((p) => p.links.some((l) => l.url === url));
      const addressOf = (target: string) => {
        const rects = pdf.pages[pageIndex]!.links.filter((l) => l.url === target).map((l) => l.rect as [number, number, number, number]);
        return {
          x1: Math.min(...rects.map((r) => r[0])),
          y1: Math.min(...rects.map((r) => r[1])),
          x2: Math.max(...rects.map((r) => r[2])),
          y2: Math.max(...rects.map((r) => r[3])),
        };
      };
      expect(await decodeQr(pdf.doc, pageIndex + 1, addressOf(url)), name).toBe(url);
      expect(await decodeQr(pdf.doc, pageIndex + 1, addressOf('https://vpt.dk/film')), name).toBe('https://vpt.dk/film');
      const figures = (await readStructure(pdf.doc)).flatMap((p) => (p.tree ? collect(p.tree, 'Figure') : []));
      expect(
        figures.map((f) => f.alt),
        name,
      ).toContain(`QR-kode til emnet på mobilen, adresse www.example.dk/dialog/${slug}`);
    }
  });

  it('takes only an absolute http or https address, and adds the final slash', async () => {
    expect(validateOptions({ baseUrl: 'https://www.example.dk/dialog' })).toEqual([]);
    for (const bad of ['www.example.dk/dialog/', 'ftp://www.example.dk/', 'https://www.example.dk/?a=1', '/dialog/'])
      expect(validateOptions({ baseUrl: bad }), bad).toHaveLength(1);
    const run = await cli(['check', '--base-url', 'www.example.dk']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base-url "www.example.dk" is not a web address');
  });

  it('prints no such code without it', async () => {
    const result = await builtFixture('valid/minimal.md');
    for (const name of ['handout.pdf', 'drejebog.pdf']) {
      const pdf = await readPdf(fileOf(result, name));
      expect(pdf.text).not.toContain('LÆS DET PÅ MOBILEN');
      expect(pdf.text).not.toContain('www.example.dk');
    }
  });
});

// --- helpers ---

function plain(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Each paragraph's, heading's and list item's own text, as a reader would find it on the page. */
function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.kind === 'paragraph' || b.kind === 'heading') return [squash(plain(b.spans))];
    if (b.kind === 'list') return b.items.flatMap((i) => [squash(plain(i.spans)), ...blockTexts(i.children)]);
    return blockTexts(b.blocks);
  });
}

function blockLinks(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.kind === 'paragraph' || b.kind === 'heading') return b.spans.flatMap((s) => (s.link ? [s.link] : []));
    if (b.kind === 'list') return b.items.flatMap((i) => [...i.spans.flatMap((s) => (s.link ? [s.link] : [])), ...blockLinks(i.children)]);
    return blockLinks(b.blocks);
  });
}

function collect(element: StructElement, role: string): StructElement[] {
  return [...(element.role === role ? [element] : []), ...element.children.flatMap((c) => collect(c, role))];
}

async function visibleHeading(page: Page): Promise<string> {
  return squash(await page.locator('.view:not([hidden]) h1').innerText());
}
