import type { OutputFile, ProductReport } from '../model.js';
import { MESSAGES } from '../messages/index.js';
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
 * manifest, a garbled file, one whose fields are not what Dialogkit writes: the caller refuses
 * it with its usual line). Entries whose paths could leave their topic's folder (`../`, an
 * absolute path, another topic's folder) are dropped, so a tampered manifest cannot make a build
 * delete or overwrite anything outside it.
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
  const topics: ManifestTopic[] = [];
  for (const topic of data['topics'] as unknown[]) {
    if (!isRecord(topic) || !isTopicShape(topic)) return undefined;
    const slug = topic['slug'] as string;
    // A slug that is not one plain name cannot be a folder of out/: the entry is left out, its files untouched.
    if (!isPlainName(slug)) continue;
    const inFolder = (entry: Record<string, unknown>) => isTopicPath(entry['path'] as string, slug);
    const files = topic['files'] as Record<string, unknown>[];
    const entry: ManifestTopic = {
      ...(topic as unknown as ManifestTopic),
      files: files.filter(inFolder).map(withReadableReport) as unknown as ManifestFile[],
    };
    if (topic['archive'] === undefined || !inFolder(topic['archive'] as Record<string, unknown>)) delete entry.archive;
    topics.push(entry);
  }
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
    typeof value['code'] === 'string' &&
    Object.hasOwn(MESSAGES, value['code']) &&
    isRecord(value['params']) &&
    typeof value['message'] === 'string' &&
    (value['hint'] === undefined || typeof value['hint'] === 'string')
  );
}

function ownFields({
  line,
  col,
  severity,
  code,
  params,
  message,
  hint,
}: ProductReport['warnings'][number]): ProductReport['warnings'][number] {
  return { line, col, severity, code, params, message, ...(hint !== undefined && { hint }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One path segment that names a file or folder of its own: not empty, `.`, `..`, hidden, nor holding a separator or a control character. */
function isPlainName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name !== '' && !name.startsWith('.') && !/[/\\\u0000-\u001f\u007f-\u009f]/.test(name);
}

/** Whether a topic entry has every field as Dialogkit writes it (paths are checked apart). */
function isTopicShape(topic: Record<string, unknown>): boolean {
  return (
    typeof topic['slug'] === 'string' &&
    typeof topic['title'] === 'string' &&
    typeof topic['source'] === 'string' &&
    Array.isArray(topic['files']) &&
    topic['files'].every(isFileShape) &&
    (topic['archive'] === undefined || (isRecord(topic['archive']) && isStoredShape(topic['archive']))) &&
    (topic['summary'] === undefined || isSummaryShape(topic['summary']))
  );
}

/** `path`, `bytes` and `sha256` as Dialogkit writes them. */
function isStoredShape(entry: Record<string, unknown>): boolean {
  const bytes = entry['bytes'];
  return (
    typeof entry['path'] === 'string' &&
    Number.isSafeInteger(bytes) &&
    (bytes as number) >= 0 &&
    typeof entry['sha256'] === 'string' &&
    /^[0-9a-f]{64}$/.test(entry['sha256'])
  );
}

function isFileShape(entry: unknown): boolean {
  if (!isRecord(entry) || !isStoredShape(entry)) return false;
  const { pages, conformance, inputs } = entry;
  return (
    (pages === null || (Number.isSafeInteger(pages) && (pages as number) >= 0)) &&
    (conformance === undefined || (Array.isArray(conformance) && conformance.every((c) => typeof c === 'string'))) &&
    (inputs === undefined || typeof inputs === 'string')
  );
}

function isSummaryShape(summary: unknown): boolean {
  const text = (v: unknown) => v === null || typeof v === 'string';
  const count = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const range = (v: unknown) => isRecord(v) && count(v['min']) && count(v['max']);
  const media = (v: unknown) =>
    v === null ||
    (isRecord(v) && typeof v['kind'] === 'string' && typeof v['title'] === 'string' && (v['minutes'] === null || count(v['minutes'])));
  return (
    isRecord(summary) &&
    (summary['language'] === 'da' || summary['language'] === 'en') &&
    text(summary['series']) &&
    text(summary['publisher']) &&
    text(summary['date']) &&
    text(summary['intro']) &&
    range(summary['duration']) &&
    range(summary['participants']) &&
    (summary['minutes'] === undefined || count(summary['minutes'])) &&
    media(summary['media'])
  );
}

/** `<slug>/<file>`, nothing deeper or elsewhere. */
function isTopicPath(path: string, slug: string): boolean {
  const [folder, file, ...rest] = path.split('/');
  return folder === slug && file !== undefined && isPlainName(file) && rest.length === 0;
}
