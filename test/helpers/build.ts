import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult } from '../../src/core/build.js';
import type { SourceFile } from '../../src/core/model.js';
import type { BuildOptions } from '../../src/core/options.js';
import { loadFonts, loadLayouts } from '../../src/load.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

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
  const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
  const layouts = editLayout ? templates.layouts.map((l) => ({ ...l, text: editLayout(l.name, l.text) })) : templates.layouts;
  return build({ topics, layouts, labels: templates.labels, fonts, options });
}

/**
 * The minimal fixture for a group of 2–4: the same products with far fewer dot-vote cards, about
 * half the typesetting — for tests that need many topics rather than any particular one.
 */
export async function smallGroupTopic(): Promise<string> {
  const text = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
  const small = text.replace('participants: "4-20"', 'participants: "2-4"');
  if (small === text) throw new Error('valid/minimal.md no longer says participants: "4-20"');
  return small;
}

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
 * A fixture built with default options once per test file and shared by its tests (vitest gives
 * every file its own module state): most files read many things from the same few PDFs. Treat
 * the result as read-only; build afresh where a test needs its own.
 */
export function builtFixture(name: string): Promise<BuildResult> {
  let result = shared.get(name);
  if (!result) {
    result = fixture(name).then((topic) => buildSources([topic]));
    shared.set(name, result);
  }
  return result;
}
