import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, HAS_BROWSER, launch, watchPage } from '../../helpers/browser.js';
import { FIXTURES } from '../../helpers/build.js';
import { ROOT, STACK_FRAME } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * `dialogkit preview` as an editor meets it: the real CLI serving a copy of a topic, the page
 * in Chromium, and saves made to the topic file while the page is open.
 */
describe.skipIf(!HAS_BROWSER)('dialogkit preview in the browser', () => {
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
    dir = await tempDir('dialogkit-preview-');
    await mkdir(join(dir, 'content'));
    topic = join(dir, 'content', 'emne.md');
    original = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
    await writeFile(topic, original);
    // Its own layouts folder, empty: the built-in layouts and labels until a file is saved there.
    await mkdir(join(dir, 'layouts'));
    const [stdout, started] = await Promise.all([startPreview('0'), launch()]);
    browser = started;
    expect(stdout).toMatch(/^Preview: http:\/\/127\.0\.0\.1:\d+\/\n$/);
    origin = stdout.match(/http:\/\/127\.0\.0\.1:\d+/)![0];
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    problems = watchPage(page, origin).problems;
    await page.goto(`${origin}/_preview/emne/`);
    await page.waitForSelector('body[data-drawn]', { timeout: 90_000 });
  }, 180_000);

  /** Starts `dialogkit preview` on `port` in `dir` as `child`; resolves with what it printed once it serves. */
  const startPreview = (port: string): Promise<string> => {
    child = spawn(
      process.execPath,
      [join(ROOT, 'bin/dialogkit.js'), 'preview', '--content', 'content', '--templates', 'layouts', '--out', 'out', '--port', port],
      { cwd: dir },
    );
    child.stderr!.on('data', (d) => (stderr += d));
    let stdout = '';
    return new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        stdout += d;
        if (/Preview: .*\n/.test(stdout)) resolve(stdout);
      });
      child.on('exit', () => reject(new Error(`preview ended: ${stderr}`)));
    });
  };

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGINT');
    await new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve(undefined)));
    expect(child.exitCode).toBe(0);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(stderr).not.toMatch(/internal error/);
  });

  /** The text of one product's text layer (what Ctrl+F finds), once it holds `words`. */
  const waitForText = async (file: string, words: string) => {
    await page.waitForFunction(
      ([f, w]) => (document.querySelector(`.column[data-file="${f}"] .pdf-pages`)?.textContent ?? '').includes(w!),
      [file, words],
      { timeout: 60_000 },
    );
  };

  it('shows every product of the topic, with the PDFs’ text selectable', async () => {
    const columns = await page
      .locator('.column-pdf, .column-html')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['file']));
    expect(columns).toEqual(['drejebog.pdf', 'koereplan.pdf', 'handout.pdf', 'flipover.pdf', 'prikkort.pdf', 'index.html', 'skaerm.html']);
    await waitForText('drejebog.pdf', 'Rammesæt dilemmaet');
    expect(await page.locator('iframe.frame-phone').getAttribute('src')).toMatch(/^\/emne\/index\.html\?v=[0-9a-f]{16}$/);
    expect(await page.locator('.overlay').isHidden()).toBe(true);
  }, 60_000);

  it('redraws in place after a save: a step title and a legal paragraph appear in the text layer, the scroll stays', async () => {
    const column = page.locator('.column[data-file="drejebog.pdf"] .column-body');
    await column.evaluate((el) => (el.scrollTop = 400));
    const koereplan = await page.locator('.column[data-file="koereplan.pdf"] .pdf-page canvas').first().elementHandle();
    await writeFile(topic, original.replace('Rammesæt dilemmaet', 'Rammesæt forandringen'));
    await waitForText('drejebog.pdf', 'Rammesæt forandringen');
    expect(await column.evaluate((el) => el.scrollTop)).toBe(400);
    await writeFile(
      topic,
      original
        .replace('Rammesæt dilemmaet', 'Rammesæt forandringen')
        .replace('skal myndigheden vejlede', 'skal myndigheden grundigt vejlede'),
    );
    await waitForText('handout.pdf', 'grundigt vejlede');
    // The run sheet does not print the legal background: its page was not drawn again.
    expect(await koereplan?.evaluate((canvas) => canvas.isConnected)).toBe(false); // the title edit redrew it …
    const after = await page.locator('.column[data-file="koereplan.pdf"] .pdf-page canvas').first().elementHandle();
    await writeFile(
      topic,
      original
        .replace('Rammesæt dilemmaet', 'Rammesæt forandringen')
        .replace('skal myndigheden vejlede', 'skal myndigheden omhyggeligt vejlede'),
    );
    await waitForText('handout.pdf', 'omhyggeligt vejlede');
    expect(await after?.evaluate((canvas) => canvas.isConnected)).toBe(true); // … the legal edit did not
  }, 150_000);

  it('shows an error over the last good version, and removes it when the mistake is fixed', async () => {
    const good = original.replace('Rammesæt dilemmaet', 'Rammesæt forandringen');
    await writeFile(topic, good.replace('duration: "45-60"', 'duration: "halvtreds"'));
    const overlay = page.locator('.overlay');
    await overlay.locator('.banner').waitFor({ timeout: 60_000 });
    expect(await overlay.locator('.banner').innerText()).toContain('Viser sidste gode version');
    const where = overlay.locator('.diagnostics .error .where');
    expect(await where.innerText()).toBe('content/emne.md:6:11');
    expect(await where.getAttribute('href')).toBe(`vscode://file${join(dir, 'content/emne.md')}:6:11`);
    // In the topic's language: this topic is Danish.
    expect(await overlay.innerText()).toContain('`duration` skal være et antal minutter eller et interval');
    expect(await overlay.locator('.hint').innerText()).toContain('duration: 60');
    // The last good products stay on screen.
    await waitForText('drejebog.pdf', 'Rammesæt forandringen');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-error.png') });

    await writeFile(topic, good);
    await overlay.waitFor({ state: 'hidden', timeout: 60_000 });
  }, 150_000);

  it('takes a click on a block of a page to its line in the topic file', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const lines = original.split('\n');
    const cases = [
      {
        file: 'drejebog.pdf',
        words: 'Bed deltagerne tale sammen',
        line: lines.findIndex((l) => l.startsWith('Bed deltagerne tale sammen')) + 1,
      },
      { file: 'drejebog.pdf', words: 'Trin 2 · Indsaml pointer', line: lines.findIndex((l) => l.includes('Indsaml pointer')) + 1 },
      { file: 'handout.pdf', words: 'Hvad er svært?', line: lines.findIndex((l) => l.includes('Hvad er svært?')) + 1 },
    ];
    for (const c of cases) {
      const span = page.locator(`.column[data-file="${c.file}"] .textLayer span`, { hasText: c.words }).first();
      await span.scrollIntoViewIfNeeded();
      await span.click();
      const popover = page.locator('.source-popover');
      await popover.waitFor();
      expect(await popover.locator('.where').innerText(), c.words).toBe(`content/emne.md:${c.line}`);
      expect(await popover.locator('a.open').getAttribute('href')).toBe(`vscode://file${join(dir, 'content/emne.md')}:${c.line}:1`);
      expect(await popover.locator('.command').innerText()).toBe(`"\${EDITOR:-vi}" +${c.line} '${join(dir, 'content/emne.md')}'`);
      await page.keyboard.press('Escape');
    }
    await page.locator('.column[data-file="drejebog.pdf"] .textLayer span', { hasText: 'Bed deltagerne tale sammen' }).first().click();
    await page.screenshot({ path: join(ARTIFACTS, 'preview-source.png') });
    expect(problems).toEqual([]);
  }, 60_000);
  /** Saves `text` as `file` in the layouts folder and waits for the overlay to name `where`; then `fix` removes it. */
  const brokenLayout = async (file: string, text: string, where: RegExp, fix: () => Promise<void>) => {
    await writeFile(join(dir, 'layouts', file), text);
    const overlay = page.locator('.overlay');
    await overlay.locator('.banner').waitFor({ timeout: 60_000 });
    expect(await overlay.locator('.banner').innerText(), file).toContain('Viser sidste gode version');
    const at = overlay.locator('.diagnostics .error .where').first();
    expect(await at.innerText(), file).toMatch(where);
    expect(await at.getAttribute('href'), file).toMatch(/^vscode:\/\/file\/.*:\d+:\d+$/);
    // The last good products stay on screen under it.
    await waitForText('handout.pdf', 'Hvad er svært?');
    await fix();
    await overlay.waitFor({ state: 'hidden', timeout: 60_000 });
  };

  it('shows an error in a layout file or labels.yml as it shows a topic error, and removes it when fixed', async () => {
    const handout = await readFile(join(ROOT, 'templates/handout.hbs'), 'utf8');
    // An unclosed block helper on the layout's last line, below its front matter.
    const lines = `${handout.trimEnd()}\n{{#if topic.title}}\n`;
    await brokenLayout('handout.hbs', lines, /^layouts\/handout\.hbs:\d+(:\d+)?$/, () =>
      writeFile(join(dir, 'layouts', 'handout.hbs'), handout),
    );
    const labels = await readFile(join(ROOT, 'templates/labels.yml'), 'utf8');
    await brokenLayout('labels.yml', labels.replace(/^da:\n/m, 'da:\n  guide: [unclosed\n'), /^layouts\/labels\.yml:\d+(:\d+)?$/, () =>
      writeFile(join(dir, 'layouts', 'labels.yml'), labels),
    );
    expect(problems).toEqual([]);
  }, 240_000);

  it('takes a click on a run-sheet row to its step’s line', async () => {
    const line = original.split('\n').findIndex((l) => l.includes('Indsaml pointer')) + 1;
    const span = page.locator('.column[data-file="koereplan.pdf"] .textLayer span', { hasText: 'Indsaml pointer' }).first();
    await span.scrollIntoViewIfNeeded();
    await span.click();
    const popover = page.locator('.source-popover');
    await popover.waitFor();
    expect(await popover.locator('.where').innerText()).toBe(`content/emne.md:${line}`);
    await page.keyboard.press('Escape');
  }, 60_000);

  // Last: it stops the server the other tests use and starts another on its port.
  it('reconnects by itself when the server restarts on the same port, and shows the next save', async () => {
    const port = new URL(origin).port;
    const stopped = child;
    stopped.kill('SIGINT');
    await new Promise((resolve) => (stopped.exitCode === null ? stopped.on('exit', resolve) : resolve(undefined)));
    expect(stopped.exitCode).toBe(0);
    expect(await startPreview(port)).toBe(`Preview: ${origin}/\n`);
    // No reload: the page's own channel finds the new server.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const current = await readFile(topic, 'utf8');
    await writeFile(topic, current.replace('Find handlingsrum', 'Find nye veje'));
    await waitForText('drejebog.pdf', 'Find nye veje');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  }, 180_000);
});
