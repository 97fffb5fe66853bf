import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_BROWSER, launch } from '../../helpers/browser.js';
import { buildHostile, HOSTILE_PAGES } from '../../helpers/hostile.js';

/**
 * The hostile topic of test/core/html/hostile-html.test.ts, opened in Chromium from disk: every payload
 * would set `window.__pwned`, open a dialog, or add an element or an event-handler attribute.
 * The page is hovered, clicked and tabbed through, so a handler that waits for the user would fire.
 */
let browser: Browser | undefined;
let out: string;

beforeAll(async () => {
  if (!HAS_BROWSER) return;
  [out, browser] = await Promise.all([buildHostile(), launch()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.runIf(HAS_BROWSER)('hostile topics in Chromium', () => {
  it.each(HOSTILE_PAGES)('%s runs none of the payloads', async (name) => {
    const page = await browser!.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(join(out, name)).href);
    await page.waitForLoadState('load');
    // Hover and focus every element, as a user's pointer and Tab key would.
    await page.$$eval('body *', (elements) => {
      for (const element of elements) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        if (element instanceof HTMLElement) element.focus();
      }
    });
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      foreign: document.querySelectorAll('img, svg, iframe, b, object, embed, base').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((a) => /^on/i.test(a))),
      title: document.title,
    }));
    expect(found).toMatchObject({ pwned: undefined, foreign: 0, handlers: [] });
    expect(dialogs).toEqual([]);
    // The payload is there, as text.
    expect(found.title).toMatch(/<img src=x onerror=|<\/script><script>/);
    await page.close();
  });
});
