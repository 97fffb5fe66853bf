/**
 * The in-browser kit: the same parser, layouts and typesetter as the CLI, bundled with the
 * fonts and layouts (see scripts/bundle-kit.ts), so a facilitator can tailor and download a
 * topic's PDFs from the download page with nothing sent anywhere.
 */
import { build, prepareLayouts } from '../core/build/build.js';
import type { LayoutSource } from '../core/layouts/layout.js';
import type { Diagnostic, OutputFile } from '../core/model.js';
import { validateOptions, type BuildOptions, type OptionProblem } from '../core/settings/options.js';
import { parseTopic } from '../core/parse/parse-topic.js';
import { hasEmoji } from '../core/pdf/inline.js';
import { PRODUCTS } from '../core/products/index.js';
import type { FontSet } from '../core/pdf/typeset.js';

/** Assets the bundle script embeds. */
export interface KitAssets {
  layouts: LayoutSource[];
  labels: LayoutSource;
  /** The text fonts. */
  fonts: FontSet;
  /**
   * The emoji font, loaded the first time a topic or the facilitator's text holds an emoji: it
   * is 0.9 MB, more than a third of what the kit would otherwise load before its first "Hent".
   */
  emoji: () => Promise<Uint8Array>;
  /**
   * The tool's version and code hash (`toolIdentity`), as the CLI names itself in fingerprints.
   * The kit keeps no files, so it decides nothing here today; it is there so that a fingerprint
   * made in a browser means what the CLI's means.
   */
  tool?: string;
}

export interface KitResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** The files' pinned date (ISO), for the zip's timestamps; null when the topic did not parse. */
  date: string | null;
  /** Characters the fonts lack (each warned about in `diagnostics`), so the page can point at the field that holds them. */
  missingGlyphs: string[];
  /** Set when `options.duration` is shorter than the topic can be: the shortest length it can take. */
  shortest?: number;
  /**
   * Set when an option is refused (nothing is made): the field and the CLI's message, which the
   * page keeps for the console and shows in its own words. A logo that passed the page's quick
   * look can still be refused here, where it is decoded (in the kit's worker, not on the page).
   */
  refused?: OptionProblem[];
}

/** Builds one topic's files in memory from its Markdown source and the facilitator's options. */
export async function makeKit(assets: KitAssets, topic: { path: string; text: string }, options: BuildOptions): Promise<KitResult> {
  const problems = validateOptions(options);
  if (problems.length > 0) return { files: [], diagnostics: [], date: null, missingGlyphs: [], refused: problems };
  const source = { path: topic.path, bytes: new TextEncoder().encode(topic.text) };
  const parsed = parseTopic(source).topic;
  // The topic as read, not its source: a YAML escape (`"\u2615"`) prints an emoji too. (The build
  // parses it again: about 1 ms of a 220 ms make.)
  const texts = [JSON.stringify(parsed ?? topic.text), ...Object.values(options).filter((v): v is string => typeof v === 'string')];
  const fonts = await fontsFor(assets, texts);
  // The Word copies only when asked for (the form's box): their code is loaded then, never for a warm-up.
  const result = await build({
    topics: [source],
    layouts: assets.layouts,
    labels: assets.labels,
    fonts,
    options: { ...options, word: options.word === true },
    ...(assets.tool !== undefined && { version: assets.tool }),
  });
  const built = result.topics[0];
  // The facilitator downloads one zip: only the files whose product belongs in it.
  const zipped = (built?.files ?? []).filter((f) => PRODUCTS.find((p) => f.path.endsWith(`/${p.file}`))?.inArchive ?? true);
  const diagnostics = [...result.diagnostics, ...(built?.diagnostics ?? [])];
  return {
    files: zipped,
    diagnostics,
    date: built?.date ?? null,
    missingGlyphs: built?.missingGlyphs ?? [],
    ...(built?.shortestSession !== undefined && { shortest: built.shortestSession }),
  };
}

// --- internal ---

/** Whether the layouts or labels print an emoji, by the kit. */
const layoutsWithEmoji = new WeakMap<KitAssets, boolean>();

/**
 * Read as they are printed (YAML escapes resolved), and as written (a layout's body), once per kit.
 * Read as the build reads them (`prepareLayouts`, with the text fonts the build is then given),
 * so the build finds them checked: checking them twice cost the first "Hent" a second compile
 * of every layout (issue 32).
 */
function layoutsPrintEmoji(assets: KitAssets): boolean {
  let known = layoutsWithEmoji.get(assets);
  if (known === undefined) {
    const read = prepareLayouts({ layouts: assets.layouts, labels: assets.labels, fonts: assets.fonts });
    const settings = [...read.layouts.values()].map((l) => l.settings);
    known = [JSON.stringify(read.labels ?? null), JSON.stringify(settings), ...assets.layouts.map((l) => l.text)].some(hasEmoji);
    layoutsWithEmoji.set(assets, known);
  }
  return known;
}

/** The kit's fonts with the emoji font, once loaded: one object, so fonts are registered and hashed once. */
const withEmoji = new WeakMap<KitAssets, Promise<FontSet>>();

/**
 * The text fonts, and the emoji font too when any text to be printed holds an emoji: the topic
 * and the facilitator's fields (`texts`), or the layouts and labels. The files are the same bytes
 * either way, as pdfmake opens a font only when a text is set in it.
 */
function fontsFor(assets: KitAssets, texts: readonly string[]): Promise<FontSet> {
  const needed = texts.some(hasEmoji) || layoutsPrintEmoji(assets);
  if (!needed) return Promise.resolve(assets.fonts);
  let fonts = withEmoji.get(assets);
  if (!fonts) {
    fonts = assets.emoji().then((e) => ({ ...assets.fonts, Emoji: { normal: e, bold: e, italics: e, bolditalics: e } }));
    fonts.catch(() => withEmoji.delete(assets)); // tried again on the next "Hent"
    withEmoji.set(assets, fonts);
  }
  return fonts;
}
