import { constants } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, DialogkitError, ExitCode } from './core/diagnostics.js';
import type { LayoutSource } from './core/layout.js';
import type { Diagnostic, SourceFile } from './core/model.js';
import { isSystemError } from './environment-error.js';
import { MAX_TOPIC_BYTES } from './core/parse-topic.js';
import type { FontSet } from './core/typeset.js';

/** The folder holding the shipped layouts, next to `src/` and `dist/`. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/** Topic files read from the content folder, and warnings about entries that could not be read. */
export interface LoadedTopics {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/**
 * Reads every `*.md` in `dir` (not recursive, sorted by name, so builds are ordered the same
 * everywhere), skipping editors' artifacts. An entry that cannot be read (a dangling symbolic
 * link, a loop, no permission, not a file) is a warning about that entry, not a failure. Files
 * over the size limit are read only up to it + 1 byte, enough for the parser to refuse them.
 */
export async function loadTopics(dir: string): Promise<LoadedTopics> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md') && !isEditorArtifact(n)).sort();
  } catch (cause) {
    throw new DialogkitError(`cannot read the content folder "${dir}": ${(cause as Error).message}; check --content`, { exitCode: ExitCode.usageError, cause });
  }
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const path = displayPath(join(dir, name));
    try {
      const read = await readCapped(join(dir, name), MAX_TOPIC_BYTES + 1);
      if (read) sources.push({ path, bytes: read.bytes, ...(read.size > read.bytes.length && { size: read.size }) });
      else diagnostics.push(diagnostic('warning', path, 1, 'skipped: this is not a regular file', 'topic files are plain files; move or rename this entry'));
    } catch (error) {
      if (!isSystemError(error)) throw error;
      diagnostics.push(diagnostic('warning', path, 1, `skipped: ${unreadable(error)}`, 'fix or remove this entry, or rename it so it does not end in .md'));
    }
  }
  return { sources, diagnostics };
}

/**
 * Editors' lock, backup and swap files, and hidden files: never topics. Emacs' `.#topic.md` lock
 * is a dangling symbolic link; vim writes `.topic.md.swp`, many editors `topic.md~`, Emacs `#topic.md#`.
 */
export function isEditorArtifact(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || /\.sw[a-p]$/i.test(name);
}

/** Reads `templates/*.hbs` and `templates/labels.yml`. */
export async function loadLayouts(dir = TEMPLATES_DIR): Promise<{ layouts: LayoutSource[]; labels: LayoutSource }> {
  // index.hbs is the download page, not a PDF layout: it is loaded by loadPageTemplate.
  const names = (await readdir(dir)).filter((n) => n.endsWith('.hbs') && n !== PAGE_TEMPLATE).sort();
  // A layout that vanished between listing and reading (a save in progress) counts as missing.
  const layouts = (await Promise.all(names.map(async (name) => ({ name: basename(name, '.hbs'), path: displayPath(join(dir, name)), text: await readFile(join(dir, name), 'utf8').catch(() => undefined) })))).flatMap((l) =>
    l.text === undefined ? [] : [{ ...l, text: l.text }],
  );
  const labelsPath = join(dir, 'labels.yml');
  // A missing labels file (deleted while `watch` runs) is reported by the build, not a crash.
  const labels = await readFile(labelsPath, 'utf8').catch(() => '');
  return { layouts, labels: { name: 'labels', path: displayPath(labelsPath), text: labels } };
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

// --- internal ---

/** At most `limit` bytes of the file at `path` and its size, through one handle; `undefined` when it is not a regular file. */
async function readCapped(path: string, limit: number): Promise<{ bytes: Uint8Array; size: number } | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    const buffer = new Uint8Array(Math.min(info.size, limit));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, filled), size: info.size };
  } finally {
    await handle.close();
  }
}

/** Why an entry could not be read, in words. */
function unreadable(error: { code: string; message: string }): string {
  switch (error.code) {
    case 'ENOENT':
      return 'it is a symbolic link to a file that does not exist';
    case 'ELOOP':
      return 'it is a loop of symbolic links';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return `it cannot be read (${error.code})`;
  }
}

/** Paths in messages are relative to where the user stands, with `/`, as editors expect. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') ? path : rel).split('\\').join('/');
}
