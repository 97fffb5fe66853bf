/**
 * The screen edition as the browser tests meet it (test/core/html/screen.browser.test.ts, test/core/html/screen-results.browser.test.ts):
 * the published topics (a film topic, a case topic and an English one, built with --start 13:00),
 * a page at 13:00 on the session's day in Copenhagen with the clock paused, and readers for what
 * the page hands over.
 */
import { copyFile, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Block, Span, Topic } from '../../src/core/model.js';
import { parseTopic } from '../../src/core/parse/parse-topic.js';
import { HAS_BROWSER, publish, watchPage, type Published } from './browser.js';
import { FIXTURES } from './build.js';
import { tempDir } from './temp.js';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const FILM = 'forventningsafstemning';
export const CASE = 'hardware-og-udstyr';
export const SESSION = new Date('2027-01-15T13:00:00+01:00');

export interface Screens {
  published: Published;
  topics: Map<string, Topic>;
  close(): Promise<void>;
}

/** The three topics published with --start 13:00 into a fresh folder, served, with Chromium open. */
export async function publishScreens(): Promise<Screens> {
  const content = await tempDir();
  const topics = new Map<string, Topic>();
  for (const slug of [FILM, CASE]) {
    await copyFile(join(FIXTURES, 'content', `${slug}.md`), join(content, `${slug}.md`));
    const bytes = new Uint8Array(await readFile(join(content, `${slug}.md`)));
    topics.set(slug, parseTopic({ path: `${slug}.md`, bytes }).topic!);
  }
  await copyFile(join(FIXTURES, 'english/english.md'), join(content, 'english.md'));
  const published = await publish(content, ['--start', '13:00']);
  return {
    published,
    topics,
    async close() {
      await published.close();
      await rm(published.out, { recursive: true, force: true });
      await rm(content, { recursive: true, force: true });
    },
  };
}

/**
 * The screens for one test file: published before its tests (when Chromium is there), closed
 * after them; `open` a topic's screen edition, `topics.get` its parsed topic.
 */
export function useScreens() {
  let screens: Screens | undefined;
  beforeAll(async () => {
    if (HAS_BROWSER) screens = await publishScreens();
  }, 120_000);
  afterAll(async () => screens?.close());
  return {
    open: (slug: string, viewport?: { width: number; height: number }, url?: string) => openScreen(screens!.published, slug, viewport, url),
    topics: { get: (slug: string) => screens!.topics.get(slug) },
    published: () => screens!.published,
  };
}

/** The screen edition of `slug` (or the page at `url`) at 13:00 on the session's day in Copenhagen, the clock paused. */
export async function openScreen(published: Published, slug: string, viewport = { width: 1920, height: 1080 }, url?: string) {
  const page = await published.browser.newPage({ viewport, timezoneId: 'Europe/Copenhagen', acceptDownloads: true });
  const seen = watchPage(page, url ? new URL(url).origin : published.server.url);
  // Paused: only runFor moves time, so the seconds on the clock are exact.
  // A minute early, so the pause is still ahead however slow the machine.
  await page.clock.install({ time: new Date(SESSION.getTime() - 60_000) });
  await page.clock.pauseAt(SESSION);
  await page.goto(url ?? `${published.server.url}${slug}/skaerm.html`);
  return { page, seen };
}

export async function axe(page: Page, where: string): Promise<void> {
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
export async function downloads(page: Page, count: number, action: () => Promise<void>): Promise<Record<string, Uint8Array>> {
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
export function parseIcs(text: string): Record<string, string> {
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

export function positions(text: string, parts: readonly string[]): number[] {
  return parts.map((part) => text.indexOf(part));
}

function plain(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

export function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.kind === 'paragraph' || b.kind === 'heading') return [squash(plain(b.spans))];
    if (b.kind === 'list') return b.items.flatMap((i) => [squash(plain(i.spans)), ...blockTexts(i.children)]);
    return blockTexts(b.blocks);
  });
}

export async function visibleHeading(page: Page): Promise<string> {
  return squash(await page.locator('.view:not([hidden]) h1').innerText());
}
