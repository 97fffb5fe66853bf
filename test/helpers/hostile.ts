import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cli, ROOT } from './cli.js';
import { tempDir } from './temp.js';

/**
 * A topic that tries to run script or add attributes through every field that reaches a web
 * page: front matter as YAML strings, the body through code spans and entities (raw HTML in
 * Markdown is dropped by the parser before any page sees it). Each payload sets
 * `window.__pwned`, so a browser test can tell whether any of them ran. It builds without an
 * error, so every payload reaches every HTML product.
 */
export const HOSTILE_TOPIC = `---
title: '<img src=x onerror="window.__pwned=1"> "><svg onload=window.__pwned=1>'
series: '</script><script>window.__pwned=1</script>'
publisher: "' onmouseover='window.__pwned=1' x='"
duration: "10"
participants: "2-4"
media: { kind: film, title: '<iframe srcdoc="<script>window.__pwned=1</script>">', url: "https://film.dk/se?a=1&b='x'", minutes: 6 }
---

## Om emnet

Et emne om \`<img src=x onerror="window.__pwned=1">\` og &lt;script&gt;window.__pwned=1&lt;/script&gt;.

## Tag afsæt i emnet

- Hvad med \`" onfocus="window.__pwned=1" autofocus x="\`?

## Forberedelse

- Papir &amp; \`<!--\` kommentar.

## Case

En borger skriver \`<a href="javascript:window.__pwned=1">klik</a>\` i [en <b>link</b>](https://www.borger.dk/a'b).

> **Tip:** Spørg \`"><img src=x onerror=window.__pwned=1>\`.

## Trin 1 (10 min): \`<b onmouseover=window.__pwned=1>Tal</b>\` sammen

Tal om det.

### Til flipover

- Hvad gør vi med \`</textarea><script>window.__pwned=1</script>\`?

## Juridisk baggrund

### \`<style>*{display:none}</style>\` Regler

Ingen regler.
`;

/** The start of the title's payload as every page shows it: as text (Handlebars escapes `=` too, html/escape.ts does not). */
export const ESCAPED_TITLE = '&lt;img src';

/** `--organisation`, printed on the phone edition. */
export const HOSTILE_ORGANISATION = '<img src=x onerror=window.__pwned=1>';

/** Labels from `--templates` are not topic text, but are escaped all the same: the tip label lands in an attribute. */
const HOSTILE_LABEL = `Tip" onmouseover="window.__pwned=1" x="`;

/**
 * Builds a topic (the hostile one by default) with the real CLI, hostile labels from
 * `--templates` and a hostile `--organisation`, as `content/hostile.md`; returns `out/`.
 */
export async function buildHostile(topic = HOSTILE_TOPIC): Promise<string> {
  const dir = await tempDir();
  const content = join(dir, 'content');
  const templates = join(dir, 'templates');
  await mkdir(content);
  await mkdir(templates);
  await writeFile(join(content, 'hostile.md'), topic);
  const labels = await readFile(join(ROOT, 'templates/labels.yml'), 'utf8');
  await writeFile(join(templates, 'labels.yml'), labels.replace(/^ {2}tip: Tip$/m, `  tip: '${HOSTILE_LABEL}'`));
  const out = join(dir, 'out');
  const run = await cli([
    'build',
    '--content',
    content,
    '--out',
    out,
    '--templates',
    templates,
    '--organisation',
    HOSTILE_ORGANISATION,
    '--quiet',
  ]);
  if (run.code !== 0) throw new Error(`the hostile topic did not build (${run.code}): ${run.stderr}`);
  return out;
}

/** The pages the build makes: the topic's two web editions and the download page. */
export const HOSTILE_PAGES = ['hostile/index.html', 'hostile/skaerm.html', 'index.html'];

/**
 * What in a page could run script or is markup that came from content: tags a page of ours
 * never has, event-handler and other dangerous attributes, `javascript:` or `data:` addresses.
 * Read tag by tag from the raw text, as a browser's tokenizer would split it.
 */
export function dangerousMarkup(page: string): string[] {
  const found: string[] = [];
  // Script and style bodies are not markup; our own are checked by their count.
  const text = page.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1').replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1');
  for (const [tag, name, attributes] of text.matchAll(/<\/?([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    if (FOREIGN_TAGS.has(name!.toLowerCase())) found.push(tag);
    for (const [, attribute, ...values] of attributes!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const value = values.find((v) => v !== undefined) ?? '';
      if (/^(on[a-z]+|autofocus|srcdoc|formaction)$/i.test(attribute!)) found.push(tag);
      // The one data: address of ours is the empty favicon (html/document.ts), so nothing is fetched.
      if (/^(href|src|action|data)$/i.test(attribute!) && /^\s*(javascript|vbscript|data):/i.test(value) && value !== 'data:,')
        found.push(tag);
    }
  }
  return found;
}

const FOREIGN_TAGS = new Set(['img', 'svg', 'iframe', 'b', 'object', 'embed', 'base']);

/** How many elements of a kind a page has: a payload's `<script>` or `<style>` would add one. */
export function countTags(page: string, name: string): number {
  return [...page.matchAll(new RegExp(`<${name}\\b`, 'gi'))].length;
}
