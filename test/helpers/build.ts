import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, checkAll, type BuildResult } from '../../src/core/build/build.js';
import { digest, fingerprint, fingerprintBase } from '../../src/core/build/fingerprint.js';
import type { SourceFile } from '../../src/core/model.js';
import type { BuildOptions } from '../../src/core/settings/options.js';
import { PRODUCTS } from '../../src/core/products/index.js';
import { loadFonts, loadLayouts } from '../../src/node/load.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * The shipped layouts, labels and fonts, read once per worker: every build in a test reads the
 * same files, and one font set means pdfmake registers the fonts once.
 */
let shipped: Promise<[Awaited<ReturnType<typeof loadLayouts>>, Awaited<ReturnType<typeof loadFonts>>]> | undefined;
const shippedKit = () => (shipped ??= Promise.all([loadLayouts(), loadFonts()]));

/** A topic source from inline text. */
export function source(text: string, path = 'content/topic.md'): SourceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

/** A topic source from `test/fixtures/<name>`. */
export async function fixture(name: string): Promise<SourceFile> {
  return { path: `test/fixtures/${name}`, bytes: new Uint8Array(await readFile(join(FIXTURES, name))) };
}

/**
 * Builds sources in memory with the shipped layouts and fonts; nothing is written. `editLayout`
 * rewrites a shipped layout's text first, to try a layout option.
 */
export async function buildSources(
  topics: SourceFile[],
  options: BuildOptions = {},
  editLayout?: (name: string, text: string) => string,
): Promise<BuildResult> {
  const [templates, fonts] = await shippedKit();
  const layouts = editLayout ? templates.layouts.map((l) => ({ ...l, text: editLayout(l.name, l.text) })) : templates.layouts;
  return build({ topics, layouts, labels: templates.labels, fonts, options });
}

/**
 * Like `buildSources`, through the same `build()`, but typesets only the named products (e.g.
 * `['koereplan']`): the others are handed to the build as unchanged since an earlier build, the
 * way an incremental build skips them, so a test that reads one product of many topics does not
 * pay for the rest. Checks, diagnostics and the rule that a topic with errors ships nothing are
 * the build's own.
 */
export async function buildProducts(topics: SourceFile[], products: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const unknown = products.filter((name) => !PRODUCTS.some((p) => p.name === name));
  if (unknown.length > 0) throw new Error(`no product named ${unknown.join(', ')}`);
  const [templates, fonts] = await shippedKit();
  const base = await fingerprintBase('', templates.labels, templates.layouts, fonts, options);
  const slugs = new Map(checkAll(topics).topics.map((t) => [t.file, t.meta.slug]));
  const skipped: Record<string, string> = {};
  for (const topic of topics) {
    const slug = slugs.get(topic.path);
    if (slug === undefined) continue;
    const topicHash = await digest(topic.bytes);
    for (const product of PRODUCTS.filter((p) => !products.includes(p.name)))
      skipped[`${slug}/${product.name}`] = await fingerprint(base, [product.name, ...(product.reads ?? [])], topic.bytes, topicHash);
  }
  const result = await build({ topics, ...templates, fonts, options, previous: skipped });
  // Fingerprinted differently from build(): it would typeset everything, slowly but silently.
  for (const topic of result.topics)
    for (const [name, print] of Object.entries(topic.fingerprints))
      if (!products.includes(name) && skipped[`${topic.slug}/${name}`] !== print)
        throw new Error(`buildProducts no longer fingerprints ${name} as build() does; see src/core/build/build.ts`);
  return result;
}

/**
 * The six topics of the published series, as `content/<name>.md`: a copy of the repository's
 * content/ kept in test/fixtures/content/, so no test changes when authors edit content/.
 */
export async function contentTopics(): Promise<SourceFile[]> {
  const names = (await readdir(join(FIXTURES, 'content'))).filter((n) => n.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (n) => ({ path: `content/${n}`, bytes: new Uint8Array(await readFile(join(FIXTURES, 'content', n))) })),
  );
}

/**
 * The smallest valid topic that makes every product (one step, one flip-chart prompt, a group of
 * 2–4), about a third of the typesetting of `valid/minimal.md`: for tests about processes,
 * threads and files, where many topics matter and their content does not.
 */
export const TINY_TOPIC = `---
title: Lille emne
duration: "10"
participants: "2-4"
---

## Tag afsæt i emnet

- Hvad gør vi?

## Forberedelse

- Papir.

## Trin 1 (10 min): Tal sammen

Tal om det.

### Til flipover

- Hvad gør vi nu?

## Juridisk baggrund

Ingen regler.
`;

/** The bytes of one product of the first topic, failing loudly when it is missing. */
export function fileOf(result: BuildResult, name: string, topicIndex = 0): Uint8Array {
  const topic = result.topics[topicIndex];
  const file = topic?.files.find((f) => f.path.endsWith(`/${name}`));
  if (!file)
    throw new Error(
      `no ${name} in build result: ${JSON.stringify(result.topics.map((t) => ({ slug: t.slug, files: t.files.map((f) => f.path), diagnostics: t.diagnostics })))}`,
    );
  return file.bytes;
}

const shared = new Map<string, Promise<BuildResult>>();

/**
 * A fixture built once per test worker and shared by every test that asks for the same fixture
 * and options (the e2e files share their workers' modules: vitest.config.ts): most tests read
 * many things from the same few PDFs. Treat the result as read-only; build afresh where a test
 * needs its own.
 */
export function builtFixture(name: string, options: BuildOptions = {}): Promise<BuildResult> {
  const key = JSON.stringify([name, options]);
  let result = shared.get(key);
  if (!result) {
    result = fixture(name).then((topic) => buildSources([topic], options));
    shared.set(key, result);
  }
  return result;
}
