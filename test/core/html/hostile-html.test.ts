import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderIndex } from '../../../src/core/publish/site.js';
import type { Manifest } from '../../../src/core/publish/manifest.js';
import { TINY_TOPIC } from '../../helpers/build.js';
import { buildHostile, countTags, dangerousMarkup, ESCAPED_TITLE, HOSTILE_PAGES } from '../../helpers/hostile.js';

/**
 * Hostile topics through every HTML product, read as strings: the phone and screen editions
 * and the download page. A payload is harmless when it arrives as escaped text: no tag or
 * attribute of its own, no `javascript:` address, no extra script or style element.
 * (test/core/html/hostile-html.browser.test.ts opens the same pages in Chromium.)
 */
describe('hostile topics through every HTML page', () => {
  let hostile: Map<string, string>;
  let benign: Map<string, string>;
  beforeAll(async () => {
    const read = async (out: string) =>
      new Map(await Promise.all(HOSTILE_PAGES.map(async (p) => [p, await readFile(join(out, p), 'utf8')] as const)));
    const [h, b] = await Promise.all([buildHostile(), buildHostile(TINY_TOPIC)]);
    [hostile, benign] = await Promise.all([read(h), read(b)]);
  });

  it.each(HOSTILE_PAGES)('%s holds the payloads as text, with no markup of their own', (page) => {
    const text = hostile.get(page)!;
    expect(dangerousMarkup(text)).toEqual([]);
    // The payload reached the page (as text), so the test is not passing on a page without it.
    expect(text).toContain(ESCAPED_TITLE);
    // A payload's own element would add one; links are checked by their addresses (dangerousMarkup).
    for (const tag of ['script', 'style', 'iframe', 'svg', 'img'])
      expect(countTags(text, tag), `<${tag}> elements in ${page}`).toBe(countTags(benign.get(page)!, tag));
  });

  it('writes the film and Markdown links as URL writes them, the apostrophe as text', () => {
    const phone = hostile.get('hostile/index.html')!;
    expect(phone).toContain('href="https://film.dk/se?a=1&amp;b=%27x%27"');
    expect(phone).toContain('href="https://www.borger.dk/a&#39;b"');
  });

  it('puts a hostile label (from --templates) into an attribute as text', () => {
    expect(hostile.get('hostile/index.html')!).toContain('aria-label="Tip&quot; onmouseover=&quot;window.__pwned=1&quot; x=&quot;"');
  });
});

describe('the download page from a hand-edited manifest', () => {
  it('makes no javascript: link of a slug, and keeps script text inside its element', async () => {
    // Built as an object: however manifest.ts reads a file, the page must be safe with whatever it passes on.
    const manifest = {
      generator: 'dialogkit 0.1.0',
      topics: [
        {
          slug: 'javascript:window.__pwned=1',
          title: '</script><script>window.__pwned=1</script>',
          source: 'content/x.md',
          files: [{ path: 'javascript:window.__pwned=1/drejebog.pdf', bytes: 1000, pages: 1, sha256: '0' }],
          archive: { path: 'javascript:window.__pwned=1/x.zip', bytes: 1000, sha256: '0' },
          summary: {
            language: 'da',
            series: '<svg onload=window.__pwned=1>',
            intro: '<img src=x onerror=window.__pwned=1>',
            publisher: null,
            media: null,
            date: '2024-01-01',
            duration: { min: 10, max: 10 },
            participants: { min: 2, max: 4 },
          },
        },
      ],
    } satisfies Manifest;
    const labels = await readLabels();
    const page = renderIndex({
      manifest,
      template: { path: 'templates/index.hbs', text: await readFile(new URL('../../../templates/index.hbs', import.meta.url), 'utf8') },
      labels,
      sources: new Map([['javascript:window.__pwned=1', '</script><!-- <script>window.__pwned=1</script>']]),
      scripts: { site: 's.js', kit: 'k.js', preview: 'p.js' },
    });
    expect(dangerousMarkup(page)).toEqual([]);
    expect(page).toContain('href="javascript%3Awindow.__pwned%3D1/drejebog.pdf"');
    expect(page).not.toMatch(/<\/script><script>window/);
    expect(page).not.toContain('<!--');
  });
});

async function readLabels() {
  const { loadLayouts } = await import('../../../src/node/load.js');
  const { prepareLabels } = await import('../../../src/core/layouts/prepare-layouts.js');
  return prepareLabels((await loadLayouts()).labels).sets!;
}
