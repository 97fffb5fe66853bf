import type { LayoutSource } from '../layouts/layout.js';
import type { BuildOptions } from '../settings/options.js';
import type { FontSet } from '../pdf/typeset.js';

/**
 * Hashes of everything a product's file depends on, so an unchanged file can be kept as it is.
 * The parts are hashed separately and combined per topic × product: a changed layout then
 * rebuilds only its own product, a changed topic only its own files.
 */
export interface FingerprintBase {
  /** The tool (version and code, `toolIdentity`), labels, fonts and options: a change to any rebuilds everything. */
  shared: string;
  /** Per layout name. */
  layouts: Map<string, string>;
}

export async function fingerprintBase(
  version: string,
  labels: LayoutSource,
  layouts: readonly LayoutSource[],
  fonts: FontSet,
  options: BuildOptions,
): Promise<FingerprintBase> {
  const fontHashes = await Promise.all(
    Object.entries(fonts)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([family, faces]) =>
        Object.entries(faces).map(async ([face, bytes]) => `${family}/${face}:${await fontDigest(bytes as Uint8Array)}`),
      ),
  );
  // The logo's bytes count by their hash: a 2 MB array spelled out in JSON would be slow and large.
  const optionData = { ...options, ...(options.logo && { logo: await digest(options.logo) }) };
  const shared = await digest(
    encode(JSON.stringify({ scheme: SCHEME, version, labels: labels.text, fonts: fontHashes, options: sortedEntries(optionData) })),
  );
  const layoutHashes = new Map<string, string>();
  for (const layout of layouts) layoutHashes.set(layout.name, await digest(encode(layout.text)));
  return { shared, layouts: layoutHashes };
}

/**
 * What a fingerprint knows of the tool: its version and the hash of its built code
 * (scripts/code-hash.ts), so a change to the code makes every file again. The CLI and the
 * browser kit name themselves the same way.
 */
export function toolIdentity(version: string, codeHash: string): string {
  return `${version}+code.${codeHash}`;
}

/** The fingerprint of one product's file for one topic source; `layouts` are its own layout's name and any it reads. */
export async function fingerprint(
  base: FingerprintBase,
  layouts: string | readonly string[],
  topicBytes: Uint8Array,
  topicHash?: string,
): Promise<string> {
  const topic = topicHash ?? (await digest(topicBytes));
  const layoutLines = (typeof layouts === 'string' ? [layouts] : layouts)
    .map((name) => `${name}:${base.layouts.get(name) ?? ''}`)
    .join('\n');
  return digest(encode(`${base.shared}\n${layoutLines}\n${topic}`));
}

/** Hex SHA-256 with WebCrypto (Node 20 and browsers). */
export async function digest(bytes: Uint8Array): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

// --- internal ---

/**
 * Raised when what a kept file needs on record changes, so that files recorded the old way are
 * made again once. 2: manifest.json keeps each file's warnings, replayed while it is kept.
 */
const SCHEME = 2;

/**
 * Font files by the bytes object a process loaded once (`loadFonts`, the kit's embedded fonts):
 * the emoji font alone is 0.9 MB and fills four faces, hashed again on every build and every
 * "Hent" otherwise. Fonts are never changed in place.
 */
const fontDigests = new WeakMap<Uint8Array, Promise<string>>();

function fontDigest(bytes: Uint8Array): Promise<string> {
  let hash = fontDigests.get(bytes);
  if (!hash) fontDigests.set(bytes, (hash = digest(bytes)));
  return hash;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function sortedEntries(object: object): [string, unknown][] {
  return Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1));
}
