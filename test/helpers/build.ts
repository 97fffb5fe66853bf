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
export async function buildSources(topics: SourceFile[], options: BuildOptions = {}, editLayout?: (name: string, text: string) => string): Promise<BuildResult> {
  const [templates, fonts] = await Promise.all([loadLayouts(), loadFonts()]);
  const layouts = editLayout ? templates.layouts.map((l) => ({ ...l, text: editLayout(l.name, l.text) })) : templates.layouts;
  return build({ topics, layouts, labels: templates.labels, fonts, options });
}

/** The bytes of one product of the first topic, failing loudly when it is missing. */
export function fileOf(result: BuildResult, name: string, topicIndex = 0): Uint8Array {
  const topic = result.topics[topicIndex];
  const file = topic?.files.find((f) => f.path.endsWith(`/${name}`));
  if (!file) throw new Error(`no ${name} in build result: ${JSON.stringify(result.topics.map((t) => ({ slug: t.slug, files: t.files.map((f) => f.path), diagnostics: t.diagnostics })))}`);
  return file.bytes;
}
