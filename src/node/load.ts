import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DialogkitError, ExitCode } from '../core/diagnostics.js';
import { diagnostic } from '../core/messages/index.js';
import type { LayoutSource } from '../core/layouts/layout.js';
import type { Diagnostic, SourceFile } from '../core/model.js';
import type { UnreadableReason } from '../core/messages/files.js';
import { isSystemError } from './environment-error.js';
import { readBounded, readUpTo, UnreadableFile } from './read-file.js';
import { MAX_TOPIC_BYTES } from '../core/parse/parse-topic.js';
import type { FontSet } from '../core/pdf/typeset.js';

/** The folder holding the shipped layouts, two levels up from `src/node/` and `dist/node/`. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

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
    throw new DialogkitError(`cannot read the content folder "${dir}": ${(cause as Error).message}; check --content`, {
      exitCode: ExitCode.usageError,
      cause,
    });
  }
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const path = displayPath(join(dir, name));
    try {
      // Up to the limit + 1 byte: enough for the parser to refuse the file in its own words.
      const read = await readUpTo(join(dir, name), { cap: MAX_TOPIC_BYTES });
      sources.push({ path, bytes: read.bytes, ...(read.size > read.bytes.length && { size: read.size }) });
    } catch (error) {
      if (error instanceof UnreadableFile) {
        diagnostics.push(diagnostic('DK0001', {}, path, 1));
        continue;
      }
      if (!isSystemError(error)) throw error;
      diagnostics.push(diagnostic('DK0002', { reason: unreadable(error), errno: error.code }, path, 1));
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

/**
 * Reads the layouts (`*.hbs`) and `labels.yml`: from `dir` (`--templates DIR`) file by file where
 * it has them, else the built-in ones in the package's `templates/`.
 */
export async function loadLayouts(dir?: string): Promise<{ layouts: LayoutSource[]; labels: LayoutSource }> {
  // index.hbs is the download page, not a PDF layout: it is loaded by loadPageTemplate.
  const names = (await readdir(TEMPLATES_DIR)).filter((n) => n.endsWith('.hbs') && n !== PAGE_TEMPLATE).sort();
  // A layout that vanished between listing and reading (a save in progress) counts as missing.
  const read = await Promise.all(names.map(async (name) => ({ name: basename(name, '.hbs'), ...(await readTemplate(name, dir)) })));
  const layouts = read.flatMap((l) => (l.text === undefined ? [] : [{ name: l.name, path: l.path, text: l.text }]));
  // A missing labels file (deleted while `watch` runs) is reported by the build, not a crash.
  const labels = await readTemplate('labels.yml', dir);
  const builtIn = displayPath(join(TEMPLATES_DIR, 'labels.yml'));
  // An editor's labels.yml may hold only the labels it changes: the built-in ones fill in the rest.
  const base = labels.path === builtIn ? undefined : (await readTemplate('labels.yml', undefined)).text;
  return { layouts, labels: { name: 'labels', path: labels.path, text: labels.text ?? '', ...(base !== undefined && { base }) } };
}

const PAGE_TEMPLATE = 'index.hbs';

/** `index.hbs`, the download page's layout, from `dir` when it has one. */
export async function loadPageTemplate(dir?: string): Promise<{ path: string; text: string }> {
  const page = await readTemplate(PAGE_TEMPLATE, dir);
  return { path: page.path, text: page.text ?? decode(await readBounded(join(TEMPLATES_DIR, PAGE_TEMPLATE), { cap: MAX_TEMPLATE_BYTES })) };
}

/** The largest layout or labels file read (the shipped ones are under 20 KB). */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** One template file: the editor's copy in `dir` wins over the built-in one; no text when neither can be read. */
async function readTemplate(name: string, dir: string | undefined): Promise<{ path: string; text: string | undefined }> {
  if (dir !== undefined) {
    const path = join(dir, name);
    // Links are refused: a layout linked to another file (a secret) would be published in out/.
    const text = await readBounded(path, { cap: MAX_TEMPLATE_BYTES, refuseLinks: true }).then(decode, (cause: NodeJS.ErrnoException) => {
      if (cause.code === 'ENOENT') return undefined;
      if (cause instanceof UnreadableFile)
        throw new DialogkitError(`--templates: ${cause.message}; put the layout itself in the folder, as a plain file`, {
          exitCode: ExitCode.usageError,
          cause,
        });
      throw new DialogkitError(`Having trouble reading the layout "${path}": ${cause.message}`, { exitCode: ExitCode.usageError, cause });
    });
    if (text !== undefined) return { path: displayPath(path), text };
  }
  const path = join(TEMPLATES_DIR, name);
  return { path: displayPath(path), text: await readBounded(path, { cap: MAX_TEMPLATE_BYTES }).then(decode, () => undefined) };
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** Checks that `--templates DIR` is a folder, so a typo is one clear line rather than the built-in layouts used silently. */
export async function checkTemplatesDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new DialogkitError(`the templates folder "${dir}" does not exist`, { exitCode: ExitCode.usageError });
}

/** The page's scripts, bundled by `npm run compile` (scripts/bundle-kit.ts). */
export const BROWSER_DIR = fileURLToPath(new URL('../../dist/browser/', import.meta.url));

let fontCache: FontSet | undefined;

/** The embedded fonts, from their npm packages: Atkinson Hyperlegible for text, Noto Emoji for emoji. Read once per process. */
export async function loadFonts(): Promise<FontSet> {
  if (fontCache) return fontCache;
  const require = createRequire(import.meta.url);
  const atkinson = (face: string) =>
    readFile(require.resolve(`@expo-google-fonts/atkinson-hyperlegible/${face}/AtkinsonHyperlegible_${face}.ttf`));
  const [normal, bold, italics, bolditalics, emoji] = await Promise.all([
    atkinson('400Regular'),
    atkinson('700Bold'),
    atkinson('400Regular_Italic'),
    atkinson('700Bold_Italic'),
    readFile(require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf')),
  ]);
  const e = new Uint8Array(emoji);
  fontCache = {
    Atkinson: {
      normal: new Uint8Array(normal),
      bold: new Uint8Array(bold),
      italics: new Uint8Array(italics),
      bolditalics: new Uint8Array(bolditalics),
    },
    Emoji: { normal: e, bold: e, italics: e, bolditalics: e },
  };
  return fontCache;
}

// --- internal ---

/** Why an entry could not be read, in words. */
function unreadable(error: { code: string; message: string }): UnreadableReason {
  switch (error.code) {
    case 'ENOENT':
      return 'dangling-link';
    case 'ELOOP':
      return 'link-loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'EISDIR':
      return 'folder';
    default:
      return 'other';
  }
}

/** Paths in messages are relative to where the user stands, with `/`, as editors expect. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') ? path : rel).split('\\').join('/');
}
