import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, HAS_BROWSER, launch, serve, watchPage } from '../helpers/browser.js';
import { FIXTURES } from '../helpers/build.js';
import { ROOT, STACK_FRAME } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The editor beside the preview (issue 31), as a content editor meets it: the real CLI's
 * preview over a copy of a topic, Chromium typing into the editor, and the file on disk read
 * back byte for byte.
 */
const SMALL = '---\ntitle: "Lille emne"\n---\n\n## Om emnet  \n\nTekst med mellemrum til sidst   \n';
const BYTE_CASES: Record<string, Buffer> = {
  crlf: Buffer.from(SMALL.replaceAll('\n', '\r\n')),
  bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL.replaceAll('\n', '\r\n'))]),
  nfd: Buffer.from(SMALL.replace('Lille emne', 'Ærø, Åbenrå og øerne').normalize('NFD')),
};

describe.skipIf(!HAS_BROWSER)('the editor beside the preview', () => {
  let dir: string;
  let topic: string;
  let original: string;
  let child: ChildProcess;
  let stderr = '';
  let origin: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    dir = await tempDir('dialogkit-editor-');
    await mkdir(join(dir, 'content'));
    topic = join(dir, 'content', 'emne.md');
    original = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    await writeFile(topic, original);
    for (const [name, bytes] of Object.entries(BYTE_CASES)) await writeFile(join(dir, 'content', `${name}.md`), bytes);
    child = spawn(process.execPath, [join(ROOT, 'bin/dialogkit.js'), 'preview', '--content', 'content', '--out', 'out', '--port', '0'], {
      cwd: dir,
    });
    child.stderr!.on('data', (d) => (stderr += d));
    let stdout = '';
    const [, started] = await Promise.all([
      new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d) => {
          stdout += d;
          if (/Preview: /.test(stdout)) resolve();
        });
        child.on('exit', () => reject(new Error(`preview ended: ${stderr}`)));
      }),
      launch(),
    ]);
    browser = started;
    origin = stdout.match(/http:\/\/127\.0\.0\.1:\d+/)![0];
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    problems = watchPage(page, origin).problems;
    await openTopic(page, 'emne');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGINT');
    await new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve(undefined)));
    expect(child.exitCode).toBe(0);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(stderr).not.toMatch(/internal error/);
  });

  const openTopic = async (on: Page, slug: string) => {
    await on.goto(`${origin}/_preview/${slug}/`);
    await on.waitForSelector('body[data-drawn]', { timeout: 90_000 });
    await on.waitForSelector('.cm-content', { timeout: 30_000 });
    await on.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Gemt');
  };
  /** Puts the cursor on `line` (1-based) of the editor, the way a person would: Ctrl+Home, then arrow keys (a wrapped line takes more than one). */
  const toLine = async (line: number) => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3 * line && (await cursorLine()) !== String(line); i++) await page.keyboard.press('ArrowDown');
    expect(await cursorLine()).toBe(String(line));
  };
  /** Replaces the whole of `line` by typing. */
  const retype = async (line: number, text: string) => {
    await toLine(line);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    expect(await page.evaluate(() => getSelection()?.toString() ?? '')).not.toContain('\n');
    await page.keyboard.type(text);
  };
  const lineOf = (text: string, words: string) => text.split('\n').findIndex((l) => l.includes(words)) + 1;
  const waitForText = (file: string, words: string) =>
    page.waitForFunction(
      ([f, w]) => (document.querySelector(`.column[data-file="${f}"] .pdf-pages`)?.textContent ?? '').includes(w!),
      [file, words],
      { timeout: 90_000 },
    );
  const cursorLine = () => page.locator('.cm-lineNumbers .cm-activeLineGutter').innerText();

  it('shows a problem under its line and in the list while typing, warnings marked as refused by --strict', async () => {
    await retype(lineOf(original, 'duration:'), 'duration: "halvtreds"');
    // Waited for by its words: under load a check may run on half-typed text first.
    const note = page.locator('.cm-line-note[data-line="6"]', { hasText: '`duration` skal være et antal minutter' });
    await note.waitFor({ timeout: 30_000 });
    // In the topic's language: a Danish topic's problems are Danish.
    expect(await note.innerText()).toContain('`duration` skal være et antal minutter eller et interval, ikke "halvtreds"');
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    const list = page.locator('.problem-list');
    await list.locator('li.error', { hasText: '`duration` skal være et antal minutter' }).waitFor({ timeout: 30_000 });
    expect(await list.locator('li.error .where').first().innerText()).toBe('6:11');
    await retype(lineOf(original, 'duration:'), 'duration: "45-60"');
    await page.locator('.cm-line-note').first().waitFor({ state: 'detached', timeout: 30_000 });
    // A glued dash: a warning, which --strict would refuse.
    const line = lineOf(original, 'Hvad er svært?') + 1;
    await toLine(line - 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter'); // continues the list: "- "
    await retype(line, '-Hvem taler først?');
    const warning = page.locator(`.cm-line-note[data-line="${line}"] .cm-line-note-warning`, { hasText: 'afvises med --strict' }).first();
    await warning.waitFor({ timeout: 30_000 });
    expect(await warning.innerText()).toContain('afvises med --strict');
    expect(await list.locator('li.warning .strict').first().innerText()).toBe('afvises med --strict');
    // Nothing was saved: the file is as it was, and the page says so.
    expect(await readFile(topic, 'utf8')).toBe(original);
    expect(await page.locator('.save-status').innerText()).toBe('Ikke gemt');
    // Undo takes it all back, to the text as saved.
    for (let i = 0; i < 80 && (await page.locator('.save-status').innerText()) !== 'Gemt'; i++) await page.keyboard.press('Control+z');
    expect(await page.locator('.save-status').innerText()).toBe('Gemt');
    await page.waitForSelector('.cm-line-note', { state: 'detached', timeout: 30_000 });
  }, 120_000);

  it('redraws the PDFs from the unsaved text, marked "ikke gemt", and saves it with Ctrl+S', async () => {
    await retype(lineOf(original, 'Rammesæt dilemmaet'), '## Trin 1 (5 min): Rammesæt forandringen');
    await waitForText('drejebog.pdf', 'Rammesæt forandringen');
    await waitForText('koereplan.pdf', 'Rammesæt forandringen');
    expect(await page.locator('.column[data-file="drejebog.pdf"] .draft-badge').isVisible()).toBe(true);
    expect(await readFile(topic, 'utf8')).toBe(original);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'editor-unsaved.png') });

    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Gemt');
    const saved = original.replace('Rammesæt dilemmaet', 'Rammesæt forandringen');
    expect(await readFile(topic, 'utf8')).toBe(saved);
    // Once the preview has built the saved file, the mark goes.
    await page.locator('.column[data-file="drejebog.pdf"] .draft-badge').waitFor({ state: 'hidden', timeout: 90_000 });
    original = saved;
  }, 180_000);

  it('takes a click on a block to its line in the editor, and marks the cursor’s line in the PDFs', async () => {
    const line = lineOf(original, 'Bed deltagerne tale sammen');
    const span = page.locator('.column[data-file="drejebog.pdf"] .textLayer span', { hasText: 'Bed deltagerne tale sammen' }).first();
    await span.scrollIntoViewIfNeeded();
    await span.click();
    expect(await cursorLine()).toBe(String(line));
    await page.keyboard.press('Escape');

    const question = lineOf(original, 'Hvad er svært?');
    await toLine(question);
    const mark = page.locator('.column[data-file="handout.pdf"] .line-mark').first();
    await mark.waitFor({ timeout: 10_000 });
    expect(await mark.getAttribute('data-line')).toBe(String(question));
    // The mark lies over the question's words on the page (polled: a page may be swapped in by a redraw meanwhile).
    await expect
      .poll(
        async () => {
          const [markBox, wordsBox] = await Promise.all([
            page.locator('.column[data-file="handout.pdf"] .line-mark').first().boundingBox(),
            page.locator('.column[data-file="handout.pdf"] .textLayer span', { hasText: 'Hvad er svært?' }).first().boundingBox(),
          ]);
          if (!markBox || !wordsBox) return false;
          const middle = wordsBox.y + wordsBox.height / 2;
          return middle > markBox.y && middle < markBox.y + markBox.height;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'editor-mark.png') });
  }, 60_000);

  it('saves a file it did not change byte for byte: CRLF, a BOM, NFD letters, trailing spaces', async () => {
    const other = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    try {
      for (const [name, bytes] of Object.entries(BYTE_CASES)) {
        await openTopic(other, name);
        await other.locator('.cm-content').click();
        await other.keyboard.press('Control+s');
        await other.waitForFunction(() => document.querySelector('.save-note')?.textContent?.startsWith('Gemt'), undefined, {
          timeout: 10_000,
        });
        expect((await readFile(join(dir, 'content', `${name}.md`))).equals(bytes), name).toBe(true);
      }
      // An edit keeps the other lines' bytes: CRLF breaks, the BOM, the trailing spaces.
      await openTopic(other, 'bom');
      await other.locator('.cm-content').click();
      await other.keyboard.press('Control+End');
      await other.keyboard.press('Enter');
      await other.keyboard.type('Ny linje');
      await other.keyboard.press('Control+s');
      await other.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Gemt');
      expect(
        (await readFile(join(dir, 'content', 'bom.md'))).equals(Buffer.concat([BYTE_CASES['bom']!, Buffer.from('\r\nNy linje')])),
      ).toBe(true);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('never overwrites a change made on disk since opening: it shows both versions and lets the editor choose', async () => {
    const line = lineOf(original, 'Introducér emnet');
    await retype(line, 'Introducér emnet i ro og mag.');
    const disk = original.replace('Introducér emnet og vis filmen.', 'Introducér emnet, og vis filmen (ændret i et andet program).');
    await writeFile(topic, disk);
    await page.keyboard.press('Control+s');
    const conflict = page.locator('.conflict');
    await conflict.waitFor({ timeout: 10_000 });
    expect(await readFile(topic, 'utf8')).toBe(disk);
    expect(await conflict.locator('.conflict-mine .differs').innerText()).toContain('Introducér emnet i ro og mag.');
    expect(await conflict.locator('.conflict-disk .differs').innerText()).toContain('ændret i et andet program');
    await page.screenshot({ path: join(ARTIFACTS, 'editor-conflict.png') });

    // "Brug versionen fra disken": the editor holds the disk's text, nothing is written.
    await conflict.locator('button[data-choice="disk"]').click();
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Gemt');
    expect(await page.locator('.cm-content').innerText()).toContain('ændret i et andet program');
    expect(await readFile(topic, 'utf8')).toBe(disk);

    // Another change on disk, then "Behold min version": saved over the version shown, and only that.
    await retype(line, 'Introducér emnet i ro og mag.');
    const again = disk.replace('ændret i et andet program', 'ændret igen');
    await writeFile(topic, again);
    await page.keyboard.press('Control+s');
    await conflict.waitFor();
    await conflict.locator('button[data-choice="mine"]').click();
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Gemt');
    const mine = again.split('\n');
    mine[line - 1] = 'Introducér emnet i ro og mag.';
    expect(await readFile(topic, 'utf8')).toBe(mine.join('\n'));
    original = mine.join('\n');
  }, 120_000);

  it('says that a save with errors keeps the last good products', async () => {
    await retype(lineOf(original, 'duration:'), 'duration: "halvtreds"');
    await page
      .locator('.problem-list li.error', { hasText: '`duration` skal være et antal minutter' })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+s');
    const note = page.locator('.save-note');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Gemt');
    expect(await note.innerText()).toContain('produkterne viser sidste gode version');
    await page.locator('.overlay .banner').waitFor({ timeout: 90_000 });
    // Fixed as a person would: a double-click on the wrong word, and the right one typed over it.
    await page.locator('.cm-line', { hasText: 'halvtreds' }).getByText('halvtreds').dblclick();
    await page.keyboard.type('45-60');
    await page.keyboard.press('Control+s');
    await page.locator('.overlay').waitFor({ state: 'hidden', timeout: 90_000 });
    expect(await readFile(topic, 'utf8')).toBe(original);
  }, 180_000);

  it('takes in a change saved in another program while the editor holds nothing unsaved', async () => {
    const changed = original.replace('Et minuts stille brainstorm', 'Et kort, stille brainstorm');
    await writeFile(topic, changed);
    await page.waitForFunction(
      () => document.querySelector('.cm-content')?.textContent?.includes('Et kort, stille brainstorm'),
      undefined,
      {
        timeout: 90_000,
      },
    );
    expect(await page.locator('.save-note').innerText()).toContain('ændret i et andet program');
    expect(await page.locator('.save-status').innerText()).toBe('Gemt');
    original = changed;
  }, 120_000);

  it('refuses writes without the page’s token, with a wrong one, and from another site', async () => {
    const before = await readFile(join(dir, 'content', 'crlf.md'));
    const statuses = await page.evaluate(async () => {
      const post = (headers: Record<string, string>) =>
        fetch('/_preview/save/crlf', {
          method: 'POST',
          headers: { 'X-Dialogkit-Base': '0'.repeat(64), ...headers },
          body: 'overwritten',
        }).then((r) => r.status);
      return [await post({}), await post({ 'X-Dialogkit-Token': 'wrong' })];
    });
    expect(statuses).toEqual([403, 403]);
    // Another web page on this machine (another port is another origin), even one that knew the token.
    const token = await page.locator('meta[name="dialogkit-token"]').getAttribute('content');
    const elsewhere = await serve(dir);
    const foreign = await browser.newPage();
    try {
      await foreign.goto(elsewhere.url);
      const outcome = await foreign.evaluate(
        async ([target, key]) => {
          const tries: string[] = [];
          // A "simple" request reaches the server (no preflight), but carries no token.
          await fetch(`${target}/_preview/save/crlf`, { method: 'POST', mode: 'no-cors', body: 'overwritten' }).then(
            () => tries.push('sent'),
            () => tries.push('failed'),
          );
          // With the token header, the browser asks first (a preflight), and the preview never allows it.
          await fetch(`${target}/_preview/save/crlf`, {
            method: 'POST',
            headers: { 'X-Dialogkit-Token': key!, 'X-Dialogkit-Base': '0'.repeat(64) },
            body: 'overwritten',
          }).then(
            () => tries.push('answered'),
            () => tries.push('blocked'),
          );
          return tries;
        },
        [origin, token],
      );
      expect(outcome).toEqual(['sent', 'blocked']);
    } finally {
      await foreign.close();
      await elsewhere.close();
    }
    expect((await readFile(join(dir, 'content', 'crlf.md'))).equals(before)).toBe(true);
  }, 60_000);

  it('makes a new topic from the index ("Nyt emne") and opens it, and never overwrites one', async () => {
    await page.goto(`${origin}/_preview/`);
    const form = page.locator('form.new-topic');
    await form.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'editor-index.png') });
    await form.locator('input[name="slug"]').fill('nyt-emne');
    await form.locator('input[name="title"]').fill('Et helt nyt emne');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(`${origin}/_preview/nyt-emne/`);
    await page.waitForSelector('.cm-content', { timeout: 90_000 });
    const made = await readFile(join(dir, 'content', 'nyt-emne.md'), 'utf8');
    expect(made).toContain('title: "Et helt nyt emne"');
    expect(await page.locator('.cm-content').innerText()).toContain('Et helt nyt emne');

    await page.goto(`${origin}/_preview/`);
    await form.locator('input[name="slug"]').fill('emne');
    await form.locator('button[type="submit"]').click();
    await page.locator('.new-topic-message.failing').waitFor({ timeout: 10_000 });
    expect(await page.locator('.new-topic-message').innerText()).toContain('Der findes allerede et emne med kortnavnet "emne"');
    expect(await readFile(topic, 'utf8')).toBe(original);
    expect(problems.filter((p) => !/status of 40[39]/.test(p))).toEqual([]);
  }, 120_000);
});
