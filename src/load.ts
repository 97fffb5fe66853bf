import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DialogkitError, ExitCode } from './core/diagnostics.js';
import type { LayoutSource } from './core/layout.js';
import type { SourceFile } from './core/model.js';
import { MAX_TOPIC_BYTES } from './core/parse-topic.js';
import type { FontSet } from './core/typeset.js';

/** The folder holding the shipped layouts, next to `src/` and `dist/`. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/**
 * Reads every `*.md` in `dir` (not recursive, sorted by name, so builds are ordered the same
 * everywhere). Files over the size limit are read only up to it + 1 byte, enough for the parser
 * to refuse them with a message.
 */
export async function loadTopics(dir: string): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch (cause) {
    throw new DialogkitError(`Having trouble reading the content folder "${dir}": ${(cause as Error).message}`, { exitCode: ExitCode.usageError, cause });
  }
  const files: SourceFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    const bytes = info.size > MAX_TOPIC_BYTES ? new Uint8Array(info.size) : new Uint8Array(await readFile(path));
    files.push({ path: displayPath(path), bytes });
  }
  return files;
}

/** Reads `templates/*.hbs` and `templates/labels.yml`. */
export async function loadLayouts(dir = TEMPLATES_DIR): Promise<{ layouts: LayoutSource[]; labels: LayoutSource }> {
  // index.hbs is the download page, not a PDF layout: it is loaded by loadPageTemplate.
  const names = (await readdir(dir)).filter((n) => n.endsWith('.hbs') && n !== PAGE_TEMPLATE).sort();
  const layouts = await Promise.all(
    names.map(async (name) => ({ name: basename(name, '.hbs'), path: displayPath(join(dir, name)), text: await readFile(join(dir, name), 'utf8') })),
  );
  const labelsPath = join(dir, 'labels.yml');
  return { layouts, labels: { name: 'labels', path: displayPath(labelsPath), text: await readFile(labelsPath, 'utf8') } };
}

const PAGE_TEMPLATE = 'index.hbs';

/** `templates/index.hbs`, the download page's layout. */
export async function loadPageTemplate(dir = TEMPLATES_DIR): Promise<{ path: string; text: string }> {
  return { path: displayPath(join(dir, PAGE_TEMPLATE)), text: await readFile(join(dir, PAGE_TEMPLATE), 'utf8') };
}

/** The page's scripts, bundled by `npm run compile` (scripts/bundle-kit.ts). */
export const BROWSER_DIR = fileURLToPath(new URL('../dist/browser/', import.meta.url));

let fontCache: FontSet | undefined;

/** The embedded fonts, from their npm packages: Atkinson Hyperlegible for text, Noto Emoji for emoji. Read once per process. */
export async function loadFonts(): Promise<FontSet> {
  if (fontCache) return fontCache;
  const require = createRequire(import.meta.url);
  const atkinson = (face: string) => readFile(require.resolve(`@expo-google-fonts/atkinson-hyperlegible/${face}/AtkinsonHyperlegible_${face}.ttf`));
  const [normal, bold, italics, bolditalics, emoji] = await Promise.all([
    atkinson('400Regular'),
    atkinson('700Bold'),
    atkinson('400Regular_Italic'),
    atkinson('700Bold_Italic'),
    readFile(require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf')),
  ]);
  const e = new Uint8Array(emoji);
  fontCache = {
    Atkinson: { normal: new Uint8Array(normal), bold: new Uint8Array(bold), italics: new Uint8Array(italics), bolditalics: new Uint8Array(bolditalics) },
    Emoji: { normal: e, bold: e, italics: e, bolditalics: e },
  };
  return fontCache;
}

/** Paths in messages are relative to where the user stands, with `/`, as editors expect. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') ? path : rel).split('\\').join('/');
}
