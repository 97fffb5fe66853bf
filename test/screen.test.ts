/**
 * The screen edition live (issue 33): presenter mode, the clock past zero, the session's pace,
 * the case in its step, a blank screen, and the results form through to the minutes (PDF read
 * back with pdf.js, Word through its XML, the calendar file parsed), in Chromium with a fake clock.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Span, Topic } from '../src/core/model.js';
import { parseTopic } from '../src/core/parse/parse-topic.js';
import { ARTIFACTS, HAS_BROWSER, publish, watchPage, type Published } from './helpers/browser.js';
import { buildProducts, fileOf, FIXTURES } from './helpers/build.js';
import { readPdf, readStructure } from './helpers/pdf.js';
import { tempDir } from './helpers/temp.js';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FILM = 'forventningsafstemning';
const CASE = 'hardware-og-udstyr';
const SESSION = new Date('2027-01-15T13:00:00+01:00');

let published: Published | undefined;
let content: string;
const topics = new Map<string, Topic>();

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  content = await tempDir();
  for (const slug of [FILM, CASE]) {
    await copyFile(join(FIXTURES, 'content', `${slug}.md`), join(content, `${slug}.md`));
    const bytes = new Uint8Array(await readFile(join(content, `${slug}.md`)));
    topics.set(slug, parseTopic({ path: `${slug}.md`, bytes }).topic!);
  }
  await copyFile(join(FIXTURES, 'english/english.md'), join(content, 'english.md'));
  published = await publish(content, ['--start', '13:00']);
}, 120_000);

afterAll(async () => {
  await published?.close();
  if (published) await rm(published.out, { recursive: true, force: true });
  if (content) await rm(content, { recursive: true, force: true });
});

/** The screen edition of `slug` at 13:00 on the session's day in Copenhagen, the clock faked. */
async function open(slug: string, viewport = { width: 1920, height: 1080 }, url?: string) {
  const page = await published!.browser.newPage({ viewport, timezoneId: 'Europe/Copenhagen', acceptDownloads: true });
  const seen = watchPage(page, url ? new URL(url).origin : published!.server.url);
  // Paused: only runFor moves time, so the seconds on the clock are exact.
  await page.clock.install({ time: new Date(SESSION.getTime() - 1_000) });
  await page.clock.pauseAt(SESSION);
  await page.goto(url ?? `${published!.server.url}${slug}/skaerm.html`);
  return { page, seen };
}

describe.runIf(HAS_BROWSER)('presenter mode', () => {
  it('fades the controls and key hints after 3 s without input, and brings them back on mouse or key', async () => {
    const { page, seen } = await open(FILM);
    const controls = page.locator('#controls');
    expect(await controls.isVisible()).toBe(true);
    expect(await page.locator('.keys').isVisible()).toBe(true);
    await page.clock.runFor(2_000);
    expect(await controls.isVisible()).toBe(true);
    await page.clock.runFor(1_100);
    expect(await controls.isHidden()).toBe(true);
    expect(await page.locator('.keys').isHidden()).toBe(true);
    // The clock stays: it is the room's.
    await page.keyboard.press('ArrowRight');
    expect(await controls.isVisible()).toBe(true);
    expect(await page.locator('#time').isVisible()).toBe(true);
    await page.clock.runFor(3_100);
    expect(await controls.isHidden()).toBe(true);
    expect(await page.locator('#time').isVisible()).toBe(true);
    await page.mouse.move(400, 300);
    expect(await controls.isVisible()).toBe(true);
    // The controls take no room from the content: only the slim clock bar does (about 18 % before).
    const bar = await page.locator('footer.bar').boundingBox();
    expect(bar!.height).toBeLessThan(1080 * 0.1);
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('fades without motion when the reader asks for reduced motion', async () => {
    const { page } = await open(FILM);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.runFor(2_700);
    // Past the fade's start, still fully there; then gone at 3 s.
    expect(await page.$eval('#controls', (e) => [getComputedStyle(e).opacity, getComputedStyle(e).transitionDuration])).toEqual([
      '1',
      '0s',
    ]);
    await page.clock.runFor(400);
    expect(await page.locator('#controls').isHidden()).toBe(true);
    await page.close();
  });

  it('counts past zero as +m:ss in its own colour, says "over tid", and keeps "time is up" to its step', async () => {
    const { page } = await open(FILM);
    await page.keyboard.press('ArrowRight');
    const colour = await page.$eval('#time', (e) => getComputedStyle(e).color);
    await page.keyboard.press(' ');
    await page.clock.runFor(5 * 60_000 + 30_000);
    expect(await page.textContent('#time')).toBe('+0:30');
    expect(squash(await page.locator('#clock').textContent())).toBe('+0:30 over tid');
    expect(await page.getAttribute('#clock', 'role')).toBe('timer');
    expect(await page.$eval('#time', (e) => getComputedStyle(e).color)).not.toBe(colour);
    expect(await page.textContent('#status')).toBe('Tiden er gået for trin 1.');
    await page.screenshot({ path: join(ARTIFACTS, 'screen-overrun-1920.png') });
    await page.clock.runFor(60_000);
    expect(await page.textContent('#time')).toBe('+1:30');

    // The next step's view: its own clock, and the old message gone.
    await page.keyboard.press('PageDown');
    expect(await visibleHeading(page)).toBe(`Trin 2 ${topics.get(FILM)!.steps[1]!.title}`);
    expect(await page.textContent('#status')).toBe('');
    expect(await page.textContent('#time')).toBe('08:00');
    // Back at step 1 it is still over.
    await page.keyboard.press('PageUp');
    expect(await page.textContent('#status')).toBe('Tiden er gået for trin 1.');
    expect(await page.textContent('#time')).toBe('+1:30');
    await page.keyboard.press('r');
    expect(await page.textContent('#time')).toBe('05:00');
    expect(await page.textContent('#status')).toBe('');
    await page.close();
  });

  it('shows the session against the plan from --start, and + and - move the running step by a minute', async () => {
    const { page } = await open(FILM);
    expect(await page.locator('#pace').isHidden()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await page.clock.runFor(60_000);
    // 13:01, 4 minutes left of a step the plan ends at 13:05.
    expect(await page.textContent('#pace-text')).toBe('Følger planen');
    await page.keyboard.press('+');
    expect(await page.textContent('#time')).toBe('05:00');
    expect(await page.textContent('#pace-text')).toBe('1 min. bagud i forhold til planen');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await page.textContent('#time')).toBe('03:00');
    expect(await page.textContent('#pace-text')).toBe('1 min. foran planen');
    // Never below one minute in all.
    for (let i = 0; i < 6; i++) await page.keyboard.press('-');
    expect(await page.textContent('#time')).toMatch(/^(00:00|\+0:00)$/);
    await page.click('#more');
    expect(await page.textContent('#time')).toBe('01:00');
    await page.screenshot({ path: join(ARTIFACTS, 'screen-running-1920.png') });
    await page.close();
  });

  it('counts the pace from the first start when no --start was given', async () => {
    const folder = await tempDir();
    const built = await buildProducts(
      [{ path: `${FILM}.md`, bytes: new Uint8Array(await readFile(join(FIXTURES, 'content', `${FILM}.md`))) }],
      ['skaerm'],
    );
    await writeFile(join(folder, 'skaerm.html'), fileOf(built, 'skaerm.html'));
    const { page } = await open(FILM, undefined, pathToFileURL(join(folder, 'skaerm.html')).href);
    await page.keyboard.press('ArrowRight');
    await page.clock.runFor(10 * 60_000); // the session starts late: the plan starts with the clock
    await page.keyboard.press(' ');
    await page.clock.runFor(7 * 60_000);
    expect(await page.textContent('#pace-text')).toBe('2 min. bagud i forhold til planen');
    await page.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows the case text in the step that presents it, and nowhere else', async () => {
    const { page } = await open(CASE);
    const topic = topics.get(CASE)!;
    const headings: string[] = [];
    const caseViews: number[] = [];
    const count = await page.locator('[data-view]').count();
    for (let i = 0; i < count; i++) {
      const text = squash(await page.locator('[data-view]:not([hidden])').innerText());
      headings.push(await visibleHeading(page));
      if (text.includes('Ellen er 78 år')) caseViews.push(i);
      await page.keyboard.press('ArrowRight');
    }
    expect(caseViews).toEqual([2]);
    expect(headings[2]).toBe(`Trin 1 ${topic.steps[0]!.title}`);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const shown = squash(await page.locator('[data-view]:not([hidden]) .case-text').innerText());
    for (const line of blockTexts(topic.case)) expect(shown).toContain(line);
    expect(await page.textContent('[data-view]:not([hidden]) .when')).toContain('Casen');
    // The next step's title, small in a corner.
    expect(squash(await page.locator('[data-view]:not([hidden]) .next-step').innerText())).toBe(`Næste: Trin 2: ${topic.steps[1]!.title}`);
    await page.screenshot({ path: join(ARTIFACTS, 'screen-case-1920.png') });
    await page.close();
  });

  it('never cuts text that does not fit: at the smallest readable size the box scrolls, by keyboard too', async () => {
    const { page } = await open(CASE, { width: 375, height: 812 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const box = await page.$eval('[data-view]:not([hidden]) .fit', (e) => ({
      scrolls: e.classList.contains('scrolls'),
      overflow: getComputedStyle(e).overflowY,
      more: e.scrollHeight > e.clientHeight,
      tabindex: e.getAttribute('tabindex'),
      size: parseFloat(getComputedStyle(e.querySelector('.fit-text')!).fontSize),
    }));
    expect(box).toEqual({ scrolls: true, overflow: 'auto', more: true, tabindex: '0', size: 16 });
    await page.focus('[data-view]:not([hidden]) .fit');
    await page.keyboard.press('End');
    await expect.poll(() => page.$eval('[data-view]:not([hidden]) .fit', (e) => e.scrollTop)).toBeGreaterThan(0);
    await page.close();
  });

  it('blanks the screen with B, and a presenter remote key brings it back without moving on', async () => {
    const { page } = await open(FILM);
    await page.keyboard.press('PageDown');
    const heading = await visibleHeading(page);
    await page.keyboard.press('b');
    expect(await page.locator('#blank').isVisible()).toBe(true);
    expect(await page.textContent('#blank-note')).toContain('Tryk B');
    await page.keyboard.press('PageDown');
    expect(await page.locator('#blank').isHidden()).toBe(true);
    expect(await visibleHeading(page)).toBe(heading);
    await page.close();
  });
});

describe.runIf(HAS_BROWSER)('results and the minutes', () => {
  it('keeps what is typed over a reload, and hands on the minutes as PDF, Word and a calendar entry', async () => {
    const { page, seen } = await open(FILM);
    await page.keyboard.press('v');
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.getByLabel('Hvad').fill('Fælles tjekliste; til skranken, med "citat" og \\ streg');
    await page.getByLabel('Hvem').fill('Team Borgerservice');
    await page.getByLabel('Hvornår').fill('Inden 1. marts');
    await page.getByLabel('Opfølgning').fill('2027-03-01');
    const ideas: [string, string][] = [
      ['Skilt ved skranken', '3'],
      ['Fast tid til digital hjælp', '7'],
      ['Tjekliste', '5'],
      ['Mere tid', '5'],
    ];
    for (const [i, [idea, dots]] of ideas.entries()) {
      // Typing v, r or space in a field stays in the field.
      await page.getByLabel('Idé', { exact: true }).nth(i).fill(idea);
      await page.getByLabel('Prikker', { exact: true }).nth(i).fill(dots);
      await page.getByLabel('Prikker', { exact: true }).nth(i).press('Enter');
    }
    expect(await page.getByLabel('Idé', { exact: true }).count()).toBe(5);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('idea');
    await page.keyboard.type('vr ');
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.screenshot({ path: join(ARTIFACTS, 'screen-results-1920.png') });

    await page.reload();
    await page.keyboard.press('V');
    expect(await page.getByLabel('Idé', { exact: true }).evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value))).toEqual([
      ...ideas.map(([idea]) => idea),
      '',
    ]);
    expect(await page.getByLabel('Hvem').inputValue()).toBe('Team Borgerservice');
    expect(await page.getByLabel('Opfølgning').inputValue()).toBe('2027-03-01');

    const first = page.waitForEvent('download');
    const files = await downloads(page, 3, () => page.getByRole('button', { name: 'Hent referat' }).click());
    // The minutes first, the calendar entry last.
    expect((await first).suggestedFilename()).toBe('referat-forventningsafstemning-2027-01-15.pdf');
    expect(Object.keys(files).sort()).toEqual([
      'opfoelgning-forventningsafstemning.ics',
      'referat-forventningsafstemning-2027-01-15.docx',
      'referat-forventningsafstemning-2027-01-15.pdf',
    ]);
    expect(await page.textContent('#results-status')).toContain('Hentet: referat-forventningsafstemning-2027-01-15.pdf');

    // The PDF: one page, tagged, the agreement on top, then the ideas by their dots.
    const pdf = await readPdf(files['referat-forventningsafstemning-2027-01-15.pdf']!);
    expect(pdf.pages).toHaveLength(1);
    const text = squash(pdf.text);
    const order = [
      'Aftale',
      'Fælles tjekliste; til skranken',
      'Team Borgerservice',
      'Inden 1. marts',
      '1. marts 2027',
      'Idéer efter antal prikker',
    ];
    order.push('Fast tid til digital hjælp 7', 'Tjekliste 5', 'Mere tid 5', 'Skilt ved skranken 3');
    expect(positions(text, order)).toEqual([...positions(text, order)].sort((a, b) => a - b));
    expect(positions(text, order).every((p) => p >= 0)).toBe(true);
    const structure = await readStructure(pdf.doc);
    expect(structure[0]!.tree).toBeTruthy();
    expect(pdf.info['Title']).toBe('Referat: Forventningsafstemning om digital hjælp');

    // The Word file: the same order, through its document XML.
    const xml = new TextDecoder().decode(unzipSync(files['referat-forventningsafstemning-2027-01-15.docx']!)['word/document.xml']);
    const words = squash(
      xml
        .replace(/<w:p[ >]/g, ' <')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&quot;/g, '"'),
    );
    expect(
      positions(
        words,
        order.map((o) => o.replace(/ \d$/, '')),
      ),
    ).toEqual(
      [
        ...positions(
          words,
          order.map((o) => o.replace(/ \d$/, '')),
        ),
      ].sort((a, b) => a - b),
    );

    // The calendar entry: RFC 5545's line ends, folding and escapes.
    const ics = new TextDecoder().decode(files['opfoelgning-forventningsafstemning.ics']);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Escaped as written (RFC 5545 §3.3.11): backslash, semicolon and comma.
    expect(ics.replace(/\r\n /g, '')).toContain('Fælles tjekliste\\; til skranken\\, med "citat" og \\\\ streg\\nHvem');
    const fields = parseIcs(ics);
    expect(fields['DTSTART;VALUE=DATE']).toBe('20270301');
    expect(fields['DTEND;VALUE=DATE']).toBe('20270302');
    expect(fields['SUMMARY']).toBe('Opfølgning: Forventningsafstemning om digital hjælp');
    expect(fields['DESCRIPTION']).toBe(
      'Aftale fra dialogen 2027-01-15: Fælles tjekliste; til skranken, med "citat" og \\ streg\nHvem: Team Borgerservice\nHvornår: Inden 1. marts',
    );
    expect(fields['UID']).toBe('opfoelgning-forventningsafstemning-2027-01-15@dialogkit');
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('opened where no assets folder is beside it, says so, still writes the calendar file, and prints the minutes', async () => {
    const folder = await tempDir();
    await copyFile(join(published!.out, FILM, 'skaerm.html'), join(folder, 'skaerm.html'));
    const url = pathToFileURL(join(folder, 'skaerm.html')).href;
    const { page } = await open(FILM, undefined, url);
    await page.getByRole('button', { name: 'Resultater' }).click();
    await page.getByLabel('Hvad').fill('Tjekliste');
    await page.getByLabel('Opfølgning').fill('2027-03-01');
    await page.getByLabel('Idé', { exact: true }).first().fill('Lav idé');
    await page.getByLabel('Prikker', { exact: true }).first().fill('1');
    await page.getByLabel('Prikker', { exact: true }).first().press('Enter');
    await page.getByLabel('Idé', { exact: true }).nth(1).fill('Høj idé');
    await page.getByLabel('Prikker', { exact: true }).nth(1).fill('4');
    const files = await downloads(page, 1, () => page.getByRole('button', { name: 'Hent referat' }).click());
    expect(Object.keys(files)).toEqual(['opfoelgning-forventningsafstemning.ics']);
    await page.waitForFunction(() => document.getElementById('results-status')!.textContent.length > 5);
    expect(await page.textContent('#results-status')).toContain('Brug »Udskriv«');
    expect(await page.textContent('#results-status')).toContain('Kalenderfilen er hentet.');
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByRole('button', { name: 'Udskriv' }).click();
    await page.emulateMedia({ media: 'print' });
    const printed = squash(await page.locator('#print-referat').innerText());
    expect(printed.indexOf('Aftale')).toBeLessThan(printed.indexOf('Høj idé 4'));
    expect(printed.indexOf('Høj idé 4')).toBeLessThan(printed.indexOf('Lav idé 1'));
    expect(await page.locator('[data-view]').first().isHidden()).toBe(true);
    await page.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('is used by keyboard alone: the results button, V and Escape, the rows and their remove buttons', async () => {
    const { page } = await open(FILM);
    await page.keyboard.press('Tab');
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.id)) !== 'show-results'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('show-results');
    await page.keyboard.press('Enter');
    expect(await page.locator('#results').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-what');
    await page.keyboard.press('Escape');
    expect(await page.locator('#results').isHidden()).toBe(true);
    expect(await visibleHeading(page)).toBe(topics.get(FILM)!.meta.title);
    await page.keyboard.press('v');
    expect(await page.getByRole('button', { name: 'Fjern idé 1' }).count()).toBe(1);
    await page.close();
  });

  it('has its words in English for an English topic', async () => {
    const { page } = await open('english');
    await page.keyboard.press('v');
    for (const label of ['What', 'Who', 'When', 'Follow-up', 'Idea', 'Dots'])
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Download the minutes' }).count()).toBe(1);
    await page.close();
  });
});

describe.runIf(HAS_BROWSER)('the screen edition with axe-core and in the print font', () => {
  it('finds no serious or critical violations in the results view, the case, and past zero', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 375, height: 812 },
    ]) {
      const { page } = await open(CASE, viewport);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press(' ');
      await page.clock.runFor(11 * 60_000);
      await page.keyboard.press('ArrowRight');
      await axe(page, `case past zero at ${viewport.width}`);
      await page.clock.pauseAt(new Date(SESSION.getTime() + 20 * 60_000));
      await page.keyboard.press('v');
      await axe(page, `results at ${viewport.width}`);
      if (viewport.width === 375) await page.screenshot({ path: join(ARTIFACTS, 'screen-results-375.png'), fullPage: true });
      await page.close();
    }
  }, 120_000);

  it('sets the page in Atkinson Hyperlegible, embedded in the file', async () => {
    const { page, seen } = await open(CASE);
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.style} ${f.status}`));
    expect(faces).toContain('Atkinson Hyperlegible 400 normal loaded');
    expect(faces).toContain('Atkinson Hyperlegible 700 normal loaded');
    expect(seen.outside).toEqual([]);
    await page.close();
  });
});

// --- helpers ---

async function axe(page: Page, where: string): Promise<void> {
  // axe waits on timers of its own: let time run.
  await page.clock.resume();
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
  expect(serious, where).toEqual([]);
}

/** The files `count` downloads bring after `action`, by name. */
async function downloads(page: Page, count: number, action: () => Promise<void>): Promise<Record<string, Uint8Array>> {
  const seen: Download[] = [];
  const all = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      seen.push(download);
      if (seen.length === count) resolve();
    });
  });
  await action();
  await all;
  const files: Record<string, Uint8Array> = {};
  for (const download of seen) files[download.suggestedFilename()] = new Uint8Array(await readFile(await download.path()));
  return files;
}

/** An iCalendar file's properties by name, lines unfolded and text unescaped. */
function parseIcs(text: string): Record<string, string> {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return Object.fromEntries(
    lines
      .filter((line) => line.includes(':'))
      .map((line) => {
        const at = line.indexOf(':');
        const value = line.slice(at + 1).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
        return [line.slice(0, at), value];
      }),
  );
}

function positions(text: string, parts: readonly string[]): number[] {
  return parts.map((part) => text.indexOf(part));
}

function plain(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.kind === 'paragraph' || b.kind === 'heading') return [squash(plain(b.spans))];
    if (b.kind === 'list') return b.items.flatMap((i) => [squash(plain(i.spans)), ...blockTexts(i.children)]);
    return blockTexts(b.blocks);
  });
}

async function visibleHeading(page: Page): Promise<string> {
  return squash(await page.locator('.view:not([hidden]) h1').innerText());
}
