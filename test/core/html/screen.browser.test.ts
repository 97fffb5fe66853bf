/**
 * The screen edition live (issue 33): presenter mode, the clock past zero, the session's pace,
 * the case in its step, text that scrolls rather than being cut, a blank screen, axe and the
 * embedded print font, in Chromium with a paused fake clock. The results form and the minutes:
 * test/core/html/screen-results.browser.test.ts.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HAS_BROWSER } from '../../helpers/browser.js';
import { buildProducts, fileOf, FIXTURES } from '../../helpers/build.js';
import { axe, blockTexts, CASE, FILM, SESSION, squash, visibleHeading, useScreens } from '../../helpers/screen.js';
import { tempDir } from '../../helpers/temp.js';

const { open, topics } = useScreens();

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
