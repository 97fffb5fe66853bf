import { isMap, isScalar, visit, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { dateProblem } from '../dates.js';
import { diagnostic } from '../diagnostics.js';
import { qrProblem } from '../settings/qr-capacity.js';
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
import { isPlaceholder, PLACEHOLDER_HINT } from './placeholders.js';
import { linkProblem } from './links.js';
import { readSettings, report, type Field, type Schema, type Settings, type SettingsContext } from '../settings/read-settings.js';
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
  diagnostics: Diagnostic[];
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Names out/ uses for itself (src/node/publish.ts): a topic folder of that name would mix with the page's files. */
const RESERVED_SLUGS = new Set(['assets']);
/** Beyond links.ts's rule: a film's address names a host with a dot (not `https://film`). */
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]*$/i;

/** A number or a range `"45-60"` of whole numbers, read from a YAML scalar. */
function rangeField(
  key: string,
  unit: string,
  example: string,
  options: { single: boolean; largest?: number; missingHint: string },
): Field {
  return {
    kind: 'custom',
    required: true,
    missingHint: options.missingHint,
    read(value) {
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
      const match = text === undefined ? null : /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/.exec(text);
      if (!match)
        return { problem: `must be a number of ${unit} or a range, not "${text ?? typeof value}"`, hint: `write e.g. ${example}` };
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : Number(match[2]);
      if (match[2] === undefined && !options.single)
        return { problem: 'must be a range from the smallest to the largest group', hint: `write e.g. ${example}` };
      if (min < 1) return { problem: 'must be at least 1', hint: `write e.g. ${example}` };
      if (min > max) return { problem: `"${text}" goes backwards`, hint: `write the smaller figure first: \`${key}: "${max}-${min}"\`` };
      const largest = options.largest ?? Infinity;
      if (max > largest)
        return {
          problem: `goes up to ${max}; at most ${largest} ${unit} are supported`,
          hint: `write e.g. \`${key}: "${min}-${largest}"\``,
        };
      return { value: { min, max } satisfies Range };
    },
  };
}

/** The contract's front matter (README "Writing a topic"), as data. */
export const TOPIC_SCHEMA: Schema = {
  title: { kind: 'text', required: true, missingHint: 'add a line `title: …` to the front matter' },
  slug: {
    kind: 'text',
    pattern: { test: SLUG, problem: 'may only hold a-z, 0-9 and single hyphens', hint: 'for example `slug: private-it-loesninger`' },
  },
  series: { kind: 'text' },
  publisher: { kind: 'text' },
  date: {
    kind: 'custom',
    read(value) {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      const problem = dateProblem(text);
      return problem === undefined
        ? { value: text }
        : { problem: `"${text}" ${problem}`, hint: 'write it as YYYY-MM-DD, e.g. `date: 2023-10-27`' };
    },
  },
  language: { kind: 'choice', values: ['da', 'en'] },
  duration: rangeField('duration', 'minutes', '`duration: 60` or `duration: "45-60"`', {
    single: true,
    missingHint: 'add the total time in minutes, e.g. `duration: 60` or `duration: "45-60"`',
  }),
  participants: rangeField('participants', 'people', '`participants: "4-20"`', {
    single: false,
    largest: LIMITS.participants,
    missingHint: 'add the group size, e.g. `participants: "4-20"`',
  }),
  media: {
    kind: 'map',
    example: '`media: { kind: film, title: …, url: "https://…", minutes: 6 }`',
    fields: {
      kind: {
        kind: 'choice',
        values: ['film', 'podcast', 'case'],
        required: true,
        hint: 'write `kind: film`, `kind: podcast` or `kind: case`',
        missingHint: 'write `kind: film`, `kind: podcast` or `kind: case`',
      },
      title: { kind: 'text', required: true, missingHint: 'write the title of the film, podcast or case' },
      url: {
        kind: 'custom',
        read: (value) => {
          const problem = typeof value === 'string' ? linkProblem(value, 'web') : undefined;
          if (problem?.kind === 'character') return { problem: `"${String(value)}" ${problem.message}`, hint: problem.hint };
          if (typeof value !== 'string' || problem !== undefined || !HTTP_URL.test(value))
            return {
              problem: `must be an http or https address, not "${String(value)}"`,
              hint: 'write e.g. `url: "https://www.borger.dk"`',
            };
          // The guide prints it as a QR code, which has a limit.
          const tooLong = qrProblem(value);
          return tooLong
            ? {
                problem: `${tooLong}, so it cannot be printed as a QR code`,
                hint: 'use a shorter address for the same page (many sites offer a short link to share)',
              }
            : { value };
        },
      },
      minutes: { kind: 'integer', min: 1, max: 600, hint: 'write e.g. `minutes: 6`' },
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
        read: (value) =>
          value === 'A4'
            ? { value }
            : value === false
              ? { value: undefined }
              : { problem: `can only be A4, not "${String(value)}"`, hint: 'write `tile: A4` or leave the key out' },
      },
      space: {
        kind: 'custom',
        read: (value) => {
          if (FLIP_SPACES.includes(value as FlipSpace)) return { value };
          const guess = typeof value === 'string' ? closest(value, FLIP_SPACES) : undefined;
          return {
            problem: `must be none or write, not "${String(value)}"`,
            hint: guess
              ? `did you mean \`space: ${guess}\`?`
              : 'write `space: write` for room to write below the prompt, or leave the key out',
          };
        },
      },
    },
  },
  dotvote: {
    kind: 'map',
    example: '`dotvote: { cards: 20, dots: 2 }`',
    fields: {
      cards: { kind: 'integer', min: 1, max: 200, hint: 'write e.g. `cards: 20`' },
      dots: { kind: 'integer', min: 1, max: 10, hint: 'write e.g. `dots: 1`' },
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
      diagnostics.push(diagnostic('error', file, 1, 'the front matter is not closed', 'end it with a line that holds only `---`'));
      return { body, bodyLine, diagnostics, noBody: true };
    case 'none':
      diagnostics.push(
        diagnostic(
          'error',
          file,
          1,
          'the file has no front matter',
          'start the file with `---`, then `title:`, `duration:` and `participants:`, then `---`',
        ),
      );
      return { body, bodyLine, diagnostics };
    case 'language':
      diagnostics.push(languageDiagnostic(file, front, 'front matter'));
      // Without a closing `---` the whole file is front matter: saying its sections are missing would mislead.
      return { body, bodyLine, diagnostics, ...(!front.language!.closed && { noBody: true }) };
    case 'empty':
      diagnostics.push(diagnostic('error', file, 1, 'the front matter is empty', 'add at least `title:`, `duration:` and `participants:`'));
      return { body, bodyLine, diagnostics };
    case 'invalid':
      return { body, bodyLine, diagnostics };
    case 'read':
      break;
  }
  const root = front.root!;
  if (!isMap(root)) {
    report(ctx, root, 'the front matter must be a list of `key: value` lines');
    return { body, bodyLine, diagnostics };
  }
  diagnostics.push(...swallowedByComments(file, front.yaml, lineCounter, front.document!));

  const settings = readSettings(root, TOPIC_SCHEMA, ctx);
  const meta = toMeta(settings, fallbackSlug, ctx, root);
  if (diagnostics.some((d) => d.severity === 'error') || meta === undefined) return { body, bodyLine, diagnostics };
  return { meta, body, bodyLine, diagnostics };
}

// --- internal ---

/** The checked settings as `TopicMeta`, with defaults and the checks that involve more than one key. */
function toMeta(settings: Settings, fallbackSlug: string, ctx: SettingsContext, root: YamlNode): TopicMeta | undefined {
  const { values } = settings;
  const text = (key: string) => values.get(key) as string | undefined;
  if (!settings.nodes.has('slug') && !SLUG.test(fallbackSlug)) {
    report(
      ctx,
      root,
      `the file name "${fallbackSlug}" is not a valid slug, and no \`slug\` is given`,
      'add e.g. `slug: mit-emne` (a-z, 0-9 and hyphens) or rename the file',
    );
  }
  const slug = text('slug') ?? fallbackSlug;
  // out/ holds the page's own folders beside the topics' (the page's scripts in out/assets/).
  if (RESERVED_SLUGS.has(slug))
    report(
      ctx,
      settings.nodes.get('slug') ?? root,
      `the slug "${slug}" is the name of the download page's own folder in the output`,
      'choose another slug, e.g. `slug: ' + slug + '-emne`',
    );
  const participants = values.get('participants') as Range | undefined;
  const media = toMedia(values.get('media') as Settings | undefined, ctx);
  const flipover = values.get('flipover') as Settings | undefined;
  const dotvote = values.get('dotvote') as Settings | undefined;
  const title = text('title');
  const duration = values.get('duration') as Range | undefined;
  if (title === undefined || duration === undefined || participants === undefined) return undefined;
  const tile = flipover?.values.get('tile') as 'A4' | undefined;
  const space = flipover?.values.get('space') as FlipSpace | undefined;
  return {
    title,
    slug: text('slug') ?? fallbackSlug,
    language: (values.get('language') as Language | undefined) ?? 'da',
    duration,
    participants,
    draft: (values.get('draft') as boolean | undefined) ?? false,
    flipover: {
      size: (flipover?.values.get('size') as PaperSize | undefined) ?? 'A3',
      ...(tile !== undefined && { tile }),
      ...(space !== undefined && { space }),
    },
    dotvote: {
      cards: (dotvote?.values.get('cards') as number | undefined) ?? ideaCardsFor(participants.max),
      dots: (dotvote?.values.get('dots') as number | undefined) ?? 1,
    },
    ...(text('series') !== undefined && { series: text('series')! }),
    ...(text('publisher') !== undefined && { publisher: text('publisher')! }),
    ...(text('date') !== undefined && { date: text('date')! }),
    ...(media !== undefined && { media }),
  };
}

function toMedia(media: Settings | undefined, ctx: SettingsContext): Media | undefined {
  if (media === undefined) return undefined;
  const kind = media.values.get('kind') as MediaKind | undefined;
  const title = media.values.get('title') as string | undefined;
  const url = media.values.get('url') as string | undefined;
  const minutes = media.values.get('minutes') as number | undefined;
  if (url !== undefined && isPlaceholder(url)) {
    report(ctx, media.nodes.get('url'), `\`media.url\` "${url}" is a placeholder, not a real address`, PLACEHOLDER_HINT, 'warning');
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
      out.push(
        diagnostic(
          'warning',
          file,
          pos.line,
          `"${comment}" is read as a YAML comment and is not part of \`${key}\``,
          `put the whole value in quotes: \`${key}: "${whole}"\``,
          pos.col,
        ),
      );
    },
  });
  return out;
}
