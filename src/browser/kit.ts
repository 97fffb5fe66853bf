/**
 * The in-browser kit: the same parser, layouts and typesetter as the CLI, bundled with the
 * fonts and layouts (see scripts/bundle-kit.ts), so a facilitator can tailor and download a
 * topic's PDFs from the download page with nothing sent anywhere.
 */
import { build } from '../core/build.js';
import type { LayoutSource } from '../core/layout.js';
import type { Diagnostic, OutputFile } from '../core/model.js';
import { validateOptions, type BuildOptions } from '../core/options.js';
import { PRODUCTS } from '../core/products/index.js';
import type { FontSet } from '../core/typeset.js';

/** Assets the bundle script embeds. */
export interface KitAssets {
  layouts: LayoutSource[];
  labels: LayoutSource;
  fonts: FontSet;
}

export interface KitResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** The files' pinned date (ISO), for the zip's timestamps; null when the topic did not parse. */
  date: string | null;
}

/** Builds one topic's files in memory from its Markdown source and the facilitator's options. */
export async function makeKit(assets: KitAssets, topic: { path: string; text: string }, options: BuildOptions): Promise<KitResult> {
  const problems = validateOptions(options);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  const result = await build({
    topics: [{ path: topic.path, bytes: new TextEncoder().encode(topic.text) }],
    layouts: assets.layouts,
    labels: assets.labels,
    fonts: assets.fonts,
    options,
  });
  const built = result.topics[0];
  // The facilitator downloads one zip: only the files whose product belongs in it.
  const zipped = (built?.files ?? []).filter((f) => PRODUCTS.find((p) => f.path.endsWith(`/${p.file}`))?.inArchive ?? true);
  return { files: zipped, diagnostics: [...result.diagnostics, ...(built?.diagnostics ?? [])], date: built?.date ?? null };
}
