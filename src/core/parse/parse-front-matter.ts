import { isMap, isScalar, visit, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { dateReason, FIRST_DATE, LAST_DATE } from '../dates.js';
import { diagnostic, problem } from '../messages/index.js';
import { qrOverflow } from '../settings/qr-capacity.js';
import { languageDiagnostic, splitFrontMatter } from './front-matter.js';
import { LIMITS } from './input-bounds.js';
import {
  FLIP_SPACES,
  ideaCardsFor,
  type Diagnostic,
  type FlipSpace,
  type Language,
  type Media,
  type MediaKind,
  type PaperSize,
  type Range,
  type TopicMeta,
} from '../model.js';
import { isPlaceholder } from './placeholders.js';
import { linkProblem } from './links.js';
import {
  readSettings,
  report,
  type CodeWith,
  type Field,
  type Schema,
  type Settings,
  type SettingsContext,
} from '../settings/read-settings.js';
import { closest } from '../suggest.js';

/** The front matter as read, before the body is parsed. */
export interface FrontMatterResult {
  meta?: TopicMeta;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** The front matter never ends, so the whole file is unreadable as a body. */
  noBody?: boolean;
  /**
   * What could be read, with defaults for what could not (an empty title, a group of one), when
   * at least `duration` was read: the checks of the whole topic (the minutes) still run on it
   * when the front matter has errors, so they are reported in the same run.
   */
  draft?: TopicMeta;
  diagnostics: Diagnostic[];
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Names out/ uses for itself (src/node/publish.ts): a topic folder of that name would mix with the page's files. */
const RESERVED_SLUGS = new Set(['assets']);
/** Beyond links.ts's rule: a film's address names a host with a dot (not `https://film`). */
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]*$/i;

/** A number or a range `"45-60"` of whole numbers, read from a YAML scalar. */
function rangeField(
  unit: 'minutes' | 'people',
  example: string,
  options: { single: boolean; largest?: number; missingCode: CodeWith<{ name: string; key: string }> },
): Field {
  return {
    kind: 'custom',
    required: true,
    missingCode: options.missingCode,
    read(value, name) {
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
      const match = text === undefined ? null : /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/.exec(text);
      if (!match) return { problem: problem('DK0145', { name, unit, got: text ?? typeof value, example }) };
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : Number(match[2]);
      if (match[2] === undefined && !options.single) return { problem: problem('DK0146', { name, example }) };
      if (min < 1) return { problem: problem('DK0147', { name, example }) };
      if (min > max) return { problem: problem('DK0148', { name, text: text!, min, max }) };
      const largest = options.largest ?? Infinity;
      if (max > largest) return { problem: problem('DK0149', { name, unit, min, max, largest }) };
      return { value: { min, max } satisfies Range };
    },
  };
}

/** The contract's front matter (README "Writing a topic"), as data. */
export const TOPIC_SCHEMA: Schema = {
  title: { kind: 'text', required: true, missingCode: 'DK0140' },
  slug: { kind: 'text', pattern: { test: SLUG, code: 'DK0150' } },
  series: { kind: 'text' },
  publisher: { kind: 'text' },
  date: {
    kind: 'custom',
    read(value, name) {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      const reason = dateReason(text);
      return reason === undefined
        ? { value: text }
        : { problem: problem('DK0151', { name, text, reason, first: FIRST_DATE, last: LAST_DATE }) };
    },
  },
  language: { kind: 'choice', values: ['da', 'en'] },
  duration: rangeField('minutes', '`duration: 60` or `duration: "45-60"`', { single: true, missingCode: 'DK0141' }),
  participants: rangeField('people', '`participants: "4-20"`', {
    single: false,
    largest: LIMITS.participants,
    missingCode: 'DK0142',
  }),
  media: {
    kind: 'map',
    example: '`media: { kind: film, title: …, url: "https://…", minutes: 6 }`',
    fields: {
      kind: { kind: 'choice', values: ['film', 'podcast', 'case'], required: true, code: 'DK0152', missingCode: 'DK0143' },
      title: { kind: 'text', required: true, missingCode: 'DK0144' },
      url: {
        kind: 'custom',
        read: (value, name) => {
          const link = typeof value === 'string' ? linkProblem(value, 'web') : undefined;
          if (link?.kind === 'character') return { problem: problem('DK0153', { name, url: String(value), char: link.char }) };
          if (typeof value !== 'string' || link !== undefined || !HTTP_URL.test(value))
            return { problem: problem('DK0154', { name, url: String(value) }) };
          // The guide prints it as a QR code, which has a limit.
          const tooLong = qrOverflow(value);
          return tooLong ? { problem: problem('DK0155', { name, ...tooLong }) } : { value };
        },
      },
      minutes: { kind: 'integer', min: 1, max: 600, code: 'DK0156' },
    },
  },
  draft: { kind: 'boolean' },
  flipover: {
    kind: 'map',
    example: '`flipover: { size: A2, tile: A4, space: write }`',
    fields: {
      size: { kind: 'choice', values: ['A4', 'A3', 'A2', 'A1'] },
      tile: {
        kind: 'custom',
        read: (value, name) =>
          value === 'A4'
            ? { value }
            : value === false
              ? { value: undefined }
              : { problem: problem('DK0157', { name, got: String(value) }) },
      },
      space: {
        kind: 'custom',
        read: (value, name) => {
          if (FLIP_SPACES.includes(value as FlipSpace)) return { value };
          const guess = typeof value === 'string' ? closest(value, FLIP_SPACES) : undefined;
          return { problem: problem('DK0158', { name, got: String(value), guess: guess ?? '' }) };
        },
      },
    },
  },
  dotvote: {
    kind: 'map',
    example: '`dotvote: { cards: 20, dots: 2 }`',
    fields: {
      cards: { kind: 'integer', min: 1, max: 200, code: 'DK0159' },
      dots: { kind: 'integer', min: 1, max: 10, code: 'DK0160' },
    },
  },
};

/**
 * Splits the front matter from the body and validates it against `TOPIC_SCHEMA`.
 * `text` must already be normalised (no BOM, `\n` line endings).
 */
export function parseFrontMatter(file: string, text: string, fallbackSlug: string): FrontMatterResult {
  const front = splitFrontMatter(file, text);
  const { body, bodyLine, lineCounter } = front;
  const diagnostics: Diagnostic[] = [...front.diagnostics];
  const ctx: SettingsContext = { file, lineCounter, diagnostics };
  switch (front.state) {
    case 'unclosed':
      diagnostics.push(diagnostic('DK0112', {}, file, 1));
      return { body, bodyLine, diagnostics, noBody: true };
    case 'none':
      diagnostics.push(diagnostic('DK0113', {}, file, 1));
      return { body, bodyLine, diagnostics };
    case 'language':
      diagnostics.push(languageDiagnostic(file, front, 'front matter'));
      // Without a closing `---` the whole file is front matter: saying its sections are missing would mislead.
      return { body, bodyLine, diagnostics, ...(!front.language!.closed && { noBody: true }) };
    case 'empty':
      diagnostics.push(diagnostic('DK0114', {}, file, 1));
      return { body, bodyLine, diagnostics };
    case 'invalid': {
      // The keys on lines without a YAML error are still checked; a key on such a line is not
      // reported missing (its line is already an error).
      const recovered = front.recovered;
      if (!recovered || !isMap(recovered.root)) return { body, bodyLine, diagnostics };
      const found: Diagnostic[] = [];
      const again: SettingsContext = { file, lineCounter: recovered.lineCounter, diagnostics: found };
      const draft = toMeta(readSettings(recovered.root, TOPIC_SCHEMA, again), fallbackSlug, again, recovered.root)?.meta;
      diagnostics.push(...found.filter((d) => !MISSING.has(d.code)));
      return { body, bodyLine, diagnostics, ...(draft && { draft }) };
    }
    case 'read':
      break;
  }
  const root = front.root!;
  if (!isMap(root)) {
    report(ctx, root, problem('DK0117', {}));
    return { body, bodyLine, diagnostics };
  }
  diagnostics.push(...swallowedByComments(file, front.yaml, lineCounter, front.document!));

  const settings = readSettings(root, TOPIC_SCHEMA, ctx);
  const made = toMeta(settings, fallbackSlug, ctx, root);
  const draft = made?.meta;
  if (diagnostics.some((d) => d.severity === 'error') || !made?.complete) return { body, bodyLine, diagnostics, ...(draft && { draft }) };
  return { meta: made.meta, draft: made.meta, body, bodyLine, diagnostics };
}

// --- internal ---

/** Codes of a required key that is missing: left out when the front matter is read again around its YAML errors. */
const MISSING = new Set<string>(['DK0131', 'DK0140', 'DK0141', 'DK0142', 'DK0143', 'DK0144', 'DK0118']);

/**
 * The checked settings as `TopicMeta`, with defaults and the checks that involve more than one
 * key; `complete` when every required key was read. Undefined without `duration`.
 */
function toMeta(
  settings: Settings,
  fallbackSlug: string,
  ctx: SettingsContext,
  root: YamlNode,
): { meta: TopicMeta; complete: boolean } | undefined {
  const { values } = settings;
  const text = (key: string) => values.get(key) as string | undefined;
  if (!settings.nodes.has('slug') && !SLUG.test(fallbackSlug)) {
    report(ctx, root, problem('DK0118', { slug: fallbackSlug }));
  }
  const slug = text('slug') ?? fallbackSlug;
  // out/ holds the page's own folders beside the topics' (the page's scripts in out/assets/).
  if (RESERVED_SLUGS.has(slug)) report(ctx, settings.nodes.get('slug') ?? root, problem('DK0119', { slug }));
  const participants = values.get('participants') as Range | undefined;
  const media = toMedia(values.get('media') as Settings | undefined, ctx);
  const flipover = values.get('flipover') as Settings | undefined;
  const dotvote = values.get('dotvote') as Settings | undefined;
  const title = text('title');
  const duration = values.get('duration') as Range | undefined;
  if (duration === undefined) return undefined;
  const complete = title !== undefined && participants !== undefined;
  const group = participants ?? { min: 1, max: 1 };
  const tile = flipover?.values.get('tile') as 'A4' | undefined;
  const space = flipover?.values.get('space') as FlipSpace | undefined;
  const meta: TopicMeta = {
    title: title ?? '',
    slug: text('slug') ?? fallbackSlug,
    language: (values.get('language') as Language | undefined) ?? 'da',
    duration,
    participants: group,
    draft: (values.get('draft') as boolean | undefined) ?? false,
    flipover: {
      size: (flipover?.values.get('size') as PaperSize | undefined) ?? 'A3',
      ...(tile !== undefined && { tile }),
      ...(space !== undefined && { space }),
    },
    dotvote: {
      cards: (dotvote?.values.get('cards') as number | undefined) ?? ideaCardsFor(group.max),
      dots: (dotvote?.values.get('dots') as number | undefined) ?? 1,
    },
    ...(text('series') !== undefined && { series: text('series')! }),
    ...(text('publisher') !== undefined && { publisher: text('publisher')! }),
    ...(text('date') !== undefined && { date: text('date')! }),
    ...(media !== undefined && { media }),
  };
  return { meta, complete };
}

function toMedia(media: Settings | undefined, ctx: SettingsContext): Media | undefined {
  if (media === undefined) return undefined;
  const kind = media.values.get('kind') as MediaKind | undefined;
  const title = media.values.get('title') as string | undefined;
  const url = media.values.get('url') as string | undefined;
  const minutes = media.values.get('minutes') as number | undefined;
  if (url !== undefined && isPlaceholder(url)) {
    report(ctx, media.nodes.get('url'), problem('DK0120', { url }));
  }
  if (kind === undefined || title === undefined) return undefined;
  return { kind, title, ...(url !== undefined && { url }), ...(minutes !== undefined && { minutes }) };
}

/**
 * `title: Hjælp til MitID #1` is valid YAML that loses "#1": after a space, `#` starts a comment. A
 * value without quotes followed by a comment on its own line was most likely meant whole.
 */
function swallowedByComments(file: string, matter: string, lineCounter: LineCounter, doc: Document): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Pair: (_key, pair) => {
      const value = pair.value;
      if (!isScalar(value) || value.type !== 'PLAIN' || !value.range) return;
      const comment = /^[ \t]+(#[^\n]*)/.exec(matter.slice(value.range[1]))?.[1]?.trimEnd();
      if (comment === undefined) return;
      const pos = lineCounter.linePos(matter.indexOf('#', value.range[1]));
      const key = isScalar(pair.key) ? String(pair.key.value) : 'value';
      const whole = `${matter.slice(value.range[0], value.range[1])} ${comment}`.replace(/"/g, '\\"');
      out.push(diagnostic('DK0121', { comment, key, whole }, file, pos.line, pos.col));
    },
  });
  return out;
}
