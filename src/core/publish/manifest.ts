import type { OutputFile, ProductReport } from '../model.js';
import type { TopicSummary } from './summary.js';

/** `out/manifest.json`: every topic and file with its size, page count and SHA-256. */
export interface Manifest {
  generator: string;
  topics: ManifestTopic[];
}

export interface ManifestTopic {
  slug: string;
  title: string;
  source: string;
  files: ManifestFile[];
  /** What the download page shows of the topic. */
  summary?: TopicSummary;
  /** One zip with all the topic's files. */
  archive?: { path: string; bytes: number; sha256: string };
}

export interface ManifestFile {
  path: string;
  bytes: number;
  pages: number | null;
  sha256: string;
  /** Standards the PDF identifies itself as and was checked for while rendering. */
  conformance?: string[];
  /** Fingerprint of the inputs the file was made from; an incremental build skips it while this is unchanged. */
  inputs?: string;
  /** Warnings making the file gave, about its topic file (left out when none): reported again while it is kept. */
  warnings?: ProductReport['warnings'];
  /** Characters the fonts lack that the file prints as empty boxes (left out when none): reported again while it is kept. */
  missingGlyphs?: string[];
}

/** A file's report as its manifest entry records it (`warnings` and `missingGlyphs` left out when empty). */
export function reportFields(report: ProductReport | undefined): Pick<ManifestFile, 'warnings' | 'missingGlyphs'> {
  return {
    ...(report?.warnings.length && { warnings: report.warnings }),
    ...(report?.missingGlyphs.length && { missingGlyphs: report.missingGlyphs }),
  };
}

/** The report a manifest entry records; entries are checked when the manifest is read (`parseManifest`). */
export function reportOf(entry: ManifestFile): ProductReport {
  return { warnings: entry.warnings ?? [], missingGlyphs: entry.missingGlyphs ?? [] };
}

/** Hex SHA-256 with WebCrypto, which Node 20 and browsers both have. */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Entries for files made now, each with the fingerprint of the inputs it was made from, when known. */
export async function manifestFiles(files: readonly OutputFile[], inputs: (path: string) => string | undefined): Promise<ManifestFile[]> {
  return Promise.all(
    files.map(async (f): Promise<ManifestFile> => {
      const fingerprint = inputs(f.path);
      return {
        path: f.path,
        bytes: f.bytes.length,
        pages: f.pages ?? null,
        sha256: await sha256(f.bytes),
        ...(f.conformance?.length && { conformance: f.conformance }),
        ...(fingerprint !== undefined && { inputs: fingerprint }),
      };
    }),
  );
}

/** A manifest of these topics, one entry per slug (the last given wins), sorted by slug for stable bytes. */
export function sortedManifest(generator: string, topics: readonly ManifestTopic[]): Manifest {
  const bySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  return { generator, topics: [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)) };
}

/** What every Dialogkit manifest's `generator` starts with. */
export const GENERATOR_PREFIX = 'dialogkit ';

/**
 * Reads a `manifest.json` Dialogkit wrote; `undefined` for anything else (another tool's
 * manifest, a garbled file). Entries whose paths could leave their topic's folder are dropped,
 * so a tampered manifest cannot make a build delete or overwrite anything outside it.
 */
export function parseManifest(text: string): Manifest | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    !isRecord(data) ||
    typeof data['generator'] !== 'string' ||
    !data['generator'].startsWith(GENERATOR_PREFIX) ||
    !Array.isArray(data['topics'])
  )
    return undefined;
  const topics = data['topics'].filter(isRecord).flatMap((topic): ManifestTopic[] => {
    const slug = topic['slug'];
    if (typeof slug !== 'string' || !isPlainName(slug) || !Array.isArray(topic['files'])) return [];
    const inFolder = (entry: unknown): entry is { path: string; bytes: number } =>
      isRecord(entry) && typeof entry['path'] === 'string' && typeof entry['bytes'] === 'number' && isTopicPath(entry['path'], slug);
    const entry: ManifestTopic = {
      ...(topic as unknown as ManifestTopic),
      files: (topic['files'] as unknown[]).filter(inFolder).map(withReadableReport) as ManifestFile[],
    };
    if (!inFolder(topic['archive'])) delete entry.archive;
    return [entry];
  });
  return { generator: data['generator'], topics };
}

// --- internal ---

/**
 * The entry with its report as Dialogkit writes it, each warning rebuilt from its own fields (a
 * `file` or other key a hand put there is not carried on); without its fingerprint when the report
 * is not readable, so the file is made again rather than kept with warnings that cannot be told.
 */
function withReadableReport<T extends Record<string, unknown>>(entry: T): T {
  const { inputs, warnings, missingGlyphs, ...rest } = entry;
  const readable =
    (warnings === undefined || (Array.isArray(warnings) && warnings.every(isWarning))) &&
    (missingGlyphs === undefined ||
      (Array.isArray(missingGlyphs) && missingGlyphs.every((c) => typeof c === 'string' && [...c].length === 1)));
  if (!readable) return rest as T;
  return {
    ...rest,
    ...(inputs !== undefined && { inputs }),
    ...(warnings !== undefined && { warnings: (warnings as ProductReport['warnings']).map(ownFields) }),
    ...(missingGlyphs !== undefined && { missingGlyphs }),
  } as T;
}

function isWarning(value: unknown): boolean {
  const position = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;
  return (
    isRecord(value) &&
    position(value['line']) &&
    position(value['col']) &&
    value['severity'] === 'warning' &&
    typeof value['message'] === 'string' &&
    (value['hint'] === undefined || typeof value['hint'] === 'string')
  );
}

function ownFields({ line, col, severity, message, hint }: ProductReport['warnings'][number]): ProductReport['warnings'][number] {
  return { line, col, severity, message, ...(hint !== undefined && { hint }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One path segment that names a file or folder of its own: not empty, `.`, `..`, hidden, nor holding a separator. */
function isPlainName(name: string): boolean {
  return name !== '' && !name.startsWith('.') && !/[/\\\0]/.test(name);
}

/** `<slug>/<file>`, nothing deeper or elsewhere. */
function isTopicPath(path: string, slug: string): boolean {
  const [folder, file, ...rest] = path.split('/');
  return folder === slug && file !== undefined && isPlainName(file) && rest.length === 0;
}
